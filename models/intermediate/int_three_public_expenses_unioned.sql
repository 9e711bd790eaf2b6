-- “三公”经费 in one shape, one row per document and year: Shenzhen's 表12 (the budget year and the
-- year before) and the national tables (the document's year, with 机关运行经费, and a final
-- account's 预算数 beside its 决算数), with the 会议费 and 培训费 a table prints beside them. The
-- canonical layer fct_three_public_expenses reads.
with

expenses as (

    select * from {{ ref('stg_disclosure__t12_three_public_expenses') }}

),

national_figures as (

    select * from {{ ref('int_national_three_public_pivoted') }}

),

documents as (

    select * from {{ ref('stg_disclosure__documents') }}

),

shenzhen as (

    select
        -- ids
        document_id,
        budget_year,
        {{ department_id('unit_name') }} as department_id,
        source_row_number,

        -- amounts (万元)
        total_amount,
        overseas_travel_amount,
        official_reception_amount,
        official_vehicle_subtotal_amount,
        vehicle_purchase_amount,
        vehicle_operation_amount,

        -- text
        unit_name,

        -- added for the national templates
        cast(null as {{ dbt.type_numeric() }}) as office_operation_amount,
        {%- for measure in three_public_measures() if measure != 'office_operation_amount' %}
            cast(null as {{ dbt.type_numeric() }}) as budgeted_{{ measure }},
        {%- endfor %}
        cast(null as {{ dbt.type_int() }}) as source_page_number,
        cast(null as {{ dbt.type_numeric() }}) as meeting_amount,
        cast(null as {{ dbt.type_numeric() }}) as training_amount

    from expenses

),

own_figure as (

    select * from national_figures
    where is_document_figure

),

budgeted as (

    select * from national_figures
    where phase = '决算' and figure_kind = 'budget'

),

national as (

    select
        own_figure.document_id,
        documents.fiscal_year as budget_year,
        {{ department_id('documents.department_name') }} as department_id,
        own_figure.source_row_number,
        {%- for measure in three_public_measures() if measure != 'office_operation_amount' %}
            own_figure.{{ measure }},
        {%- endfor %}
        documents.department_name as unit_name,
        own_figure.office_operation_amount,
        {%- for measure in three_public_measures() if measure != 'office_operation_amount' %}
            budgeted.{{ measure }} as budgeted_{{ measure }},
        {%- endfor %}
        own_figure.page_number as source_page_number,
        own_figure.meeting_amount,
        own_figure.training_amount
    from own_figure
    inner join documents
        on own_figure.document_id = documents.document_id
    left join budgeted
        on own_figure.document_id = budgeted.document_id

),

unioned as (

    select * from shenzhen
    union all
    select * from national

)

select * from unioned
