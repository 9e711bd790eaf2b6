-- Balance identities, one CTE each: 收入总计 = 支出总计 in 表1 and 表6, and the totals of each
-- ledger against the lines beneath them. Each CTE is every instance of one identity, holding or
-- not; fct_identity_checks publishes them and identities_hold fails the build on broken ones
-- (strict builds) or warns.

with

t01_revenue_total_equals_expenditure_total as (

    {{ reconciles_with(
        ref('int_overview_lines_classified'),
        ref('int_overview_lines_classified'),
        identity_name='balance__t01_revenue_total_equals_expenditure_total',
        tables='表1',
        expression='amount',
        compare_expression='amount',
        subject='收入总计 = 支出总计',
        filter="table_number = 1 and side = 'revenue' and row_kind = 'grand_total'",
        compare_filter="table_number = 1 and side = 'expenditure' and row_kind = 'grand_total'"
    ) }}

),

t06_revenue_total_equals_expenditure_total as (

    {{ reconciles_with(
        ref('int_overview_lines_classified'),
        ref('int_overview_lines_classified'),
        identity_name='balance__t06_revenue_total_equals_expenditure_total',
        tables='表6',
        expression='amount',
        compare_expression='amount',
        subject='收入总计 = 支出总计',
        filter="table_number = 6 and side = 'revenue' and row_kind = 'grand_total'",
        compare_filter="table_number = 6 and side = 'expenditure' and row_kind = 'grand_total'"
    ) }}

),

expenditure_total_equals_current_year_and_other_lines as (

    {{ parent_equals_sum_of_children(
        ref('int_overview_lines_classified'),
        identity_name='balance__expenditure_total_equals_current_year_and_other_lines',
        tables='表1,表6',
        amount_columns=['amount'],
        subject="'表' || table_number || ' ' || item_name",
        root_filter="row_kind = 'grand_total'",
        row_filter="side = 'expenditure' and row_kind != 'detail'",
        group_by=['document_id', 'table_number']
    ) }}

),

current_year_expenditure_equals_sum_of_classes as (

    {{ reconciles_with(
        ref('int_overview_lines_classified'),
        ref('int_function_names_resolved'),
        identity_name='balance__current_year_expenditure_equals_sum_of_classes',
        tables='表1,表6',
        expression='amount',
        compare_expression='amount',
        subject='本年支出合计 = Σ 类 of 表',
        match_by=['table_number'],
        filter="side = 'expenditure' and row_kind = 'current_year_total'",
        compare_filter='level = 1'
    ) }}

),

current_year_revenue_and_revenue_total as (

    {{ parent_equals_sum_of_children(
        ref('int_revenue_lines_resolved'),
        identity_name='balance__current_year_revenue_and_revenue_total',
        tables='表1,表6',
        amount_columns=['amount'],
        subject="'表' || table_number || ' ' || published_name",
        node_column='revenue_source_code',
        parent_column='parent_revenue_source_code',
        row_filter='table_number in (1, 6)',
        parent_filter="revenue_source_code in ('grand_total', 'current_year_total')",
        group_by=['document_id', 'table_number']
    ) }}

),

national_revenue_total_equals_expenditure_total as (

    {{ reconciles_with(
        ref('int_national_ledger_lines'),
        ref('int_national_ledger_lines'),
        identity_name='balance__national_revenue_total_equals_expenditure_total',
        tables='收支总表,财政拨款收支总表',
        expression='amount',
        compare_expression='amount',
        subject='收入总计 = 支出总计',
        match_by=['table_key'],
        filter="side = 'revenue' and item_name_key like '%总计'",
        compare_filter="side = 'expenditure' and item_name_key like '%总计'"
    ) }}

),

national_revenue_total_equals_sources as (

    {{ reconciles_with(
        ref('int_national_revenue_lines_resolved'),
        ref('int_national_revenue_lines_resolved'),
        identity_name='balance__national_revenue_total_equals_sources',
        tables='收支总表,财政拨款收支总表',
        expression='amount',
        compare_expression='amount',
        subject='收入总计 = Σ revenue sources (with 结转和结余)',
        match_by=['table_key'],
        filter="revenue_source_code = 'grand_total'",
        compare_filter='is_leaf'
    ) }}

),

final as (

    select * from t01_revenue_total_equals_expenditure_total

    union all

    select * from t06_revenue_total_equals_expenditure_total

    union all

    select * from expenditure_total_equals_current_year_and_other_lines

    union all

    select * from current_year_expenditure_equals_sum_of_classes

    union all

    select * from current_year_revenue_and_revenue_total

    union all

    select * from national_revenue_total_equals_expenditure_total

    union all

    select * from national_revenue_total_equals_sources

)

select * from final
