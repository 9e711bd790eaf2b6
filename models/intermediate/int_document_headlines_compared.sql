-- The figures a reader asks of a document first, one row per document and figure: each as
-- printed (with the table, page and row it is printed on) and as the sum of its parts in the
-- same document, with the difference. Every template feeds these through the marts it already
-- feeds (revenue lines, 功能分类 and 经济分类 leaves, published totals, “三公”), so a figure means
-- the same thing whatever the family. Intermediate, read by fct_document_headlines and by the
-- claims check (int_narrative_claims_checked), which dim_document counts: the marts' foreign
-- keys to dim_document would make a cycle of it.
with

documents as (

    select * from {{ ref('stg_disclosure__documents') }}

),

headlines as (

    select * from {{ ref('stg_reference__headlines') }}

),

revenue_lines as (

    select * from {{ ref('int_revenue_lines_unioned') }}
    where revenue_source_code is not null

),

revenue_sources as (

    select * from {{ ref('stg_reference__revenue_sources') }}

),

function_lines as (

    select * from {{ ref('int_function_leaves_unioned') }}

),

economic_lines as (

    select * from {{ ref('int_economic_leaves_unioned') }}

),

printed_totals as (

    select * from {{ ref('published_totals') }}

),

three_public as (

    select * from {{ ref('int_three_public_expenses_unioned') }}

),

-- 收入总计, 本年收入合计 and 财政拨款 as printed, in the first table that prints each (the
-- 收支总表; a table that repeats a total on a later page prints the same figure)
revenue_printed as (

    select
        document_id,
        revenue_source_code,
        amount,
        source_table_number,
        source_page_number,
        source_row_number,
        row_number() over (
            partition by document_id, revenue_source_code
            order by source_table_number, source_page_number, source_row_number
        ) as printed_order
    from revenue_lines
    where revenue_source_code in ('grand_total', 'current_year_total', 'fiscal_appropriation')

),

revenue_codes_printed as (

    select distinct
        document_id,
        source_table_number,
        revenue_source_code
    from revenue_lines

),

-- each line's nearest ancestor that its table prints: the total it is a part of (财政拨款收入 is a
-- part of 收入总计 where a table prints no 本年收入合计 between them)
revenue_line_ancestors as (

    select
        revenue_lines.document_id,
        revenue_lines.source_table_number,
        revenue_lines.amount,
        coalesce(printed_1.revenue_source_code, printed_2.revenue_source_code, printed_3.revenue_source_code)
            as part_of_code
    from revenue_lines
    inner join revenue_sources as source_1
        on revenue_lines.revenue_source_code = source_1.revenue_source_code
    left join revenue_sources as source_2
        on source_1.parent_code = source_2.revenue_source_code
    left join revenue_sources as source_3
        on source_2.parent_code = source_3.revenue_source_code
    left join revenue_codes_printed as printed_1
        on
            revenue_lines.document_id = printed_1.document_id
            and revenue_lines.source_table_number = printed_1.source_table_number
            and source_1.parent_code = printed_1.revenue_source_code
    left join revenue_codes_printed as printed_2
        on
            revenue_lines.document_id = printed_2.document_id
            and revenue_lines.source_table_number = printed_2.source_table_number
            and source_2.parent_code = printed_2.revenue_source_code
    left join revenue_codes_printed as printed_3
        on
            revenue_lines.document_id = printed_3.document_id
            and revenue_lines.source_table_number = printed_3.source_table_number
            and source_3.parent_code = printed_3.revenue_source_code

),

revenue_parts as (

    select
        revenue_printed.document_id,
        revenue_printed.revenue_source_code,
        sum(revenue_line_ancestors.amount) as parts_amount,
        count(revenue_line_ancestors.amount) as part_count
    from revenue_printed
    inner join revenue_line_ancestors
        on
            revenue_printed.document_id = revenue_line_ancestors.document_id
            and revenue_printed.source_table_number = revenue_line_ancestors.source_table_number
            and revenue_printed.revenue_source_code = revenue_line_ancestors.part_of_code
    where revenue_printed.printed_order = 1
    group by revenue_printed.document_id, revenue_printed.revenue_source_code

),

revenue_headlines as (

    select
        revenue_printed.document_id,
        case revenue_printed.revenue_source_code
            when 'grand_total' then 'revenue_grand_total'
            when 'current_year_total' then 'current_year_revenue'
            else 'fiscal_appropriation_revenue'
        end as headline_code,
        revenue_printed.amount as printed_amount,
        revenue_printed.source_table_number,
        revenue_printed.source_page_number,
        revenue_printed.source_row_number,
        revenue_parts.parts_amount,
        coalesce(revenue_parts.part_count, 0) as part_count
    from revenue_printed
    left join revenue_parts
        on
            revenue_printed.document_id = revenue_parts.document_id
            and revenue_printed.revenue_source_code = revenue_parts.revenue_source_code
    where revenue_printed.printed_order = 1

),

