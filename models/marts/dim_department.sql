-- Departments under every name they have published under. A document's own name is one;
-- the name a “三公” table gives to last year's row, where it differs, is the department's
-- predecessor (Shenzhen's 表12: 深圳市龙华区政务服务局 before it became 深圳市龙华区政务服务数据管理局).
with

documents as (

    select * from {{ ref('stg_disclosure__documents') }}

),

three_public_expenses as (

    select * from {{ ref('int_three_public_expenses_unioned') }}

),

publishers as (

    select
        department_name,
        min(fiscal_year) as first_fiscal_year,
        max(fiscal_year) as last_fiscal_year,
        count(*) as document_count
    from documents
    group by department_name

),

renames as (

    select
        three_public_expenses.unit_name as department_name,
        documents.department_name as successor_name,
        row_number() over (
            partition by three_public_expenses.unit_name
            order by documents.fiscal_year desc, documents.department_name asc
        ) as recency
    from three_public_expenses
    inner join documents
        on three_public_expenses.document_id = documents.document_id
    where
        three_public_expenses.budget_year < documents.fiscal_year
        and three_public_expenses.unit_name != documents.department_name

),

-- A name that several departments give as their predecessor (a split) links to the latest.
predecessors as (

    select
        department_name,
        successor_name
    from renames
    where recency = 1

),

names as (

    select department_name from publishers
    union
    select department_name from predecessors

),

-- A renamed department follows its renames to today's name: at most four hops, which also ends
-- any loop a publisher's mistake could make.
current_names as (

    select
        names.department_name,
        coalesce(
            hop4.successor_name,
            hop3.successor_name,
            hop2.successor_name,
            hop1.successor_name,
            names.department_name
        ) as current_name
    from names
    left join predecessors as hop1 on names.department_name = hop1.department_name
    left join predecessors as hop2 on hop1.successor_name = hop2.department_name
    left join predecessors as hop3 on hop2.successor_name = hop3.department_name
    left join predecessors as hop4 on hop3.successor_name = hop4.department_name

),

final as (

    select
        -- ids
        {{ department_id('names.department_name') }} as department_id,
        {{ department_id('predecessors.successor_name') }} as successor_department_id,

        -- text
        names.department_name,

        -- years and counts
        publishers.first_fiscal_year,
        publishers.last_fiscal_year,
        cast(coalesce(publishers.document_count, 0) as {{ dbt.type_int() }}) as document_count,

        -- flags
        publishers.department_name is not null as has_documents,

        -- the department today
        {{ department_id('current_names.current_name') }} as current_department_id,
        current_names.current_name as current_department_name

    from names
    left join publishers on names.department_name = publishers.department_name
    left join predecessors on names.department_name = predecessors.department_name
    inner join current_names on names.department_name = current_names.department_name

)

select * from final
