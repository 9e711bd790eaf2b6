-- The 功能分类 tables of the national templates (收入/支出总表, the 一般公共预算, 政府性基金 and
-- 国有资本经营 tables, in budgets and final accounts), one row per published row with one column
-- per amount column. A measure the table does not print is NULL.
with

printed as (

    select * from {{ ref('stg_disclosure__table_cells') }}
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
consolidated as (

    {{ subjects_consolidated('printed') }}

),

-- Tables that print 人员经费 and 公用经费 without their 基本支出 subtotal (Xi'an's 表5): basic
-- spending is their sum, by definition.
basic_in_parts as (

    select
        document_id,
        table_number
    from consolidated
    group by document_id, table_number
    having
        count(case when measure = 'basic_amount' then 1 end) = 0
        and count(case when measure in ('personnel_amount', 'public_amount') then 1 end) > 0

),

cells as (

    select
        consolidated.document_id,
        consolidated.table_number,
        consolidated.table_key,
        consolidated.page_number,
        consolidated.source_row_number,
        consolidated.code,
        consolidated.row_kind,
        consolidated.item_name,
        consolidated.phase,
        consolidated.scope,
        consolidated.table_title,
        consolidated.amount,
        consolidated.rounding_step,
        case
            when
                basic_in_parts.document_id is not null
                and consolidated.measure in ('personnel_amount', 'public_amount')
                then 'basic_amount'
            else consolidated.measure
        end as measure
    from consolidated
    left join basic_in_parts
        on
            consolidated.document_id = basic_in_parts.document_id
            and consolidated.table_number = basic_in_parts.table_number

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
