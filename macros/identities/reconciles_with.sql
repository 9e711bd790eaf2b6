{#- Cross-table identity: for each document (and each value of match_by), the sum of
    `expression` over relation equals the sum of `compare_expression` over compare_relation.
    A key that one side does not publish counts as 0 there, unless only_expected_keys limits
    the check to the keys of relation (表14 has forms for some of 表13's projects only).
    figures_per_row says how many published figures one row's expression adds up, for the
    rounding tolerance. both_sides_printed limits the check to the documents that print both sides:
    a family that leaves one of the tables out (Shenzhen's PDF reads no 收入总表 by 功能分类) is not
    compared with 0. -#}
{% macro reconciles_with(
    relation, compare_relation, identity_name, tables, expression, compare_expression, subject,
    match_by=[], filter=none, compare_filter=none, figures_per_row=1, compare_figures_per_row=1,
    only_expected_keys=false, rounding_step_column='rounding_step', both_sides_printed=false
) %}
    {%- set sides = [
        ('expected_side', relation, expression, filter, figures_per_row),
        ('actual_side', compare_relation, compare_expression, compare_filter, compare_figures_per_row),
    ] %}

    with

    {% for side_name, side_relation, side_expression, side_filter, side_figures in sides %}
    {{ side_name }} as (

        select
            document_id,
            {%- for column in match_by %}
            cast({{ column }} as {{ dbt.type_string() }}) as match_{{ loop.index }},
            {%- endfor %}
            sum({{ side_expression }}) as amount,
            count({{ side_expression }}) * {{ side_figures }} as figures,
            max({{ rounding_step_column }}) as rounding_step
        from {{ side_relation }}
        where {{ side_filter or 'true' }}
        group by document_id{% for column in match_by %}, {{ column }}{% endfor %}

    ),
    {% endfor %}

    instances as (

        select
            coalesce(expected_side.document_id, actual_side.document_id) as document_id,
            {% if match_by -%}
            '{{ subject }} ' || {% for column in match_by -%}
            coalesce(expected_side.match_{{ loop.index }}, actual_side.match_{{ loop.index }})
            {%- if not loop.last %} || '/' || {% endif %}
            {%- endfor %}
            {%- else -%}
            '{{ subject }}'
            {%- endif %} as subject,
            'sum' as measure,
            coalesce(expected_side.amount, 0) as expected,
            coalesce(actual_side.amount, 0) as actual,
            (
                coalesce(expected_side.figures * expected_side.rounding_step, 0)
                + coalesce(actual_side.figures * actual_side.rounding_step, 0)
            ) / 2 as tolerance
        from expected_side
        full outer join actual_side
            on
                expected_side.document_id = actual_side.document_id
                {%- for column in match_by %}
                and expected_side.match_{{ loop.index }} = actual_side.match_{{ loop.index }}
                {%- endfor %}
        {%- if only_expected_keys and both_sides_printed %}
        where expected_side.document_id is not null and actual_side.document_id is not null
        {%- elif only_expected_keys %}
        where expected_side.document_id is not null
        {%- elif both_sides_printed %}
        where expected_side.document_id is not null and actual_side.document_id is not null
        {%- endif %}

    )

    select
        document_id,
        {{ identity_outcome_columns(identity_name, tables) }}
    from instances
{% endmacro %}
