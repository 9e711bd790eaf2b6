-- Every figure a document's text states, checked against the document's own tables: the table
-- figure it speaks of (a headline of fct_document_headlines for its subject, or the 功能分类 /
-- 经济分类 line its code names, as printed), the difference, and a status (agrees within the
-- rounding the text's precision implies, differs, or unverifiable where no table prints it).
-- A comparison the sentence makes (比上年增加 X 万元，增长 Y%) is checked against itself: the
-- percentage against the two amounts.
with

claims as (

    select * from {{ ref('stg_disclosure__narrative_claims') }}

),

subjects as (

    select * from {{ ref('stg_reference__claim_subjects') }}

),

claim_headlines as (

    select * from {{ ref('stg_reference__claim_headlines') }}

),

headlines as (

    select * from {{ ref('int_document_headlines_compared') }}

),

printed_totals as (

    select * from {{ ref('published_totals') }}

),

function_lines as (

    select * from {{ ref('int_function_leaves_unioned') }}

),

economic_lines as (

    select * from {{ ref('int_economic_leaves_unioned') }}

),

three_public as (

    select * from {{ ref('int_three_public_expenses_unioned') }}

),

revenue_lines as (

    select * from {{ ref('int_revenue_lines_unioned') }}

),

document_tables as (

    select * from {{ ref('stg_disclosure__document_tables') }}

),

table_cells as (

    select * from {{ ref('stg_disclosure__national_table_cells') }}

),

-- the claims a table figure can speak to: money, about the document's own year, and of what the
-- document's tables hold (a final account's 年初预算为 X is not its 决算 figure)
checkable as (

    select claims.*
    from claims
    where
        claims.claim_kind = 'amount'
        and claims.amount is not null
        and claims.claim_year = claims.fiscal_year
        and (
            claims.figure_basis is null
            or claims.figure_basis = case claims.phase when '预算' then 'budget' else 'actual' end
        )

),

headline_candidates as (

    select
        checkable.document_id,
        checkable.claim_number,
        headlines.headline_name as table_figure_name,
        headlines.printed_amount as table_amount,
        headlines.source_table_number,
        headlines.source_page_number,
        headlines.source_row_number
    from checkable
    inner join claim_headlines
        on
            checkable.subject = claim_headlines.subject
            and (claim_headlines.phase is null or checkable.phase = claim_headlines.phase)
    inner join headlines
        on
            checkable.document_id = headlines.document_id
            and claim_headlines.headline_code = headlines.headline_code

),

-- a 类 or 款 as printed (its subtotal row), or a 项 (a deepest row)
function_candidates as (

    select
        checkable.document_id,
        checkable.claim_number,
        printed_totals.published_name as table_figure_name,
        printed_totals.total_amount as table_amount,
        printed_totals.source_table_number,
        printed_totals.source_page_number,
        printed_totals.source_row_number
    from checkable
    inner join printed_totals
        on
            checkable.document_id = printed_totals.document_id
            and checkable.subject_code = printed_totals.code
            and printed_totals.classification = case checkable.subject
                when 'function_subject' then 'function'
                when 'economic_subject' then 'economic'
            end

    union all

    select
        checkable.document_id,
        checkable.claim_number,
        function_lines.function_code as table_figure_name,
        function_lines.total_amount as table_amount,
        function_lines.source_table_number,
        function_lines.source_page_number,
        function_lines.source_row_number
    from checkable
    inner join function_lines
        on
            checkable.document_id = function_lines.document_id
            and checkable.subject_code = function_lines.function_code
    where checkable.subject = 'function_subject'

    union all

    select
        checkable.document_id,
        checkable.claim_number,
        economic_lines.economic_code as table_figure_name,
        economic_lines.total_amount as table_amount,
        cast(null as {{ dbt.type_int() }}) as source_table_number,
        economic_lines.source_page_number,
        economic_lines.source_row_number
    from checkable
    inner join economic_lines
        on
            checkable.document_id = economic_lines.document_id
            and checkable.subject_code = economic_lines.economic_code
    where checkable.subject = 'economic_subject'

),

