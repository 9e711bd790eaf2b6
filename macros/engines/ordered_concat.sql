{#- The values of a group joined in the order of `order_by`, NULLs left out. dbt's listagg
    drops the order on Spark (its collect_list has none), so Spark sorts (order, value) pairs. -#}
{% macro ordered_concat(value, delimiter, order_by) -%}
    {{ return(adapter.dispatch('ordered_concat', 'budget_warehouse')(value, delimiter, order_by)) }}
{%- endmacro %}

{% macro default__ordered_concat(value, delimiter, order_by) -%}
    {{ dbt.listagg(value, delimiter, 'order by ' ~ order_by) }}
{%- endmacro %}

{% macro spark__ordered_concat(value, delimiter, order_by) -%}
    array_join(
        transform(
            array_sort(collect_list(named_struct('position', {{ order_by }}, 'value', {{ value }}))),
            pair -> pair.value
        ),
        {{ delimiter }}
    )
{%- endmacro %}
