{#- A table of the markdown template back as the rows its parser read: the extractor writes each
    parsed row to the table_cells seed as a cell per column (budget_warehouse/cells.py), and this
    pivots them again, one column per measure, as text, for the staging model to type. A row is
    its document, table, source row and line, and side (表1 and 表6 print both ledgers on one
    line) or column (表14 and 表15 read one cell per record). -#}
{% macro template_table_rows(table_key, columns) -%}
    {%- set row_columns = [
        'document_id', 'department_name', 'fiscal_year', 'table_number', 'source_row_number',
        'source_line_number', 'source_column_number', 'side', 'row_kind', 'published_unit',
        'published_rounding_step',
    ] %}
    select
        {%- for column in row_columns %}
        {{ column }},
        {%- endfor %}
        {%- for column in columns %}
        max(case when measure = '{{ column }}' then coalesce(amount, text_value) end) as {{ column }}
        {%- if not loop.last %},{% endif %}
        {%- endfor %}
    from {{ ref('table_cells') }}
    where table_key = '{{ table_key }}'
    group by {{ row_columns | join(', ') }}
{%- endmacro %}
