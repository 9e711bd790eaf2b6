{#- The cells of `relation` (national_table_cells, staged) with the units' blocks of a department
    that prints one block per unit added up by code: every unit_subject cell is placed on the row
    where its code first appears, as a subject, so that a pivot grouping by row sums the units;
    the unit_total rows (each unit's own total) are left out, the department's total stays. A
    table of one unit has neither kind and passes unchanged. A consolidated figure's rounding step is
    the units' step times their number, so that the identities' tolerance allows for the sum. -#}
{% macro units_consolidated(relation) -%}
    select
        document_id,
        table_number,
        table_key,
        case
            when row_kind = 'unit_subject'
                then first_value(page_number) over (
                    partition by document_id, table_number, row_kind, code
                    order by page_number, source_row_number
                )
            else page_number
        end as page_number,
        case
            when row_kind = 'unit_subject'
                then first_value(source_row_number) over (
                    partition by document_id, table_number, row_kind, code
                    order by page_number, source_row_number
                )
            else source_row_number
        end as source_row_number,
        source_column_number,
        code,
        case when row_kind = 'unit_subject' then 'subject' else row_kind end as row_kind,
        item_name,
        table_title,
        measure,
        figure_kind,
        phase,
        scope,
        amount,
        -- a sum of n rounded figures is off by up to n half-steps
        case
            when row_kind = 'unit_subject'
                then rounding_step * count(*) over (partition by document_id, table_number, row_kind, code, measure)
            else rounding_step
        end as rounding_step
    from {{ relation }}
    where row_kind != 'unit_total'
{%- endmacro %}
