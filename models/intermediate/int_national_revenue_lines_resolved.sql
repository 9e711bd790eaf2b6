-- The revenue side of the national 收支总表 (表1, all revenue) and 财政拨款收支总表 (表4, fiscal
-- appropriations), each line given its revenue source by name (ref_national_revenue_lines). In a
-- final account, the lines printed under 年初结转和结余 (上年结余、结转 in some budgets) break that
-- balance down by budget type: they are carry-over detail, not revenue of the year, and take no
-- source.
with

lines as (

    select * from {{ ref('int_national_ledger_lines') }}
    where side = 'revenue'

),

patterns as (

    select * from {{ ref('stg_reference__national_revenue_lines') }}

),

sources as (

    select * from {{ ref('stg_reference__revenue_sources') }}

),

ordered as (

    select
        lines.*,
        lines.page_number * 10000 + lines.source_row_number as line_order,
        -- The printed numbering: 一、… heads a group, 1. … or （一）… is an item of the group above it.
        case
            when {{ regexp_remove_all('lines.item_name', '^\\s*[一二三四五六七八九十]+、') }} != lines.item_name then 1
            when {{ regexp_remove_all('lines.item_name', '^\\s*[0-9]+\\s*[.．、]') }} != lines.item_name then 2
            when {{ regexp_remove_all('lines.item_name', '^\\s*[（(][一二三四五六七八九十0-9]+[)）]') }} != lines.item_name then 2
        end as numbering_level
    from lines

),

-- A group line followed by numbered items (三、单位资金 above 1.事业收入 …) is their subtotal,
-- whatever source its name resolves to.
numbered_groups as (

    select
        document_id,
        table_key,
        line_order,
        numbering_level = 1
        and lead(numbering_level) over (partition by document_id, table_key order by line_order) = 2
            as heads_numbered_items
    from ordered

),

carryover_starts as (

    select
        document_id,
        table_key,
        min(line_order) as first_carryover_line
    from ordered
    where item_name_key like '%年初%结转和结余%' or item_name_key like '%上年结%'
    group by document_id, table_key

),

matched as (

    select
        ordered.document_id,
        ordered.table_key,
        ordered.line_order,
        patterns.revenue_source_code,
        row_number() over (
            partition by ordered.document_id, ordered.table_key, ordered.line_order
            order by patterns.priority
        ) as preference
    from ordered
    inner join patterns
        on ordered.item_name_key like patterns.name_pattern

),

resolved as (

    select
        ordered.*,
        ordered.line_order > carryover_starts.first_carryover_line
        and matched.revenue_source_code not in ('grand_total', 'non_fiscal_balance_draw') as is_carryover_detail,
        matched.revenue_source_code as matched_code
    from ordered
    left join carryover_starts
        on ordered.document_id = carryover_starts.document_id and ordered.table_key = carryover_starts.table_key
    left join matched
        on
            ordered.document_id = matched.document_id
            and ordered.table_key = matched.table_key
            and ordered.line_order = matched.line_order
            and matched.preference = 1

),

coded as (

    select
        resolved.*,
        case when not coalesce(resolved.is_carryover_detail, false) then resolved.matched_code end
            as revenue_source_code
    from resolved

),

-- A source is a leaf unless the same table prints one of its children under it (一、财政拨款收入
-- above 1. 一般公共预算 …); a child printed as a numbered group of its own (一、预算拨款 beside
-- 二、财政专户拨款) is its sibling there. The totals are never leaves.
parents_published as (

    select distinct
        coded.document_id,
        coded.table_key,
        sources.parent_code as revenue_source_code
    from coded
    inner join sources
        on coded.revenue_source_code = sources.revenue_source_code
    where sources.parent_code is not null and coalesce(coded.numbering_level, 0) != 1

),

final as (

    select
        coded.document_id,
        coded.table_number,
        coded.table_key,
        coded.page_number,
        coded.source_row_number,
        coded.revenue_source_code,
        coded.item_name as published_name,
        coded.amount,
        coded.rounding_step,
        coalesce(coded.is_carryover_detail, false) as is_carryover_detail,
        coded.revenue_source_code is not null
        and coded.revenue_source_code not in ('grand_total', 'current_year_total')
        and parents_published.revenue_source_code is null
        -- an "of which" (其中：…) is inside a line already counted
        and coded.item_name_key not like '其中%'
        -- the carry-over's own items are detail, counted through it
        and (
            coded.revenue_source_code = 'prior_year_carryover'
            or not coalesce(numbered_groups.heads_numbered_items, false)
        ) as is_leaf
    from coded
    left join numbered_groups
        on
            coded.document_id = numbered_groups.document_id
            and coded.table_key = numbered_groups.table_key
            and coded.line_order = numbered_groups.line_order
    left join parents_published
        on
            coded.document_id = parents_published.document_id
            and coded.table_key = parents_published.table_key
            and coded.revenue_source_code = parents_published.revenue_source_code

)

select * from final
