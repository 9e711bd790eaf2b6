-- Column checks of the disclosure staging models (models/staging/disclosure): keys, NOT NULLs,
-- accepted values and references, one CTE per model, in one test node (a node costs dbt more than
-- its query). Each failing row names its model, check, column, value and row.
with

stg_disclosure__documents as (
    {{ column_check_failures(
        ref('stg_disclosure__documents'),
        row_key=['document_id'],
        not_null=['document_id', 'fiscal_year', 'department_name'],
        unique=['document_id'],
        accepted_values={'phase': ['预算', '决算']}
    ) }}
),

stg_disclosure__document_tables as (
    {{ column_check_failures(
        ref('stg_disclosure__document_tables'),
        row_key=['document_id', 'table_number'],
        not_null=['document_id', 'table_number'],
        unique_combinations=[['document_id', 'table_number']],
        accepted_values={'table_number': [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]}
    ) }}
),

stg_disclosure__document_notes as (
    {{ column_check_failures(
        ref('stg_disclosure__document_notes'),
        not_null=['note_text']
    ) }}
),

stg_disclosure__t01_budget_overview as (
    {{ column_check_failures(
        ref('stg_disclosure__t01_budget_overview'),
        row_key=['document_id', 'source_row_number', 'side'],
        not_null=['document_id', 'source_row_number', 'item_name'],
        unique_combinations=[['document_id', 'source_row_number', 'side']],
        accepted_values={'side': ['revenue', 'expenditure']},
        relationships=[
            {'column': 'document_id', 'to': ref('stg_disclosure__documents'), 'field': 'document_id'}
        ]
    ) }}
),

stg_disclosure__t02_revenue_by_source as (
    {{ column_check_failures(
        ref('stg_disclosure__t02_revenue_by_source'),
        row_key=['document_id', 'source_row_number'],
        not_null=['document_id', 'source_row_number'],
        unique_combinations=[['document_id', 'source_row_number']],
        relationships=[
            {'column': 'document_id', 'to': ref('stg_disclosure__documents'), 'field': 'document_id'}
        ]
    ) }}
),

stg_disclosure__t03_expenditure_summary as (
    {{ column_check_failures(
        ref('stg_disclosure__t03_expenditure_summary'),
        row_key=['document_id', 'source_row_number'],
        not_null=['document_id', 'source_row_number'],
        unique_combinations=[['document_id', 'source_row_number']],
        relationships=[
            {'column': 'document_id', 'to': ref('stg_disclosure__documents'), 'field': 'document_id'}
        ]
    ) }}
),

stg_disclosure__t04_basic_expenditure as (
    {{ column_check_failures(
        ref('stg_disclosure__t04_basic_expenditure'),
        row_key=['document_id', 'source_row_number'],
        not_null=['document_id', 'source_row_number', 'row_kind', 'item_name'],
        unique_combinations=[['document_id', 'source_row_number']],
        accepted_values={'row_kind': ['unit_total', 'subject']},
        relationships=[
            {'column': 'document_id', 'to': ref('stg_disclosure__documents'), 'field': 'document_id'}
        ]
    ) }}
),

stg_disclosure__t05_project_expenditure as (
    {{ column_check_failures(
        ref('stg_disclosure__t05_project_expenditure'),
        row_key=['document_id', 'source_row_number'],
        not_null=['document_id', 'source_row_number', 'row_kind'],
        unique_combinations=[['document_id', 'source_row_number']],
        accepted_values={'row_kind': ['unit_total', 'category', 'item']},
        relationships=[
            {'column': 'document_id', 'to': ref('stg_disclosure__documents'), 'field': 'document_id'}
        ]
    ) }}
),

stg_disclosure__t06_fiscal_appropriation_overview as (
    {{ column_check_failures(
        ref('stg_disclosure__t06_fiscal_appropriation_overview'),
        row_key=['document_id', 'source_row_number', 'side'],
        not_null=['document_id', 'source_row_number', 'item_name'],
        unique_combinations=[['document_id', 'source_row_number', 'side']],
        relationships=[
            {'column': 'document_id', 'to': ref('stg_disclosure__documents'), 'field': 'document_id'}
        ]
    ) }}
),

stg_disclosure__t07_general_public_budget_expenditure as (
    {{ column_check_failures(
        ref('stg_disclosure__t07_general_public_budget_expenditure'),
        row_key=['document_id', 'source_row_number'],
        not_null=['document_id', 'source_row_number', 'row_kind'],
        unique_combinations=[['document_id', 'source_row_number']],
        accepted_values={'row_kind': ['unit_total', 'subject']},
        relationships=[
            {'column': 'document_id', 'to': ref('stg_disclosure__documents'), 'field': 'document_id'}
        ]
    ) }}
),

stg_disclosure__t08_government_fund_expenditure as (
    {{ column_check_failures(
        ref('stg_disclosure__t08_government_fund_expenditure'),
        row_key=['document_id', 'source_row_number'],
        not_null=['document_id', 'source_row_number', 'row_kind'],
        unique_combinations=[['document_id', 'source_row_number']],
        accepted_values={'row_kind': ['unit_total', 'subject']},
        relationships=[
            {'column': 'document_id', 'to': ref('stg_disclosure__documents'), 'field': 'document_id'}
        ]
    ) }}
),

