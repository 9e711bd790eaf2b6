{#- Where a national row is printed, for fct_identity_checks and for people:
    '表5 2026年部门一般公共预算支出功能分类预算表 p.15 row 8: 2040605 普法宣传'. -#}
{% macro national_source_location(relation_alias, code_column, name_column) -%}
    '表' || {{ relation_alias }}.table_number || ' ' || {{ relation_alias }}.table_title
    || ' p.' || {{ relation_alias }}.page_number || ' row ' || {{ relation_alias }}.source_row_number || ': '
    || {% if code_column %}coalesce({{ relation_alias }}.{{ code_column }} || ' ', '') || {% endif -%}
    coalesce({{ relation_alias }}.{{ name_column }}, '')
{%- endmacro %}
