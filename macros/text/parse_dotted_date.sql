{#- 'YYYY.MM.DD' as published in 表13 to a DATE; text that is no date becomes NULL (a test
    reports it) rather than failing the whole model. -#}
{% macro parse_dotted_date(text_expression) -%}
    {{ dbt.safe_cast("replace(trim(" ~ text_expression ~ "), '.', '-')", 'date') }}
{%- endmacro %}
