{#- Every instance of every identity test declared in the project's yml, holding or not.
    The yml test declarations are the only list of identities: this reads them from the graph
    and runs the same instance SQL the tests run, so the mart and the tests cannot drift.
    A model that an identity test reads must be a `-- depends_on:` of the calling model, so
    it is built first; a missing one stops the build with its name. -#}
{% macro identity_checks_from_graph() %}
    {%- set instance_macros = {
        'parent_equals_sum_of_children': identity_hierarchy_instances,
        'total_equals_sum_of_parts': identity_row_instances,
        'reconciles_with': identity_reconciliation_instances,
    } %}
    {%- set selects = [] %}
    {%- if execute %}
        {%- for node in graph.nodes.values() if node.resource_type == 'test' and node.test_metadata
            and node.test_metadata.name in instance_macros %}
            {%- set arguments = dict(node.test_metadata.kwargs) %}
            {%- do arguments.pop('model', none) %}
            {%- set relation = _identity_relation(node, node.attached_node) %}
            {%- if node.test_metadata.name == 'reconciles_with' %}
                {%- set compare_name = arguments.pop('compare_model').split("'")[1] %}
                {%- set compare_ids = [] %}
                {%- for unique_id in node.depends_on.nodes if unique_id.endswith('.' ~ compare_name) %}
                    {%- do compare_ids.append(unique_id) %}
                {%- endfor %}
                {%- set compare_id = compare_ids | first %}
                {%- do arguments.update({'compare_relation': _identity_relation(node, compare_id)}) %}
            {%- endif %}
            {%- set instances = instance_macros[node.test_metadata.name](relation=relation, **arguments) %}
            {%- do selects.append(
                "select *, cast('" ~ (node.config.severity | lower) ~ "' as " ~ dbt.type_string() ~ ") as severity from ("
                ~ instances ~ ") as identity_" ~ loop.index
            ) %}
        {%- endfor %}
    {%- endif %}
    {%- if selects %}
        {{ selects | join('\nunion all\n') }}
    {%- else %}
        {#- At parse time, or with no identity declared: the right columns and no rows. -#}
        select
            document_id,
            {{ identity_outcome_columns('', '', '') }},
            cast(null as {{ dbt.type_string() }}) as severity
        from (
            select
                cast(null as {{ dbt.type_string() }}) as document_id,
                cast(null as {{ dbt.type_string() }}) as subject,
                cast(null as {{ dbt.type_string() }}) as measure,
                0 as expected,
                0 as actual,
                0 as tolerance
        ) as no_identities
        where false
    {%- endif %}
{% endmacro %}


{% macro _identity_relation(test_node, unique_id) %}
    {%- if unique_id not in model.depends_on.nodes %}
        {{ exceptions.raise_compiler_error(
            "identity test " ~ test_node.name ~ " reads " ~ unique_id ~ ", which " ~ model.name
            ~ " does not depend on: add `-- depends_on: {{ ref('" ~ unique_id.split('.')[-1] ~ "') }}` to it"
        ) }}
    {%- endif %}
    {%- set target_node = graph.nodes[unique_id] %}
    {{ return(api.Relation.create(
        database=target_node.database, schema=target_node.schema, identifier=target_node.alias
    )) }}
{% endmacro %}
