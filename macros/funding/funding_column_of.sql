{#- The funding-source column (of 表2, 表4 and 表5) that publishes a ref_revenue_sources code,
    NULL for a source without a column of its own; from the `funding_columns` var, so the
    reference tree and the seed columns name the same columns. -#}
{% macro funding_column_of(revenue_source_code) -%}
    case {{ revenue_source_code }}
        {%- for entry in var('funding_columns') %}
        when '{{ entry['revenue_source'] }}' then '{{ entry['column'] }}'
        {%- endfor %}
    end
{%- endmacro %}
