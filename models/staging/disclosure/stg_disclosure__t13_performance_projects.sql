with

source as (

    {{ template_table_rows('t13_performance_projects', [
        'implementing_unit',
        'project_name',
        'execution_period',
        'total_amount',
        'general_public_budget_amount',
        'other_funds_amount'
    ]) }}

),

renamed as (

    select
        -- ids
        {{ disclosure_key_columns() }},
        row_kind,

        -- amounts (万元)
        {{ to_wan_yuan('total_amount') }} as total_amount,
        {{ to_wan_yuan('general_public_budget_amount') }} as general_public_budget_amount,
        {{ to_wan_yuan('other_funds_amount') }} as other_funds_amount,

        -- dates: 预算执行时间 is published as 'YYYY.MM.DD-YYYY.MM.DD'
        {{ parse_dotted_date("split_part(execution_period, '-', 1)") }} as execution_start_date,
        {{ parse_dotted_date("split_part(execution_period, '-', 2)") }} as execution_end_date,

        -- text
        {{ clean_text('implementing_unit') }} as implementing_unit,
        {{ clean_text('project_name') }} as project_name,
        {{ clean_text('execution_period') }} as execution_period,
        {{ published_unit_columns() }}

    from source

)

select * from renamed
