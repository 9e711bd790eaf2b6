{#- Every column-level check of one model as failing rows: not_null, unique, combinations of
    columns that must be unique, accepted values and relationships, as dbt's built-in tests and
    unique_combination_of_columns would check them one node each. The singular tests in
    tests/dbt/column_checks call it once per model and union the results, one test node per folder
    of models: a node costs dbt far more than its query (compile, a stored-failures table, a count).

    Each failing row says which check failed on which model and column, with the failing value
    and, for row checks, the failing row's key (row_key: the model's identifying columns, e.g.
    document_id, table_number, source_row_number), and the row's document where row_key has one
    (NULL otherwise), so describe_failures is as precise as one node per column was.

        {{ column_check_failures(
            ref('stg_x'),
            row_key=['document_id', 'source_row_number'],
            not_null=['document_id', 'amount'],
            unique=['code'],                                    -- each on its own, NULLs ignored (dbt's unique)
            unique_combinations=[['document_id', 'source_row_number']],   -- NULLs count
            accepted_values={'row_kind': ['subject', 'total']},
            relationships=[{'column': 'document_id', 'to': ref('stg_y'), 'field': 'document_id'}]
        ) }}

    Portable SQL only (DuckDB and Spark): casts with cast(), concat and coalesce, union all. -#}
{% macro column_check_failures(
    model,
    row_key=[],
    not_null=[],
    unique=[],
    unique_combinations=[],
    accepted_values={},
    relationships=[]
) %}
    {%- set text = dbt.type_string() %}
    {%- set model_name = model.identifier | replace("'", "''") %}
    {%- set has_document = 'document_id' in row_key %}
    {%- set branches = [] %}

    {%- for column in not_null %}
        {%- do branches.append(_column_check_row(
            model_name, 'not_null', column, 'cast(null as ' ~ text ~ ')', row_key, has_document,
            'from ' ~ model ~ ' as checked where ' ~ column ~ ' is null'
        )) %}
    {%- endfor %}

    {%- for column, values in accepted_values.items() %}
        {%- set quoted = [] %}
        {%- for value in values %}
            {%- do quoted.append("'" ~ (value | string | replace("'", "''")) ~ "'") %}
        {%- endfor %}
        {%- do branches.append(_column_check_row(
            model_name, 'accepted_values', column, 'cast(' ~ column ~ ' as ' ~ text ~ ')', row_key, has_document,
            'from ' ~ model ~ ' as checked where ' ~ column ~ ' is not null and cast(' ~ column ~ ' as ' ~ text
            ~ ') not in (' ~ quoted | join(', ') ~ ')'
        )) %}
    {%- endfor %}

    {%- for reference in relationships %}
        {%- set column = reference['column'] %}
        {%- do branches.append(_column_check_row(
            model_name, 'relationships ' ~ reference['to'].identifier ~ '.' ~ reference['field'], column,
            'cast(checked.' ~ column ~ ' as ' ~ text ~ ')', row_key, has_document,
            'from ' ~ model ~ ' as checked left join (select ' ~ reference['field'] ~ ' as referenced_value from '
            ~ reference['to'] ~ ') as referenced on checked.' ~ column ~ ' = referenced.referenced_value'
            ~ ' where checked.' ~ column ~ ' is not null and referenced.referenced_value is null',
            prefix='checked.'
        )) %}
    {%- endfor %}

    {%- for column in unique %}
        {%- do branches.append(_column_check_group(
            model_name, 'unique', [column], has_document, model, 'where ' ~ column ~ ' is not null'
        )) %}
    {%- endfor %}

    {%- for columns in unique_combinations %}
        {%- do branches.append(_column_check_group(
            model_name, 'unique_combination', columns, has_document, model, ''
        )) %}
    {%- endfor %}

    {%- if branches %}
        {{ branches | join('\nunion all\n') }}
    {%- else %}
        {{ exceptions.raise_compiler_error('column_check_failures on ' ~ model_name ~ ' declares no check') }}
    {%- endif %}
{% endmacro %}


{#- The text of some columns of a row: values joined by ' | ', NULL written null. -#}
{% macro _column_check_key(columns, prefix='') -%}
    {%- set parts = [] %}
    {%- for column in columns %}
        {%- do parts.append("coalesce(cast(" ~ prefix ~ column ~ " as " ~ dbt.type_string() ~ "), 'null')") %}
    {%- endfor %}
    {%- if parts | length == 1 -%}
        {{ parts[0] }}
    {%- elif parts -%}
        concat({{ parts | join(", ' | ', ") }})
    {%- else -%}
        cast(null as {{ dbt.type_string() }})
    {%- endif %}
{%- endmacro %}


{#- One failing row per row that fails a row check (not_null, accepted_values, relationships). -#}
{% macro _column_check_row(model_name, check, column, value, row_key, has_document, source, prefix='') -%}
    {%- set text = dbt.type_string() -%}
    select
        cast('{{ model_name }}' as {{ text }}) as failing_model,
        cast('{{ check }}' as {{ text }}) as failing_check,
        cast('{{ column }}' as {{ text }}) as failing_column,
        {{ value }} as failing_value,
        cast('{{ row_key | join(", ") }}' as {{ text }}) as row_key,
        {{ _column_check_key(row_key, prefix) }} as failing_row,
        {%- if has_document %}
        cast({{ prefix }}document_id as {{ text }}) as document_id,
        {%- else %}
        cast(null as {{ text }}) as document_id,
        {%- endif %}
        cast(1 as bigint) as n_records
    {{ source }}
{%- endmacro %}


{#- One failing row per value (or combination) that occurs more than once, with its count. -#}
{% macro _column_check_group(model_name, check, columns, has_document, model, where) -%}
    {%- set text = dbt.type_string() -%}
    select
        cast('{{ model_name }}' as {{ text }}) as failing_model,
        cast('{{ check }}' as {{ text }}) as failing_check,
        cast('{{ columns | join(", ") }}' as {{ text }}) as failing_column,
        {{ _column_check_key(columns) }} as failing_value,
        cast('{{ columns | join(", ") }}' as {{ text }}) as row_key,
        cast(null as {{ text }}) as failing_row,
        {%- if has_document and 'document_id' in columns %}
        cast(document_id as {{ text }}) as document_id,
        {%- else %}
        cast(null as {{ text }}) as document_id,
        {%- endif %}
        cast(count(*) as bigint) as n_records
    from {{ model }}
    {{ where }}
    group by {{ columns | join(', ') }}
    having count(*) > 1
{%- endmacro %}
