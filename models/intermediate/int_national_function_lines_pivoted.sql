-- The 功能分类 tables of the national templates (收入/支出总表, the 一般公共预算, 政府性基金 and
-- 国有资本经营 tables, in budgets and final accounts), one row per published row with one column
-- per amount column. A measure the table does not print is NULL.
with

printed as (

    select * from {{ ref('stg_disclosure__national_table_cells') }}
    where
        table_key in (
            'revenue_by_function',
            'expenditure_by_function',
            'general_public_budget_expenditure',
            'government_fund_expenditure',
            'state_capital_expenditure'
        )

),

-- A code printed more than once (a block per unit, a cross-tab): added up.
cells as (

    {{ subjects_consolidated('printed') }}

),

pivoted as (

    select
        -- ids
        document_id,
        table_number,
        table_key,
        page_number,
        source_row_number,
        code as function_code,

        -- text
        row_kind,
        item_name as function_name,
        phase,
        scope,
        min(table_title) as table_title,

        -- amounts (万元)
        {{ pivot_measures(national_function_measures()) }},

        -- units
        max(rounding_step) as rounding_step

    from cells
    group by
        document_id, table_number, table_key, page_number, source_row_number, code, row_kind, item_name, phase, scope

),

descendants as (

    {{ codes_with_descendants('pivoted', 'function_code', ['document_id', 'table_key']) }}

),

final as (

    select
        pivoted.*,
        {{ code_level('pivoted.function_code') }} as level,
        pivoted.row_kind = 'subject' and descendants.function_code is null as is_leaf,
        case pivoted.table_key
            when 'general_public_budget_expenditure' then 'general_public_budget'
            when 'government_fund_expenditure' then 'government_fund_budget'
            when 'state_capital_expenditure' then 'state_capital_budget'
        end as budget_type,
        {{ national_source_location('pivoted', 'function_code', 'function_name') }} as source_location
    from pivoted
    left join descendants
        on
            pivoted.document_id = descendants.document_id
            and pivoted.table_key = descendants.table_key
            and pivoted.function_code = descendants.function_code

)

select * from final
