-- Hierarchy identities, one CTE each: every published parent (类, 款, an economic class, a
-- procurement group, a goal) equals the sum of its children. Each CTE is every instance of one
-- identity, holding or not; fct_identity_checks publishes them.

with

t05_categories_and_items as (

    {{ parent_equals_sum_of_children(
        ref('stg_disclosure__t05_project_expenditure'),
        identity_name='hierarchy__t05_categories_and_items',
        tables='表5',
        amount_columns=funding_source_columns(),
        subject='item_name',
        node_column='source_row_number',
        parent_column='parent_source_row_number',
        root_filter="row_kind = 'unit_total'"
    ) }}

),

t07_function_subjects as (

    {{ parent_equals_sum_of_children(
        ref('stg_disclosure__t07_general_public_budget_expenditure'),
        identity_name='hierarchy__t07_function_subjects',
        tables='表7',
        amount_columns=['basic_amount', 'project_amount'],
        subject="coalesce(function_code || ' ' || function_name, unit_name)",
        node_column='function_code',
        code_prefix=true,
        root_filter="row_kind = 'unit_total'"
    ) }}

),

t08_function_subjects as (

    {{ parent_equals_sum_of_children(
        ref('stg_disclosure__t08_government_fund_expenditure'),
        identity_name='hierarchy__t08_function_subjects',
        tables='表8',
        amount_columns=['basic_amount', 'project_amount'],
        subject="coalesce(function_code || ' ' || function_name, unit_name)",
        node_column='function_code',
        code_prefix=true,
        root_filter="row_kind = 'unit_total'"
    ) }}

),

t09_function_subjects as (

    {{ parent_equals_sum_of_children(
        ref('stg_disclosure__t09_state_capital_expenditure'),
        identity_name='hierarchy__t09_function_subjects',
        tables='表9',
        amount_columns=['basic_amount', 'project_amount'],
        subject="coalesce(function_code || ' ' || function_name, unit_name)",
        node_column='function_code',
        code_prefix=true,
        root_filter="row_kind = 'unit_total'"
    ) }}

),

t11_procurement_catalogue as (

    {{ parent_equals_sum_of_children(
        ref('stg_disclosure__t11_procurement'),
        identity_name='hierarchy__t11_procurement_catalogue',
        tables='表11',
        amount_columns=['amount'],
        subject="coalesce(catalogue_code || ' ' || catalogue_name, unit_name)",
        node_column='catalogue_code',
        code_prefix=true,
        root_filter="row_kind = 'unit_total'"
    ) }}

),

t13_projects_sum_to_total as (

    {{ parent_equals_sum_of_children(
        ref('stg_disclosure__t13_performance_projects'),
        identity_name='hierarchy__t13_projects_sum_to_total',
        tables='表13',
        amount_columns=['total_amount', 'general_public_budget_amount', 'other_funds_amount'],
        subject='coalesce(project_name, implementing_unit)',
        root_filter="row_kind = 'unit_total'"
    ) }}

),

t15_tasks_sum_to_total as (

    {{ parent_equals_sum_of_children(
        ref('stg_disclosure__t15_department_performance_targets'),
        identity_name='hierarchy__t15_tasks_sum_to_total',
        tables='表15',
        amount_columns=['total_amount', 'fiscal_amount', 'other_amount'],
        subject='task_name',
        root_filter="row_kind = 'task_total'",
        row_filter="row_kind in ('task', 'task_total')"
    ) }}

),

t01_t06_function_subjects as (

    {{ parent_equals_sum_of_children(
        ref('int_function_names_resolved'),
        identity_name='hierarchy__t01_t06_function_subjects',
        tables='表1,表6',
        amount_columns=['amount'],
        subject="'表' || table_number || ' ' || function_code || ' ' || item_name",
        node_column='function_code',
        code_prefix=true,
        group_by=['document_id', 'table_number']
    ) }}

),

t04_economic_subjects as (

    {{ parent_equals_sum_of_children(
        ref('int_economic_names_resolved'),
        identity_name='hierarchy__t04_economic_subjects',
        tables='表4',
        amount_columns=funding_source_columns(),
        subject="coalesce(economic_code || ' ', '') || item_name",
        node_column='economic_code',
        code_prefix=true,
        root_filter="row_kind = 'unit_total'"
    ) }}

),

t01_t06_revenue_sources as (

    {{ parent_equals_sum_of_children(
        ref('int_revenue_lines_resolved'),
        identity_name='hierarchy__t01_t06_revenue_sources',
        tables='表1,表6',
        amount_columns=['amount'],
        subject="'表' || table_number || ' ' || published_name",
        node_column='revenue_source_code',
        parent_column='parent_revenue_source_code',
        row_filter='table_number in (1, 6)',
        parent_filter="revenue_source_code not in ('grand_total', 'current_year_total')",
        group_by=['document_id', 'table_number']
    ) }}

),

national_function_subjects as (

    {{ parent_equals_sum_of_children(
        ref('int_national_function_lines_pivoted'),
        identity_name='hierarchy__national_function_subjects',
        tables='收入总表,支出总表,一般公共预算,政府性基金,国有资本经营',
        amount_columns=[
            'total_amount',
            'basic_amount',
            'project_amount',
            'fiscal_appropriation_amount',
            'business_revenue_amount',
            'other_revenue_amount',
            'carryover_begin_amount',
            'revenue_amount',
            'carryover_end_amount'
        ],
        subject='source_location',
        node_column='function_code',
        code_prefix=true,
        root_filter="row_kind = 'total'",
        group_by=['document_id', 'table_key']
    ) }}

),

national_economic_subjects as (

    {{ parent_equals_sum_of_children(
        ref('int_national_economic_lines_pivoted'),
        identity_name='hierarchy__national_economic_subjects',
        tables='一般公共预算基本支出经济分类',
        amount_columns=['total_amount', 'personnel_amount', 'public_amount'],
        subject='source_location',
        node_column='economic_code',
        code_prefix=true,
        root_filter="total_scope = 'all'",
        row_filter="row_kind = 'subject' or total_scope = 'all'"
    ) }}

),

final as (

    select * from t05_categories_and_items

    union all

    select * from t07_function_subjects

    union all

    select * from t08_function_subjects

    union all

    select * from t09_function_subjects

    union all

    select * from t11_procurement_catalogue

    union all

    select * from t13_projects_sum_to_total

    union all

    select * from t15_tasks_sum_to_total

    union all

    select * from t01_t06_function_subjects

    union all

    select * from t04_economic_subjects

    union all

    select * from t01_t06_revenue_sources

    union all

    select * from national_function_subjects

    union all

    select * from national_economic_subjects

)

select * from final
