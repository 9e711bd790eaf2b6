{#- One column per measure from long cells (`measure`, `amount`), typed as the marts' amounts:
    sum() would otherwise widen the decimal and break the contracts. Use inside a group by of the
    row's key. -#}
{% macro pivot_measures(measures) -%}
    {%- for measure in measures %}
    cast(sum(case when measure = '{{ measure }}' then amount end) as {{ dbt.type_numeric() }}) as {{ measure }}
    {%- if not loop.last %},{% endif %}
    {%- endfor %}
{%- endmacro %}
