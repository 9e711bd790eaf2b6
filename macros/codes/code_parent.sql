{#- The parent of a 功能分类 or 经济分类 code by the classification's structure, published or
    not: the code without its last two digits (2129901 -> 21299 -> 212); a 类 has none.
    Catalogues that skip levels need nearest_published_prefix instead. -#}
{% macro code_parent(code_column) -%}
    case when length({{ code_column }}) > 3 then substr({{ code_column }}, 1, length({{ code_column }}) - 2) end
{%- endmacro %}