-- 人员经费 / 公用经费 as the 基本支出 table's own columns print them, beside 301 + 303 (headlines)
column_total_candidates as (

    select
        checkable.document_id,
        checkable.claim_number,
        case checkable.subject
            when 'personnel_expenditure' then '人员经费（基本支出表）'
            else '公用经费（基本支出表）'
        end as table_figure_name,
        sum(
            case checkable.subject
                when 'personnel_expenditure' then economic_lines.personnel_amount
                else economic_lines.public_amount
            end
        ) as table_amount,
        cast(null as {{ dbt.type_int() }}) as source_table_number,
        min(economic_lines.source_page_number) as source_page_number,
        cast(null as {{ dbt.type_int() }}) as source_row_number
    from checkable
    inner join economic_lines
        on checkable.document_id = economic_lines.document_id
    where checkable.subject in ('personnel_expenditure', 'public_expenditure')
    group by checkable.document_id, checkable.claim_number, checkable.subject

),

-- a revenue source's line as printed, in every table that prints it (a cell printed blank is no
-- figure); the funds (财政拨款, 一般公共预算, 政府性基金, 国有资本经营) are revenue sources of the
-- same code, printed where their own spending tables are left out as empty
revenue_source_candidates as (

    select
        checkable.document_id,
        checkable.claim_number,
        revenue_lines.published_name as table_figure_name,
        revenue_lines.amount as table_amount,
        revenue_lines.source_table_number,
        revenue_lines.source_page_number,
        revenue_lines.source_row_number
    from checkable
    inner join revenue_lines
        on
            checkable.document_id = revenue_lines.document_id
            and coalesce(checkable.subject_code, checkable.subject) = revenue_lines.revenue_source_code
    where
        checkable.subject in (
            'revenue_source',
            'fiscal_appropriation',
            'general_public_budget',
            'government_fund_budget',
            'state_capital_budget'
        )

),

-- the 财政拨款收支总表's 收入总计 and 本年收入: every 财政拨款, where no line of its own says so
-- (财政拨款收、支总预算 X 万元); a budget's, whose revenue is its spending (a final account's
-- 财政拨款支出 is not its revenue)
fiscal_overview_candidates as (

    select
        checkable.document_id,
        checkable.claim_number,
        revenue_lines.published_name as table_figure_name,
        revenue_lines.amount as table_amount,
        revenue_lines.source_table_number,
        revenue_lines.source_page_number,
        revenue_lines.source_row_number
    from checkable
    inner join revenue_lines
        on checkable.document_id = revenue_lines.document_id
    inner join document_tables
        on
            revenue_lines.document_id = document_tables.document_id
            and revenue_lines.source_table_number = document_tables.table_number
    where
        checkable.subject = 'fiscal_appropriation'
        and checkable.phase = '预算'
        and document_tables.table_key = 'fiscal_appropriation_overview'
        and revenue_lines.revenue_source_code in ('grand_total', 'current_year_total')

),

