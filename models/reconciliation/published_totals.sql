-- Every total and subtotal of the 功能分类 and 经济分类 tables exactly as the document prints
-- it: 合计 rows, and every 类 or 款 under which the document publishes deeper rows. The facts hold
-- the deepest rows only, whose sum can differ from the printed total by rounding (the seed's
-- 表7 leaves add to 17,110 where it prints 17,109); quote a total from here.
with

shenzhen_function_subjects as (

    select * from {{ ref('int_function_subjects_unioned') }}

),

shenzhen_function_lines as (

    select * from {{ ref('stg_disclosure__t07_general_public_budget_expenditure') }}
    union all
    select * from {{ ref('stg_disclosure__t08_government_fund_expenditure') }}
    union all
    select * from {{ ref('stg_disclosure__t09_state_capital_expenditure') }}

),

shenzhen_economic_lines as (

    select * from {{ ref('int_economic_names_resolved') }}

),

national_function_lines as (

    select * from {{ ref('int_national_function_lines_pivoted') }}

),

national_economic_lines as (

    select * from {{ ref('int_national_economic_lines_pivoted') }}

),

shenzhen_economic_classes as (

    {{ codes_with_descendants('shenzhen_economic_lines', 'economic_code') }}

),

shenzhen_function_subtotals as (

    select
        document_id,
        'function' as classification,
        table_number as source_table_number,
        cast(null as {{ dbt.type_int() }}) as source_page_number,
        source_row_number,
        'subtotal' as row_kind,
        function_code as code,
        function_name as published_name,
        total_amount,
        basic_amount,
        project_amount
    from shenzhen_function_subjects
    where not is_leaf

),

shenzhen_function_totals as (

    select
        document_id,
        'function' as classification,
        table_number as source_table_number,
        cast(null as {{ dbt.type_int() }}) as source_page_number,
        source_row_number,
        'total' as row_kind,
        cast(null as {{ dbt.type_string() }}) as code,
        unit_name as published_name,
        total_amount,
        basic_amount,
        project_amount
    from shenzhen_function_lines
    where row_kind = 'unit_total'

),

shenzhen_economic_totals as (

    select
        shenzhen_economic_lines.document_id,
        'economic' as classification,
        shenzhen_economic_lines.table_number as source_table_number,
        cast(null as {{ dbt.type_int() }}) as source_page_number,
        shenzhen_economic_lines.source_row_number,
        case when shenzhen_economic_lines.row_kind = 'unit_total' then 'total' else 'subtotal' end as row_kind,
        shenzhen_economic_lines.economic_code as code,
        shenzhen_economic_lines.item_name as published_name,
        shenzhen_economic_lines.total_amount,
        cast(null as {{ dbt.type_numeric() }}) as basic_amount,
        cast(null as {{ dbt.type_numeric() }}) as project_amount
    from shenzhen_economic_lines
    left join shenzhen_economic_classes
        on
            shenzhen_economic_lines.document_id = shenzhen_economic_classes.document_id
            and shenzhen_economic_lines.economic_code = shenzhen_economic_classes.economic_code
    where
        shenzhen_economic_lines.row_kind = 'unit_total'
        or shenzhen_economic_classes.economic_code is not null

),

national_function_totals as (

    select
        document_id,
        'function' as classification,
        table_number as source_table_number,
        page_number as source_page_number,
        source_row_number,
        case when row_kind = 'total' then 'total' else 'subtotal' end as row_kind,
        function_code as code,
        function_name as published_name,
        total_amount,
        basic_amount,
        project_amount
    from national_function_lines
    where row_kind = 'total' or not is_leaf

),

national_economic_totals as (

    select
        document_id,
        'economic' as classification,
        table_number as source_table_number,
        page_number as source_page_number,
        source_row_number,
        case when row_kind = 'total' then 'total' else 'subtotal' end as row_kind,
        economic_code as code,
        economic_name as published_name,
        total_amount,
        cast(null as {{ dbt.type_numeric() }}) as basic_amount,
        cast(null as {{ dbt.type_numeric() }}) as project_amount
    from national_economic_lines
    where row_kind = 'total' or not is_leaf

),

unioned as (

    select * from shenzhen_function_subtotals
    union all
    select * from shenzhen_function_totals
    union all
    select * from shenzhen_economic_totals
    union all
    select * from national_function_totals
    union all
    select * from national_economic_totals

),

final as (

    select
        *,
        -- deprecated alias of row_kind, kept for existing queries (README.md, Deprecations)
        row_kind as row_role
    from unioned

)

select * from final
