with

projects as (

    select * from {{ ref('stg_disclosure__t13_performance_projects') }}

),

final as (

    select
        -- ids
        document_id,
        source_row_number,

        -- amounts (万元)
        total_amount,
        general_public_budget_amount,
        other_funds_amount,

        -- dates
        execution_start_date,
        execution_end_date,

        -- text
        project_name,
        execution_period

    from projects
    where row_kind = 'project'

)

select * from final
