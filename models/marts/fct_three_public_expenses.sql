-- “三公”经费 (overseas travel, official reception, official vehicles): Shenzhen's 表12 for the
-- budget year and the year before; the national tables for the document's year, with 机关运行经费.
-- A final account's amounts are what was spent (决算数), its 预算数 beside them (budgeted_*),
-- so one row per document and year never counts a figure twice.
with

unioned as (

    select * from {{ ref('int_three_public_expenses_unioned') }}

),

final as (

    select
        -- ids
        document_id,
        budget_year,
        department_id,
        source_row_number,

        -- amounts (万元)
        total_amount,
        overseas_travel_amount,
        official_reception_amount,
        official_vehicle_subtotal_amount,
        vehicle_purchase_amount,
        vehicle_operation_amount,

        -- text
        unit_name,

        -- the national templates' 机关运行经费, and a final account's 预算数
        office_operation_amount,
        {%- for measure in three_public_measures() if measure != 'office_operation_amount' %}
            budgeted_{{ measure }},
        {%- endfor %}

        -- provenance
        source_page_number,

        -- 会议费 and 培训费, where the “三公” table prints them (added 2026-12)
        meeting_amount,
        training_amount

    from unioned

)

select * from final
