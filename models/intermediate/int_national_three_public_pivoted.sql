-- The national “三公”经费 table, one row per document and figure: the budget's 预算数, and for
-- final accounts 预算数 and 决算数 side by side in the source, as two rows here.
with

cells as (

    select * from {{ ref('stg_disclosure__table_cells') }}
    where table_key = 'three_public_expenses'

),

pivoted as (

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

        -- amounts (万元)
        {{ pivot_measures(three_public_measures() + three_public_meeting_training_measures()) }},

        -- units
        max(rounding_step) as rounding_step

    from cells
    group by document_id, table_number, figure_kind, phase

),

final as (

    select
        pivoted.*,
        -- The figure the document is about: a budget's 预算数, a final account's 决算数.
        pivoted.figure_kind = case pivoted.phase when '决算' then 'actual' else 'budget' end as is_document_figure,
        {{ national_source_location('pivoted', none, 'figure_kind') }} as source_location
    from pivoted

)

select * from final
