-- The national 收支总表 (财务收支 / 收入支出决算总表) and 财政拨款收支总表, one row per side of a
-- published row, with the amount columns pivoted: amount (预算数 / 决算数 / 合计), its parts where
-- a table splits it, and in the 财政拨款 overview one column per budget type.
with

cells as (

    select * from {{ ref('stg_disclosure__table_cells') }}
    where table_key in ('revenue_expenditure_overview', 'fiscal_appropriation_overview')

),

pivoted as (

    select
        -- ids
        document_id,
        table_number,
        table_key,
        page_number,
        source_row_number,

        -- text
        side,
        row_kind,
        item_name,
        {{ name_key('item_name') }} as item_name_key,
        phase,
        scope,
        min(table_title) as table_title,

        -- amounts (万元)
        {{ pivot_measures(national_ledger_measures()) }},

        -- units
        max(rounding_step) as rounding_step

    from cells
    group by
        document_id, table_number, table_key, page_number, source_row_number, side, row_kind, item_name, phase, scope

),

final as (

    select
        pivoted.*,
        {{ national_source_location('pivoted', none, 'item_name') }} as source_location
    from pivoted

)

select * from final
