{#- The 资金来源 (funding source) columns of 表2, 表4 and 表5, in the template's order: 总计 first,
    then 财政预算拨款 and its parts, then the other sources. The list is the `funding_columns` var
    of dbt_project.yml, which the extractor reads too. -#}
{% macro funding_source_columns() -%}
    {%- set columns = [] %}
    {%- for entry in var('funding_columns') %}
        {%- do columns.append(entry['column']) %}
    {%- endfor %}
    {{ return(columns) }}
{%- endmacro %}
