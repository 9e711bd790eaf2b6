with

source as (

    select * from {{ ref('document_notes') }}

),

renamed as (

    select
        -- ids
        document_id,
        cast(table_number as {{ dbt.type_int() }}) as table_number,
        cast(source_line_number as {{ dbt.type_int() }}) as source_line_number,
        cast(page_number as {{ dbt.type_int() }}) as page_number,

        -- text
        {{ clean_text('note_text') }} as note_text

    from source

)

select * from renamed
