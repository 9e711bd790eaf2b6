-- 政府采购品目 codes as published, each with the nearest published code above it. The
-- catalogue skips levels (A9900 under A), so parents come from the codes, not fixed lengths.
with

items as (

    select * from {{ ref('int_procurement_items_nested') }}

),

codes as (

    {{ latest_names('items', 'catalogue_code', 'catalogue_name') }}

),

prefix_lengths as (

    {{ prefix_lengths() }}

),

prefixes as (

    select
        child.catalogue_code,
        parent.catalogue_code as parent_code,
        row_number() over (
            partition by child.catalogue_code order by prefix_lengths.prefix_length desc
        ) as nearness,
        count(*) over (partition by child.catalogue_code) as ancestor_count
    from codes as child
    inner join prefix_lengths
        on prefix_lengths.prefix_length < length(child.catalogue_code)
    inner join codes as parent
        on parent.catalogue_code = substr(child.catalogue_code, 1, prefix_lengths.prefix_length)

),

final as (

    select
        -- ids
        codes.catalogue_code,
        prefixes.parent_code,
        substr(codes.catalogue_code, 1, 1) as category_code,
        cast(coalesce(prefixes.ancestor_count, 0) + 1 as {{ dbt.type_int() }}) as level,

        -- text
        codes.catalogue_name,
        category.catalogue_name as category_name

    from codes
    left join prefixes
        on codes.catalogue_code = prefixes.catalogue_code and prefixes.nearness = 1
    left join codes as category
        on category.catalogue_code = substr(codes.catalogue_code, 1, 1)

)

select * from final
