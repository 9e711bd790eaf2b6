-- 表1 and 表6 name their 功能分类 subjects without codes. Each name is resolved through the
-- coded tables (表7–表9) of the same document by order: the k-th line of a name takes the
-- k-th coded subject of that name, in code order. That tells 其他城乡社区支出 the 款 (21299) from
-- 其他城乡社区支出 the 项 (2129901) beneath it, where a lookup by name could not.
with

lines as (

    select *
    from {{ ref('int_overview_lines_classified') }}
    where side = 'expenditure' and row_kind = 'detail'

),

coded as (

    select * from {{ ref('int_function_subjects_unioned') }}

),

-- A code published in more than one of 表7–表9 is listed once in 表1. Codes are taken in code
-- order, which is the tables' published order (parents before children, siblings ascending)
-- and also how 表1 interleaves the subjects of 表7 and 表8.
distinct_codes as (

    select
        document_id,
        function_code,
        function_name_key,
        row_number() over (
            partition by document_id, function_name_key order by function_code
        ) as name_occurrence
    from (
        select
            document_id,
            function_code,
            min(function_name_key) as function_name_key
        from coded
        group by document_id, function_code
    ) as codes

),

numbered_lines as (

    select
        lines.*,
        row_number() over (
            partition by lines.document_id, lines.table_number, lines.item_name_key order by lines.source_row_number
        ) as name_occurrence
    from lines

),

final as (

    select
        -- ids
        numbered_lines.document_id,
        numbered_lines.table_number,
        numbered_lines.source_row_number,
        distinct_codes.function_code,
        {{ code_level('distinct_codes.function_code') }} as level,

        -- amounts (万元)
        numbered_lines.amount,

        -- text
        numbered_lines.item_name,
        numbered_lines.rounding_step

    from numbered_lines
    left join distinct_codes
        on
            numbered_lines.document_id = distinct_codes.document_id
            and numbered_lines.item_name_key = distinct_codes.function_name_key
            and numbered_lines.name_occurrence = distinct_codes.name_occurrence

)

select * from final
