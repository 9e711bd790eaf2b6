{#- A unit of the last printed digit (2 decimals → 0.01): how far a printed figure may be from
    the exact value, whether the publisher rounded it (87.7080 → 87.71) or cut it (→ 87.70). -#}
{% macro last_digit_unit(decimals_column) -%}
    cast(power(10, -{{ decimals_column }}) as {{ dbt.type_numeric() }})
{%- endmacro %}
