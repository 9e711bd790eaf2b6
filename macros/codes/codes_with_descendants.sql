{#- The codes under which a deeper code of the same group is published, one row per group and
    code. A subject whose code is not listed is a leaf: the deepest published row of its branch,
    which facts hold so that subtrees sum once. A code with any published descendant is the
    nearest published prefix of one (of the descendant, or of a code between the two), so these
    are exactly the parents nearest_published_prefix finds. -#}
{% macro codes_with_descendants(relation, code_column, group_by=['document_id']) -%}
    select distinct
        {%- for column in group_by %}
        {{ column }},
        {%- endfor %}
        parent_code as {{ code_column }}
    from ({{ nearest_published_prefix(relation, code_column, group_by) }}) as parents
{%- endmacro %}
