-- fct_document_headlines as one row per document, each figure as printed in its own column with
-- the document's year, phase, scope, counting flag and department: the table a dashboard's
-- headline cards and a spreadsheet read. The parts and differences stay in the fact.
{% set headline_codes = [
    'revenue_grand_total', 'current_year_revenue', 'fiscal_appropriation_revenue',
    'general_public_budget_total', 'general_public_budget_basic', 'general_public_budget_project',
    'government_fund_budget_total', 'state_capital_budget_total', 'economic_basic_total',
    'personnel_expenditure', 'public_expenditure', 'three_public_total', 'overseas_travel',
    'official_reception', 'official_vehicles', 'office_operation'
] %}

with

headlines as (

    select * from {{ ref('fct_document_headlines') }}

),

documents as (

    select * from {{ ref('dim_document') }}

),

departments as (

    select * from {{ ref('dim_department') }}

),

pivoted as (

    select
        document_id,
        {% for code in headline_codes -%}
            max(case when headline_code = '{{ code }}' then printed_amount end) as {{ code }}_amount
            {%- if not loop.last %},{% endif %}
        {% endfor %}
    from headlines
    group by document_id

),

final as (

    select
        -- ids
        documents.document_id,
        documents.department_id,

        -- the document
        documents.fiscal_year,
        cast(cast(documents.fiscal_year as {{ dbt.type_string() }}) || '-01-01' as date) as fiscal_year_start,
        documents.phase,
        documents.scope,
        documents.counts_in_totals,
        departments.current_department_id,
        departments.current_department_name as department_name,
        documents.department_name as published_department_name,
        documents.identity_status,

        -- figures as printed (万元)
        pivoted.revenue_grand_total_amount,
        pivoted.current_year_revenue_amount,
        pivoted.fiscal_appropriation_revenue_amount,
        pivoted.general_public_budget_total_amount,
        pivoted.general_public_budget_basic_amount,
        pivoted.general_public_budget_project_amount,
        pivoted.government_fund_budget_total_amount,
        pivoted.state_capital_budget_total_amount,
        pivoted.economic_basic_total_amount,
        pivoted.personnel_expenditure_amount,
        pivoted.public_expenditure_amount,
        pivoted.three_public_total_amount,
        pivoted.overseas_travel_amount,
        pivoted.official_reception_amount,
        pivoted.official_vehicles_amount,
        pivoted.office_operation_amount

    from documents
    inner join departments
        on documents.department_id = departments.department_id
    left join pivoted
        on documents.document_id = pivoted.document_id

)

select * from final
