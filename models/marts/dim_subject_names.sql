-- Every name a 功能分类 or 经济分类 code has been published under, with the years: the
-- dimensions show one (the latest) name per code; this keeps the others, such as 303 published
-- as 对个人和家庭的补助 in one year and 离退休人员经费 in another.
with

published as (

    select * from {{ ref('int_subject_names_unioned') }}

),

documents as (

    select * from {{ ref('stg_disclosure__documents') }}

),

final as (

    select
        -- ids
        published.classification,
        published.code,

        -- text
        published.subject_name,

        -- years
        min(documents.fiscal_year) as first_fiscal_year,
        max(documents.fiscal_year) as last_fiscal_year,

        -- counts
        cast(count(distinct published.document_id) as {{ dbt.type_int() }}) as document_count

    from published
    inner join documents
        on published.document_id = documents.document_id
    where published.subject_name is not null
    group by published.classification, published.code, published.subject_name

)

select * from final
