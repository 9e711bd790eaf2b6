-- Every figure a document's text states, checked against the document's own tables
-- (int_narrative_claims_checked).
with

claims as (

    select * from {{ ref('int_narrative_claims_checked') }}

),

previous_year as (

    select * from {{ ref('int_narrative_claims_compared_with_previous_year') }}

),

final as (

    select
        claims.document_id,
        claims.claim_number,
        claims.page_number,
        claims.source_line_number,
        claims.sentence,
        claims.subject,
        claims.subject_name,
        claims.subject_phrase,
        claims.subject_code,
        claims.claim_kind,
        claims.figure_basis,
        claims.figure,
        claims.figure_unit,
        claims.change_direction,
        claims.claim_year,
        claims.figure_value,
        claims.amount,
        claims.table_figure_name,
        claims.table_amount,
        claims.difference_amount,
        claims.tolerance,
        claims.table_number,
        claims.table_page_number,
        claims.table_row_number,
        claims.change_amount,
        claims.change_percent,
        claims.change_percent_computed,
        claims.status,
        claims.change_status,
        claims.previous_year_amount,
        previous_year.previous_year_document_id,
        previous_year.previous_year_table_amount,
        coalesce(previous_year.previous_year_status, 'unverifiable') as previous_year_status
    from claims
    left join previous_year
        on
            claims.document_id = previous_year.document_id
            and claims.claim_number = previous_year.claim_number

)

select * from final
