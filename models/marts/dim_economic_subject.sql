-- The 部门预算支出经济分类 tree (类 and 款), with each 款's class denormalised.
with

subjects as (

    select * from {{ ref('stg_reference__economic_subjects') }}

),

final as (

    select
        -- ids
        subjects.economic_code,
        subjects.level,
        subjects.parent_code,
        class_subject.economic_code as class_code,

        -- text
        subjects.economic_name,
        class_subject.economic_name as class_name

    from subjects
    inner join subjects as class_subject
        on class_subject.economic_code = substr(subjects.economic_code, 1, 3)

)

select * from final
