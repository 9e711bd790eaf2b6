-- 政府采购品目 codes as published, each with the nearest published code above it. The
-- catalogue skips levels (A9900 under A), so parents come from the codes, not fixed lengths.
with

items as (

    select * from {{ ref('int_procurement_items_nested') }}

),

codes as (

    {{ latest_names('items', 'catalogue_code', 'catalogue_name', ref('stg_disclosure__documents')) }}

),

parents as (

    {{ nearest_published_prefix('codes', 'catalogue_code') }}

),

final as (

    select
        -- ids
        codes.catalogue_code,
        parents.parent_code,
        substr(codes.catalogue_code, 1, 1) as category_code,
        cast(coalesce(parents.ancestor_count, 0) + 1 as {{ dbt.type_int() }}) as level,

        -- text
        codes.catalogue_name,
        category.catalogue_name as category_name

    from codes
    left join parents
        on codes.catalogue_code = parents.catalogue_code
    left join codes as category
        on category.catalogue_code = substr(codes.catalogue_code, 1, 1)

)

select * from final
