{#- The values of a group joined in the order of `order_by`, NULLs left out; NULL when all are. dbt's listagg
    drops the order on Spark (its collect_list has none), so Spark sorts (order, value) pairs. -#}
{% macro ordered_concat(value, delimiter, order_by) -%}
    {{ return(adapter.dispatch('ordered_concat', 'budget_warehouse')(value, delimiter, order_by)) }}
{%- endmacro %}

{% macro default__ordered_concat(value, delimiter, order_by) -%}
    {{ dbt.listagg(value, delimiter, 'order by ' ~ order_by) }}
{%- endmacro %}

{% macro spark__ordered_concat(value, delimiter, order_by) -%}
    {#- Like listagg, NULL (not '') for a group without values. #}
    case when count({{ value }}) > 0 then array_join(
        transform(
            array_sort(collect_list(named_struct('position', {{ order_by }}, 'value', {{ value }}))),
            pair -> pair.value
        ),
        {{ delimiter }}
    ) end
{%- endmacro %}
