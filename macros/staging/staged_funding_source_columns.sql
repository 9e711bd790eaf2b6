{#- Typed select list of a 表2/表4/表5 seed's funding-source columns, in 万元. -#}
{% macro staged_funding_source_columns() -%}
    {%- for column in funding_source_columns() %}
        {{ to_wan_yuan(column) }} as {{ column }}{% if not loop.last %},{% endif %}
    {%- endfor %}
{%- endmacro %}
