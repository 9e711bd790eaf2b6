-- 表11's 政府采购品目 codes with their parent: the longest code of the same document that is a
-- proper prefix. Catalogue levels skip (A9900 sits under A, A03020204 under A030202), so the
-- parent is found among the published codes rather than by cutting a fixed length.
with

items as (

    select *
    from {{ ref('stg_disclosure__t11_procurement') }}
    where row_kind = 'subject'

),

codes as (

    select distinct
        document_id,
        catalogue_code
    from items

),

prefix_lengths as (

    {{ prefix_lengths() }}

),

-- Each code meets only its own prefixes, so a long 表11 costs its length, not its square.
prefixes as (

    select
        child.document_id,
        child.catalogue_code,
        parent.catalogue_code as parent_code,
        row_number() over (
            partition by child.document_id, child.catalogue_code
            order by prefix_lengths.prefix_length desc
        ) as nearness
    from codes as child
    inner join prefix_lengths
        on prefix_lengths.prefix_length < length(child.catalogue_code)
    inner join codes as parent
        on
            child.document_id = parent.document_id
            and parent.catalogue_code = substr(child.catalogue_code, 1, prefix_lengths.prefix_length)

),

parents as (

    select
        document_id,
        catalogue_code,
        parent_code
    from prefixes
    where nearness = 1

),

has_children as (

    select distinct
        document_id,
        parent_code as catalogue_code
    from parents

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
