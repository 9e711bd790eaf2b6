-- The figures a reader asks of a document first, one row per document and figure: as printed and
-- as the sum of its parts, with the difference (int_document_headlines_compared).
with

headlines as (

    select * from {{ ref('int_document_headlines_compared') }}

),

final as (

    select
        document_id,
        headline_code,
        headline_name,
        sort_order,
        source_table_number,
        source_page_number,
        source_row_number,
        printed_amount,
        parts_amount,
        difference_amount,
        part_count
    from headlines

)

select * from final
