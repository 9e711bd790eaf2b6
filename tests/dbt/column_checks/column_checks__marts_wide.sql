-- Column checks of the wide marts (models/marts/wide): keys, NOT NULLs, accepted values and
-- references, one CTE per model, in one test node (a node costs dbt more than its query). Each
-- failing row names its model, check, column, value and row.
with

wide_expenditure_by_function as (
    {{ column_check_failures(
        ref('wide_expenditure_by_function'),
        not_null=['document_id', 'function_code']
    ) }}
),

wide_basic_expenditure_by_economic_class as (
    {{ column_check_failures(
        ref('wide_basic_expenditure_by_economic_class'),
        not_null=['document_id', 'economic_code']
    ) }}
),

final as (
    select * from wide_expenditure_by_function
    union all
    select * from wide_basic_expenditure_by_economic_class
)

select * from final
