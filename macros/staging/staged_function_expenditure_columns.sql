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

{#- The columns of 表7, 表8 and 表9 that staged_function_expenditure_columns() types. -#}
{% macro staged_function_expenditure_measures() -%}
    {{ return(['unit_name', 'function_code', 'function_name', 'total_amount', 'basic_amount', 'project_amount']) }}
{%- endmacro %}
