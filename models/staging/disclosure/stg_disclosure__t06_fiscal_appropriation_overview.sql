with

source as (

    select * from {{ ref('t06_fiscal_appropriation_overview') }}

),

renamed as (

    select
        -- ids
        {{ disclosure_key_columns() }},
        side,

        -- amounts (万元)
        {{ to_wan_yuan('amount') }} as amount,

        -- text
        {{ clean_text('item_name') }} as item_name,
        {{ name_key('item_name') }} as item_name_key,
        {{ published_unit_columns() }}

    from source

)

select * from renamed
