with

source as (

    {{ template_table_rows('t15_department_performance_targets', [
        'label',
        'value_text',
        'task_name',
        'task_content',
        'total_amount',
        'fiscal_amount',
        'other_amount',
        'indicator_level_1',
        'indicator_level_2',
        'indicator_level_3',
        'target_value',
        'is_realigned'
    ]) }}

),

renamed as (

    select
        -- ids
        {{ disclosure_key_columns() }},
        row_kind,
        cast(source_column_number as {{ dbt.type_int() }}) as source_column_number,

        -- amounts (万元)
        {{ to_wan_yuan('total_amount') }} as total_amount,
        {{ to_wan_yuan('fiscal_amount') }} as fiscal_amount,
        {{ to_wan_yuan('other_amount') }} as other_amount,

        -- text
        {{ name_key('label') }} as label,
        {{ clean_text('value_text') }} as value_text,
        {{ clean_text('task_name') }} as task_name,
        {{ clean_text('task_content') }} as task_content,
        {{ clean_text('indicator_level_1') }} as indicator_level_1,
        {{ clean_text('indicator_level_2') }} as indicator_level_2,
        {{ clean_text('indicator_level_3') }} as indicator_level_3,
        {{ clean_text('target_value') }} as target_value,
        {{ published_unit_columns() }},

        -- flags
        cast(is_realigned as boolean) as is_realigned

    from source

)

select * from renamed
