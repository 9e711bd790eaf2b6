with

source as (

    {{ template_table_rows('t10_special_transfer_expenditure', [
        'unit_name',
        'function_code',
        'function_name',
        'project_name',
        'project_amount'
    ]) }}

),

renamed as (

    select
        -- ids
        {{ disclosure_key_columns() }},
        row_kind,
        function_code,

        -- amounts (万元)
        {{ to_wan_yuan('project_amount') }} as project_amount,

        -- text
        {{ clean_text('unit_name') }} as unit_name,
        {{ clean_text('function_name') }} as function_name,
        {{ clean_text('project_name') }} as project_name,
        {{ published_unit_columns() }}

    from source

)

select * from renamed
