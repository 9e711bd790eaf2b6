with

source as (

    select * from {{ ref('ref_revenue_sources') }}

),

renamed as (

    select
        -- ids
        revenue_source_code,
        parent_code,

        -- text
        revenue_source_name,
        {{ name_key('revenue_source_name') }} as revenue_source_name_key,
        {{ funding_column_of('revenue_source_code') }} as funding_column

    from source

)

select * from renamed
