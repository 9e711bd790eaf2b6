-- The two ledgers of 表1 and 表6, each line given its role: the detail lines above
-- 本年收入合计 / 本年支出合计, those subtotals, the lines between them and the grand total
-- (上级补助收入, 结转下年, …), and 收入总计 / 支出总计.
with

budget_overview as (

    select * from {{ ref('stg_disclosure__t01_budget_overview') }}

),

fiscal_appropriation_overview as (

    select * from {{ ref('stg_disclosure__t06_fiscal_appropriation_overview') }}

),

unioned as (

    select * from budget_overview
    union all
    select * from fiscal_appropriation_overview

),

subtotal_rows as (

    select
        document_id,
        table_number,
        side,
        min(source_row_number) as subtotal_row_number
    from unioned
    where item_name_key in ('本年收入合计', '本年支出合计')
    group by document_id, table_number, side

),

final as (

    select
        -- ids
        unioned.document_id,
        unioned.table_number,
        unioned.source_row_number,
        unioned.source_line_number,
        unioned.side,

        -- amounts (万元)
        unioned.amount,

        -- text
        unioned.item_name,
        unioned.item_name_key,
        unioned.published_unit,
        unioned.published_rounding_step,
        unioned.rounding_step,
        case
            when unioned.item_name_key in ('本年收入合计', '本年支出合计') then 'current_year_total'
            when unioned.item_name_key in ('收入总计', '支出总计') then 'grand_total'
            when unioned.source_row_number < subtotal_rows.subtotal_row_number then 'detail'
            else 'outside_current_year'
        end as row_kind
    from unioned
    left join subtotal_rows
        on
            unioned.document_id = subtotal_rows.document_id
            and unioned.table_number = subtotal_rows.table_number
            and unioned.side = subtotal_rows.side

)

select * from final
