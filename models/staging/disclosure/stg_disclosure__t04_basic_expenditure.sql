with

source as (

    select * from {{ ref('t04_basic_expenditure') }}

),

renamed as (

    select
        -- ids
        {{ disclosure_key_columns() }},
        row_kind,

        -- amounts (万元)
        {{ to_wan_yuan('total_amount') }} as total_amount,
        {{ to_wan_yuan('fiscal_appropriation_subtotal_amount') }} as fiscal_appropriation_subtotal_amount,
        {{ to_wan_yuan('general_public_budget_subtotal_amount') }} as general_public_budget_subtotal_amount,
        {{ to_wan_yuan('general_funding_amount') }} as general_funding_amount,
        {{ to_wan_yuan('special_funds_amount') }} as special_funds_amount,
        {{ to_wan_yuan('government_investment_amount') }} as government_investment_amount,
        {{ to_wan_yuan('government_fund_budget_amount') }} as government_fund_budget_amount,
        {{ to_wan_yuan('state_capital_budget_amount') }} as state_capital_budget_amount,
        {{ to_wan_yuan('fiscal_special_account_amount') }} as fiscal_special_account_amount,
        {{ to_wan_yuan('business_revenue_amount') }} as business_revenue_amount,
        {{ to_wan_yuan('business_operating_revenue_amount') }} as business_operating_revenue_amount,
        {{ to_wan_yuan('other_revenue_amount') }} as other_revenue_amount,
        {{ to_wan_yuan('higher_level_subsidy_amount') }} as higher_level_subsidy_amount,
        {{ to_wan_yuan('subordinate_unit_remittance_amount') }} as subordinate_unit_remittance_amount,
        {{ to_wan_yuan('business_fund_draw_amount') }} as business_fund_draw_amount,
        {{ to_wan_yuan('prior_year_carryover_amount') }} as prior_year_carryover_amount,

        -- text
        {{ clean_text('item_name') }} as item_name,
        {{ name_key('item_name') }} as item_name_key,
        {{ published_unit_columns() }}

    from source

)

select * from renamed
