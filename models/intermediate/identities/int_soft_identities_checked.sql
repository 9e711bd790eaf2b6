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

-- A department's 部门 document against its units' 单位 documents of the same year and phase: Σ
-- units = department for the 一般公共预算 table's total, basic and project spending, overall and
-- per 功能分类 类. Soft: a department whose units are not all loaded differs without being wrong.
consolidation_documents as (

    select * from {{ ref('stg_disclosure__documents') }}
    where is_current

),

consolidation_leaves as (

    select
        consolidation_documents.document_id,
        consolidation_documents.department_name,
        consolidation_documents.fiscal_year,
        consolidation_documents.phase,
        consolidation_documents.scope,
        lines.function_code,
        lines.total_amount,
        lines.basic_amount,
        lines.project_amount,
        lines.rounding_step
    from {{ ref('int_national_function_lines_pivoted') }} as lines
    inner join consolidation_documents
        on lines.document_id = consolidation_documents.document_id
    where lines.table_key = 'general_public_budget_expenditure' and lines.row_kind = 'subject' and lines.is_leaf

),

consolidation_keyed as (

    select
        *,
        '合计' as class_code
    from consolidation_leaves
    union all
    select
        *,
        substring(function_code, 1, 3) as class_code
    from consolidation_leaves

),

consolidation_sides as (

    select
        department_name,
        fiscal_year,
        phase,
        class_code,
        max(case when scope = '部门' then document_id end) as document_id,
        count(distinct case when scope = '单位' then document_id end) as unit_document_count,
        sum(case when scope = '部门' then total_amount end) as department_total,
        sum(case when scope = '单位' then total_amount end) as units_total,
        sum(case when scope = '部门' then basic_amount end) as department_basic,
        sum(case when scope = '单位' then basic_amount end) as units_basic,
        sum(case when scope = '部门' then project_amount end) as department_project,
        sum(case when scope = '单位' then project_amount end) as units_project,
        count(*) as figures,
        max(rounding_step) as rounding_step
    from consolidation_keyed
    group by department_name, fiscal_year, phase, class_code

),

-- the department's 部门 document and at least one 单位 document, whatever the 类
consolidated_departments as (

    select
        department_name,
        fiscal_year,
        phase
    from consolidation_sides
    where class_code = '合计'
    group by department_name, fiscal_year, phase
    having max(document_id) is not null and max(unit_document_count) > 0

),

consolidation_instances as (

    {%- for measure in ['total', 'basic', 'project'] %}
    select
        max(sides.document_id) over (partition by sides.department_name, sides.fiscal_year, sides.phase)
            as document_id,
        '部门 = Σ 单位 (' || cast(sides.unit_document_count as {{ dbt.type_string() }}) || ' unit documents) '
        || sides.class_code as subject,
        '{{ measure }}' as measure,
        coalesce(sides.department_{{ measure }}, 0) as expected,
        coalesce(sides.units_{{ measure }}, 0) as actual,
        sides.figures * sides.rounding_step / 2 as tolerance
    from consolidation_sides as sides
    inner join consolidated_departments
        on
            sides.department_name = consolidated_departments.department_name
            and sides.fiscal_year = consolidated_departments.fiscal_year
            and sides.phase = consolidated_departments.phase
    {% if not loop.last %}union all{% endif %}
    {%- endfor %}

),

department_equals_sum_of_units as (

    select
        document_id,
        {{ identity_outcome_columns('soft__department_equals_sum_of_units', '一般公共预算,部门,单位') }}
    from consolidation_instances

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
