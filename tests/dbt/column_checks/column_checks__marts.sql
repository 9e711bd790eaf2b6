-- Column checks of the marts (models/marts): keys, NOT NULLs, accepted values and references, one
-- CTE per model, in one test node (a node costs dbt more than its query). Each failing row names
-- its model, check, column, value and row.
with

-- template is not a closed list: each PDF table family (budget_warehouse/families/*.toml) names its own.
dim_document as (
    {{ column_check_failures(
        ref('dim_document'),
        row_key=['document_id'],
        not_null=['document_id', 'department_id', 'template'],
        unique=['document_id'],
        accepted_values={
            'scope': ['部门', '单位']
        },
        relationships=[
            {'column': 'department_id', 'to': ref('dim_department'), 'field': 'department_id'},
            {'column': 'superseded_by_document_id', 'to': ref('dim_document'), 'field': 'document_id'}
        ]
    ) }}
),

dim_department as (
    {{ column_check_failures(
        ref('dim_department'),
        row_key=['department_id'],
        not_null=['department_id'],
        unique=['department_id'],
        relationships=[
            {'column': 'successor_department_id', 'to': ref('dim_department'), 'field': 'department_id'}
        ]
    ) }}
),

dim_function_subject as (
    {{ column_check_failures(
        ref('dim_function_subject'),
        row_key=['function_code'],
        not_null=['function_code', 'level'],
        unique=['function_code'],
        accepted_values={'level': [1, 2, 3]},
        relationships=[
            {'column': 'parent_code', 'to': ref('dim_function_subject'), 'field': 'function_code'}
        ]
    ) }}
),

dim_economic_subject as (
    {{ column_check_failures(
        ref('dim_economic_subject'),
        row_key=['economic_code'],
        not_null=['economic_code'],
        unique=['economic_code'],
        relationships=[
            {'column': 'parent_code', 'to': ref('dim_economic_subject'), 'field': 'economic_code'}
        ]
    ) }}
),

dim_revenue_source as (
    {{ column_check_failures(
        ref('dim_revenue_source'),
        row_key=['revenue_source_code'],
        not_null=['revenue_source_code'],
        unique=['revenue_source_code'],
        relationships=[
            {'column': 'parent_code', 'to': ref('dim_revenue_source'), 'field': 'revenue_source_code'}
        ]
    ) }}
),

dim_procurement_catalogue as (
    {{ column_check_failures(
        ref('dim_procurement_catalogue'),
        row_key=['catalogue_code'],
        not_null=['catalogue_code'],
        unique=['catalogue_code'],
        relationships=[
            {'column': 'parent_code', 'to': ref('dim_procurement_catalogue'), 'field': 'catalogue_code'}
        ]
    ) }}
),

fct_expenditure_by_function as (
    {{ column_check_failures(
        ref('fct_expenditure_by_function'),
        row_key=['document_id', 'budget_type', 'function_code'],
        not_null=['document_id', 'budget_type', 'function_code'],
        unique_combinations=[['document_id', 'budget_type', 'function_code']],
        accepted_values={
            'budget_type': ['general_public_budget', 'government_fund_budget', 'state_capital_budget']
        },
        relationships=[
            {'column': 'document_id', 'to': ref('dim_document'), 'field': 'document_id'},
            {'column': 'function_code', 'to': ref('dim_function_subject'), 'field': 'function_code'}
        ]
    ) }}
),

fct_basic_expenditure_by_economic_class as (
    {{ column_check_failures(
        ref('fct_basic_expenditure_by_economic_class'),
        row_key=['document_id', 'economic_code'],
        not_null=['document_id', 'economic_code'],
        unique_combinations=[['document_id', 'economic_code']],
        relationships=[
            {'column': 'document_id', 'to': ref('dim_document'), 'field': 'document_id'},
            {'column': 'economic_code', 'to': ref('dim_economic_subject'), 'field': 'economic_code'}
        ]
    ) }}
),

fct_revenue as (
    {{ column_check_failures(
        ref('fct_revenue'),
        row_key=['document_id', 'revenue_source_code'],
        not_null=['document_id', 'revenue_source_code'],
        unique_combinations=[['document_id', 'revenue_source_code']]
    ) }}
),

fct_revenue_by_source as (
    {{ column_check_failures(
        ref('fct_revenue_by_source'),
        row_key=['document_id', 'source_table_number', 'source_page_number', 'source_row_number', 'revenue_source_code'],
        not_null=['document_id', 'revenue_source_code'],
        unique_combinations=[['document_id', 'source_table_number', 'source_page_number', 'source_row_number', 'revenue_source_code']],
        relationships=[
            {'column': 'document_id', 'to': ref('dim_document'), 'field': 'document_id'},
            {'column': 'revenue_source_code', 'to': ref('dim_revenue_source'), 'field': 'revenue_source_code'}
        ]
    ) }}
),

fct_expenditure_summary as (
    {{ column_check_failures(
        ref('fct_expenditure_summary'),
        row_key=['document_id', 'source_row_number'],
        not_null=['document_id'],
        unique_combinations=[['document_id', 'source_row_number']],
        relationships=[
            {'column': 'document_id', 'to': ref('dim_document'), 'field': 'document_id'}
        ]
    ) }}
),

fct_project_expenditure as (
    {{ column_check_failures(
        ref('fct_project_expenditure'),
        row_key=['document_id', 'source_row_number'],
        not_null=['document_id'],
        unique_combinations=[['document_id', 'source_row_number']],
        relationships=[
            {'column': 'document_id', 'to': ref('dim_document'), 'field': 'document_id'}
        ]
    ) }}
),

fct_procurement as (
    {{ column_check_failures(
        ref('fct_procurement'),
        row_key=['document_id', 'catalogue_code'],
        not_null=['document_id', 'catalogue_code'],
        unique_combinations=[['document_id', 'catalogue_code']],
        relationships=[
            {'column': 'document_id', 'to': ref('dim_document'), 'field': 'document_id'},
            {'column': 'catalogue_code', 'to': ref('dim_procurement_catalogue'), 'field': 'catalogue_code'}
        ]
    ) }}
),

fct_three_public_expenses as (
    {{ column_check_failures(
        ref('fct_three_public_expenses'),
        row_key=['document_id', 'source_row_number'],
        not_null=['document_id'],
        unique_combinations=[['document_id', 'source_row_number']],
        relationships=[
            {'column': 'document_id', 'to': ref('dim_document'), 'field': 'document_id'},
            {'column': 'department_id', 'to': ref('dim_department'), 'field': 'department_id'}
        ]
    ) }}
),

fct_performance_projects as (
    {{ column_check_failures(
        ref('fct_performance_projects'),
        row_key=['document_id', 'source_row_number'],
        not_null=['document_id'],
        unique_combinations=[['document_id', 'source_row_number']],
        relationships=[
            {'column': 'document_id', 'to': ref('dim_document'), 'field': 'document_id'}
        ]
    ) }}
),

fct_project_performance_goals as (
    {{ column_check_failures(
        ref('fct_project_performance_goals'),
        row_key=['document_id', 'form_number'],
        not_null=['document_id'],
        unique_combinations=[['document_id', 'form_number']],
        relationships=[
            {'column': 'document_id', 'to': ref('dim_document'), 'field': 'document_id'}
        ]
    ) }}
),

fct_performance_indicators as (
    {{ column_check_failures(
        ref('fct_performance_indicators'),
        row_key=['document_id', 'source_table_number', 'source_row_number'],
        not_null=['document_id'],
        unique_combinations=[['document_id', 'source_table_number', 'source_row_number']],
        relationships=[
            {'column': 'document_id', 'to': ref('dim_document'), 'field': 'document_id'}
        ]
    ) }}
),

fct_department_tasks as (
    {{ column_check_failures(
        ref('fct_department_tasks'),
        row_key=['document_id', 'source_row_number'],
        not_null=['document_id'],
        unique_combinations=[['document_id', 'source_row_number']],
        relationships=[
            {'column': 'document_id', 'to': ref('dim_document'), 'field': 'document_id'}
        ]
    ) }}
),

fct_identity_checks as (
    {{ column_check_failures(
        ref('fct_identity_checks'),
        not_null=['document_id', 'identity_name', 'status'],
        accepted_values={
            'family': ['balance', 'hierarchy', 'row', 'cross_table', 'soft'],
            'status': ['holds', 'rounding', 'broken', 'differs'],
            'severity': ['error', 'warn']
        },
        relationships=[
            {'column': 'document_id', 'to': ref('dim_document'), 'field': 'document_id'}
        ]
    ) }}
),

fct_final_account_expenditure as (
    {{ column_check_failures(
        ref('fct_final_account_expenditure'),
        row_key=['document_id', 'function_code'],
        not_null=['document_id', 'function_code'],
        unique_combinations=[['document_id', 'function_code']],
        relationships=[
            {'column': 'document_id', 'to': ref('dim_document'), 'field': 'document_id'},
            {'column': 'function_code', 'to': ref('dim_function_subject'), 'field': 'function_code'}
        ]
    ) }}
),

fct_carryover_balances as (
    {{ column_check_failures(
        ref('fct_carryover_balances'),
        row_key=['document_id', 'table_key', 'source_page_number', 'source_row_number', 'side'],
        not_null=['document_id'],
        unique_combinations=[['document_id', 'table_key', 'source_page_number', 'source_row_number', 'side']],
        accepted_values={'balance_kind': ['opening', 'closing']},
        relationships=[
            {'column': 'document_id', 'to': ref('dim_document'), 'field': 'document_id'}
        ]
    ) }}
),

fct_budget_execution as (
    {{ column_check_failures(
        ref('fct_budget_execution'),
        row_key=['department_id', 'fiscal_year', 'budget_type', 'function_code', 'source_table', 'source_measure'],
        not_null=['department_id', 'execution_source', 'source_table', 'source_measure'],
        unique_combinations=[
            ['department_id', 'fiscal_year', 'budget_type', 'function_code', 'execution_source', 'source_table', 'source_measure']
        ],
        accepted_values={
            'execution_source': ['budget_and_final_account', 'final_account']
        }
    ) }}
),

dim_subject_names as (
    {{ column_check_failures(
        ref('dim_subject_names'),
        row_key=['classification', 'code', 'subject_name'],
        not_null=['code'],
        unique_combinations=[['classification', 'code', 'subject_name']]
    ) }}
),

fct_year_over_year_by_class as (
    {{ column_check_failures(
        ref('fct_year_over_year_by_class'),
        row_key=['current_department_id', 'classification', 'class_code', 'fiscal_year', 'phase', 'scope'],
        not_null=['current_department_id'],
        unique_combinations=[['current_department_id', 'classification', 'class_code', 'fiscal_year', 'phase', 'scope']],
        accepted_values={'classification': ['function', 'economic']}
    ) }}
),

fct_narrative_claims as (
    {{ column_check_failures(
        ref('fct_narrative_claims'),
        row_key=['document_id', 'claim_number'],
        not_null=['document_id', 'claim_number', 'sentence', 'subject', 'claim_kind', 'figure', 'figure_unit', 'claim_year', 'status', 'change_status', 'previous_year_status'],
        unique_combinations=[['document_id', 'claim_number']],
        accepted_values={
            'claim_kind': ['amount', 'share', 'count', 'change'],
            'status': ['agrees', 'differs', 'unverifiable'],
            'change_status': ['agrees', 'differs', 'unverifiable'],
            'previous_year_status': ['agrees', 'differs', 'unverifiable'],
            'change_direction': ['增加', '减少', '持平']
        },
        relationships=[
            {'column': 'document_id', 'to': ref('dim_document'), 'field': 'document_id'},
            {'column': 'subject', 'to': ref('stg_reference__claim_subjects'), 'field': 'subject'},
            {'column': 'previous_year_document_id', 'to': ref('dim_document'), 'field': 'document_id'}
        ]
    ) }}
),

final as (
    select * from dim_document
    union all
    select * from dim_department
    union all
    select * from dim_function_subject
    union all
    select * from dim_economic_subject
    union all
    select * from dim_revenue_source
    union all
    select * from dim_procurement_catalogue
    union all
    select * from fct_expenditure_by_function
    union all
    select * from fct_basic_expenditure_by_economic_class
    union all
    select * from fct_revenue
    union all
    select * from fct_revenue_by_source
    union all
    select * from fct_expenditure_summary
    union all
    select * from fct_project_expenditure
    union all
    select * from fct_procurement
    union all
    select * from fct_three_public_expenses
    union all
    select * from fct_performance_projects
    union all
    select * from fct_project_performance_goals
    union all
    select * from fct_performance_indicators
    union all
    select * from fct_department_tasks
    union all
    select * from fct_identity_checks
    union all
    select * from fct_final_account_expenditure
    union all
    select * from fct_carryover_balances
    union all
    select * from fct_budget_execution
    union all
    select * from dim_subject_names
    union all
    select * from fct_year_over_year_by_class
    union all
    select * from fct_narrative_claims
)

select * from final
