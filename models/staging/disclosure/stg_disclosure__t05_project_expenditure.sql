with

source as (

    {{ template_table_rows(
        't05_project_expenditure',
        ['parent_source_row_number', 'item_name'] + funding_source_columns()
    ) }}

),

renamed as (

    select
        -- ids
        {{ disclosure_key_columns() }},
        row_kind,
        cast(parent_source_row_number as {{ dbt.type_int() }}) as parent_source_row_number,

        -- amounts (万元)
        {{ staged_funding_source_columns() }},

        -- text
        {{ clean_text('item_name') }} as item_name,
        {{ published_unit_columns() }}

    from source

)

select * from renamed
