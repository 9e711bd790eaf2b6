{#- One row per prefix length a classification code can have (1 to 31), as `prefix_length`.
    Joining codes to their prefixes through it is an equality join on each length, so finding
    parents grows with the number of codes, where comparing every code with every other grows
    with its square. -#}
{% macro prefix_lengths() -%}
    {%- for length in range(1, 32) %}
    select {{ length }} as prefix_length{% if not loop.last %} union all{% endif %}
    {%- endfor %}
{%- endmacro %}
