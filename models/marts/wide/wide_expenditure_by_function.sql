-- fct_expenditure_by_function with everything a chart needs on each row: the document's year,
-- phase and scope, the department's current and published names, and the 功能分类 code with its
-- 类 / 款 / 项 names. For BI tools that cannot join (a Superset dataset is one table). A table,
-- not a view: a view's SQL would name the catalog, and break when a tool attaches the file under
-- another name.
with

facts as (

    select * from {{ ref('fct_expenditure_by_function') }}

),

documents as (

    select * from {{ ref('dim_document') }}

),

departments as (

    select * from {{ ref('dim_department') }}

),

subjects as (

    select * from {{ ref('dim_function_subject') }}

),

final as (

    select
        -- ids
        facts.document_id,
        documents.department_id,
        facts.function_code,

        -- the document
        documents.fiscal_year,
        documents.phase,
        documents.scope,
        departments.current_department_id,
        departments.current_department_name as department_name,
        documents.department_name as published_department_name,
        facts.budget_type,

        -- the 功能分类 subject at every level
        subjects.level as function_level,
        subjects.function_name,
        subjects.class_code,
        subjects.class_name,
        subjects.subclass_code,
        subjects.subclass_name,
        subjects.item_code,
        subjects.item_name,

        -- amounts (万元)
        facts.basic_amount,
        facts.project_amount,
        facts.total_amount,

        -- counting and time (added after the amounts: the columns above keep their places)
        documents.counts_in_totals,
        cast(cast(documents.fiscal_year as {{ dbt.type_string() }}) || '-01-01' as date) as fiscal_year_start

    from facts
    inner join documents
        on facts.document_id = documents.document_id
    inner join departments
        on documents.department_id = departments.department_id
    inner join subjects
        on facts.function_code = subjects.function_code

)

select * from final
