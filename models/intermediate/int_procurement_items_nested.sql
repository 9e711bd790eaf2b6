-- 表11's 政府采购品目 codes with their parent: the longest code of the same document that is a
-- proper prefix. Catalogue levels skip (A9900 sits under A, A03020204 under A030202), so the
-- parent is found among the published codes rather than by cutting a fixed length.
with

items as (

    select *
    from {{ ref('stg_disclosure__t11_procurement') }}
    where row_kind = 'subject'

),

parents as (

    {{ nearest_published_prefix('items', 'catalogue_code', ['document_id']) }}

),

has_children as (

    {{ codes_with_descendants('items', 'catalogue_code', ['document_id']) }}

),

final as (

    select
        -- ids
        items.document_id,
        items.table_number,
        items.source_row_number,
        items.catalogue_code,
        parents.parent_code,

        -- amounts (万元)
        items.amount,

        -- text
        items.catalogue_name,
        items.rounding_step,

        -- flags
        has_children.catalogue_code is null as is_leaf

    from items
    left join parents
        on
            items.document_id = parents.document_id
            and items.catalogue_code = parents.catalogue_code
    left join has_children
        on
            items.document_id = has_children.document_id
            and items.catalogue_code = has_children.catalogue_code

)

select * from final
