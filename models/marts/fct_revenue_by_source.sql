-- Revenue by source, once per table that publishes it (Shenzhen: 表1 all revenue, 表2 by unit,
-- 表6 fiscal appropriations only; national: 表1 all revenue, 表4 fiscal appropriations only), at
-- the deepest source published. Sum within one source_table_number: the tables repeat the same
-- money.
with

lines as (

    select * from {{ ref('int_revenue_lines_resolved') }}

),

national_lines as (

    select * from {{ ref('int_national_revenue_lines_resolved') }}

),

shenzhen as (

    select
        -- ids
        document_id,
        table_number as source_table_number,
        source_row_number,
        revenue_source_code,

        -- amounts (万元)
        amount,

        -- text
        published_name,

        -- provenance
        cast(null as {{ dbt.type_int() }}) as source_page_number

    from lines
    where is_leaf

),

national as (

    select
        document_id,
        table_number as source_table_number,
        source_row_number,
        revenue_source_code,
        amount,
        published_name,
        page_number as source_page_number
    from national_lines
    where is_leaf

),

final as (

    select * from shenzhen
    union all
    select * from national

)

select * from final
