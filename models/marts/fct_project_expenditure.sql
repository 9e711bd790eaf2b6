-- 表5's project spending at item level, each item with its category. Category and unit
-- totals stay in stg_disclosure__t05_project_expenditure for reconciliation.
with

rows_published as (

    select * from {{ ref('stg_disclosure__t05_project_expenditure') }}

),

items as (

    select * from rows_published
    where row_kind = 'item'

),

categories as (

    select * from rows_published
    where row_kind = 'category'

),

final as (

    select
        -- ids
        items.document_id,
        items.source_row_number,
        items.parent_source_row_number as category_source_row_number,

        -- amounts (万元)
        items.total_amount,
        items.fiscal_appropriation_subtotal_amount,
        items.general_public_budget_subtotal_amount,
        items.general_funding_amount,
        items.special_funds_amount,
        items.government_investment_amount,
        items.government_fund_budget_amount,
        items.state_capital_budget_amount,
        items.fiscal_special_account_amount,
        items.business_revenue_amount,
        items.business_operating_revenue_amount,
        items.other_revenue_amount,
        items.higher_level_subsidy_amount,
        items.subordinate_unit_remittance_amount,
        items.business_fund_draw_amount,
        items.prior_year_carryover_amount,

        -- text
        categories.item_name as category_name,
        items.item_name as project_item_name

    from items
    inner join categories
        on
            items.document_id = categories.document_id
            and items.parent_source_row_number = categories.source_row_number

)

select * from final
