-- Revenue by source as published in three tables: the revenue ledgers of 表1 and 表6 (one
-- line per source, by name) and 表2 (one column per source). Each line is given the code of
-- its source from ref_revenue_sources, so the three can be compared and summed alike.
{%- set funding_columns = funding_source_columns() %}

with

ledger_lines as (

    select *
    from {{ ref('int_overview_lines_classified') }}
    where side = 'revenue'

),

revenue_by_source as (

    select * from {{ ref('stg_disclosure__t02_revenue_by_source') }}

),

sources as (

    select * from {{ ref('stg_reference__revenue_sources') }}

),

ledger_resolved as (

    select
        ledger_lines.document_id,
        ledger_lines.table_number,
        ledger_lines.source_row_number,
        sources.revenue_source_code,
        ledger_lines.amount,
        ledger_lines.item_name as published_name,
        ledger_lines.rounding_step
    from ledger_lines
    left join sources
        on ledger_lines.item_name_key = sources.revenue_source_name_key

),

columns_unpivoted as (

    {% for column in funding_columns %}
        select
            document_id,
            table_number,
            source_row_number,
            '{{ column }}' as funding_column,
            {{ column }} as amount,
            rounding_step
        from revenue_by_source
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

columns_resolved as (

    select
        columns_unpivoted.document_id,
        columns_unpivoted.table_number,
        columns_unpivoted.source_row_number,
        sources.revenue_source_code,
        columns_unpivoted.amount,
        sources.revenue_source_name as published_name,
        columns_unpivoted.rounding_step
    from columns_unpivoted
    left join sources
        on columns_unpivoted.funding_column = sources.funding_column

),

unioned as (

    select * from ledger_resolved
    union all
    select * from columns_resolved

),

-- Every (source, ancestor) pair of the reference tree, which is at most four levels deep
-- (收入总计 > 本年收入合计 > 财政预算拨款 > 一般公共预算拨款 > 一般性经费拨款).
ancestors as (

    {% for depth in range(1, 5) %}
        select
            level_0.revenue_source_code,
            level_{{ depth }}.revenue_source_code as ancestor_code,
            {{ depth }} as distance
        from sources as level_0
        {%- for step in range(1, depth + 1) %}
            inner join sources as level_{{ step }}
                on level_{{ step - 1 }}.parent_code = level_{{ step }}.revenue_source_code
        {%- endfor %}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

-- Ledger tables publish one line per source; 表2 publishes one row per unit, each its own group.
grouped as (

    select
        *,
        case when table_number = 2 then source_row_number else 0 end as line_group
    from unioned

),

-- A source is a leaf where none of its descendants is published in the same group, so
-- summing the leaves of one table never counts a subtotal and its parts twice.
sources_with_published_descendants as (

    select distinct
        grouped.document_id,
        grouped.table_number,
        grouped.line_group,
        ancestors.ancestor_code as revenue_source_code
    from grouped
    inner join ancestors
        on grouped.revenue_source_code = ancestors.revenue_source_code

),

-- The nearest ancestor published in the same group is a line's parent: 表6 has no 财政预算拨款
-- line, so its 一般公共预算拨款 hangs directly under 本年收入合计. Ranked by nearness; the join keeps rank 1.
published_ancestors_ranked as (

    select
        grouped.document_id,
        grouped.table_number,
        grouped.line_group,
        grouped.revenue_source_code,
        ancestors.ancestor_code,
        row_number() over (
            partition by grouped.document_id, grouped.table_number, grouped.line_group, grouped.revenue_source_code
            order by ancestors.distance
        ) as nearness
    from grouped
    inner join ancestors
        on grouped.revenue_source_code = ancestors.revenue_source_code
    inner join grouped as ancestor_line
        on
            grouped.document_id = ancestor_line.document_id
            and grouped.table_number = ancestor_line.table_number
            and grouped.line_group = ancestor_line.line_group
            and ancestors.ancestor_code = ancestor_line.revenue_source_code

),

final as (

    select
        -- ids
        unioned.document_id,
        unioned.table_number,
        unioned.source_row_number,
        unioned.line_group,
        unioned.revenue_source_code,
        published_ancestors_ranked.ancestor_code as parent_revenue_source_code,

        -- amounts (万元)
        unioned.amount,

        -- text
        unioned.published_name,
        unioned.rounding_step,

        -- flags
        sources_with_published_descendants.revenue_source_code is null as is_leaf

    from grouped as unioned
    left join sources_with_published_descendants
        on
            unioned.document_id = sources_with_published_descendants.document_id
            and unioned.table_number = sources_with_published_descendants.table_number
            and unioned.line_group = sources_with_published_descendants.line_group
            and unioned.revenue_source_code = sources_with_published_descendants.revenue_source_code
    left join published_ancestors_ranked
        on
            unioned.document_id = published_ancestors_ranked.document_id
            and unioned.table_number = published_ancestors_ranked.table_number
            and unioned.line_group = published_ancestors_ranked.line_group
            and unioned.revenue_source_code = published_ancestors_ranked.revenue_source_code
            and published_ancestors_ranked.nearness = 1

)

select * from final
