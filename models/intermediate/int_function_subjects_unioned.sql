-- Every coded 功能分类 row of 表7 (一般公共预算), 表8 (政府性基金预算) and 表9 (国有资本经营预算),
-- with its level, its parent code and whether a deeper subject is published beneath it.
with

general_public as (

    select
        *,
        'general_public_budget' as budget_type
    from {{ ref('stg_disclosure__t07_general_public_budget_expenditure') }}

),

government_fund as (

    select
        *,
        'government_fund_budget' as budget_type
    from {{ ref('stg_disclosure__t08_government_fund_expenditure') }}

),

state_capital as (

    select
        *,
        'state_capital_budget' as budget_type
    from {{ ref('stg_disclosure__t09_state_capital_expenditure') }}

),

unioned as (

    select * from general_public
    union all
    select * from government_fund
    union all
    select * from state_capital

),

subjects as (

    select
        -- ids
        document_id,
        table_number,
        source_row_number,
        budget_type,
        function_code,
        {{ code_level('function_code') }} as level,
        {{ code_parent('function_code') }} as parent_code,
        row_number() over (
            partition by document_id order by table_number, source_row_number
        ) as subject_order,

        -- amounts (万元)
        total_amount,
        basic_amount,
        project_amount,

        -- text
        function_name,
        function_name_key,
        rounding_step

    from unioned
    where row_kind = 'subject'

),

-- A subject is a leaf when no deeper code of the same document and table sits beneath it.
descendants as (

    {{ codes_with_descendants('subjects', 'function_code', ['document_id', 'table_number']) }}

),

final as (

    select
        subjects.*,
        descendants.function_code is null as is_leaf
    from subjects
    left join descendants
        on
            subjects.document_id = descendants.document_id
            and subjects.table_number = descendants.table_number
            and subjects.function_code = descendants.function_code

)

select * from final
