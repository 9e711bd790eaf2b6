{#- Each published code's parent: the nearest (longest) code published in the same group that
    is a proper prefix of it, so skipped levels are handled (A9900 sits under A, A03020204
    under A030202). One row per group and code that has a parent, with
    `parent_code` and `ancestor_count`, the number of its published proper prefixes; a code
    without a published prefix has no row, so callers left join.

    Distinct codes meet only their own prefixes (prefix_lengths): the work grows with the number
    of codes, not its square, however often a code is repeated. -#}
{% macro nearest_published_prefix(relation, code_column, group_by=[]) -%}
    {%- set distinct_codes -%}
        (
            select distinct
                {%- for column in group_by %}
                {{ column }},
                {%- endfor %}
                {{ code_column }}
            from {{ relation }}
            where {{ code_column }} is not null
        )
    {%- endset -%}
    select
        {%- for column in group_by %}
        {{ column }},
        {%- endfor %}
        {{ code_column }},
        parent_code,
        ancestor_count
    from (
        select
            {%- for column in group_by %}
            child.{{ column }},
            {%- endfor %}
            child.{{ code_column }},
            parent.{{ code_column }} as parent_code,
            row_number() over (
                partition by {% for column in group_by %}child.{{ column }}, {% endfor %}child.{{ code_column }}
                order by prefix_lengths.prefix_length desc
            ) as nearness,
            count(*) over (
                partition by {% for column in group_by %}child.{{ column }}, {% endfor %}child.{{ code_column }}
            ) as ancestor_count
        from {{ distinct_codes }} as child
        inner join ({{ prefix_lengths() }}) as prefix_lengths
            on prefix_lengths.prefix_length < length(child.{{ code_column }})
        inner join {{ distinct_codes }} as parent
            on
                {%- for column in group_by %}
                parent.{{ column }} = child.{{ column }} and
                {%- endfor %}
                parent.{{ code_column }} = substr(child.{{ code_column }}, 1, prefix_lengths.prefix_length)
    ) as prefixes
    where nearness = 1
{%- endmacro %}