stg_disclosure__t09_state_capital_expenditure as (
    {{ column_check_failures(
        ref('stg_disclosure__t09_state_capital_expenditure'),
        row_key=['document_id', 'source_row_number'],
        not_null=['document_id', 'source_row_number', 'row_kind'],
        unique_combinations=[['document_id', 'source_row_number']],
        accepted_values={'row_kind': ['unit_total', 'subject']},
        relationships=[
            {'column': 'document_id', 'to': ref('stg_disclosure__documents'), 'field': 'document_id'}
        ]
    ) }}
),

stg_disclosure__t10_special_transfer_expenditure as (
    {{ column_check_failures(
        ref('stg_disclosure__t10_special_transfer_expenditure'),
        row_key=['document_id', 'source_row_number'],
        not_null=['document_id', 'source_row_number', 'row_kind'],
        unique_combinations=[['document_id', 'source_row_number']],
        accepted_values={'row_kind': ['unit_total', 'subject']},
        relationships=[
            {'column': 'document_id', 'to': ref('stg_disclosure__documents'), 'field': 'document_id'}
        ]
    ) }}
),

stg_disclosure__t11_procurement as (
    {{ column_check_failures(
        ref('stg_disclosure__t11_procurement'),
        row_key=['document_id', 'source_row_number'],
        not_null=['document_id', 'source_row_number', 'row_kind'],
        unique_combinations=[['document_id', 'source_row_number']],
        accepted_values={'row_kind': ['unit_total', 'subject']},
        relationships=[
            {'column': 'document_id', 'to': ref('stg_disclosure__documents'), 'field': 'document_id'}
        ]
    ) }}
),

stg_disclosure__t12_three_public_expenses as (
    {{ column_check_failures(
        ref('stg_disclosure__t12_three_public_expenses'),
        row_key=['document_id', 'source_row_number'],
        not_null=['document_id', 'source_row_number', 'budget_year'],
        unique_combinations=[['document_id', 'source_row_number']],
        relationships=[
            {'column': 'document_id', 'to': ref('stg_disclosure__documents'), 'field': 'document_id'}
        ]
    ) }}
),

stg_disclosure__t13_performance_projects as (
    {{ column_check_failures(
        ref('stg_disclosure__t13_performance_projects'),
        row_key=['document_id', 'source_row_number'],
        not_null=['document_id', 'source_row_number', 'row_kind'],
        unique_combinations=[['document_id', 'source_row_number']],
        accepted_values={'row_kind': ['unit_total', 'project']},
        relationships=[
            {'column': 'document_id', 'to': ref('stg_disclosure__documents'), 'field': 'document_id'}
        ]
    ) }}
),

stg_disclosure__t14_project_performance_targets as (
    {{ column_check_failures(
        ref('stg_disclosure__t14_project_performance_targets'),
        row_key=['document_id', 'source_row_number', 'source_column_number'],
        not_null=['document_id', 'source_row_number'],
        unique_combinations=[['document_id', 'source_row_number', 'source_column_number']],
        accepted_values={'row_kind': ['attribute', 'indicator']},
        relationships=[
            {'column': 'document_id', 'to': ref('stg_disclosure__documents'), 'field': 'document_id'}
        ]
    ) }}
),

stg_disclosure__t15_department_performance_targets as (
    {{ column_check_failures(
        ref('stg_disclosure__t15_department_performance_targets'),
        row_key=['document_id', 'source_row_number', 'source_column_number'],
        not_null=['document_id', 'source_row_number'],
        unique_combinations=[['document_id', 'source_row_number', 'source_column_number']],
        accepted_values={
            'row_kind': ['attribute', 'task', 'task_total', 'overall_goal', 'indicator']
        },
        relationships=[
            {'column': 'document_id', 'to': ref('stg_disclosure__documents'), 'field': 'document_id'}
        ]
    ) }}
),

final as (
    select * from stg_disclosure__documents
    union all
    select * from stg_disclosure__document_tables
    union all
    select * from stg_disclosure__document_notes
    union all
    select * from stg_disclosure__t01_budget_overview
    union all
    select * from stg_disclosure__t02_revenue_by_source
    union all
    select * from stg_disclosure__t03_expenditure_summary
    union all
    select * from stg_disclosure__t04_basic_expenditure
    union all
    select * from stg_disclosure__t05_project_expenditure
    union all
    select * from stg_disclosure__t06_fiscal_appropriation_overview
    union all
    select * from stg_disclosure__t07_general_public_budget_expenditure
    union all
    select * from stg_disclosure__t08_government_fund_expenditure
    union all
    select * from stg_disclosure__t09_state_capital_expenditure
    union all
    select * from stg_disclosure__t10_special_transfer_expenditure
    union all
    select * from stg_disclosure__t11_procurement
    union all
    select * from stg_disclosure__t12_three_public_expenses
    union all
    select * from stg_disclosure__t13_performance_projects
    union all
    select * from stg_disclosure__t14_project_performance_targets
    union all
    select * from stg_disclosure__t15_department_performance_targets
)

select * from final
