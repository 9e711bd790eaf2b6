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

document_tables as (

    select * from {{ ref('stg_disclosure__document_tables') }}

),

candidates as (

    select * from {{ ref('int_narrative_claim_candidates_unioned') }}

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
                abs(claims.amount - candidates.table_amount),
                candidates.source_table_number,
                candidates.source_page_number,
                candidates.source_row_number,
                -- the same build twice publishes the same candidate
                candidates.table_figure_name,
                candidates.table_amount
        ) as nearness
    from candidates
    inner join claims
        on
            candidates.document_id = claims.document_id
            and candidates.claim_number = claims.claim_number
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
