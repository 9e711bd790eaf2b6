-- 表4's basic spending by 经济分类 at the deepest subject published: the 款, or the 类 where
-- no 款 of it is listed. Funding-source columns come along as published.
with

unioned as (

    select * from {{ ref('int_economic_leaves_unioned') }}

),

final as (

    select
        -- ids
        document_id,
        economic_code,
        source_row_number,

        -- amounts (万元)
        total_amount,
        {%- for column in funding_source_columns()[1:] %}
            {{ column }},
        {%- endfor %}
        personnel_amount,
        public_amount,

        -- provenance
        source_page_number,

        -- deprecated alias of total_amount, kept for existing queries (README.md, Deprecations)
        total_amount as amount

    from unioned

)

select * from final
