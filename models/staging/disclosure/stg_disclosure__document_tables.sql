with

source as (

    select * from {{ ref('document_tables') }}

),

renamed as (

    select
        -- ids
        document_id,
        cast(table_number as {{ dbt.type_int() }}) as table_number,
        seed_name,
        table_key,

        -- text
        {{ clean_text('table_title') }} as table_title,
        published_unit,
        cast(published_rounding_step as {{ dbt.type_numeric() }}) as published_rounding_step,

        -- counts
        cast(page_count as {{ dbt.type_int() }}) as page_count,
        cast(row_count as {{ dbt.type_int() }}) as row_count,
        cast(source_line_number as {{ dbt.type_int() }}) as source_line_number,
        cast(page_number as {{ dbt.type_int() }}) as page_number,

        -- flags
        cast(row_count as {{ dbt.type_int() }}) = 0 as is_empty

    from source

)

select * from renamed
