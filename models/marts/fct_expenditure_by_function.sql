-- Spending by 功能分类 at the deepest subject each branch publishes, so a sum over any subtree
-- of dim_function_subject counts every 万元 once. The subtotals above stay in
-- int_function_subjects_unioned for reconciliation.
with

subjects as (

    select * from {{ ref('int_function_subjects_unioned') }}

),

final as (

    select
        -- ids
        document_id,
        budget_type,
        function_code,
        table_number as source_table_number,
        source_row_number,

        -- amounts (万元)
        basic_amount,
        project_amount,
        -- 款 and 项 rows leave 支出总计 blank: it is then 基本支出 + 项目支出.
        cast(
            case
                when total_amount is not null then total_amount
                when basic_amount is not null or project_amount is not null
                    then coalesce(basic_amount, 0) + coalesce(project_amount, 0)
            end
            as {{ dbt.type_numeric() }}
        ) as total_amount

    from subjects
    where is_leaf

)

select * from final
