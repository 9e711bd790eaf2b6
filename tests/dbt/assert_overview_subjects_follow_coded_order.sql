-- 表1 and 表6 list their 功能分类 subjects in code order, as 表7–表9 do (parents before their
-- children, siblings ascending). Resolution by name occurrence relies on it, so a line whose
-- code does not come after the previous line's has been matched to the wrong one of two
-- same-named subjects, or the document lists its subjects out of order. A warning: where names
-- do not repeat, order does not matter, and a wrong match also breaks the 表1 = 表7 identities.
{{ config(severity='warn') }}

with

resolved as (

    select * from {{ ref('int_function_names_resolved') }}

),

ordered as (

    select
        document_id,
        table_number,
        source_row_number,
        item_name,
        function_code,
        lag(function_code) over (
            partition by document_id, table_number
            order by source_row_number
        ) as previous_function_code
    from resolved
    where function_code is not null

)

select *
from ordered
where function_code <= previous_function_code
