{#- The published unit and rounding step, kept beside amounts converted to 万元. -#}
{% macro published_unit_columns() -%}
    published_unit,
    cast(published_rounding_step as {{ dbt.type_numeric() }}) as published_rounding_step,
    {{ to_wan_yuan('published_rounding_step') }} as rounding_step
{%- endmacro %}
