{#- Row identity: in each row where the total is published, it equals the sum of the part
    columns (blank parts count as 0 and are not counted as figures). -#}
{% test total_equals_sum_of_parts(
    model, identity_name, family, tables, total_column, part_columns, subject,
    row_filter=none, rounding_step_column='rounding_step'
) %}
    {#- A broken identity is a finding about the document: it warns, and the build publishes with the
        document flagged, unless the build is strict (`budget-warehouse build --strict`). -#}
    {{ config(severity=identity_severity()) }}
    {{ broken_identity_instances(identity_name) }}
{% endtest %}

{% macro identity_row_instances(
    relation, identity_name, family, tables, total_column, part_columns, subject,
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
        {{ identity_outcome_columns(identity_name, family, tables) }}
    from instances
{% endmacro %}
