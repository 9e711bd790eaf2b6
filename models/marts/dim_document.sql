with

documents as (

    select * from {{ ref('stg_disclosure__documents') }}

),

final as (

    select
        -- ids
        document_id,
        {{ department_id('department_name') }} as department_id,
        fiscal_year,
        phase,
        revision,
        superseded_by_document_id,

        -- text
        department_name,
        source_file,
        source_sha256,

        -- counts
        table_count,

        -- flags
        is_current

    from documents

)

select * from final
