-- 表14 项目支出绩效目标表, one row per project form: the form's label/value pairs as columns.
-- Text that ran over a page break is joined back to the label it belongs to. Amounts are in
-- 万元; rounding_step is the published 1 元.
{%- set text_labels = {
    'project_name': '项目名称',
    'supervising_unit': '主管单位',
    'project_type': '项目类型',
    'fund_use': '资金用途',
    'procurement_item': '采购品目',
    'project_overview': '项目概况',
    'project_purpose': '项目用途',
    'medium_term_goal': '项目总(中期)目标',
    'annual_goal': '年度绩效目标',
} %}
{%- set amount_labels = {
    'project_total_amount': '项目总金额(元)',
    'current_year_amount': '本年度项目金额(元)',
    'fiscal_amount': '财政拨款资金(元)',
    'other_funds_amount': '其他资金(元)',
    'central_transfer_amount': '中央转移支付资金(元)',
    'government_purchase_amount': '政府购买服务资金(元)',
    'fixed_asset_purchase_amount': '固定资产采购金额',
} %}

with

attributes as (

    select *
    from {{ ref('stg_disclosure__t14_project_performance_targets') }}
    where row_kind = 'attribute'

),

joined_values as (

    select
        document_id,
        form_number,
        label,
        {{ ordered_concat('value_text', "''", 'source_row_number') }} as value_text,
        max(amount) as amount,
        max(rounding_step) as rounding_step
    from attributes
    group by document_id, form_number, label

),

final as (

    select
        -- ids
        document_id,
        form_number,
        max(rounding_step) as rounding_step,

        -- amounts (万元)
        {%- for column, label in amount_labels.items() %}
            max(case when label = '{{ label }}' then amount end) as {{ column }},
        {%- endfor %}

        -- dates
        {{ dbt.safe_cast("max(case when label = '计划开始日期' then value_text end)", 'date') }} as planned_start_date,
        {{ dbt.safe_cast("max(case when label = '计划完成日期' then value_text end)", 'date') }} as planned_end_date,

        -- text
        {%- for column, label in text_labels.items() %}
            max(case when label = '{{ label }}' then value_text end) as {{ column }}{% if not loop.last %},{% endif %}
        {%- endfor %}

    from joined_values
    group by document_id, form_number

)

select * from final
