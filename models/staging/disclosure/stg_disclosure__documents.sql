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

        -- text
        department_name,
        source_file,
        source_sha256,

        -- counts
        cast(table_count as {{ dbt.type_int() }}) as table_count

    from source

)

select * from renamed
