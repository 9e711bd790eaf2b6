-- “三公”经费 (overseas travel, official reception, official vehicles) for the budget year and
-- the year before, as 表12 publishes them.
with

expenses as (

    select * from {{ ref('stg_disclosure__t12_three_public_expenses') }}

),

final as (

    select
        -- ids
        document_id,
        budget_year,
        {{ department_id('unit_name') }} as department_id,
        source_row_number,

        -- amounts (万元)
        total_amount,
        overseas_travel_amount,
        official_reception_amount,
        official_vehicle_subtotal_amount,
        vehicle_purchase_amount,
        vehicle_operation_amount,

        -- text
        unit_name

    from expenses

)

select * from final
