with

documents as (

    select * from {{ ref('stg_disclosure__documents') }}

),

identity_checks as (

    select * from {{ ref('fct_identity_checks') }}

),

-- Soft checks compare figures that may legitimately differ; they are findings, not breaks.
breaks as (

    select
        document_id,
        count(*) filter (where status = 'broken' and family != 'soft') as identity_break_count,
        count(*) filter (where status = 'differs') as soft_check_difference_count
    from identity_checks
    group by document_id

),

-- What the document's text states against its tables (fct_narrative_claims).
claims as (

    select
        document_id,
        count(*) as claim_count,
        count(*) filter (where status = 'differs') as claim_difference_count
    from {{ ref('int_narrative_claims_checked') }}
    group by document_id

),

-- A 单位 document counts only where no current 部门 document of its department, year and phase
-- is loaded: a department's 部门预算 already holds its units' money.
departments_loaded as (

    select distinct
        department_name,
        fiscal_year,
        phase
    from documents
    where is_current and scope = '部门'

),

final as (

    select
        -- ids
        documents.document_id,
        {{ department_id('documents.department_name') }} as department_id,
        documents.fiscal_year,
        documents.phase,
        documents.revision,
        documents.superseded_by_document_id,

        -- text
        documents.department_name,
        documents.source_file,
        documents.source_sha256,
        documents.template,
        documents.scope,
        documents.published_unit,
        case
            when coalesce(breaks.identity_break_count, 0) > 0 then 'broken'
            else 'holds'
        end as identity_status,

        -- counts
        documents.table_count,
        documents.page_count,
        cast(coalesce(breaks.identity_break_count, 0) as {{ dbt.type_int() }}) as identity_break_count,
        cast(coalesce(breaks.soft_check_difference_count, 0) as {{ dbt.type_int() }}) as soft_check_difference_count,
        cast(coalesce(claims.claim_count, 0) as {{ dbt.type_int() }}) as claim_count,
        cast(coalesce(claims.claim_difference_count, 0) as {{ dbt.type_int() }}) as claim_difference_count,

        -- flags
        documents.is_current,
        coalesce(
            documents.is_current and (documents.scope != '单位' or departments_loaded.department_name is null),
            false
        ) as counts_in_totals

    from documents
    left join breaks
        on documents.document_id = breaks.document_id
    left join claims
        on documents.document_id = claims.document_id
    left join departments_loaded
        on
            documents.department_name = departments_loaded.department_name
            and documents.fiscal_year = departments_loaded.fiscal_year
            and documents.phase = departments_loaded.phase

)

select * from final
