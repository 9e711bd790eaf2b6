-- Row identities, one CTE each: in every row that publishes a total, the total equals the sum
-- of its part columns (funding sources, basic + project, 三公 parts). Each CTE is every instance of
-- one identity, holding or not; fct_identity_checks publishes them.

with

t02_total_equals_funding_sources as (

    {{ total_equals_sum_of_parts(
        ref('stg_disclosure__t02_revenue_by_source'),
        identity_name='row__t02_total_equals_funding_sources',
        tables='表2',
        total_column='total_amount',
        part_columns=funding_parts_of('total_amount'),
        subject='unit_name'
    ) }}

),

t02_fiscal_appropriation_equals_its_parts as (

    {{ total_equals_sum_of_parts(
        ref('stg_disclosure__t02_revenue_by_source'),
        identity_name='row__t02_fiscal_appropriation_equals_its_parts',
        tables='表2',
        total_column='fiscal_appropriation_subtotal_amount',
        part_columns=funding_parts_of('fiscal_appropriation_subtotal_amount'),
        subject='unit_name'
    ) }}

),

t02_general_public_budget_equals_its_parts as (

    {{ total_equals_sum_of_parts(
        ref('stg_disclosure__t02_revenue_by_source'),
        identity_name='row__t02_general_public_budget_equals_its_parts',
        tables='表2',
        total_column='general_public_budget_subtotal_amount',
        part_columns=funding_parts_of('general_public_budget_subtotal_amount'),
        subject='unit_name'
    ) }}

),

t03_total_equals_basic_plus_project as (

    {{ total_equals_sum_of_parts(
        ref('stg_disclosure__t03_expenditure_summary'),
        identity_name='row__t03_total_equals_basic_plus_project',
        tables='表3',
        total_column='total_amount',
        part_columns=['basic_amount', 'project_amount'],
        subject='unit_name'
    ) }}

),

t04_total_equals_funding_sources as (

    {{ total_equals_sum_of_parts(
        ref('stg_disclosure__t04_basic_expenditure'),
        identity_name='row__t04_total_equals_funding_sources',
        tables='表4',
        total_column='total_amount',
        part_columns=funding_parts_of('total_amount'),
        subject='item_name'
    ) }}

),

t04_fiscal_appropriation_equals_its_parts as (

    {{ total_equals_sum_of_parts(
        ref('stg_disclosure__t04_basic_expenditure'),
        identity_name='row__t04_fiscal_appropriation_equals_its_parts',
        tables='表4',
        total_column='fiscal_appropriation_subtotal_amount',
        part_columns=funding_parts_of('fiscal_appropriation_subtotal_amount'),
        subject='item_name'
    ) }}

),

t04_general_public_budget_equals_its_parts as (

    {{ total_equals_sum_of_parts(
        ref('stg_disclosure__t04_basic_expenditure'),
        identity_name='row__t04_general_public_budget_equals_its_parts',
        tables='表4',
        total_column='general_public_budget_subtotal_amount',
        part_columns=funding_parts_of('general_public_budget_subtotal_amount'),
        subject='item_name'
    ) }}

),

t05_total_equals_funding_sources as (

    {{ total_equals_sum_of_parts(
        ref('stg_disclosure__t05_project_expenditure'),
        identity_name='row__t05_total_equals_funding_sources',
        tables='表5',
        total_column='total_amount',
        part_columns=funding_parts_of('total_amount'),
        subject='item_name'
    ) }}

),

t05_fiscal_appropriation_equals_its_parts as (

    {{ total_equals_sum_of_parts(
        ref('stg_disclosure__t05_project_expenditure'),
        identity_name='row__t05_fiscal_appropriation_equals_its_parts',
        tables='表5',
        total_column='fiscal_appropriation_subtotal_amount',
        part_columns=funding_parts_of('fiscal_appropriation_subtotal_amount'),
        subject='item_name'
    ) }}

),

