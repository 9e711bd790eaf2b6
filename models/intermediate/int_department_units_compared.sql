-- A department's 部门 document against the Σ of its units' 单位 documents of the same year and
-- phase: the 一般公共预算 table's total, basic and project spending, overall (合计) and per 功能分类
-- 类, for every department that has both loaded. One row per comparison, in the shape the
-- identity models take (int_soft_identities_checked: soft__department_equals_sum_of_units).
with

documents as (

    select * from {{ ref('stg_disclosure__documents') }}
    where is_current

),

leaves as (

    select
        documents.document_id,
        documents.department_name,
        documents.fiscal_year,
        documents.phase,
        documents.scope,
        function_lines.function_code,
        function_lines.total_amount,
        function_lines.basic_amount,
        function_lines.project_amount,
        function_lines.rounding_step
    from {{ ref('int_national_function_lines_pivoted') }} as function_lines
    inner join documents
        on function_lines.document_id = documents.document_id
    where
        function_lines.table_key = 'general_public_budget_expenditure'
        and function_lines.row_kind = 'subject'
        and function_lines.is_leaf

),

-- one row per leaf and measure: total, basic and project compared alike
measured as (

    select
        document_id,
        department_name,
        fiscal_year,
        phase,
        scope,
        function_code,
        'total' as measure,  -- noqa: RF04
        total_amount as amount,
        rounding_step
    from leaves
    union all
    select
        document_id,
        department_name,
        fiscal_year,
        phase,
        scope,
        function_code,
        'basic' as measure,  -- noqa: RF04
        basic_amount as amount,
        rounding_step
    from leaves
    union all
    select
        document_id,
        department_name,
        fiscal_year,
        phase,
        scope,
        function_code,
        'project' as measure,  -- noqa: RF04
        project_amount as amount,
        rounding_step
    from leaves

),

-- the comparison overall (合计) and per 类
keyed as (

    select
        *,
        '合计' as class_code
    from measured
    union all
    select
        *,
        substring(function_code, 1, 3) as class_code
    from measured

),

sides as (

    select
        department_name,
        fiscal_year,
        phase,
        class_code,
        measure,
        max(case when scope = '部门' then document_id end) as document_id,
        count(distinct case when scope = '单位' then document_id end) as unit_document_count,
        sum(case when scope = '部门' then amount end) as department_amount,
        sum(case when scope = '单位' then amount end) as units_amount,
        count(amount) as figures,
        max(rounding_step) as rounding_step
    from keyed
    group by department_name, fiscal_year, phase, class_code, measure

),

-- the department's 部门 document and at least one 单位 document, whatever the 类
departments_with_units as (

    select
        department_name,
        fiscal_year,
        phase
    from sides
    where class_code = '合计'
    group by department_name, fiscal_year, phase
    having max(document_id) is not null and max(unit_document_count) > 0

),

instances as (

    select
        max(sides.document_id) over (partition by sides.department_name, sides.fiscal_year, sides.phase)
            as document_id,
        '部门 = Σ 单位 (' || cast(sides.unit_document_count as {{ dbt.type_string() }}) || ' unit documents) '
        || sides.class_code as subject,
        sides.measure,
        coalesce(sides.department_amount, 0) as expected,
        coalesce(sides.units_amount, 0) as actual,
        sides.figures * sides.rounding_step / 2 as tolerance
    from sides
    inner join departments_with_units
        on
            sides.department_name = departments_with_units.department_name
            and sides.fiscal_year = departments_with_units.fiscal_year
            and sides.phase = departments_with_units.phase

)

select * from instances
