{#- The amount columns the extractor can read from a national 功能分类 table (its `measure`
    values, src/budget_warehouse/national/grids.py): one list, so the pivot and the identities
    agree with the extractor. -#}
{% macro national_function_measures() -%}
    {{ return([
        'total_amount', 'basic_amount', 'project_amount',
        'fiscal_appropriation_amount', 'superior_subsidy_amount', 'business_revenue_amount',
        'operating_revenue_amount', 'affiliate_remittance_amount', 'other_revenue_amount',
        'remittance_to_superior_amount', 'operating_expenditure_amount', 'subsidy_to_affiliates_amount',
        'carryover_begin_amount', 'revenue_amount', 'carryover_end_amount',
    ]) }}
{%- endmacro %}


{#- The items of a national “三公”经费 table, as the extractor names them. -#}
{% macro three_public_measures() -%}
    {{ return([
        'total_amount', 'overseas_travel_amount', 'official_reception_amount',
        'official_vehicle_subtotal_amount', 'vehicle_purchase_amount', 'vehicle_operation_amount',
        'office_operation_amount',
    ]) }}
{%- endmacro %}


{#- What some “三公”经费 tables print beside the items: 会议费 and 培训费 (Jiangsu's 公开09表, Xi'an's
    表13), and Xi'an's 合计 of the “三公” total, 会议费 and 培训费. -#}
{% macro three_public_meeting_training_measures() -%}
    {{ return(['meeting_amount', 'training_amount', 'total_with_meeting_and_training_amount']) }}
{%- endmacro %}


{#- The amount columns of a national 经济分类 table. -#}
{% macro national_economic_measures() -%}
    {{ return(['total_amount', 'personnel_amount', 'public_amount']) }}
{%- endmacro %}


{#- The amount columns of a national 收支总表 side: the 预算数 / 决算数 / 合计, and its parts where
    a table prints them. -#}
{% macro national_ledger_measures() -%}
    {{ return([
        'amount', 'basic_amount', 'personnel_amount', 'public_amount', 'project_amount',
        'general_public_budget_amount', 'government_fund_amount', 'state_capital_amount',
    ]) }}
{%- endmacro %}
