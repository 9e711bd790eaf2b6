{#- Row identity: in each row where the total is published, it equals the sum of the part
    columns (blank parts count as 0 and are not counted as figures). -#}
{% macro total_equals_sum_of_parts(
    relation, identity_name, tables, total_column, part_columns, subject,
    row_filter=none, rounding_step_column='rounding_step'
) %}
    with

    instances as (

        select
            document_id,
            {{ subject }} as subject,
            '{{ total_column }}' as measure,
            {{ total_column }} as expected,
            {% for column in part_columns -%}
            coalesce({{ column }}, 0){% if not loop.last %} + {% endif %}
            {%- endfor %} as actual,
            {{ rounding_step_column }} * (
                1{% for column in part_columns %} + case when {{ column }} is null then 0 else 1 end{% endfor %}
            ) / 2 as tolerance
        from {{ relation }}
        where {{ total_column }} is not null and {{ row_filter or 'true' }}

    )

    select
        document_id,
        {{ identity_outcome_columns(identity_name, tables) }}
    from instances
{% endmacro %}
