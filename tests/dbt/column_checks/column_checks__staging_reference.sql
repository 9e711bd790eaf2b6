-- Column checks of the reference staging models (models/staging/reference): keys, NOT NULLs,
-- accepted values and references, one CTE per model, in one test node (a node costs dbt more than
-- its query). Each failing row names its model, check, column, value and row.
with

stg_reference__function_classes as (
    {{ column_check_failures(
        ref('stg_reference__function_classes'),
        row_key=['function_code'],
        not_null=['function_code', 'function_name'],
        unique=['function_code']
    ) }}
),

stg_reference__economic_subjects as (
    {{ column_check_failures(
        ref('stg_reference__economic_subjects'),
        row_key=['economic_code'],
        not_null=['economic_code', 'level'],
        unique=['economic_code'],
        accepted_values={'level': [1, 2]},
        relationships=[
            {'column': 'parent_code', 'to': ref('stg_reference__economic_subjects'), 'field': 'economic_code'}
        ]
    ) }}
),

stg_reference__revenue_sources as (
    {{ column_check_failures(
        ref('stg_reference__revenue_sources'),
        row_key=['revenue_source_code'],
        not_null=['revenue_source_code'],
        unique=['revenue_source_code', 'revenue_source_name_key'],
        relationships=[
            {'column': 'parent_code', 'to': ref('stg_reference__revenue_sources'), 'field': 'revenue_source_code'}
        ]
    ) }}
),

stg_reference__national_revenue_lines as (
    {{ column_check_failures(
        ref('stg_reference__national_revenue_lines'),
        row_key=['priority'],
        not_null=['priority', 'revenue_source_code'],
        unique=['priority'],
        relationships=[
            {'column': 'revenue_source_code', 'to': ref('stg_reference__revenue_sources'), 'field': 'revenue_source_code'}
        ]
    ) }}
),

stg_reference__claim_subjects as (
    {{ column_check_failures(
        ref('stg_reference__claim_subjects'),
        row_key=['subject'],
        not_null=['subject', 'subject_name', 'checked_against'],
        unique=['subject'],
        accepted_values={'checked_against': ['headline', 'function', 'economic', 'revenue_source', 'three_public', 'procurement', 'none']}
    ) }}
),

stg_reference__claim_headlines as (
    {{ column_check_failures(
        ref('stg_reference__claim_headlines'),
        row_key=['subject', 'headline_code'],
        not_null=['subject', 'headline_code'],
        unique_combinations=[['subject', 'headline_code']],
        relationships=[
            {'column': 'subject', 'to': ref('stg_reference__claim_subjects'), 'field': 'subject'},
            {'column': 'headline_code', 'to': ref('stg_reference__headlines'), 'field': 'headline_code'}
        ]
    ) }}
),

final as (
    select * from stg_reference__function_classes
    union all
    select * from stg_reference__economic_subjects
    union all
    select * from stg_reference__revenue_sources
    union all
    select * from stg_reference__national_revenue_lines
    union all
    select * from stg_reference__claim_subjects
    union all
    select * from stg_reference__claim_headlines
)

select * from final
