-- fct_three_public_expenses with the document's year, phase, scope, counting flag and the
-- department's names on each row, for BI tools that cannot join. is_document_year tells the
-- document's own figures from the year-before comparison it prints beside them (that year's own
-- document holds that year's figures: adding both counts them twice).
with

facts as (

    select * from {{ ref('fct_three_public_expenses') }}

),

documents as (

    select * from {{ ref('dim_document') }}

),

departments as (

    select * from {{ ref('dim_department') }}

),

final as (

    select
        -- ids
        facts.document_id,
        documents.department_id,

        -- the document
        documents.fiscal_year,
        cast(cast(documents.fiscal_year as {{ dbt.type_string() }}) || '-01-01' as date) as fiscal_year_start,
        documents.phase,
        documents.scope,
        departments.current_department_id,
        departments.current_department_name as department_name,
        documents.department_name as published_department_name,
        facts.unit_name,

        -- the row
        facts.budget_year,
        facts.budget_year = documents.fiscal_year as is_document_year,
        documents.counts_in_totals,

        -- amounts (万元)
        facts.total_amount,
        facts.overseas_travel_amount,
        facts.official_reception_amount,
        facts.official_vehicle_subtotal_amount,
        facts.vehicle_purchase_amount,
        facts.vehicle_operation_amount,
        facts.meeting_amount,
        facts.training_amount

    from facts
    inner join documents
        on facts.document_id = documents.document_id
    inner join departments
        on documents.department_id = departments.department_id

)

select * from final
