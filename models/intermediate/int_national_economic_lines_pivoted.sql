-- The national 一般公共预算基本支出 table by 经济分类, one row per published line (final accounts
-- print two column groups side by side: each group's line is its own row here), with 合计 and,
-- where published, 人员经费 and 公用经费.
with

cells as (

    select * from {{ ref('stg_disclosure__national_table_cells') }}
    where table_key = 'basic_expenditure_by_economic_class'

),

pivoted as (

    select
        -- ids
        document_id,
        table_number,
        page_number,
        source_row_number,
        min(source_column_number) as source_column_number,
        code as economic_code,

        -- text
        row_kind,
        item_name as economic_name,
        phase,
        scope,
        min(table_title) as table_title,

        -- amounts (万元)
        cast(sum(case when measure = 'total_amount' then amount end) as {{ dbt.type_numeric() }}) as total_amount,
        cast(sum(case when measure = 'personnel_amount' then amount end) as {{ dbt.type_numeric() }})
            as personnel_amount,
        cast(sum(case when measure = 'public_amount' then amount end) as {{ dbt.type_numeric() }}) as public_amount,

        -- units
        max(rounding_step) as rounding_step

    from cells
    group by document_id, table_number, page_number, source_row_number, code, row_kind, item_name, phase, scope

),

classes_with_items as (

    select distinct
        document_id,
        substr(economic_code, 1, 3) as class_code
    from pivoted
    where length(economic_code) = 5

),

final as (

    select
        pivoted.*,
        {{ code_level('pivoted.economic_code') }} as level,
        pivoted.row_kind = 'subject'
        and (length(pivoted.economic_code) = 5 or classes_with_items.class_code is null) as is_leaf,
        -- 人员经费合计 / 公用经费合计 under the final account's two column groups, 合计 in budgets.
        case
            when pivoted.row_kind != 'total' then null
            when pivoted.economic_name like '%人员经费%' then 'personnel'
            when pivoted.economic_name like '%公用经费%' then 'public'
            else 'all'
        end as total_scope,
        '表' || pivoted.table_number || ' ' || pivoted.table_title || ' p.' || pivoted.page_number
        || ' row ' || pivoted.source_row_number || ': '
        || coalesce(pivoted.economic_code || ' ', '') || coalesce(pivoted.economic_name, '') as source_location
    from pivoted
    left join classes_with_items
        on pivoted.document_id = classes_with_items.document_id
            and pivoted.economic_code = classes_with_items.class_code

)

select * from final
