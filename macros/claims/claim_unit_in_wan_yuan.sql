{#- How many 万元 one unit of a claim's money figure is (亿元 10,000; 万元 1; 千元 0.1; 元 0.0001);
    NULL for a share or a count, which are not money. -#}
{% macro claim_unit_in_wan_yuan(unit_column) -%}
    cast(
        case {{ unit_column }}
            when '亿元' then 10000
            when '万元' then 1
            when '千元' then 0.1
            when '元' then 0.0001
        end
        as {{ dbt.type_numeric() }}
    )
{%- endmacro %}
