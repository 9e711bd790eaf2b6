with

source as (

    select * from {{ ref('ref_headlines') }}

),

renamed as (

    select
        -- ids
        headline_code,

        -- text
        headline_name,
        description as headline_description,

        -- order
        cast(sort_order as {{ dbt.type_int() }}) as sort_order

    from source

)

select * from renamed
