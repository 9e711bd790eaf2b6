{#- The codes under which a deeper code of the same group is published (a proper prefix of
    another code), one row per group and code. A subject whose code is not listed is a leaf:
    the deepest published row of its branch, which facts hold so that subtrees sum once.
    Distinct codes meet only their own prefixes, so a code repeated thousands of times in one
    document costs no more than once. -#}
{% macro codes_with_descendants(relation, code_column, group_by=['document_id']) -%}
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
    select distinct
        {%- for column in group_by %}
        parent.{{ column }},
        {%- endfor %}
        parent.{{ code_column }}
    from {{ distinct_codes }} as child
    inner join ({{ prefix_lengths() }}) as prefix_lengths
        on prefix_lengths.prefix_length < length(child.{{ code_column }})
    inner join {{ distinct_codes }} as parent
        on
            {%- for column in group_by %}
            parent.{{ column }} = child.{{ column }} and
            {%- endfor %}
            parent.{{ code_column }} = substr(child.{{ code_column }}, 1, prefix_lengths.prefix_length)
{%- endmacro %}
