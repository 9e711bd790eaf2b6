{#- Seeds on Spark are read by Spark's own CSV reader, every column as a string, and stored as
    a Parquet table. dbt-spark's default inserts agate's rows as literals, which turns empty
    cells into the string 'None' and breaks on quotes and backslashes (dbt-spark issue 901),
    and parses the whole file in Python first. -#}
{% materialization seed, adapter='spark' %}
    {%- set target_relation = this.incorporate(type='table') -%}
    {%- set seed_path = model.root_path ~ '/' ~ model.original_file_path -%}
    {%- set csv_view = this.identifier ~ '__csv' -%}

    {{ run_hooks(pre_hooks) }}

    {% call statement('csv_view') -%}
        create or replace temporary view {{ csv_view }}
        using csv
        options (
            path '{{ seed_path | replace("\\", "\\\\") | replace("'", "\\'") }}',
            header 'true',
            inferSchema 'false',
            multiLine 'true',
            quote '"',
            escape '"',
            sep '{{ config.get("delimiter", ",") }}',
            mode 'FAILFAST'
        )
    {%- endcall %}

    {{ adapter.drop_relation(target_relation) }}
    {% call statement('main') -%}
        create table {{ target_relation }}
        using parquet
        as select * from {{ csv_view }}
    {%- endcall %}

    {% call statement('drop_csv_view') -%}
        drop view if exists {{ csv_view }}
    {%- endcall %}

    {% do store_result('agate_table', response='OK', agate_table=none) %}
    {% do persist_docs(target_relation, model) %}
    {{ run_hooks(post_hooks) }}
    {{ return({'relations': [target_relation]}) }}
{% endmaterialization %}
