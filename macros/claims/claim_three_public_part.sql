{#- The “三公” table's measure a claim subject names (three_public_total → total_amount …), as a
    SQL expression: the measure's name, or with `relation` that relation's column of it. NULL for
    any other subject. One mapping for every model that checks a claim against a “三公” figure. -#}
{% macro claim_three_public_part(subject, relation=none) -%}
    {%- set parts = {
        'three_public_total': 'total_amount',
        'overseas_travel': 'overseas_travel_amount',
        'official_reception': 'official_reception_amount',
        'official_vehicles': 'official_vehicle_subtotal_amount',
        'vehicle_purchase': 'vehicle_purchase_amount',
        'vehicle_operation': 'vehicle_operation_amount',
    } -%}
    case {{ subject }}
        {%- for claim_subject, measure in parts.items() %}
        when '{{ claim_subject }}' then {{ relation ~ '.' ~ measure if relation else "'" ~ measure ~ "'" }}
        {%- endfor %}
    end
{%- endmacro %}
