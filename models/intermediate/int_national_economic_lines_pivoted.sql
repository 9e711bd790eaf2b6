-- The national 一般公共预算基本支出 table by 经济分类, one row per published line (final accounts
-- print two column groups side by side: each group's line is its own row here), with 合计 and,
-- where published, 人员经费 and 公用经费.
with

printed as (

    select * from {{ ref('stg_disclosure__table_cells') }}
    where table_key = 'basic_expenditure_by_economic_class'

),

-- A code printed more than once (a block per unit, a cross-tab): added up.
units as (

    {{ subjects_consolidated('printed') }}

),

-- Some families print basic and project spending side by side in their 经济分类 table (Shenzhen's
-- 表8 一般公共预算支出表（按经济分类）): there the 基本支出 column is the table's figure, and the
-- others (支出总计, 项目支出) stay in the seed only.
basic_column_printed as (

    select distinct
        document_id,
        table_number
    from units
    where measure = 'basic_amount'

),

cells as (

    select
        units.document_id,
        units.table_number,
        units.page_number,
        units.source_row_number,
        units.source_column_number,
        units.code,
        units.row_kind,
        units.item_name,
        units.phase,
        units.scope,
        units.table_title,
        units.amount,
        units.rounding_step,
        case
            when basic_column_printed.document_id is null then units.measure
            else 'total_amount'
        end as measure
    from units
    left join basic_column_printed
        on
            units.document_id = basic_column_printed.document_id
            and units.table_number = basic_column_printed.table_number
    where basic_column_printed.document_id is null or units.measure = 'basic_amount'

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
        {{ pivot_measures(national_economic_measures()) }},

        -- units
        max(rounding_step) as rounding_step

    from cells
    group by document_id, table_number, page_number, source_row_number, code, row_kind, item_name, phase, scope

),

descendants as (

    {{ codes_with_descendants('pivoted', 'economic_code') }}

),

final as (

    select
        pivoted.*,
        {{ code_level('pivoted.economic_code') }} as level,
        pivoted.row_kind = 'subject' and descendants.economic_code is null as is_leaf,
        -- 人员经费合计 / 公用经费合计 under the final account's two column groups, 合计 in budgets.
        case
            when pivoted.row_kind != 'total' then null
            when pivoted.economic_name like '%人员经费%' then 'personnel'
            when pivoted.economic_name like '%公用经费%' then 'public'
            else 'all'
        end as total_scope,
        {{ national_source_location('pivoted', 'economic_code', 'economic_name') }} as source_location
    from pivoted
    left join descendants
        on pivoted.document_id = descendants.document_id and pivoted.economic_code = descendants.economic_code

)

select * from final
