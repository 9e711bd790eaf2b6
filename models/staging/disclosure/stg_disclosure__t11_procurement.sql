with

source as (

    {{ template_table_rows('t11_procurement', ['unit_name', 'catalogue_code', 'catalogue_name', 'amount']) }}

),

renamed as (

    select
        -- ids
        {{ disclosure_key_columns() }},
        row_kind,
        catalogue_code,

        -- amounts (万元)
        {{ to_wan_yuan('amount') }} as amount,

        -- text
        {{ clean_text('unit_name') }} as unit_name,
        {{ clean_text('catalogue_name') }} as catalogue_name,
        {{ published_unit_columns() }}

    from source

)

select * from renamed
