-- Basic spending by 经济分类 at the deepest subject each template publishes, in one shape:
-- Shenzhen's 表4 (the 款, or the 类 where no 款 of it is listed, with its funding sources) and
-- the national 一般公共预算基本支出 tables (with 人员经费 / 公用经费 where split). The canonical
-- layer fct_basic_expenditure_by_economic_class reads.
with

resolved as (

    select * from {{ ref('int_economic_names_resolved') }}

),

national_lines as (

    select * from {{ ref('int_national_economic_lines_pivoted') }}
    where is_leaf

),

classes_with_items as (

    {{ codes_with_descendants('resolved', 'economic_code') }}

),

shenzhen as (

    select
        -- ids
        resolved.document_id,
        resolved.economic_code,
        resolved.source_row_number,

        -- amounts (万元)
        resolved.total_amount,
        {%- for column in funding_source_columns()[1:] %}
            resolved.{{ column }},
        {%- endfor %}
        cast(null as {{ dbt.type_numeric() }}) as personnel_amount,
        cast(null as {{ dbt.type_numeric() }}) as public_amount,
        cast(null as {{ dbt.type_int() }}) as source_page_number

    from resolved
    left join classes_with_items
        on
            resolved.document_id = classes_with_items.document_id
            and resolved.economic_code = classes_with_items.economic_code
    where
        resolved.row_kind = 'subject'
        and classes_with_items.economic_code is null

),

-- The national table publishes no funding sources; where it splits 人员经费 and 公用经费 (budgets)
-- they come along. A final account prints one 决算数 per line.
national as (

    select
        document_id,
        economic_code,
        source_row_number,
        total_amount,
        {%- for column in funding_source_columns()[1:] %}
            cast(null as {{ dbt.type_numeric() }}) as {{ column }},
        {%- endfor %}
        personnel_amount,
        public_amount,
        page_number as source_page_number
    from national_lines

),

unioned as (

    select * from shenzhen
    union all
    select * from national

)

select * from unioned
