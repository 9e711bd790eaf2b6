-- Revenue of record: each document's revenue by source from its 收支总表 (表1 in both the
-- Shenzhen and the national templates), the one table that holds all of the document's revenue.
-- fct_revenue_by_source repeats the same money once per table that publishes it (表2 again by
-- unit, 表6 / 表4 again for fiscal appropriations); here a plain sum counts every 万元 once.
with

revenue_by_source as (

    select * from {{ ref('fct_revenue_by_source') }}

),

all_revenue_table as (

    select * from revenue_by_source
    where source_table_number = 1

),

final as (

    select
        -- ids
        document_id,
        revenue_source_code,

        -- amounts (万元)
        sum(amount) as amount,

        -- text
        min(published_name) as published_name,
        count(*) as source_line_count

    from all_revenue_table
    group by document_id, revenue_source_code

)

select * from final
