with

source as (

    {{ template_table_rows('t04_basic_expenditure', ['item_name'] + funding_source_columns()) }}

),

renamed as (

    select
        -- ids
        {{ disclosure_key_columns() }},
        row_kind,

        -- amounts (万元)
        {{ staged_funding_source_columns() }},

        -- text
        {{ clean_text('item_name') }} as item_name,
        {{ name_key('item_name') }} as item_name_key,
        {{ published_unit_columns() }}

    from source

)

select * from renamed
