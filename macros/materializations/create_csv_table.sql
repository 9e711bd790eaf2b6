{#- Seeds marked meta.load_as_text get a text column for every CSV column, instead of the
    types agate guesses from the first rows: a guess would turn amounts into floats and codes
    such as 201 into integers. Staging models cast each column to its real type. -#}
{% macro default__create_csv_table(model, agate_table) %}
    {%- set column_override = model['config'].get('column_types', {}) -%}
    {%- set quote_seed_column = model['config'].get('quote_columns', None) -%}
    {%- set as_text = model['config'].get('meta', {}).get('load_as_text', false) -%}

    {% set sql %}
        create table {{ this.render() }} (
            {%- for col_name in agate_table.column_names -%}
                {%- set inferred_type = dbt.type_string() if as_text else adapter.convert_type(agate_table, loop.index0) -%}
                {%- set type = column_override.get(col_name, inferred_type) -%}
                {{ adapter.quote_seed_column(col_name | string, quote_seed_column) }} {{ type }}
                {%- if not loop.last -%}, {%- endif -%}
            {%- endfor -%}
        )
    {% endset %}

    {% call statement('_') -%}
        {{ sql }}
    {%- endcall %}

    {{ return(sql) }}
{% endmacro %}
