-- The national “三公”经费 table, one row per document and figure: the budget's 预算数, and for
-- final accounts 预算数 and 决算数 side by side in the source, as two rows here.
with

cells as (

    select * from {{ ref('stg_disclosure__national_table_cells') }}
    where table_key = 'three_public_expenses'

),

final as (

    select
        -- ids
        document_id,
        table_number,
        figure_kind,
        min(page_number) as page_number,
        min(source_row_number) as source_row_number,

        -- text
        phase,
        min(table_title) as table_title,
        '表' || table_number || ' ' || min(table_title) || ' p.' || min(page_number) || ' row '
        || min(source_row_number) || ': ' || figure_kind as source_location,

        -- amounts (万元)
        {%- for measure in three_public_measures() %}
            cast(sum(case when measure = '{{ measure }}' then amount end) as {{ dbt.type_numeric() }}) as {{ measure }},
        {%- endfor %}

        -- units
        max(rounding_step) as rounding_step

    from cells
    group by document_id, table_number, figure_kind, phase

)

select * from final
