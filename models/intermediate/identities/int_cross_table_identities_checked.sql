-- Cross-table identities, one CTE each: the same figure published in two tables agrees (表3's
-- basic spending against 表4, 表5's projects against 表3, 表7 against 表3 …). Each CTE is every
-- instance of one identity, holding or not; fct_identity_checks publishes them.

with

t02_special_funds_equal_t05 as (

    {{ reconciles_with(
        ref('stg_disclosure__t02_revenue_by_source'),
        ref('stg_disclosure__t05_project_expenditure'),
        identity_name='cross_table__t02_special_funds_equal_t05',
        tables='表2,表5',
        expression='special_funds_amount',
        compare_expression='special_funds_amount',
        subject='财政专项资金拨款 = 表5 财政专项资金拨款',
        compare_filter="row_kind = 'unit_total'"
    ) }}

),

t03_basic_equals_t04_total as (

    {{ reconciles_with(
        ref('stg_disclosure__t03_expenditure_summary'),
        ref('stg_disclosure__t04_basic_expenditure'),
        identity_name='cross_table__t03_basic_equals_t04_total',
        tables='表3,表4',
        expression='basic_amount',
        compare_expression='total_amount',
        subject='表3 基本支出 = 表4 总计',
        compare_filter="row_kind = 'unit_total'"
    ) }}

),

t03_basic_equals_t07_to_t09_basic as (

    {{ reconciles_with(
        ref('stg_disclosure__t03_expenditure_summary'),
        ref('int_function_subjects_unioned'),
        identity_name='cross_table__t03_basic_equals_t07_to_t09_basic',
        tables='表3,表7,表8,表9',
        expression='basic_amount',
        compare_expression='basic_amount',
        subject='表3 基本支出 = Σ 类 基本支出 of 表7–表9',
        compare_filter='level = 1'
    ) }}

),

t03_project_equals_t05_total as (

    {{ reconciles_with(
        ref('stg_disclosure__t03_expenditure_summary'),
        ref('stg_disclosure__t05_project_expenditure'),
        identity_name='cross_table__t03_project_equals_t05_total',
        tables='表3,表5',
        expression='project_amount',
        compare_expression='total_amount',
        subject='表3 项目支出 = 表5 总计',
        compare_filter="row_kind = 'unit_total'"
    ) }}

),

t03_project_equals_t07_to_t09_project as (

    {{ reconciles_with(
        ref('stg_disclosure__t03_expenditure_summary'),
        ref('int_function_subjects_unioned'),
        identity_name='cross_table__t03_project_equals_t07_to_t09_project',
        tables='表3,表7,表8,表9',
        expression='project_amount',
        compare_expression='project_amount',
        subject='表3 项目支出 = Σ 类 项目支出 of 表7–表9',
        compare_filter='level = 1'
    ) }}

),

t03_project_equals_t13_total as (

    {{ reconciles_with(
        ref('stg_disclosure__t03_expenditure_summary'),
        ref('stg_disclosure__t13_performance_projects'),
        identity_name='cross_table__t03_project_equals_t13_total',
        tables='表3,表13',
        expression='project_amount',
        compare_expression='total_amount',
        subject='表3 项目支出 = 表13 合计',
        compare_filter="row_kind = 'unit_total'"
    ) }}

),

t03_procurement_equals_t11_total as (

    {{ reconciles_with(
        ref('stg_disclosure__t03_expenditure_summary'),
        ref('stg_disclosure__t11_procurement'),
        identity_name='cross_table__t03_procurement_equals_t11_total',
        tables='表3,表11',
        expression='coalesce(procurement_current_year_amount, 0) + coalesce(procurement_prior_years_payable_amount, 0)',
        compare_expression='amount',
        subject='表3 政府采购 = 表11 金额',
        figures_per_row=2,
        compare_filter="row_kind = 'unit_total'"
    ) }}

),

t12_overseas_travel_equals_t04 as (

    {{ reconciles_with(
        ref('stg_disclosure__t12_three_public_expenses'),
        ref('int_economic_names_resolved'),
        identity_name='cross_table__t12_overseas_travel_equals_t04',
        tables='表12,表4',
        expression='overseas_travel_amount',
        compare_expression='total_amount',
        subject='因公出国(境)费 = 表4 30212',
        filter='budget_year = document_fiscal_year',
        compare_filter="economic_code = '30212'"
    ) }}

),

t12_reception_equals_t04 as (

    {{ reconciles_with(
        ref('stg_disclosure__t12_three_public_expenses'),
        ref('int_economic_names_resolved'),
        identity_name='cross_table__t12_reception_equals_t04',
        tables='表12,表4',
        expression='official_reception_amount',
        compare_expression='total_amount',
        subject='公务接待费 = 表4 30217',
        filter='budget_year = document_fiscal_year',
        compare_filter="economic_code = '30217'"
    ) }}

),

t12_vehicle_operation_equals_t04 as (

    {{ reconciles_with(
        ref('stg_disclosure__t12_three_public_expenses'),
        ref('int_economic_names_resolved'),
        identity_name='cross_table__t12_vehicle_operation_equals_t04',
        tables='表12,表4',
        expression='vehicle_operation_amount',
        compare_expression='total_amount',
        subject='公务用车运行维护费 = 表4 30231',
        filter='budget_year = document_fiscal_year',
        compare_filter="economic_code = '30231'"
    ) }}

),

t12_vehicle_purchase_equals_t11 as (

    {{ reconciles_with(
        ref('stg_disclosure__t12_three_public_expenses'),
        ref('int_procurement_items_nested'),
        identity_name='cross_table__t12_vehicle_purchase_equals_t11',
        tables='表12,表11',
        expression='vehicle_purchase_amount',
        compare_expression='amount',
        subject='公务用车购置费 = 表11 A11 交通工具',
        filter='budget_year = document_fiscal_year',
        compare_filter="is_leaf and catalogue_code like 'A11%'"
    ) }}

),

t12_vehicle_purchase_equals_t13 as (

    {{ reconciles_with(
        ref('stg_disclosure__t12_three_public_expenses'),
        ref('stg_disclosure__t13_performance_projects'),
        identity_name='cross_table__t12_vehicle_purchase_equals_t13',
        tables='表12,表13',
        expression='vehicle_purchase_amount',
        compare_expression='total_amount',
        subject='公务用车购置费 = 表13 公务用车购置 projects',
        filter='budget_year = document_fiscal_year',
        compare_filter="row_kind = 'project' and project_name like '%公务用车购置%'"
    ) }}

),

t15_task_total_equals_t01_expenditure as (

    {{ reconciles_with(
        ref('stg_disclosure__t15_department_performance_targets'),
        ref('int_overview_lines_classified'),
        identity_name='cross_table__t15_task_total_equals_t01_expenditure',
        tables='表15,表1',
        expression='total_amount',
        compare_expression='amount',
        subject='表15 金额合计 = 表1 本年支出合计',
        filter="row_kind = 'task_total'",
        compare_filter="table_number = 1 and side = 'expenditure' and row_kind = 'current_year_total'"
    ) }}

),

t01_function_subjects_equal_t07_to_t09 as (

    {{ reconciles_with(
        ref('int_function_names_resolved'),
        ref('int_function_subjects_unioned'),
        identity_name='cross_table__t01_function_subjects_equal_t07_to_t09',
        tables='表1,表7',
        expression='amount',
        compare_expression='coalesce(basic_amount, 0) + coalesce(project_amount, 0)',
        subject='功能分类',
        match_by=['function_code'],
        filter='table_number = 1',
        compare_figures_per_row=2
    ) }}

),

t06_function_subjects_equal_t07_to_t09 as (

    {{ reconciles_with(
        ref('int_function_names_resolved'),
        ref('int_function_subjects_unioned'),
        identity_name='cross_table__t06_function_subjects_equal_t07_to_t09',
        tables='表6,表7',
        expression='amount',
        compare_expression='coalesce(basic_amount, 0) + coalesce(project_amount, 0)',
        subject='功能分类',
        match_by=['function_code'],
        filter='table_number = 6',
        compare_figures_per_row=2
    ) }}

),

t01_revenue_equals_t02 as (

    {{ reconciles_with(
        ref('int_revenue_lines_resolved'),
        ref('int_revenue_lines_resolved'),
        identity_name='cross_table__t01_revenue_equals_t02',
        tables='表1,表2',
        expression='amount',
        compare_expression='amount',
        subject='revenue source',
        match_by=['revenue_source_code'],
        filter="table_number = 1 and revenue_source_code not in ('current_year_total', 'education_fees')",
        compare_filter='table_number = 2'
    ) }}

),

t01_fiscal_revenue_equals_t06 as (

    {#- The sources 表6 (财政拨款收支总表) publishes: the parts of 财政预算拨款 but 财政专户, which
        表6 leaves out, and the parts of 一般公共预算拨款 (funding_columns var, dbt_project.yml). -#}
    {%- set t06_revenue_sources = (
        funding_parts_of('fiscal_appropriation_subtotal_amount', key='revenue_source')
        | reject('equalto', 'fiscal_special_account') | list
    ) + (funding_parts_of('general_public_budget_subtotal_amount', key='revenue_source') | list) %}
    {%- set in_t06_revenue_sources = "revenue_source_code in ('" ~ t06_revenue_sources | join("', '") ~ "')" %}

    {{ reconciles_with(
        ref('int_revenue_lines_resolved'),
        ref('int_revenue_lines_resolved'),
        identity_name='cross_table__t01_fiscal_revenue_equals_t06',
        tables='表1,表6',
        expression='amount',
        compare_expression='amount',
        subject='revenue source',
        match_by=['revenue_source_code'],
        filter='table_number = 1 and ' ~ in_t06_revenue_sources,
        compare_filter='table_number = 6 and ' ~ in_t06_revenue_sources
    ) }}

),

t01_special_funds_equal_t05 as (

    {{ reconciles_with(
        ref('int_revenue_lines_resolved'),
        ref('stg_disclosure__t05_project_expenditure'),
        identity_name='cross_table__t01_special_funds_equal_t05',
        tables='表1,表5',
        expression='amount',
        compare_expression='special_funds_amount',
        subject='财政专项资金拨款 = 表5 财政专项资金拨款',
        filter="table_number = 1 and revenue_source_code = 'special_funds'",
        compare_filter="row_kind = 'unit_total'"
    ) }}

),

t14_project_amount_equals_t13 as (

    {{ reconciles_with(
        ref('int_project_performance_goals_pivoted'),
        ref('stg_disclosure__t13_performance_projects'),
        identity_name='cross_table__t14_project_amount_equals_t13',
        tables='表14,表13',
        expression='current_year_amount',
        compare_expression='total_amount',
        subject='project',
        match_by=['project_name'],
        compare_filter="row_kind = 'project'",
        only_expected_keys=true
    ) }}

),

national_budget_revenue_equals_expenditure as (

    {{ reconciles_with(
        ref('int_national_function_lines_pivoted'),
        ref('int_national_function_lines_pivoted'),
        identity_name='cross_table__national_budget_revenue_equals_expenditure',
        tables='收入总表,支出总表',
        expression='total_amount',
        compare_expression='total_amount',
        subject='收入总表 合计 = 支出总表 合计',
        filter="phase = '预算' and table_key = 'revenue_by_function' and row_kind = 'total'",
        compare_filter="phase = '预算' and table_key = 'expenditure_by_function' and row_kind = 'total'",
        both_sides_printed=true
    ) }}

),

national_budget_fiscal_revenue_equals_fund_tables as (

    {{ reconciles_with(
        ref('int_national_function_lines_pivoted'),
        ref('int_national_function_lines_pivoted'),
        identity_name='cross_table__national_budget_fiscal_revenue_equals_fund_tables',
        tables='收入总表,一般公共预算,政府性基金,国有资本经营',
        expression='fiscal_appropriation_amount',
        compare_expression='total_amount',
        subject='收入总表 财政拨款收入 = Σ budget-type tables',
        filter="phase = '预算' and table_key = 'revenue_by_function' and row_kind = 'total'",
        compare_filter="phase = '预算' and budget_type is not null and row_kind = 'total'",
        both_sides_printed=true
    ) }}

),

national_general_public_basic_equals_economic as (

    {{ reconciles_with(
        ref('int_national_function_lines_pivoted'),
        ref('int_national_economic_lines_pivoted'),
        identity_name='cross_table__national_general_public_basic_equals_economic',
        tables='一般公共预算支出,一般公共预算基本支出经济分类',
        expression='basic_amount',
        compare_expression='total_amount',
        subject='一般公共预算 基本支出 合计 = 经济分类 合计',
        filter="table_key = 'general_public_budget_expenditure' and row_kind = 'total'",
        compare_filter="row_kind = 'total'",
        both_sides_printed=true
    ) }}

),

final as (

    select * from t02_special_funds_equal_t05

    union all

    select * from t03_basic_equals_t04_total

    union all

    select * from t03_basic_equals_t07_to_t09_basic

    union all

    select * from t03_project_equals_t05_total

    union all

    select * from t03_project_equals_t07_to_t09_project

    union all

    select * from t03_project_equals_t13_total

    union all

    select * from t03_procurement_equals_t11_total

    union all

    select * from t12_overseas_travel_equals_t04

    union all

    select * from t12_reception_equals_t04

    union all

    select * from t12_vehicle_operation_equals_t04

    union all

    select * from t12_vehicle_purchase_equals_t11

    union all

    select * from t12_vehicle_purchase_equals_t13

    union all

    select * from t15_task_total_equals_t01_expenditure

    union all

    select * from t01_function_subjects_equal_t07_to_t09

    union all

    select * from t06_function_subjects_equal_t07_to_t09

    union all

    select * from t01_revenue_equals_t02

    union all

    select * from t01_fiscal_revenue_equals_t06

    union all

    select * from t01_special_funds_equal_t05

    union all

    select * from t14_project_amount_equals_t13

    union all

    select * from national_budget_revenue_equals_expenditure

    union all

    select * from national_budget_fiscal_revenue_equals_fund_tables

    union all

    select * from national_general_public_basic_equals_economic

)

select * from final
