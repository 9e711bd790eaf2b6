with

source as (

    {{ template_table_rows('t12_three_public_expenses', [
        'unit_name',
        'budget_year',
        'total_amount',
        'overseas_travel_amount',
        'official_reception_amount',
        'official_vehicle_subtotal_amount',
        'vehicle_purchase_amount',
        'vehicle_operation_amount'
    ]) }}

),

renamed as (

    select
        -- ids
        {{ disclosure_key_columns() }},
        cast(budget_year as {{ dbt.type_int() }}) as budget_year,
        cast(fiscal_year as {{ dbt.type_int() }}) as document_fiscal_year,

        -- amounts (万元)
        {{ to_wan_yuan('total_amount') }} as total_amount,
        {{ to_wan_yuan('overseas_travel_amount') }} as overseas_travel_amount,
        {{ to_wan_yuan('official_reception_amount') }} as official_reception_amount,
        {{ to_wan_yuan('official_vehicle_subtotal_amount') }} as official_vehicle_subtotal_amount,
        {{ to_wan_yuan('vehicle_purchase_amount') }} as vehicle_purchase_amount,
        {{ to_wan_yuan('vehicle_operation_amount') }} as vehicle_operation_amount,

        -- text
        {{ clean_text('unit_name') }} as unit_name,
        {{ published_unit_columns() }}

    from source

)

select * from renamed
