{#- The key and provenance columns every disclosure seed carries. -#}
{% macro disclosure_key_columns() -%}
    document_id,
    cast(table_number as {{ dbt.type_int() }}) as table_number,
    cast(source_row_number as {{ dbt.type_int() }}) as source_row_number,
    cast(source_line_number as {{ dbt.type_int() }}) as source_line_number
{%- endmacro %}
