-- The 功能分类 tree: every 类 of the reference list and every 款 and 项 a document publishes,
-- with the codes and names of each subject's ancestors so BI tools roll up without recursion.
with

reference_classes as (

    select * from {{ ref('stg_reference__function_classes') }}

),

published as (

    select
        document_id,
        code as function_code,
        subject_name as function_name
    from {{ ref('int_subject_names_unioned') }}
    where classification = 'function'

),

latest_names as (

    {{ latest_names('published', 'function_code', 'function_name', ref('stg_disclosure__documents')) }}

),

all_codes as (

    select function_code from reference_classes
    union
    select function_code from published
    union
    select substr(function_code, 1, 3) from published
    union
    select substr(function_code, 1, 5) from published
    where length(function_code) >= 5

),

named as (

    select
        all_codes.function_code,
        coalesce(reference_classes.function_name, latest_names.function_name) as function_name
    from all_codes
    left join latest_names
        on all_codes.function_code = latest_names.function_code
    left join reference_classes
        on all_codes.function_code = reference_classes.function_code

),

final as (

    select
        -- ids
        named.function_code,
        {{ code_level('named.function_code') }} as level,
        {{ code_parent('named.function_code') }} as parent_code,
        class_subject.function_code as class_code,
        subclass.function_code as subclass_code,
        case when length(named.function_code) = 7 then named.function_code end as item_code,

        -- text
        named.function_name,
        class_subject.function_name as class_name,
        subclass.function_name as subclass_name,
        case when length(named.function_code) = 7 then named.function_name end as item_name

    from named
    left join named as class_subject
        on class_subject.function_code = substr(named.function_code, 1, 3)
    left join named as subclass
        on subclass.function_code = substr(named.function_code, 1, 5) and length(named.function_code) >= 5

)

select * from final
