-- Every figure a document's text states, checked against the document's own tables
-- (int_narrative_claims_checked).
with

claims as (

    select * from {{ ref('int_narrative_claims_checked') }}

),

final as (

    select
        document_id,
        claim_number,
        page_number,
        source_line_number,
        sentence,
        subject,
        subject_name,
        subject_phrase,
        subject_code,
        claim_kind,
        figure_basis,
        figure,
        figure_unit,
        change_direction,
        claim_year,
        figure_value,
        amount,
        table_figure_name,
        table_amount,
        difference_amount,
        tolerance,
        table_number,
        table_page_number,
        table_row_number,
        change_amount,
        change_percent,
        change_percent_computed,
        status,
        change_status
    from claims

)

select * from final
