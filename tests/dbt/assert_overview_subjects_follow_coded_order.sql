-- 表1 and 表6 list their 功能分类 subjects in the order of the coded tables. Resolution by name
-- occurrence must therefore give codes whose coded positions rise with the rows; a line that
-- resolved to a subject out of order has been matched to the wrong one of two same-named
-- subjects.
with

resolved as (

    select * from {{ ref('int_function_names_resolved') }}

),

coded as (

    select
        document_id,
        function_code,
        min(subject_order) as subject_order
    from {{ ref('int_function_subjects_unioned') }}
    group by document_id, function_code

),

ordered as (

    select
        resolved.document_id,
        resolved.table_number,
        resolved.source_row_number,
        resolved.item_name,
        resolved.function_code,
        coded.subject_order,
        lag(coded.subject_order) over (
            partition by resolved.document_id, resolved.table_number
            order by resolved.source_row_number
        ) as previous_subject_order
    from resolved
    inner join coded
        on
            resolved.document_id = coded.document_id
            and resolved.function_code = coded.function_code

)

select *
from ordered
where subject_order <= previous_subject_order
