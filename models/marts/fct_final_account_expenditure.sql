-- What a final account (决算) says was spent, from every source of funds (支出决算表), at the
-- deepest 功能分类 subject published: 基本支出, 项目支出 and the other uses the template lists.
-- fct_expenditure_by_function holds the 财政拨款 part of the same spending by budget type.
with

lines as (

    select * from {{ ref('int_national_function_lines_pivoted') }}
    where table_key = 'expenditure_by_function' and phase = '决算' and is_leaf

),

final as (

    select
        -- ids
        document_id,
        function_code,
        table_number as source_table_number,
        page_number as source_page_number,
        source_row_number,

        -- amounts (万元)
        total_amount,
        basic_amount,
        project_amount,
        remittance_to_superior_amount,
        operating_expenditure_amount,
        subsidy_to_affiliates_amount

    from lines

)

select * from final
