with

summary as (

    select * from {{ ref('stg_disclosure__t03_expenditure_summary') }}

),

final as (

    select
        -- ids
        document_id,
        source_row_number,

        -- amounts (万元)
        total_amount,
        basic_amount,
        project_amount,
        procurement_current_year_amount,
        procurement_prior_years_payable_amount,

        -- text
        unit_name

    from summary

)

select * from final
