-- 表14 项目支出绩效目标表, one row per project form. Amounts published in 元 are in 万元.
with

goals as (

    select * from {{ ref('int_project_performance_goals_pivoted') }}

),

final as (

    select
        -- ids
        document_id,
        form_number,

        -- amounts (万元)
        project_total_amount,
        current_year_amount,
        fiscal_amount,
        other_funds_amount,
        central_transfer_amount,
        government_purchase_amount,
        fixed_asset_purchase_amount,

        -- dates
        planned_start_date,
        planned_end_date,

        -- text
        project_name,
        supervising_unit,
        project_type,
        fund_use,
        procurement_item,
        project_overview,
        project_purpose,
        medium_term_goal,
        annual_goal

    from goals

)

select * from final
