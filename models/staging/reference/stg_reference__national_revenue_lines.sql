with

source as (

    select * from {{ ref('ref_national_revenue_lines') }}

),

renamed as (

    select
        -- ids
        revenue_source_code,
        cast(priority as {{ dbt.type_int() }}) as priority,

        -- text
        name_pattern

    from source

)

select * from renamed
