-- Spending by 功能分类 at the deepest subject each branch publishes, so a sum over any subtree
-- of dim_function_subject counts every 万元 once. The subtotals above stay in
-- int_function_subjects_unioned and int_national_function_lines_pivoted for reconciliation.
-- Shenzhen's 表7–表9 and the national 一般公共预算 / 政府性基金 / 国有资本经营 tables (budget
-- and final account) are one fact: a final account's figures are what was spent.
with

unioned as (

    select * from {{ ref('int_function_leaves_unioned') }}

),

final as (

    select
        -- ids
        document_id,
        budget_type,
        function_code,
        source_table_number,
        source_row_number,

        -- amounts (万元)
        basic_amount,
        project_amount,
        -- 款 and 项 rows may leave 合计 blank: it is then 基本支出 + 项目支出.
        total_amount,

        -- provenance
        source_page_number

    from unioned

)

select * from final
