{#- How many decimals a figure is printed with ('9628.22' → 2, '686' → 0); NULL for no figure. -#}
{% macro printed_decimals(figure_column) -%}
    case
        when {{ figure_column }} is null then null
        when {{ figure_column }} like '%.%' then length({{ figure_column }}) - instr({{ figure_column }}, '.')
        else 0
    end
{%- endmacro %}
