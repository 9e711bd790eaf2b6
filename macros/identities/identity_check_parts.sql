{#- The columns of fct_identity_checks, in order: every part is inserted as one of these rows. -#}
{% macro identity_check_columns() -%}
    {{ return([
        'document_id', 'identity_name', 'family', 'expected', 'actual', 'difference', 'tolerance',
        'tables_involved', 'subject', 'measure', 'status', 'severity'
    ]) }}
{%- endmacro %}


{#- Every instance of every identity test declared in the project's yml, holding or not, as one
    select per identity test. The yml test declarations are the only list of identities: this
    reads them from the graph and runs the instance SQL for each, and the identity tests read
    their broken instances back from fct_identity_checks, so the mart and the tests cannot
    drift. A model that an identity test reads must be a `-- depends_on:` of the calling
    model, so it is built first; a missing one stops the build with its name. -#}
{% macro identity_check_parts() %}
    {%- set instance_macros = {
        'parent_equals_sum_of_children': identity_hierarchy_instances,
        'total_equals_sum_of_parts': identity_row_instances,
        'reconciles_with': identity_reconciliation_instances,
    } %}
    {%- set parts = [] %}
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
            {%- do parts.append(
                "select " ~ (identity_check_columns()[:-1] | join(', '))
                ~ ", cast('" ~ (node.config.severity | lower) ~ "' as " ~ dbt.type_string() ~ ") as severity"
                ~ " from (" ~ instances ~ ") as identity_instances"
            ) %}
        {%- endfor %}
    {%- endif %}
    {{ return(parts) }}
{% endmacro %}


{#- fct_identity_checks' post-hook: each identity's instances inserted by their own statement.
    One statement holding every identity (about 200 kB of SQL) is a plan that Spark takes
    minutes to analyse and run, and DuckDB's optimiser seconds; one per identity is planned
    in milliseconds. Returns no SQL: the inserts have run. -#}
{% macro insert_identity_checks(relation) %}
    {%- if execute %}
        {%- for part in identity_check_parts() %}
            {%- do run_query(
                "insert into " ~ relation ~ " (" ~ (identity_check_columns() | join(', ')) ~ ") " ~ part
            ) %}
        {%- endfor %}
    {%- endif %}
    {{ return('') }}
{% endmacro %}


{#- The columns of fct_identity_checks and no rows: the table the post-hook fills. -#}
{% macro identity_checks_shape() %}
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


{#- What an identity test reports: its identity's broken instances, which fct_identity_checks
    computed once from the test's own arguments (identity_check_parts). -#}
{% macro broken_identity_instances(identity_name) %}
    select *
    from {{ ref('fct_identity_checks') }}
    where identity_name = '{{ identity_name }}' and status = 'broken'
{% endmacro %}