-- 政府采购 where a 功能分类 table prints it in columns (Shenzhen's 支出总表): its total row's
-- largest, the group's 小计 (its parts are smaller)
procurement_candidates as (

    select
        checkable.document_id,
        checkable.claim_number,
        '政府采购' as table_figure_name,
        max(table_cells.amount) as table_amount,
        table_cells.table_number as source_table_number,
        min(table_cells.page_number) as source_page_number,
        min(table_cells.source_row_number) as source_row_number
    from checkable
    inner join table_cells
        on checkable.document_id = table_cells.document_id
    where
        checkable.subject = 'procurement'
        and table_cells.measure = 'procurement_amount'
        and table_cells.row_kind = 'total'
    group by checkable.document_id, checkable.claim_number, table_cells.table_number

),

-- 合计 of a 功能分类 table as printed: the 支出总表's is all spending (基本 + 项目, every fund),
-- the 一般公共预算 table's that fund's; a sentence's 基本支出 or 支出预算 may be either
table_total_candidates as (

    select
        checkable.document_id,
        checkable.claim_number,
        printed_totals.published_name as table_figure_name,
        case checkable.subject
            when 'basic_expenditure' then printed_totals.basic_amount
            when 'project_expenditure' then printed_totals.project_amount
            else printed_totals.total_amount
        end as table_amount,
        printed_totals.source_table_number,
        printed_totals.source_page_number,
        printed_totals.source_row_number
    from checkable
    inner join printed_totals
        on checkable.document_id = printed_totals.document_id
    where
        printed_totals.classification = 'function'
        and printed_totals.row_kind = 'total'
        and checkable.subject in ('basic_expenditure', 'project_expenditure', 'expenditure_total')

),

-- the two parts of 公务用车购置及运行费, for the document's own year
vehicle_candidates as (

    select
        checkable.document_id,
        checkable.claim_number,
        checkable.subject as table_figure_name,
        case checkable.subject
            when 'vehicle_purchase' then three_public.vehicle_purchase_amount
            else three_public.vehicle_operation_amount
        end as table_amount,
        cast(null as {{ dbt.type_int() }}) as source_table_number,
        three_public.source_page_number,
        three_public.source_row_number
    from checkable
    inner join three_public
        on
            checkable.document_id = three_public.document_id
            and checkable.claim_year = three_public.budget_year
    where checkable.subject in ('vehicle_purchase', 'vehicle_operation')

),

candidates as (

    select * from headline_candidates
    union all
    select * from vehicle_candidates
    union all
    select * from table_total_candidates
    union all
    select * from function_candidates
    union all
    select * from column_total_candidates
    union all
    select * from revenue_source_candidates
    union all
    select * from fiscal_overview_candidates
    union all
    select * from procurement_candidates

),

-- each candidate with the rounding its table allows; the nearest is the one the claim speaks of
ranked as (

    select
        candidates.*,
        coalesce({{ to_wan_yuan('document_tables.published_rounding_step', 'document_tables.published_unit') }}, 0)
            as table_rounding_step,
        max(abs(candidates.table_amount)) over (
            partition by candidates.document_id, candidates.claim_number
        ) as largest_table_amount,
        row_number() over (
            partition by candidates.document_id, candidates.claim_number
            order by
                abs(checkable.amount - candidates.table_amount),
                candidates.source_table_number,
                candidates.source_page_number,
                candidates.source_row_number,
                -- the same build twice publishes the same candidate
                candidates.table_figure_name,
                candidates.table_amount
        ) as nearness
    from candidates
    inner join checkable
        on
            candidates.document_id = checkable.document_id
            and candidates.claim_number = checkable.claim_number
    left join document_tables
        on
            candidates.document_id = document_tables.document_id
            and candidates.source_table_number = document_tables.table_number
    where candidates.table_amount is not null

),

nearest as (

    select * from ranked
    where nearness = 1

),

-- the documents that print spending by 功能分类 for every fund (a 支出总表), not only by fund
all_funds_documents as (

    select distinct document_id
    from document_tables
    where table_key = 'expenditure_by_function'

),

-- 比上年增加 X，增长 Y%: the year before is the figure less the change
stated_changes as (

    select
        document_id,
        claim_number,
        amount - case change_direction when '减少' then -change_amount else change_amount end as previous_amount,
        case change_direction when '减少' then -change_amount else change_amount end as change_signed,
        change_amount_tolerance as change_tolerance
    from claims
    where claim_kind = 'amount' and change_amount is not null

),

-- 2025年执行数为X万元，2026年预算安排Y万元，比2025年执行数增加Z%: the year before is stated
stated_previous as (

    select
        later.document_id,
        later.claim_number,
        earlier.amount as previous_amount,
        later.amount - earlier.amount as change_signed,
        later.amount_tolerance + earlier.amount_tolerance as change_tolerance
    from claims as later
    inner join claims as earlier
        on
            later.document_id = earlier.document_id
            and later.claim_number - 1 = earlier.claim_number
            and later.sentence = earlier.sentence
            and later.claim_year - 1 = earlier.claim_year
            and earlier.claim_kind = 'amount'
    where later.claim_kind = 'amount' and later.change_percent is not null and later.change_amount is null

),

comparisons as (

    select * from stated_changes
    union all
    select * from stated_previous

),

checked as (

    select
        claims.*,
        subjects.subject_name,
        subjects.checked_against,
        nearest.table_figure_name,
        cast(nearest.table_amount as {{ dbt.type_numeric() }}) as table_amount,
        nearest.largest_table_amount,
        nearest.source_table_number as table_number,
        nearest.source_page_number as table_page_number,
        nearest.source_row_number as table_row_number,
        cast(claims.amount - nearest.table_amount as {{ dbt.type_numeric() }}) as difference_amount,
        cast(claims.amount_tolerance + nearest.table_rounding_step / 2 as {{ dbt.type_numeric() }}) as tolerance,
        comparisons.previous_amount,
        comparisons.change_signed,
        comparisons.change_tolerance,
        all_funds_documents.document_id is not null as prints_all_funds,
        -- signed: a text that says 增长 where the figures fell differs
        case
            when comparisons.previous_amount is not null and comparisons.previous_amount != 0
                then 100 * comparisons.change_signed / comparisons.previous_amount
        end as change_percent_signed
    from claims
    left join subjects
        on claims.subject = subjects.subject
    left join nearest
        on
            claims.document_id = nearest.document_id
            and claims.claim_number = nearest.claim_number
    left join comparisons
        on
            claims.document_id = comparisons.document_id
            and claims.claim_number = comparisons.claim_number
    left join all_funds_documents
        on claims.document_id = all_funds_documents.document_id

),

final as (

    select
        -- ids
        document_id,
        claim_number,
        page_number,
        source_line_number,

        -- text
        sentence,
        subject,
        subject_name,
        subject_phrase,
        subject_code,
        claim_kind,
        figure_basis,
        figure,
        figure_unit,
        change_direction,

        -- years
        claim_year,

        -- figures (万元 for money)
        figure_value,
        amount,
        table_figure_name,
        table_amount,
        difference_amount,
        tolerance,
        table_number,
        table_page_number,
        table_row_number,
        change_amount,
        change_percent,
        cast(abs(change_percent_signed) as {{ dbt.type_numeric() }}) as change_percent_computed,
        -- the year before's figure the comparison implies, and the rounding of the figures it comes from
        cast(previous_amount as {{ dbt.type_numeric() }}) as previous_year_amount,
        cast(change_tolerance as {{ dbt.type_numeric() }}) as previous_year_tolerance,

        -- verdicts
        case
            when table_amount is null then 'unverifiable'
            when abs(difference_amount) <= tolerance then 'agrees'
            -- under half the largest figure its subject names (the document's total, where a
            -- fund's table prints a smaller one): a part of it (a unit's section of a
            -- department's text, one project's funds or revenue, a project within a 项), which no
            -- table prints as such
            when
                checked_against in ('headline', 'revenue_source', 'function')
                and abs(amount) < largest_table_amount / 2
                then 'unverifiable'
            -- the 经济分类 tables hold 基本支出 only; the text may speak of all spending
            when subject = 'economic_subject' then 'unverifiable'
            -- above what a fund's table prints, in a sentence naming no fund: it may hold the
            -- other funds' spending (按支出功能分类，包括…; 人员支出 of every fund), which no loaded
            -- table prints (the 经济分类 tables are a fund's; the 功能分类 ones too, where the
            -- document's 支出总表 is not loaded)
            when
                amount > table_amount
                and sentence not like '%一般公共预算%'
                and sentence not like '%财政拨款%'
                and (
                    subject in ('personnel_expenditure', 'public_expenditure')
                    or (
                        subject in ('function_subject', 'basic_expenditure', 'project_expenditure')
                        and not prints_all_funds
                    )
                )
                then 'unverifiable'
            else 'differs'
        end as status,
        case
            when change_percent is null or change_percent_signed is null then 'unverifiable'
            -- the percentage's own rounding, and what the amounts' rounding moves it by
            when
                abs(
                    case change_direction when '减少' then -change_percent else change_percent end
                    - change_percent_signed
                )
                <= change_percent_tolerance
                + 100 * (change_tolerance + abs(change_signed) * amount_tolerance / abs(previous_amount))
                / abs(previous_amount)
                then 'agrees'
            else 'differs'
        end as change_status

    from checked

)

select * from final
