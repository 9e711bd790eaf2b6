with

sources as (

    select * from {{ ref('stg_reference__revenue_sources') }}

),

final as (

    select
        -- ids
        revenue_source_code,
        parent_code,

        -- text
        revenue_source_name,
        funding_column

    from sources

)

select * from final
