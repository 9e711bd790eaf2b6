-- 表5's project spending at item level, each item with its category. Category and unit
-- totals stay in stg_disclosure__t05_project_expenditure for reconciliation.
with

rows_published as (

    select * from {{ ref('stg_disclosure__t05_project_expenditure') }}

),

items as (

    select * from rows_published
    where row_kind = 'item'

),

categories as (

    select * from rows_published
    where row_kind = 'category'

),

final as (

    select
        -- ids
        items.document_id,
        items.source_row_number,
        items.parent_source_row_number as category_source_row_number,

        -- amounts (万元)
        {%- for column in funding_source_columns() %}
            items.{{ column }},
        {%- endfor %}

        -- text
        categories.item_name as category_name,
        items.item_name as project_item_name

    from items
    inner join categories
        on
            items.document_id = categories.document_id
            and items.parent_source_row_number = categories.source_row_number

)

select * from final
