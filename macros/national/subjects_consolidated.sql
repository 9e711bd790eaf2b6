{#- The cells of `relation` (table_cells, staged) with every code a table prints more than
    once added up: a department that prints one block per unit (unit_subject rows under each
    unit's unit_total), and a cross-tab that prints a subject once per subject of another
    classification (部门经济分类 30101 under 政府经济分类 50101 and 50199). Each such cell moves to
    the row where its code first appears, as a subject, so that a pivot grouping by row sums them;
    the unit_total rows (each unit's own total) are left out, the department's total stays. A code
    printed once passes unchanged. A sum of n rounded figures is off by up to n half-steps, so the
    consolidated figure's rounding step is the printed step times n. -#}
{% macro subjects_consolidated(relation) -%}
    select
        document_id,
        table_number,
        table_key,
        case
            when code is not null
                then first_value(page_number) over (
                    partition by document_id, table_number, code
                    order by page_number, source_row_number
                )
            else page_number
        end as page_number,
        case
            when code is not null
                then first_value(source_row_number) over (
                    partition by document_id, table_number, code
                    order by page_number, source_row_number
                )
            else source_row_number
        end as source_row_number,
        source_column_number,
        code,
        case when row_kind = 'unit_subject' then 'subject' else row_kind end as row_kind,
        case
            when code is not null
                then first_value(item_name) over (
                    partition by document_id, table_number, code
                    order by page_number, source_row_number
                )
            else item_name
        end as item_name,
        table_title,
        measure,
        figure_kind,
        phase,
        scope,
        amount,
        case
            when code is not null
                then rounding_step * count(*) over (partition by document_id, table_number, code, measure)
            else rounding_step
        end as rounding_step
    from {{ relation }}
    where row_kind != 'unit_total'
{%- endmacro %}
