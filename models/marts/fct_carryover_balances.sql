-- 年初结转和结余 and 年末结转和结余 (balances carried into and out of the year) as final accounts
-- print them in their 收入支出决算总表 and 财政拨款收入支出决算总表, with the breakdown by budget
-- type where the 财政拨款 table gives one. One row per published line.
with

lines as (

    select * from {{ ref('int_national_ledger_lines') }}
    where phase = '决算' and item_name like '%结转和结余%'

),

final as (

    select
        -- ids
        document_id,
        table_key,
        table_number as source_table_number,
        page_number as source_page_number,
        source_row_number,

        -- text
        case when item_name like '%年初%' then 'opening' else 'closing' end as balance_kind,
        item_name,
        side,

        -- amounts (万元): the line's total, then its parts by budget type
        amount as total_amount,
        general_public_budget_amount,
        government_fund_amount,
        state_capital_amount,
        -- deprecated alias of total_amount, kept for existing queries (README.md, Deprecations)
        amount

    from lines

)

select * from final
