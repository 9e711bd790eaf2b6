-- fct_basic_expenditure_by_economic_class with the document, the department's current and
-- published names and the 经济分类 class and subject names on each row, for BI tools that cannot
-- join. A table, not a view, for the reason given in wide_expenditure_by_function.
with

facts as (

    select * from {{ ref('fct_basic_expenditure_by_economic_class') }}

),

documents as (

    select * from {{ ref('dim_document') }}

),

departments as (

    select * from {{ ref('dim_department') }}

),

subjects as (

    select * from {{ ref('dim_economic_subject') }}

),

final as (

    select
        -- ids
        facts.document_id,
        documents.department_id,
        facts.economic_code,

        -- the document
        documents.fiscal_year,
        documents.phase,
        documents.scope,
        departments.current_department_id,
        departments.current_department_name as department_name,
        documents.department_name as published_department_name,

        -- the 经济分类 subject and its 类
        subjects.level as economic_level,
        subjects.economic_name,
        subjects.class_code,
        subjects.class_name,

        -- amounts (万元)
        {%- for column in funding_source_columns()[1:] %}
            facts.{{ column }},
        {%- endfor %}
        facts.total_amount,
        facts.personnel_amount,
        facts.public_amount,
        -- deprecated alias of total_amount, kept for existing queries (README.md, Deprecations)
        facts.amount,

        -- counting and time (added after the amounts: the columns above keep their places)
        documents.counts_in_totals,
        cast(cast(documents.fiscal_year as {{ dbt.type_string() }}) || '-01-01' as date) as fiscal_year_start

    from facts
    inner join documents
        on facts.document_id = documents.document_id
    inner join departments
        on documents.department_id = departments.department_id
    inner join subjects
        on facts.economic_code = subjects.economic_code

)

select * from final
