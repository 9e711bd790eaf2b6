{#- A department's key: a short hash of its name as published, stable across builds. -#}
{% macro department_id(name_column) -%}
    substr({{ dbt.hash(name_column) }}, 1, 16)
{%- endmacro %}
