-- Column checks of the intermediate models (models/intermediate): keys, NOT NULLs, accepted values
-- and references, one CTE per model, in one test node (a node costs dbt more than its query). Each
-- failing row names its model, check, column, value and row.
with

int_function_subjects_unioned as (
    {{ column_check_failures(
        ref('int_function_subjects_unioned'),
        row_key=['document_id', 'table_number', 'function_code'],
        not_null=['function_code', 'level'],
        unique_combinations=[['document_id', 'table_number', 'function_code']]
    ) }}
),

int_overview_lines_classified as (
    {{ column_check_failures(
        ref('int_overview_lines_classified'),
        accepted_values={
            'row_kind': ['detail', 'current_year_total', 'outside_current_year', 'grand_total']
        }
    ) }}
),

int_economic_names_resolved as (
    {{ column_check_failures(
        ref('int_economic_names_resolved'),
        relationships=[
            {'column': 'economic_code', 'to': ref('stg_reference__economic_subjects'), 'field': 'economic_code'}
        ]
    ) }}
),

int_procurement_items_nested as (
    {{ column_check_failures(
        ref('int_procurement_items_nested'),
        row_key=['document_id', 'catalogue_code'],
        unique_combinations=[['document_id', 'catalogue_code']]
    ) }}
),

int_project_performance_goals_pivoted as (
    {{ column_check_failures(
        ref('int_project_performance_goals_pivoted'),
        row_key=['document_id', 'form_number'],
        unique_combinations=[['document_id', 'form_number']]
    ) }}
),

final as (
    select * from int_function_subjects_unioned
    union all
    select * from int_overview_lines_classified
    union all
    select * from int_economic_names_resolved
    union all
    select * from int_procurement_items_nested
    union all
    select * from int_project_performance_goals_pivoted
)

select * from final
