-- Spending by 功能分类 at the deepest subject each template publishes, in one shape: Shenzhen's
-- 表7–表9 and the national 一般公共预算 / 政府性基金 / 国有资本经营 tables (budget and final
-- account). The canonical layer fct_expenditure_by_function reads; the per-template branches
-- meet here and nowhere above.
with

subjects as (

    select * from {{ ref('int_function_subjects_unioned') }}

),

national_subjects as (

    select * from {{ ref('int_national_function_lines_pivoted') }}
    where budget_type is not null and is_leaf

),

shenzhen as (

    select
        document_id,
        budget_type,
        function_code,
        table_number as source_table_number,
        source_row_number,
        cast(null as {{ dbt.type_int() }}) as source_page_number,
        basic_amount,
        project_amount,
        total_amount
    from subjects
    where is_leaf

),

national as (

    select
        document_id,
        budget_type,
        function_code,
        table_number as source_table_number,
        source_row_number,
        page_number as source_page_number,
        basic_amount,
        project_amount,
        total_amount
    from national_subjects

),

unioned as (

    select * from shenzhen
    union all
    select * from national

),

-- a row printing 基本 and 项目 but no 合计 (the seed's 表7 continuation rows) totals its parts
final as (

    select
        document_id,
        budget_type,
        function_code,
        source_table_number,
        source_row_number,
        source_page_number,
        basic_amount,
        project_amount,
        cast(
            case
                when total_amount is not null then total_amount
                when basic_amount is not null or project_amount is not null
                    then coalesce(basic_amount, 0) + coalesce(project_amount, 0)
            end
            as {{ dbt.type_numeric() }}
        ) as total_amount
    from unioned

)

select * from final
