-- Every table figure a document's text may speak of, for each claim a table could hold (money,
-- the document's own year, the figure the document is about): the headline of its subject, the
-- 功能分类 / 经济分类 line its code names, a revenue line, a table's 合计, a “三公” part, 政府采购
-- columns. int_narrative_claims_checked takes the nearest.
with

claims as (

    select * from {{ ref('stg_disclosure__narrative_claims') }}

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

    select * from {{ ref('stg_disclosure__table_cells') }}

),

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
        -- 机关运行经费…其中：公务接待费 X万元: a part of the 机关运行经费 (basic spending only), not
        -- the “三公” item, which counts project spending too
        and not (
            claims.subject in (
                'overseas_travel', 'official_reception', 'official_vehicles', 'vehicle_purchase', 'vehicle_operation'
            )
            and claims.sentence like '%机关运行经费%其中%'
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
    -- a 人员经费 or 基本支出 with a code is a line's part (具体为：… after the line), not the document's
    where not {{ claim_is_line_part('checkable') }}

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

    -- the line's 基本支出 or 项目支出 as printed: where the sentence speaks of that part (项目支出…
    -- 其中：教育支出270.00万元), or breaks the line down (具体为：基本支出 X万元；项目支出 Y万元)
    select
        checkable.document_id,
        checkable.claim_number,
        printed_totals.published_name as table_figure_name,
        case
            when checkable.subject = 'basic_expenditure' then printed_totals.basic_amount
            when checkable.subject = 'project_expenditure' then printed_totals.project_amount
            when checkable.sentence like '%项目支出%' then printed_totals.project_amount
            else printed_totals.basic_amount
        end as table_amount,
        printed_totals.source_table_number,
        printed_totals.source_page_number,
        printed_totals.source_row_number
    from checkable
    inner join printed_totals
        on
            checkable.document_id = printed_totals.document_id
            and checkable.subject_code = printed_totals.code
            and printed_totals.classification = 'function'
    where
        checkable.subject in ('basic_expenditure', 'project_expenditure')
        or (
            checkable.subject = 'function_subject'
            and (checkable.sentence like '%项目支出%' or checkable.sentence like '%基本支出%')
        )

    union all

    -- an 经济分类 line, or its 人员经费 / 公用经费 column where the text breaks the line down
    -- (工资福利支出（301）X万元。具体为：人员经费 Y万元；…)
    select
        checkable.document_id,
        checkable.claim_number,
        economic_lines.economic_code as table_figure_name,
        case checkable.subject
            when 'personnel_expenditure' then economic_lines.personnel_amount
            when 'public_expenditure' then economic_lines.public_amount
            else economic_lines.total_amount
        end as table_amount,
        cast(null as {{ dbt.type_int() }}) as source_table_number,
        economic_lines.source_page_number,
        economic_lines.source_row_number
    from checkable
    inner join economic_lines
        on
            checkable.document_id = economic_lines.document_id
            and checkable.subject_code = economic_lines.economic_code
    where checkable.subject in ('economic_subject', 'personnel_expenditure', 'public_expenditure')

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
    where
        checkable.subject in ('personnel_expenditure', 'public_expenditure')
        and not {{ claim_is_line_part('checkable') }}
    group by checkable.document_id, checkable.claim_number, checkable.subject

),

-- a revenue source's line as printed, in every table that prints it (a cell printed blank is no
-- figure); the funds (财政拨款, 一般公共预算, 政府性基金, 国有资本经营) are revenue sources of the
-- same code, printed where their own spending tables are left out as empty. And a budget's
-- 财政拨款收支总表 收入总计 and 本年收入: every 财政拨款, where no line of its own says so
-- (财政拨款收、支总预算 X 万元; a final account's 财政拨款支出 is not its revenue).
revenue_candidates as (

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
    left join document_tables
        on
            revenue_lines.document_id = document_tables.document_id
            and revenue_lines.source_table_number = document_tables.table_number
    where
        (
            checkable.subject in (
                'revenue_source',
                'fiscal_appropriation',
                'general_public_budget',
                'government_fund_budget',
                'state_capital_budget'
            )
            and coalesce(checkable.subject_code, checkable.subject) = revenue_lines.revenue_source_code
        )
        or (
            checkable.subject = 'fiscal_appropriation'
            and checkable.phase = '预算'
            and document_tables.table_key = 'fiscal_appropriation_overview'
            and revenue_lines.revenue_source_code in ('grand_total', 'current_year_total')
        )

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
        and not {{ claim_is_line_part('checkable') }}

),

-- the two parts of 公务用车购置及运行费, for the document's own year
vehicle_candidates as (

    select
        checkable.document_id,
        checkable.claim_number,
        checkable.subject as table_figure_name,
        {{ claim_three_public_part('checkable.subject', 'three_public') }} as table_amount,
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

final as (

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
    select * from revenue_candidates
    union all
    select * from procurement_candidates

)

select * from final
