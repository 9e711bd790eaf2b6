{#- Tables on DuckDB, created in place. dbt-duckdb's table materialization builds
    <name>__dbt_tmp, renames any old table to a backup, renames the new one into place and drops
    the backup, so that readers of a rebuilt database never miss the table. `budget-warehouse
    build` writes a fresh candidate file that no reader opens until it is published whole
    (warehouse.py), so there is never an old table: the swap protected no one and cost two
    statements and their adapter-cache updates a model (0.6 s of a one-document build). Where the
    table does exist (`dbt build` run again on the same database by hand), dbt-duckdb's own
    materialization rebuilds it, foreign-key dependents included. Contracts, constraints and
    persisted docs are dbt-duckdb's: create_table_as and persist_docs are its macros. -#}
{% materialization table, adapter='duckdb' %}
    {%- if load_cached_relation(this) is not none -%}
        {{ return(dbt.materialization_table_duckdb()) }}
    {%- endif -%}
    {%- set target_relation = this.incorporate(type='table') -%}

    {{ run_hooks(pre_hooks, inside_transaction=False) }}
    {{ run_hooks(pre_hooks, inside_transaction=True) }}

    {% call statement('main') -%}
        {{ create_table_as(False, target_relation, compiled_code) }}
    {%- endcall %}

    {% do create_indexes(target_relation) %}
    {{ run_hooks(post_hooks, inside_transaction=True) }}
    {% do persist_docs(target_relation, model) %}
    {{ adapter.commit() }}
    {{ run_hooks(post_hooks, inside_transaction=False) }}
    {{ return({'relations': [target_relation]}) }}
{% endmaterialization %}
