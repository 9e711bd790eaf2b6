{#- `expression` with every match of `pattern` (a regular expression, as Python would write
    it) removed. DuckDB replaces only the first match unless told 'g'; Spark always replaces
    all, and unescapes its string literals, so there every backslash is written twice. -#}
{% macro regexp_remove_all(expression, pattern) -%}
    {{ return(adapter.dispatch('regexp_remove_all', 'budget_warehouse')(expression, pattern)) }}
{%- endmacro %}

{% macro default__regexp_remove_all(expression, pattern) -%}
    regexp_replace({{ expression }}, '{{ pattern | replace("'", "''") }}', '', 'g')
{%- endmacro %}

{% macro spark__regexp_remove_all(expression, pattern) -%}
    regexp_replace({{ expression }}, '{{ pattern | replace("\\", "\\\\") | replace("'", "\\'") }}', '')
{%- endmacro %}
