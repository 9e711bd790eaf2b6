with

source as (

    {{ template_table_rows('t02_revenue_by_source', ['unit_name'] + funding_source_columns()) }}

),

renamed as (

    select
        -- ids
        {{ disclosure_key_columns() }},

        -- amounts (万元)
        {{ staged_funding_source_columns() }},

        -- text
        {{ clean_text('unit_name') }} as unit_name,
        {{ published_unit_columns() }}

    from source

)

select * from renamed
