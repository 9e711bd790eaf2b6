with

source as (

    {{ template_table_rows('t03_expenditure_summary', [
        'unit_name',
        'total_amount',
        'basic_amount',
        'project_amount',
        'procurement_current_year_amount',
        'procurement_prior_years_payable_amount'
    ]) }}

),

renamed as (

    select
        -- ids
        {{ disclosure_key_columns() }},

        -- amounts (万元)
        {{ to_wan_yuan('total_amount') }} as total_amount,
        {{ to_wan_yuan('basic_amount') }} as basic_amount,
        {{ to_wan_yuan('project_amount') }} as project_amount,
        {{ to_wan_yuan('procurement_current_year_amount') }} as procurement_current_year_amount,
        {{ to_wan_yuan('procurement_prior_years_payable_amount') }} as procurement_prior_years_payable_amount,

        -- text
        {{ clean_text('unit_name') }} as unit_name,
        {{ published_unit_columns() }}

    from source

)

select * from renamed
