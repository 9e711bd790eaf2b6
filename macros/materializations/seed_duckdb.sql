{#- Seeds on DuckDB are read by DuckDB's own CSV reader in one statement, every column as text.
    dbt's default seed materialization first parses the whole file in Python (agate) to guess
    types, which we discard anyway (staging types every column), and which dominated the build
    time of large corpora. Other adapters keep the default materialization, with
    default__create_csv_table loading every column as text. -#}
{% materialization seed, adapter='duckdb' %}
    {%- set target_relation = this.incorporate(type='table') -%}
    {%- set seed_path = adapter.get_seed_file_path(model) -%}

    {{ run_hooks(pre_hooks) }}

    {% call statement('main') -%}
        create or replace table {{ target_relation }} as
        select *
        from read_csv(
            {#- Quoted, not pasted: a project path may hold a quote. #}
            '{{ seed_path | replace("'", "''") }}',
            header = true,
            all_varchar = true,
            delim = '{{ config.get("delimiter", ",") }}',
            quote = '"',
            escape = '"',
            strict_mode = true
        )
    {%- endcall %}

    {#- dbt's seed task reads this result back; only `dbt seed --show` would use the table. -#}
    {% do store_result('agate_table', response='OK', agate_table=none) %}
    {% do persist_docs(target_relation, model) %}
    {{ run_hooks(post_hooks) }}
    {{ adapter.commit() }}
    {{ return({'relations': [target_relation]}) }}
{% endmaterialization %}
