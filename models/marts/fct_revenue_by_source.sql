-- Revenue by source, once per table that publishes it (Shenzhen: 表1 all revenue, 表2 by unit,
-- 表6 fiscal appropriations only; national: 表1 all revenue, 表4 fiscal appropriations only), at
-- the deepest source published. Sum within one source_table_number: the tables repeat the same
-- money.
with

lines as (

    select * from {{ ref('int_revenue_lines_unioned') }}

),

final as (

    select
        -- ids
        document_id,
        source_table_number,
        source_row_number,
        revenue_source_code,

        -- amounts (万元)
        amount,

        -- text
        published_name,

        -- provenance
        source_page_number

    from lines
    where is_leaf

)

select * from final
