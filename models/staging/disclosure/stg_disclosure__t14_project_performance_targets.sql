with

source as (

    {{ template_table_rows('t14_project_performance_targets', [
        'form_number',
        'label',
        'value_text',
        'amount',
        'is_continuation',
        'indicator_level_1',
        'indicator_level_2',
        'indicator_name',
        'target_value',
        'target_source'
    ]) }}

),

renamed as (

    select
        -- ids
        {{ disclosure_key_columns() }},
        cast(form_number as {{ dbt.type_int() }}) as form_number,
        row_kind,
        cast(source_column_number as {{ dbt.type_int() }}) as source_column_number,

        -- amounts (万元)
        {{ to_wan_yuan('amount') }} as amount,

        -- text
        {{ name_key('label') }} as label,
        {{ clean_text('value_text') }} as value_text,
        {{ clean_text('indicator_level_1') }} as indicator_level_1,
        {{ clean_text('indicator_level_2') }} as indicator_level_2,
        {{ clean_text('indicator_name') }} as indicator_name,
        {{ clean_text('target_value') }} as target_value,
        {{ clean_text('target_source') }} as target_source,
        {{ published_unit_columns() }},

        -- flags
        cast(is_continuation as boolean) as is_continuation

    from source

)

select * from renamed
