-- Every instance of every accounting identity, per document: what was expected, what the other
-- figures add up to, the rounding tolerance and whether the identity holds, holds within
-- rounding, or is broken. The identities are the identity tests declared in the yml files;
-- identity_check_parts reads them and the post-hook inserts each one's instances (one
-- statement per identity: see insert_identity_checks); the identity tests then read their
-- broken instances from this table, so the table and the tests cannot disagree.
-- Every model an identity test reads is listed here so that it is built first:
-- depends_on: {{ ref('stg_disclosure__t02_revenue_by_source') }}
-- depends_on: {{ ref('stg_disclosure__t03_expenditure_summary') }}
-- depends_on: {{ ref('stg_disclosure__t04_basic_expenditure') }}
-- depends_on: {{ ref('stg_disclosure__t05_project_expenditure') }}
-- depends_on: {{ ref('stg_disclosure__t07_general_public_budget_expenditure') }}
-- depends_on: {{ ref('stg_disclosure__t08_government_fund_expenditure') }}
-- depends_on: {{ ref('stg_disclosure__t09_state_capital_expenditure') }}
-- depends_on: {{ ref('stg_disclosure__t11_procurement') }}
-- depends_on: {{ ref('stg_disclosure__t12_three_public_expenses') }}
-- depends_on: {{ ref('stg_disclosure__t13_performance_projects') }}
-- depends_on: {{ ref('stg_disclosure__t15_department_performance_targets') }}
-- depends_on: {{ ref('int_overview_lines_classified') }}
-- depends_on: {{ ref('int_function_names_resolved') }}
-- depends_on: {{ ref('int_function_subjects_unioned') }}
-- depends_on: {{ ref('int_economic_names_resolved') }}
-- depends_on: {{ ref('int_revenue_lines_resolved') }}
-- depends_on: {{ ref('int_procurement_items_nested') }}
-- depends_on: {{ ref('int_project_performance_goals_pivoted') }}
-- depends_on: {{ ref('int_national_function_lines_pivoted') }}
-- depends_on: {{ ref('int_national_economic_lines_pivoted') }}
-- depends_on: {{ ref('int_national_three_public_pivoted') }}
-- depends_on: {{ ref('int_national_ledger_lines') }}
-- depends_on: {{ ref('int_national_revenue_lines_resolved') }}
{{ config(post_hook="{{ insert_identity_checks(this) }}") }}

with

instances as (

    {{ identity_checks_shape() }}

),

final as (

    select
        -- ids
        document_id,
        identity_name,
        family,

        -- amounts (万元)
        expected,
        actual,
        difference,
        tolerance,

        -- text
        tables_involved,
        subject,
        measure,
        status,
        severity

    from instances

)

select * from final
