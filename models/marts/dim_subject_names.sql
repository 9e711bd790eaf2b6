-- Every name a 功能分类 or 经济分类 code has been published under, with the years: the
-- dimensions show one (the latest) name per code; this keeps the others, such as 303 published
-- as 对个人和家庭的补助 in one year and 离退休人员经费 in another.
with

published as (

    select
        'function' as classification,
        document_id,
        function_code as code,
        function_name as subject_name
    from {{ ref('int_function_subjects_unioned') }}
    union all
    select
        'function' as classification,
        document_id,
        function_code as code,
        function_name as subject_name
    from {{ ref('int_national_function_lines_pivoted') }}
    where row_kind = 'subject'
    union all
    select
        'economic' as classification,
        document_id,
        economic_code as code,
        item_name as subject_name
    from {{ ref('int_economic_names_resolved') }}
    where row_kind = 'subject'
    union all
    select
        'economic' as classification,
        document_id,
        economic_code as code,
        economic_name as subject_name
    from {{ ref('int_national_economic_lines_pivoted') }}
    where row_kind = 'subject'

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
