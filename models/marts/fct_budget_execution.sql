-- A department's budget against its final account for the same year, by 功能分类 leaf and budget
-- type, wherever both are loaded: the 部门预算 (not the 单位预算, which would count the same
-- money twice) against the 部门决算. A subject in only one of them has NULL on the other side.
-- And, from the final account alone, every line it prints with its 预算数 beside its 决算数 (the
-- “三公” table of every family that prints one; any table a family prints that way).
with

spending as (

    select * from {{ ref('fct_expenditure_by_function') }}

),

documents as (

    select * from {{ ref('stg_disclosure__documents') }}
    where is_current and scope = '部门'

),

cells as (

    select * from {{ ref('stg_disclosure__table_cells') }}
    where phase = '决算' and figure_kind in ('budget', 'actual') and row_kind != 'unit_subject'

),

-- the final accounts that count in totals: a 单位决算 beside its 部门决算 would pair the same lines twice
final_account_documents as (

    select * from {{ ref('dim_document') }}
    where counts_in_totals and phase = '决算'

),

by_phase as (

    select
        {{ department_id('documents.department_name') }} as department_id,
        documents.fiscal_year,
        documents.phase,
        documents.document_id,
        spending.budget_type,
        spending.function_code,
        spending.total_amount
    from spending
    inner join documents
        on spending.document_id = documents.document_id

),

budgets as (

    select * from by_phase
    where phase = '预算'

),

actuals as (

    select * from by_phase
    where phase = '决算'

),

paired as (

    select
        coalesce(budgets.department_id, actuals.department_id) as department_id,
        coalesce(budgets.fiscal_year, actuals.fiscal_year) as fiscal_year,
        coalesce(budgets.budget_type, actuals.budget_type) as budget_type,
        coalesce(budgets.function_code, actuals.function_code) as function_code,
        budgets.document_id as budget_document_id,
        actuals.document_id as final_account_document_id,
        budgets.total_amount as budget_amount,
        actuals.total_amount as actual_amount
    from budgets
    full outer join actuals
        on
            budgets.department_id = actuals.department_id
            and budgets.fiscal_year = actuals.fiscal_year
            and budgets.budget_type = actuals.budget_type
            and budgets.function_code = actuals.function_code

),

-- Only department-years with both documents: execution needs a budget and an outcome.
both_loaded as (

    select
        department_id,
        fiscal_year
    from paired
    group by department_id, fiscal_year
    having count(budget_document_id) > 0 and count(final_account_document_id) > 0

),

-- a final account's line, its 预算数 and 决算数 paired by table, code and measure (the two may be
-- printed on rows of their own, named 预算数 and 决算数)
final_account_lines as (

    select
        {{ department_id('final_account_documents.department_name') }} as department_id,
        final_account_documents.fiscal_year,
        final_account_documents.document_id,
        cells.table_key,
        cells.code,
        cells.measure,
        min(cells.page_number) as source_page_number,
        cast(sum(case when cells.figure_kind = 'budget' then cells.amount end) as decimal(28, 6)) as budget_amount,
        cast(sum(case when cells.figure_kind = 'actual' then cells.amount end) as decimal(28, 6)) as actual_amount
    from cells
    inner join final_account_documents
        on cells.document_id = final_account_documents.document_id
    group by
        final_account_documents.department_name,
        final_account_documents.fiscal_year,
        final_account_documents.document_id,
        cells.table_key,
        cells.code,
        cells.measure
    having
        count(case when cells.figure_kind = 'budget' then 1 end) > 0
        and count(case when cells.figure_kind = 'actual' then 1 end) > 0

),

from_final_accounts as (

    select
        department_id,
        fiscal_year,
        case table_key
            when 'general_public_budget_expenditure' then 'general_public_budget'
            when 'government_fund_expenditure' then 'government_fund_budget'
            when 'state_capital_expenditure' then 'state_capital_budget'
        end as budget_type,
        code as function_code,
        cast(null as {{ dbt.type_string() }}) as budget_document_id,
        document_id as final_account_document_id,
        budget_amount,
        actual_amount,
        'final_account' as execution_source,
        table_key as source_table,
        measure as source_measure,
        source_page_number
    from final_account_lines

),

from_both_documents as (

    select
        paired.department_id,
        paired.fiscal_year,
        paired.budget_type,
        paired.function_code,
        paired.budget_document_id,
        paired.final_account_document_id,
        paired.budget_amount,
        paired.actual_amount,
        'budget_and_final_account' as execution_source,
        'expenditure_by_function' as source_table,
        'total_amount' as source_measure,
        cast(null as {{ dbt.type_int() }}) as source_page_number
    from paired
    inner join both_loaded
        on paired.department_id = both_loaded.department_id and paired.fiscal_year = both_loaded.fiscal_year

),

execution as (

    select * from from_both_documents
    union all
    select * from from_final_accounts

),

final as (

    select
        -- ids
        department_id,
        fiscal_year,
        budget_type,
        function_code,
        budget_document_id,
        final_account_document_id,

        -- amounts (万元)
        budget_amount,
        actual_amount,
        cast(
            case when budget_amount != 0 then actual_amount / budget_amount end
            as {{ dbt.type_numeric() }}
        ) as execution_rate,

        -- where the pair comes from (added after the amounts: the columns above keep their places)
        execution_source,
        source_table,
        source_measure,
        source_page_number

    from execution

)

select * from final
