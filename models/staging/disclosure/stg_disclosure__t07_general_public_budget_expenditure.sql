with

source as (

    select * from {{ ref('t07_general_public_budget_expenditure') }}

),

renamed as (

    select
        {{ staged_function_expenditure_columns() }}

    from source

)

select * from renamed
