{#- The codes under which a deeper code of the same group is published (a proper prefix of
    another code), one row per group and code. A subject whose code is not listed is a leaf:
    the deepest published row of its branch, which facts hold so that subtrees sum once. -#}
{% macro codes_with_descendants(relation, code_column, group_by=['document_id']) -%}
    select distinct
        {%- for column in group_by %}
        parent.{{ column }},
        {%- endfor %}
        parent.{{ code_column }}
    from {{ relation }} as parent
    inner join {{ relation }} as child
        on
            {%- for column in group_by %}
            parent.{{ column }} = child.{{ column }} and
            {%- endfor %}
            length(child.{{ code_column }}) > length(parent.{{ code_column }})
            and substr(child.{{ code_column }}, 1, length(parent.{{ code_column }})) = parent.{{ code_column }}
{%- endmacro %}
