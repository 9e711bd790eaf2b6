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

        -- text
        department_name,
        source_file,
        source_sha256,

        -- counts
        table_count

    from documents

)

select * from final
