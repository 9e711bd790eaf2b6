{#- The level of a 功能分类 or 经济分类 code from its length: 类 (3 digits) is 1, 款 (5) is 2,
    项 (7) is 3. Anything else, a total row's NULL code included, has no level. -#}
{% macro code_level(code_column) -%}
    case length({{ code_column }}) when 3 then 1 when 5 then 2 when 7 then 3 end
{%- endmacro %}
