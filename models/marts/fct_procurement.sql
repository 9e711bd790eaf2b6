-- 表11's procurement budget at the deepest 品目 published; dim_procurement_catalogue holds the tree.
with

items as (

    select * from {{ ref('int_procurement_items_nested') }}

),

final as (

    select
        -- ids
        document_id,
        catalogue_code,
        source_row_number,

        -- amounts (万元)
        amount

    from items
    where is_leaf

)

select * from final
