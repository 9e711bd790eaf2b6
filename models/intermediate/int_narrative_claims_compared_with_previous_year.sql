-- The year before's figure a claim's comparison implies (比上年增加 X: the figure less X; 2025年
-- 预算数为 Y …比2025年增加 Z%: Y), against what the year before printed: the document's own 上年
-- figures where it prints them (the “三公” table's 2025年 row or columns), else the headline of the
-- same department's document of the year before (same phase and scope), where loaded. Only
-- sentences that name the year before and not an execution figure: 比2025年预算执行数增加 compares
-- with what was spent during the year, which no document of the warehouse prints.
with

claims as (

    select * from {{ ref('int_narrative_claims_checked') }}

),

documents as (

    select * from {{ ref('stg_disclosure__documents') }}

),

claim_headlines as (

    select * from {{ ref('stg_reference__claim_headlines') }}

),

headlines as (

    select * from {{ ref('int_document_headlines_compared') }}

),

table_cells as (

    select * from {{ ref('stg_disclosure__table_cells') }}

),

three_public as (

    select * from {{ ref('int_three_public_expenses_unioned') }}

),

comparable as (

    select
        claims.*,
        documents.department_name,
        documents.scope,
        documents.phase,
        documents.fiscal_year
    from claims
    inner join documents
        on claims.document_id = documents.document_id
    where
        claims.previous_year_amount is not null
        and claims.claim_kind = 'amount'
        and claims.claim_year = documents.fiscal_year
        and claims.sentence not like '%执行%'
        and (
            claims.sentence like '%上年%'
            or claims.sentence like '%去年%'
            or claims.sentence like '%' || cast(documents.fiscal_year - 1 as {{ dbt.type_string() }}) || '年%'
        )

),

-- the “三公” table's figures of the year before, printed beside the year's
own_figures as (

    select
        comparable.document_id,
        comparable.claim_number,
        comparable.document_id as previous_year_document_id,
        sum(table_cells.amount) as previous_year_table_amount,
        1 as preference
    from comparable
    inner join table_cells
        on
            comparable.document_id = table_cells.document_id
            and table_cells.table_key = 'three_public_expenses'
            and table_cells.measure = 'prior_year_' || {{ claim_three_public_part('comparable.subject') }}
    group by comparable.document_id, comparable.claim_number

),

previous_documents as (

    select
        this_year.document_id,
        last_year.document_id as previous_year_document_id
    from documents as this_year
    inner join documents as last_year
        on
            this_year.department_name = last_year.department_name
            and this_year.phase = last_year.phase
            and this_year.scope = last_year.scope
            and this_year.fiscal_year - 1 = last_year.fiscal_year
    where last_year.is_current

),

previous_headlines as (

    select
        comparable.document_id,
        comparable.claim_number,
        previous_documents.previous_year_document_id,
        headlines.printed_amount as previous_year_table_amount,
        2 as preference
    from comparable
    inner join previous_documents
        on comparable.document_id = previous_documents.document_id
    inner join claim_headlines
        on
            comparable.subject = claim_headlines.subject
            and (claim_headlines.phase is null or comparable.phase = claim_headlines.phase)
    inner join headlines
        on
            previous_documents.previous_year_document_id = headlines.document_id
            and claim_headlines.headline_code = headlines.headline_code

),

-- the parts of 公务用车购置及运行费, which are no headline, from the year before's “三公” table
previous_vehicle_parts as (

    select
        comparable.document_id,
        comparable.claim_number,
        previous_documents.previous_year_document_id,
        {{ claim_three_public_part('comparable.subject', 'three_public') }} as previous_year_table_amount,
        2 as preference
    from comparable
    inner join previous_documents
        on comparable.document_id = previous_documents.document_id
    inner join three_public
        on
            previous_documents.previous_year_document_id = three_public.document_id
            and comparable.fiscal_year - 1 = three_public.budget_year
    where comparable.subject in ('vehicle_purchase', 'vehicle_operation')

),

candidates as (

    select * from own_figures
    union all
    select * from previous_headlines
    union all
    select * from previous_vehicle_parts

),

-- the document's own figures first, then the nearest
ranked as (

    select
        candidates.*,
        row_number() over (
            partition by candidates.document_id, candidates.claim_number
            order by
                candidates.preference,
                abs(comparable.previous_year_amount - candidates.previous_year_table_amount),
                candidates.previous_year_document_id,
                candidates.previous_year_table_amount
        ) as nearness
    from candidates
    inner join comparable
        on
            candidates.document_id = comparable.document_id
            and candidates.claim_number = comparable.claim_number
    where candidates.previous_year_table_amount is not null

),

final as (

    select
        comparable.document_id,
        comparable.claim_number,
        ranked.previous_year_document_id,
        cast(ranked.previous_year_table_amount as {{ dbt.type_numeric() }}) as previous_year_table_amount,
        case
            when ranked.previous_year_table_amount is null then 'unverifiable'
            -- the rounding of the figures the sentence gives, and half a cent of 万元 for the table's
            when
                abs(comparable.previous_year_amount - ranked.previous_year_table_amount)
                <= comparable.previous_year_tolerance + 0.005
                then 'agrees'
            else 'differs'
        end as previous_year_status
    from comparable
    left join ranked
        on
            comparable.document_id = ranked.document_id
            and comparable.claim_number = ranked.claim_number
            and ranked.nearness = 1

)

select * from final
