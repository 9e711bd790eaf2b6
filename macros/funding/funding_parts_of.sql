{#- The funding-source columns that add up into parent_column (their `parent` in the
    `funding_columns` var of dbt_project.yml), in the template's order: the part columns of a
    total-equals-its-parts identity. key='revenue_source' gives their ref_revenue_sources codes
    instead of their column names. -#}
{% macro funding_parts_of(parent_column, key='column') -%}
    {%- set parts = [] %}
    {%- for entry in var('funding_columns') %}
        {%- if entry.get('parent') == parent_column %}
            {%- do parts.append(entry[key]) %}
        {%- endif %}
    {%- endfor %}
    {%- if not parts %}
        {{ exceptions.raise_compiler_error(
            "funding_parts_of: no column of the funding_columns var (dbt_project.yml) has the parent '"
            ~ parent_column ~ "'"
        ) }}
    {%- endif %}
    {{ return(parts) }}
{%- endmacro %}
