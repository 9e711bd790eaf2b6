with

source as (

    select * from {{ ref('documents') }}

),

renamed as (

    select
        -- ids
        document_id,
        cast(fiscal_year as {{ dbt.type_int() }}) as fiscal_year,
        phase,
        cast(revision as {{ dbt.type_int() }}) as revision,
        superseded_by_document_id,

        -- text
        department_name,
        template,
        scope,
        published_unit,
        source_file,
        source_sha256,

        -- counts
        cast(table_count as {{ dbt.type_int() }}) as table_count,
        cast(page_count as {{ dbt.type_int() }}) as page_count,

        -- flags
        cast(is_current as boolean) as is_current

    from source

)

select * from renamed
