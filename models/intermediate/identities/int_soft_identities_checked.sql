-- Soft checks, one CTE each: figures that usually agree across tables but need not, such as an
-- economic class of 表4 against the function subject that usually carries it (30113 住房公积金
-- against 2210201), which differ when part of it is spent under other subjects. They are shown in
-- fct_identity_checks and warn even in strict builds; they never mark a document broken.

with

t04_pension_contributions_match_t07_2080505 as (

    {{ reconciles_with(
        ref('int_economic_names_resolved'),
        ref('int_function_subjects_unioned'),
        identity_name='soft__t04_pension_contributions_match_t07_2080505',
        tables='表4,表7',
        expression='total_amount',
        compare_expression='basic_amount',
        subject='30108 机关事业单位基本养老保险缴费 ~ 2080505',
        filter="economic_code = '30108'",
        compare_filter="function_code = '2080505'"
    ) }}

),

t04_occupational_annuity_matches_t07_2080506 as (

    {{ reconciles_with(
        ref('int_economic_names_resolved'),
        ref('int_function_subjects_unioned'),
        identity_name='soft__t04_occupational_annuity_matches_t07_2080506',
        tables='表4,表7',
        expression='total_amount',
        compare_expression='basic_amount',
        subject='30109 职业年金缴费 ~ 2080506',
        filter="economic_code = '30109'",
        compare_filter="function_code = '2080506'"
    ) }}

),

t04_housing_fund_matches_t07_2210201 as (

    {{ reconciles_with(
        ref('int_economic_names_resolved'),
        ref('int_function_subjects_unioned'),
        identity_name='soft__t04_housing_fund_matches_t07_2210201',
        tables='表4,表7',
        expression='total_amount',
        compare_expression='basic_amount',
        subject='30113 住房公积金 ~ 2210201',
        filter="economic_code = '30113'",
        compare_filter="function_code = '2210201'"
    ) }}

),

t04_medical_insurance_matches_t07_21011 as (

    {{ reconciles_with(
        ref('int_economic_names_resolved'),
        ref('int_function_subjects_unioned'),
        identity_name='soft__t04_medical_insurance_matches_t07_21011',
        tables='表4,表7',
        expression='total_amount',
        compare_expression='basic_amount',
        subject='30110 + 30111 医疗保险缴费 ~ 21011 行政事业单位医疗',
        filter="economic_code in ('30110', '30111')",
        compare_filter="function_code = '21011'"
    ) }}

),

national_expenditure_against_fund_tables as (

    {{ reconciles_with(
        ref('int_national_function_lines_pivoted'),
        ref('int_national_function_lines_pivoted'),
        identity_name='soft__national_expenditure_against_fund_tables',
        tables='支出总表,一般公共预算,政府性基金,国有资本经营',
        expression='total_amount',
        compare_expression='total_amount',
        subject='支出总表 合计 (all funds) against Σ 财政拨款 budget-type tables',
        filter="table_key = 'expenditure_by_function' and row_kind = 'total'",
        compare_filter="budget_type is not null and row_kind = 'total'"
    ) }}

),

national_personnel_against_301_303 as (

    {{ reconciles_with(
        ref('int_national_economic_lines_pivoted'),
        ref('int_national_economic_lines_pivoted'),
        identity_name='soft__national_personnel_against_301_303',
        tables='一般公共预算基本支出经济分类',
        expression="case when total_scope = 'personnel' then total_amount else personnel_amount end",
        compare_expression='total_amount',
        subject='人员经费 against 301 + 303',
        filter="total_scope in ('personnel', 'all')",
        compare_filter="economic_code in ('301', '303')"
    ) }}

),

national_public_against_302_310 as (

    {{ reconciles_with(
        ref('int_national_economic_lines_pivoted'),
        ref('int_national_economic_lines_pivoted'),
        identity_name='soft__national_public_against_302_310',
        tables='一般公共预算基本支出经济分类',
        expression="case when total_scope = 'public' then total_amount else public_amount end",
        compare_expression='total_amount',
        subject='公用经费 against 302 + 310',
        filter="total_scope in ('public', 'all')",
        compare_filter="economic_code in ('302', '310')"
    ) }}

),

national_reception_against_30217 as (

    {{ reconciles_with(
        ref('int_national_three_public_pivoted'),
        ref('int_national_economic_lines_pivoted'),
        identity_name='soft__national_reception_against_30217',
        tables='三公经费,经济分类',
        expression='official_reception_amount',
        compare_expression='total_amount',
        subject='公务接待费 against 30217',
        filter='is_document_figure',
        compare_filter="economic_code = '30217'"
    ) }}

),

national_vehicle_operation_against_30231 as (

    {{ reconciles_with(
        ref('int_national_three_public_pivoted'),
        ref('int_national_economic_lines_pivoted'),
        identity_name='soft__national_vehicle_operation_against_30231',
        tables='三公经费,经济分类',
        expression='vehicle_operation_amount',
        compare_expression='total_amount',
        subject='公务用车运行维护费 against 30231',
        filter='is_document_figure',
        compare_filter="economic_code = '30231'"
    ) }}

),

-- A department's 部门 document against its units' 单位 documents of the same year and phase
-- (int_department_units_compared): soft, since a unit not loaded makes it differ.
department_equals_sum_of_units as (

    select
        document_id,
        {{ identity_outcome_columns('soft__department_equals_sum_of_units', '一般公共预算,部门,单位') }}
    from {{ ref('int_department_units_compared') }}

),

final as (

    select * from t04_pension_contributions_match_t07_2080505

    union all

    select * from t04_occupational_annuity_matches_t07_2080506

    union all

    select * from t04_housing_fund_matches_t07_2210201

    union all

    select * from t04_medical_insurance_matches_t07_21011

    union all

    select * from national_expenditure_against_fund_tables

    union all

    select * from national_personnel_against_301_303

    union all

    select * from national_public_against_302_310

    union all

    select * from national_reception_against_30217

    union all

    select * from national_vehicle_operation_against_30231

    union all

    select * from department_equals_sum_of_units

)

select * from final
