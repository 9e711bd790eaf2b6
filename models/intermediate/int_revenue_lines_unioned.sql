-- Every revenue line of every template's ledgers (收支总表, 财政拨款收支总表 and the Shenzhen
-- 表2 by unit), totals included, in one shape: the canonical revenue layer that
-- fct_revenue_by_source (its leaves) and fct_document_headlines (its totals and their parts) read.
with

shenzhen_lines as (

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
        cast(null as {{ dbt.type_int() }}) as source_page_number,

        -- flags
        is_leaf,
        false as is_carryover_detail

    from shenzhen_lines

),

national as (

    select
        document_id,
        table_number as source_table_number,
        source_row_number,
        revenue_source_code,
        amount,
        published_name,
        page_number as source_page_number,
        is_leaf,
        coalesce(is_carryover_detail, false) as is_carryover_detail
    from national_lines

),

final as (

    select * from shenzhen
    union all
    select * from national

)

select * from final
