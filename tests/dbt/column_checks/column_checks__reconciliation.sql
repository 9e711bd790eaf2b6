-- Column checks of the published totals (models/reconciliation): keys, NOT NULLs, accepted values
-- and references, one CTE per model, in one test node (a node costs dbt more than its query). Each
-- failing row names its model, check, column, value and row.
with

published_totals as (
    {{ column_check_failures(
        ref('published_totals'),
        not_null=['document_id'],
        accepted_values={'row_kind': ['total', 'subtotal']}
    ) }}
),

final as (
    select * from published_totals
)

select * from final
