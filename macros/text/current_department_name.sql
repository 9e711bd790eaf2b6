{#- A department's name today: its successor's where it was renamed (dim_department's
    successor_department_id), else its own. `departments` and `successors` are aliases of
    dim_department, the second joined on the first's successor_department_id. -#}
{% macro current_department_name(departments, successors) -%}
    coalesce({{ successors }}.department_name, {{ departments }}.department_name)
{%- endmacro %}
