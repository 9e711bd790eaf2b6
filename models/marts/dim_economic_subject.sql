-- The 部门预算支出经济分类 tree (类 and 款), with each 款's class denormalised: the reference list,
-- and any code a document publishes that the list lacks, under its latest name.
with

reference_subjects as (

    select * from {{ ref('stg_reference__economic_subjects') }}

),

published as (

    select
        document_id,
        code as economic_code,
        subject_name as economic_name
    from {{ ref('int_subject_names_unioned') }}
    where classification = 'economic'

),

latest_names as (

    {{ latest_names('published', 'economic_code', 'economic_name', ref('stg_disclosure__documents')) }}

),

subjects as (

    select
        economic_code,
        level,
        parent_code,
        economic_name
    from reference_subjects
    union all
    select
        latest_names.economic_code,
        {{ code_level('latest_names.economic_code') }} as level,
        {{ code_parent('latest_names.economic_code') }} as parent_code,
        latest_names.economic_name
    from latest_names
    where latest_names.economic_code not in (select reference_subjects.economic_code from reference_subjects)

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
