-- 表15's 年度主要任务: the department's main tasks for the year with their budgets.
with

targets as (

    select * from {{ ref('stg_disclosure__t15_department_performance_targets') }}

),

final as (

    select
        -- ids
        document_id,
        source_row_number,

        -- amounts (万元)
        total_amount,
        fiscal_amount,
        other_amount,

        -- text
        task_name,
        task_content,

        -- flags
        is_realigned

    from targets
    where row_kind = 'task'

)

select * from final
