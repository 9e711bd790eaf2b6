{#- An amount as published (a plain decimal string written by the extractor), in 万元.
    表14 publishes in 元; 1 万元 = 10,000 元. An unknown unit fails the cast on purpose. -#}
{% macro to_wan_yuan(amount_column, unit_column='published_unit') -%}
    cast(
        case {{ unit_column }}
            when '万元' then cast({{ amount_column }} as {{ dbt.type_numeric() }})
            when '元' then cast({{ amount_column }} as {{ dbt.type_numeric() }}) / 10000
            else cast('unknown unit ' || {{ unit_column }} as {{ dbt.type_numeric() }})
        end
        as {{ dbt.type_numeric() }}
    )
{%- endmacro %}