t05_general_public_budget_equals_its_parts as (

    {{ total_equals_sum_of_parts(
        ref('stg_disclosure__t05_project_expenditure'),
        identity_name='row__t05_general_public_budget_equals_its_parts',
        tables='表5',
        total_column='general_public_budget_subtotal_amount',
        part_columns=funding_parts_of('general_public_budget_subtotal_amount'),
        subject='item_name'
    ) }}

),

t07_total_equals_basic_plus_project as (

    {{ total_equals_sum_of_parts(
        ref('stg_disclosure__t07_general_public_budget_expenditure'),
        identity_name='row__t07_total_equals_basic_plus_project',
        tables='表7',
        total_column='total_amount',
        part_columns=['basic_amount', 'project_amount'],
        subject="coalesce(function_code || ' ' || function_name, unit_name)"
    ) }}

),

t08_total_equals_basic_plus_project as (

    {{ total_equals_sum_of_parts(
        ref('stg_disclosure__t08_government_fund_expenditure'),
        identity_name='row__t08_total_equals_basic_plus_project',
        tables='表8',
        total_column='total_amount',
        part_columns=['basic_amount', 'project_amount'],
        subject="coalesce(function_code || ' ' || function_name, unit_name)"
    ) }}

),

t09_total_equals_basic_plus_project as (

    {{ total_equals_sum_of_parts(
        ref('stg_disclosure__t09_state_capital_expenditure'),
        identity_name='row__t09_total_equals_basic_plus_project',
        tables='表9',
        total_column='total_amount',
        part_columns=['basic_amount', 'project_amount'],
        subject="coalesce(function_code || ' ' || function_name, unit_name)"
    ) }}

),

t12_total_equals_its_three_parts as (

    {{ total_equals_sum_of_parts(
        ref('stg_disclosure__t12_three_public_expenses'),
        identity_name='row__t12_total_equals_its_three_parts',
        tables='表12',
        total_column='total_amount',
        part_columns=['overseas_travel_amount', 'official_reception_amount', 'official_vehicle_subtotal_amount'],
        subject='cast(budget_year as string)'
    ) }}

),

t12_vehicles_equal_purchase_plus_operation as (

    {{ total_equals_sum_of_parts(
        ref('stg_disclosure__t12_three_public_expenses'),
        identity_name='row__t12_vehicles_equal_purchase_plus_operation',
        tables='表12',
        total_column='official_vehicle_subtotal_amount',
        part_columns=['vehicle_purchase_amount', 'vehicle_operation_amount'],
        subject='cast(budget_year as string)'
    ) }}

),

t13_total_equals_its_funds as (

    {{ total_equals_sum_of_parts(
        ref('stg_disclosure__t13_performance_projects'),
        identity_name='row__t13_total_equals_its_funds',
        tables='表13',
        total_column='total_amount',
        part_columns=['general_public_budget_amount', 'other_funds_amount'],
        subject='coalesce(project_name, implementing_unit)'
    ) }}

),

t15_task_total_equals_its_funds as (

    {{ total_equals_sum_of_parts(
        ref('stg_disclosure__t15_department_performance_targets'),
        identity_name='row__t15_task_total_equals_its_funds',
        tables='表15',
        total_column='total_amount',
        part_columns=['fiscal_amount', 'other_amount'],
        subject='task_name',
        row_filter="row_kind in ('task', 'task_total')"
    ) }}

),

national_function_total_equals_basic_plus_project as (

    {{ total_equals_sum_of_parts(
        ref('int_national_function_lines_pivoted'),
        identity_name='row__national_function_total_equals_basic_plus_project',
        tables='支出总表,一般公共预算,政府性基金,国有资本经营',
        total_column='total_amount',
        part_columns=[
            'basic_amount',
            'project_amount',
            'remittance_to_superior_amount',
            'operating_expenditure_amount',
            'subsidy_to_affiliates_amount'
        ],
        subject='source_location',
        row_filter='basic_amount is not null or project_amount is not null'
    ) }}

),