-- each 功能分类 spending table's deepest rows, added up
function_parts as (

    select
        document_id,
        budget_type,
        source_table_number,
        sum(total_amount) as total_amount,
        sum(basic_amount) as basic_amount,
        sum(project_amount) as project_amount,
        count(total_amount) as total_count,
        count(basic_amount) as basic_count,
        count(project_amount) as project_count
    from function_lines
    group by document_id, budget_type, source_table_number

),

-- each table's 合计 as printed: the total rows on its first printed row (a table printing 人员经费
-- and 公用经费 blocks side by side has one per block, on the same row, and its 合计 is their sum;
-- a family that repeats 合计 on every page prints the same figure again further down)
total_rows_ranked as (

    select
        *,
        dense_rank() over (
            partition by document_id, classification, source_table_number
            order by source_page_number, source_row_number
        ) as printed_order
    from printed_totals
    where row_kind = 'total'

),

printed_table_totals as (

    select
        document_id,
        classification,
        source_table_number,
        min(source_page_number) as source_page_number,
        min(source_row_number) as source_row_number,
        sum(total_amount) as total_amount,
        sum(basic_amount) as basic_amount,
        sum(project_amount) as project_amount
    from total_rows_ranked
    where printed_order = 1
    group by document_id, classification, source_table_number

),

function_tables as (

    select
        function_parts.*,
        printed_table_totals.source_page_number,
        printed_table_totals.source_row_number,
        printed_table_totals.total_amount as printed_total_amount,
        printed_table_totals.basic_amount as printed_basic_amount,
        printed_table_totals.project_amount as printed_project_amount
    from function_parts
    left join printed_table_totals
        on
            function_parts.document_id = printed_table_totals.document_id
            and function_parts.source_table_number = printed_table_totals.source_table_number
            and printed_table_totals.classification = 'function'

),

function_headlines as (

    select
        document_id,
        budget_type || '_total' as headline_code,
        printed_total_amount as printed_amount,
        source_table_number,
        source_page_number,
        source_row_number,
        total_amount as parts_amount,
        total_count as part_count
    from function_tables
    union all
    select
        document_id,
        'general_public_budget_basic' as headline_code,
        printed_basic_amount as printed_amount,
        source_table_number,
        source_page_number,
        source_row_number,
        basic_amount as parts_amount,
        basic_count as part_count
    from function_tables
    where budget_type = 'general_public_budget'
    union all
    select
        document_id,
        'general_public_budget_project' as headline_code,
        printed_project_amount as printed_amount,
        source_table_number,
        source_page_number,
        source_row_number,
        project_amount as parts_amount,
        project_count as part_count
    from function_tables
    where budget_type = 'general_public_budget'

),

-- the 经济分类 table's 合计, and its classes 301 + 303 (人员经费) and 302 + 310 (公用经费) as
-- printed: a class printed with 款 beneath it is a published subtotal, one printed alone a leaf
economic_tables_ranked as (

    select
        *,
        row_number() over (partition by document_id order by source_table_number) as table_order
    from printed_table_totals
    where classification = 'economic'

),

-- the fact holds one 经济分类 table per document, the first the document prints
economic_printed_total as (

    select * from economic_tables_ranked
    where table_order = 1

),

economic_printed_classes as (

    select
        document_id,
        code as economic_code,
        total_amount
    from printed_totals
    where classification = 'economic' and row_kind = 'subtotal' and length(code) = 3
    union all
    select
        document_id,
        economic_code,
        total_amount
    from economic_lines
    where length(economic_code) = 3

),

economic_classes_printed as (

    select
        document_id,
        sum(case when economic_code in ('301', '303') then total_amount end) as personnel_amount,
        sum(case when economic_code in ('302', '310') then total_amount end) as public_amount
    from economic_printed_classes
    group by document_id

),

economic_parts as (

    select
        document_id,
        sum(total_amount) as total_amount,
        count(total_amount) as total_count,
        sum(case when substring(economic_code, 1, 3) in ('301', '303') then total_amount end) as personnel_amount,
        count(case when substring(economic_code, 1, 3) in ('301', '303') then total_amount end) as personnel_count,
        sum(case when substring(economic_code, 1, 3) in ('302', '310') then total_amount end) as public_amount,
        count(case when substring(economic_code, 1, 3) in ('302', '310') then total_amount end) as public_count
    from economic_lines
    group by document_id

),

-- each document's economic parts beside its printed 合计 and classes, joined once
economic_joined as (

    select
        economic_parts.*,
        economic_printed_total.total_amount as printed_total_amount,
        economic_printed_total.source_table_number,
        economic_printed_total.source_page_number,
        economic_printed_total.source_row_number,
        economic_classes_printed.personnel_amount as printed_personnel_amount,
        economic_classes_printed.public_amount as printed_public_amount
    from economic_parts
    left join economic_printed_total
        on economic_parts.document_id = economic_printed_total.document_id
    left join economic_classes_printed
        on economic_parts.document_id = economic_classes_printed.document_id

),

