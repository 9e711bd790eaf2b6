-- Every cell of every document's tables, typed, amounts in 万元 converted exactly (元 / 10,000
-- with no rounding), with the published unit and rounding step kept for the identity tolerances.
-- The PDF families' cells carry their concept as table_key and are read from here; the markdown
-- template's tables are read by their own staging models (template_table_rows()).
with

source as (

    select * from {{ ref('table_cells') }}

),

documents as (

    select
        document_id,
        phase,
        scope,
        template
    from {{ ref('stg_disclosure__documents') }}

),

renamed as (

    select
        -- ids
        source.document_id,
        cast(source.table_number as {{ dbt.type_int() }}) as table_number,
        source.table_key,
        cast(source.page_number as {{ dbt.type_int() }}) as page_number,
        cast(source.source_row_number as {{ dbt.type_int() }}) as source_row_number,
        cast(source.source_column_number as {{ dbt.type_int() }}) as source_column_number,
        cast(source.source_line_number as {{ dbt.type_int() }}) as source_line_number,
        nullif(source.code, '') as code,
        -- the code cells as printed (类 | 款 | 项) and how the code was read from them
        nullif(source.printed_code, '') as printed_code,
        nullif(source.code_resolution, '') as code_resolution,

        -- text
        {{ clean_text('source.item_name') }} as item_name,
        {{ clean_text('source.table_title') }} as table_title,
        {{ clean_text('source.text_value') }} as text_value,
        source.column_label,
        source.side,
        source.row_kind,
        source.measure,
        source.figure_kind,
        documents.phase,
        documents.scope,
        documents.template,

        -- amounts (万元)
        {{ to_wan_yuan('source.amount', 'source.published_unit') }} as amount,

        -- units
        source.published_unit,
        cast(source.published_rounding_step as {{ dbt.type_numeric() }}) as published_rounding_step,
        {{ to_wan_yuan('source.published_rounding_step', 'source.published_unit') }} as rounding_step

    from source
    inner join documents
        on source.document_id = documents.document_id

)

select * from renamed
