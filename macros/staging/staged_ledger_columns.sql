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