economic_headlines as (

    select
        document_id,
        'economic_basic_total' as headline_code,
        printed_total_amount as printed_amount,
        source_table_number,
        source_page_number,
        source_row_number,
        total_amount as parts_amount,
        total_count as part_count
    from economic_joined
    union all
    -- 人员经费 and 公用经费 add printed class rows: no one page or row holds them
    select
        document_id,
        'personnel_expenditure' as headline_code,
        printed_personnel_amount as printed_amount,
        source_table_number,
        cast(null as {{ dbt.type_int() }}) as source_page_number,
        cast(null as {{ dbt.type_int() }}) as source_row_number,
        personnel_amount as parts_amount,
        personnel_count as part_count
    from economic_joined
    union all
    select
        document_id,
        'public_expenditure' as headline_code,
        printed_public_amount as printed_amount,
        source_table_number,
        cast(null as {{ dbt.type_int() }}) as source_page_number,
        cast(null as {{ dbt.type_int() }}) as source_row_number,
        public_amount as parts_amount,
        public_count as part_count
    from economic_joined

),

-- “三公” of the document's own year (not the year-before comparison printed beside it): the first
-- row, the table's 合计 where a family prints one row per unit beneath it
three_public_own_year as (

    select
        three_public.*,
        row_number() over (
            partition by three_public.document_id
            order by three_public.source_page_number, three_public.source_row_number
        ) as printed_order
    from three_public
    inner join documents
        on
            three_public.document_id = documents.document_id
            and three_public.budget_year = documents.fiscal_year

),

three_public_headlines as (

    select
        document_id,
        'three_public_total' as headline_code,
        total_amount as printed_amount,
        cast(null as {{ dbt.type_int() }}) as source_table_number,
        source_page_number,
        source_row_number,
        coalesce(overseas_travel_amount, 0)
        + coalesce(official_reception_amount, 0)
        + coalesce(official_vehicle_subtotal_amount, vehicle_purchase_amount + vehicle_operation_amount, 0)
            as parts_amount,
        3 as part_count
    from three_public_own_year
    where printed_order = 1
    union all
    select
        document_id,
        'overseas_travel' as headline_code,
        overseas_travel_amount as printed_amount,
        cast(null as {{ dbt.type_int() }}) as source_table_number,
        source_page_number,
        source_row_number,
        cast(null as {{ dbt.type_numeric() }}) as parts_amount,
        0 as part_count
    from three_public_own_year
    where printed_order = 1
    union all
    select
        document_id,
        'official_reception' as headline_code,
        official_reception_amount as printed_amount,
        cast(null as {{ dbt.type_int() }}) as source_table_number,
        source_page_number,
        source_row_number,
        cast(null as {{ dbt.type_numeric() }}) as parts_amount,
        0 as part_count
    from three_public_own_year
    where printed_order = 1
    union all
    select
        document_id,
        'official_vehicles' as headline_code,
        official_vehicle_subtotal_amount as printed_amount,
        cast(null as {{ dbt.type_int() }}) as source_table_number,
        source_page_number,
        source_row_number,
        coalesce(vehicle_purchase_amount, 0) + coalesce(vehicle_operation_amount, 0) as parts_amount,
        2 as part_count
    from three_public_own_year
    where printed_order = 1
    union all
    select
        document_id,
        'office_operation' as headline_code,
        office_operation_amount as printed_amount,
        cast(null as {{ dbt.type_int() }}) as source_table_number,
        source_page_number,
        source_row_number,
        cast(null as {{ dbt.type_numeric() }}) as parts_amount,
        0 as part_count
    from three_public_own_year
    where printed_order = 1 and office_operation_amount is not null

),

unioned as (

    select * from revenue_headlines
    union all
    select * from function_headlines
    union all
    select * from economic_headlines
    union all
    select * from three_public_headlines

),

final as (

    select
        -- ids
        unioned.document_id,
        unioned.headline_code,

        -- text
        headlines.headline_name,
        headlines.sort_order,

        -- provenance of the printed figure
        cast(unioned.source_table_number as {{ dbt.type_int() }}) as source_table_number,
        cast(unioned.source_page_number as {{ dbt.type_int() }}) as source_page_number,
        cast(unioned.source_row_number as {{ dbt.type_int() }}) as source_row_number,

        -- amounts (万元)
        cast(unioned.printed_amount as decimal(28, 6)) as printed_amount,
        cast(case when unioned.part_count > 0 then unioned.parts_amount end as decimal(28, 6)) as parts_amount,
        cast(
            case when unioned.part_count > 0 then unioned.printed_amount - unioned.parts_amount end as decimal(28, 6)
        ) as difference_amount,

        -- counts
        cast(unioned.part_count as {{ dbt.type_int() }}) as part_count

    from unioned
    inner join headlines
        on unioned.headline_code = headlines.headline_code
    where unioned.printed_amount is not null or unioned.part_count > 0

)

select * from final