national_revenue_total_equals_sources as (

    {{ total_equals_sum_of_parts(
        ref('int_national_function_lines_pivoted'),
        identity_name='row__national_revenue_total_equals_sources',
        tables='收入总表',
        total_column='total_amount',
        part_columns=[
            'fiscal_appropriation_amount',
            'superior_subsidy_amount',
            'business_revenue_amount',
            'operating_revenue_amount',
            'affiliate_remittance_amount',
            'other_revenue_amount'
        ],
        subject='source_location',
        row_filter="table_key = 'revenue_by_function'"
    ) }}

),

national_economic_total_equals_personnel_plus_public as (

    {{ total_equals_sum_of_parts(
        ref('int_national_economic_lines_pivoted'),
        identity_name='row__national_economic_total_equals_personnel_plus_public',
        tables='一般公共预算基本支出经济分类',
        total_column='total_amount',
        part_columns=['personnel_amount', 'public_amount'],
        subject='source_location',
        row_filter='personnel_amount is not null or public_amount is not null'
    ) }}

),

-- A 公务用车 小计 left blank (Beijing's 预算09表) counts as its 购置 and 运行 parts.
national_three_public_total as (

    {{ total_equals_sum_of_parts(
        ref('int_national_three_public_pivoted'),
        identity_name='row__national_three_public_total',
        tables='三公经费',
        total_column='total_amount',
        part_columns=[
            'overseas_travel_amount',
            'official_reception_amount',
            'coalesce(official_vehicle_subtotal_amount, vehicle_purchase_amount + vehicle_operation_amount, '
            ~ 'vehicle_purchase_amount, vehicle_operation_amount)'
        ],
        subject='source_location'
    ) }}

),

-- Xi'an's 表13 prints a 合计 of the “三公” total, 会议费 and 培训费 before them.
national_three_public_with_meetings_and_training as (

    {{ total_equals_sum_of_parts(
        ref('int_national_three_public_pivoted'),
        identity_name='row__national_three_public_with_meetings_and_training',
        tables='三公经费',
        total_column='total_with_meeting_and_training_amount',
        part_columns=['total_amount', 'meeting_amount', 'training_amount'],
        subject='source_location'
    ) }}

),

national_three_public_vehicles as (

    {{ total_equals_sum_of_parts(
        ref('int_national_three_public_pivoted'),
        identity_name='row__national_three_public_vehicles',
        tables='三公经费',
        total_column='official_vehicle_subtotal_amount',
        part_columns=['vehicle_purchase_amount', 'vehicle_operation_amount'],
        subject='source_location'
    ) }}

),

final as (

    select * from t02_total_equals_funding_sources

    union all

    select * from t02_fiscal_appropriation_equals_its_parts

    union all

    select * from t02_general_public_budget_equals_its_parts

    union all

    select * from t03_total_equals_basic_plus_project

    union all

    select * from t04_total_equals_funding_sources

    union all

    select * from t04_fiscal_appropriation_equals_its_parts

    union all

    select * from t04_general_public_budget_equals_its_parts

    union all

    select * from t05_total_equals_funding_sources

    union all

    select * from t05_fiscal_appropriation_equals_its_parts

    union all

    select * from t05_general_public_budget_equals_its_parts

    union all

    select * from t07_total_equals_basic_plus_project

    union all

    select * from t08_total_equals_basic_plus_project

    union all

    select * from t09_total_equals_basic_plus_project

    union all

    select * from t12_total_equals_its_three_parts

    union all

    select * from t12_vehicles_equal_purchase_plus_operation

    union all

    select * from t13_total_equals_its_funds

    union all

    select * from t15_task_total_equals_its_funds

    union all

    select * from national_function_total_equals_basic_plus_project

    union all

    select * from national_revenue_total_equals_sources

    union all

    select * from national_economic_total_equals_personnel_plus_public

    union all

    select * from national_three_public_total

    union all

    select * from national_three_public_vehicles

    union all

    select * from national_three_public_with_meetings_and_training

)

select * from final
