-- Performance indicators (绩效指标) of 表14's project forms and of 表15's department-wide
-- form, one row each. Levels carry down from the rows above where the form leaves them blank.
with

project_targets as (

    select *
    from {{ ref('stg_disclosure__t14_project_performance_targets') }}
    where row_kind = 'indicator'

),

department_targets as (

    select *
    from {{ ref('stg_disclosure__t15_department_performance_targets') }}
    where row_kind = 'indicator'

),

project_goals as (

    select * from {{ ref('fct_project_performance_goals') }}

),

project_indicators as (

    select
        project_targets.document_id,
        project_targets.table_number as source_table_number,
        project_targets.source_row_number,
        project_targets.form_number,
        project_goals.project_name,
        project_targets.indicator_level_1,
        project_targets.indicator_level_2,
        project_targets.indicator_name,
        project_targets.target_value,
        project_targets.target_source,
        false as is_realigned
    from project_targets
    left join project_goals
        on
            project_targets.document_id = project_goals.document_id
            and project_targets.form_number = project_goals.form_number

),

department_indicators as (

    select
        document_id,
        table_number as source_table_number,
        source_row_number,
        cast(null as {{ dbt.type_int() }}) as form_number,
        cast(null as {{ dbt.type_string() }}) as project_name,
        indicator_level_1,
        indicator_level_2,
        indicator_level_3 as indicator_name,
        target_value,
        cast(null as {{ dbt.type_string() }}) as target_source,
        is_realigned
    from department_targets

),

final as (

    select * from project_indicators
    union all
    select * from department_indicators

)

select * from final
