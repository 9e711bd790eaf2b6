-- fct_revenue_by_source with the document's year, phase, scope, counting flag and department and
-- the revenue source's name and parent on every row, for BI tools that cannot join. The tables
-- repeat the same money (收支总表, 财政拨款收支总表, a Shenzhen 表2 by unit): sum within one
-- source_table_number, as for the fact.
with

facts as (

    select * from {{ ref('fct_revenue_by_source') }}

),

documents as (

    select * from {{ ref('dim_document') }}

),

departments as (

    select * from {{ ref('dim_department') }}

),

sources as (

    select * from {{ ref('dim_revenue_source') }}

),

final as (

    select
        -- ids
        facts.document_id,
        documents.department_id,
        facts.revenue_source_code,

        -- the document
        documents.fiscal_year,
        cast(cast(documents.fiscal_year as {{ dbt.type_string() }}) || '-01-01' as date) as fiscal_year_start,
        documents.phase,
        documents.scope,
        documents.counts_in_totals,
        departments.current_department_id,
        departments.current_department_name as department_name,
        documents.department_name as published_department_name,

        -- the line
        facts.source_table_number,
        facts.source_page_number,
        facts.source_row_number,
        facts.published_name,
        sources.revenue_source_name,
        sources.parent_code as parent_revenue_source_code,

        -- amounts (万元)
        facts.amount

    from facts
    inner join documents
        on facts.document_id = documents.document_id
    inner join departments
        on documents.department_id = departments.department_id
    left join sources
        on facts.revenue_source_code = sources.revenue_source_code

)

select * from final
