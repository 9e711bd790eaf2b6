{#- Hierarchy identity: every published parent amount equals the sum of its children's, for
    each group (document, and table where a model holds several) and each amount column.

    A row's parent is found one of three ways:
    - code_prefix: the nearest published code that is a proper prefix of the row's code
      (node_column), so skipped levels are handled (A9900 under A);
    - parent_column: the row's declared parent, matched against node_column;
    - neither: every row is a child of the root.
    Rows matching root_filter form the root; rows without a parent hang under it. Only parents
    matching parent_filter are checked (all by default). Parents left blank are not checked:
    the template leaves 款 totals blank in 表7. -#}
{% macro parent_equals_sum_of_children(
    relation, identity_name, tables, amount_columns, subject, node_column=none, parent_column=none,
    code_prefix=false, root_filter=none, row_filter=none, parent_filter=none, group_by=['document_id'],
    rounding_step_column='rounding_step'
) %}
    {%- set same_group -%}
        {%- for column in group_by %} {% if not loop.first %}and {% endif %}left_side.group_{{ loop.index }} = right_side.group_{{ loop.index }}{% endfor -%}
    {%- endset -%}
    {%- set group_names = [] %}
    {%- for column in group_by %}{% do group_names.append('group_' ~ loop.index) %}{% endfor %}
    {%- set group_columns -%}
        {%- for column in group_by %}group_{{ loop.index }}{% if not loop.last %}, {% endif %}{% endfor -%}
    {%- endset %}

    with

    scoped as (

        select
            document_id,
            {%- for column in group_by %}
            {{ column }} as group_{{ loop.index }},
            {%- endfor %}
            {{ subject }} as row_subject,
            case
                when {{ root_filter or 'false' }} then '(root)'
                else cast({{ node_column or 'source_row_number' }} as {{ dbt.type_string() }})
            end as node,
            cast({{ parent_column or 'null' }} as {{ dbt.type_string() }}) as declared_parent,
            {{ parent_filter or 'true' }} as is_checked_parent,
            {{ rounding_step_column }} as rounding_step,
            {%- for column in amount_columns %}
            {{ column }} as amount_{{ loop.index }}{% if not loop.last %},{% endif %}
            {%- endfor %}
        from {{ relation }}
        where {{ row_filter or 'true' }}

    ),

    {% if code_prefix %}
    nodes as (

        select *
        from scoped
        where node != '(root)'

    ),

    prefix_parents as (

        {{ nearest_published_prefix('nodes', 'node', group_names) }}

    ),
    {% endif %}

    edges as (

        select
            left_side.*,
            {% if code_prefix -%}
            coalesce(right_side.parent_code, '(root)') as parent_node
            {%- else -%}
            coalesce(left_side.declared_parent, '(root)') as parent_node
            {%- endif %}
        from scoped as left_side
        {% if code_prefix -%}
        left join prefix_parents as right_side
            on {{ same_group }} and left_side.node = right_side.node
        {%- endif %}
        where left_side.node != '(root)'

    ),

    children as (

        select
            {{ group_columns }},
            parent_node,
            max(rounding_step) as rounding_step,
            {%- for column in amount_columns %}
            sum(amount_{{ loop.index }}) as sum_{{ loop.index }},
            count(amount_{{ loop.index }}) as count_{{ loop.index }}{% if not loop.last %},{% endif %}
            {%- endfor %}
        from edges
        group by {{ group_columns }}, parent_node

    ),

    instances as (

        {% for column in amount_columns %}
        select
            left_side.document_id,
            left_side.row_subject as subject,
            '{{ column }}' as measure,
            left_side.amount_{{ loop.index }} as expected,
            coalesce(right_side.sum_{{ loop.index }}, 0) as actual,
            (left_side.rounding_step + right_side.rounding_step * right_side.count_{{ loop.index }}) / 2 as tolerance
        from scoped as left_side
        inner join children as right_side
            on {{ same_group }} and right_side.parent_node = left_side.node
        where left_side.amount_{{ loop.index }} is not null and left_side.is_checked_parent
        {% if not loop.last %}union all{% endif %}
        {% endfor %}

    )

    select
        document_id,
        {{ identity_outcome_columns(identity_name, tables) }}
    from instances
{% endmacro %}
