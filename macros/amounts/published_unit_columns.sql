{#- The published unit and rounding step, kept beside amounts converted to 万元. -#}
{% macro published_unit_columns() -%}
    amount_unit as published_unit,
    cast(amount_precision as {{ dbt.type_numeric() }}) as published_precision,
    {{ to_wan_yuan('amount_precision') }} as rounding_step
{%- endmacro %}
