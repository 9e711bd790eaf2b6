-- Every 功能分类 and 经济分类 subject a document publishes, with the name it prints, from every
-- template: the one place the templates' subject lines meet, for the subject dimensions and
-- dim_subject_names.
with

function_subjects as (

    select * from {{ ref('int_function_subjects_unioned') }}

),

transfers as (

    select * from {{ ref('stg_disclosure__t10_special_transfer_expenditure') }}

),

national_function_lines as (

    select * from {{ ref('int_national_function_lines_pivoted') }}

),

economic_names as (

    select * from {{ ref('int_economic_names_resolved') }}

),

national_economic_lines as (

    select * from {{ ref('int_national_economic_lines_pivoted') }}

),

function_published as (

    select
        document_id,
        function_code as code,
        function_name as subject_name
    from function_subjects
    union all
    select
        document_id,
        function_code as code,
        function_name as subject_name
    from transfers
    where row_kind = 'subject'
    union all
    select
        document_id,
        function_code as code,
        function_name as subject_name
    from national_function_lines
    where row_kind = 'subject'

),

economic_published as (

    select
        document_id,
        economic_code as code,
        item_name as subject_name
    from economic_names
    where row_kind = 'subject'
    union all
    select
        document_id,
        economic_code as code,
        economic_name as subject_name
    from national_economic_lines
    where row_kind = 'subject'

),

final as (

    select
        'function' as classification,
        *
    from function_published
    union all
    select
        'economic' as classification,
        *
    from economic_published

)

select * from final
