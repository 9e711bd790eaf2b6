{#- Column lists shared by tables of one template family, so each list is written once. -#}

{#- The 资金来源 (funding source) columns of 表2, 表4 and 表5, in the template's order: 总计 first,
    then 财政预算拨款 and its parts, then the other sources. -#}
{% macro funding_source_columns() -%}
    {{ return([
        'total_amount',
        'fiscal_appropriation_subtotal_amount',
        'general_public_budget_subtotal_amount',
        'general_funding_amount',
        'special_funds_amount',
        'government_investment_amount',
        'government_fund_budget_amount',
        'state_capital_budget_amount',
        'fiscal_special_account_amount',
        'business_revenue_amount',
        'business_operating_revenue_amount',
        'other_revenue_amount',
        'higher_level_subsidy_amount',
        'subordinate_unit_remittance_amount',
        'business_fund_draw_amount',
        'prior_year_carryover_amount',
    ]) }}
{%- endmacro %}


{#- Typed select list of a 表2/表4/表5 seed's funding-source columns, in 万元. -#}
{% macro staged_funding_source_columns() -%}
    {%- for column in funding_source_columns() %}
        {{ to_wan_yuan(column) }} as {{ column }}{% if not loop.last %},{% endif %}
    {%- endfor %}
{%- endmacro %}


{#- Typed select list shared by the 功能分类 tables 表7, 表8 and 表9. -#}
{% macro staged_function_expenditure_columns() -%}
        -- ids
        {{ disclosure_key_columns() }},
        row_kind,
        function_code,

        -- amounts (万元)
        {{ to_wan_yuan('total_amount') }} as total_amount,
        {{ to_wan_yuan('basic_amount') }} as basic_amount,
        {{ to_wan_yuan('project_amount') }} as project_amount,

        -- text
        {{ clean_text('unit_name') }} as unit_name,
        {{ clean_text('function_name') }} as function_name,
        {{ name_key('function_name') }} as function_name_key,
        {{ published_unit_columns() }}
{%- endmacro %}


{#- Typed select list shared by the two-ledger tables 表1 and 表6. -#}
{% macro staged_ledger_columns() -%}
        -- ids
        {{ disclosure_key_columns() }},
        side,

        -- amounts (万元)
        {{ to_wan_yuan('amount') }} as amount,

        -- text
        {{ clean_text('item_name') }} as item_name,
        {{ name_key('item_name') }} as item_name_key,
        {{ published_unit_columns() }}
{%- endmacro %}
