-- A department's budget against its final account for the same year, by 功能分类 leaf and budget
-- type, wherever both are loaded: the 部门预算 (not the 单位预算, which would count the same
-- money twice) against the 部门决算. A subject in only one of them has NULL on the other side.
with

spending as (

    select * from {{ ref('fct_expenditure_by_function') }}

),

documents as (

    select * from {{ ref('stg_disclosure__documents') }}
    where is_current and scope = '部门'

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

final as (

    select
        -- ids
        paired.department_id,
        paired.fiscal_year,
        paired.budget_type,
        paired.function_code,
        paired.budget_document_id,
        paired.final_account_document_id,

        -- amounts (万元)
        paired.budget_amount,
        paired.actual_amount,
        cast(
            case when paired.budget_amount != 0 then paired.actual_amount / paired.budget_amount end
            as {{ dbt.type_numeric() }}
        ) as execution_rate

    from paired
    inner join both_loaded
        on paired.department_id = both_loaded.department_id and paired.fiscal_year = both_loaded.fiscal_year

)

select * from final
