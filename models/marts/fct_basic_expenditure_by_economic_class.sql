-- 表4's basic spending by 经济分类 at the deepest subject published: the 款, or the 类 where
-- no 款 of it is listed. Funding-source columns come along as published.
with

resolved as (

    select * from {{ ref('int_economic_names_resolved') }}

),

classes_with_items as (

    select distinct
        document_id,
        substr(economic_code, 1, 3) as economic_code
    from resolved
    where level = 2

),

final as (

    select
        -- ids
        resolved.document_id,
        resolved.economic_code,
        resolved.source_row_number,

        -- amounts (万元)
        resolved.total_amount as amount,
        {%- for column in funding_source_columns()[1:] %}
            resolved.{{ column }}{% if not loop.last %},{% endif %}
        {%- endfor %}

    from resolved
    left join classes_with_items
        on
            resolved.document_id = classes_with_items.document_id
            and resolved.economic_code = classes_with_items.economic_code
    where
        resolved.row_kind = 'subject'
        and classes_with_items.economic_code is null

)

select * from final
