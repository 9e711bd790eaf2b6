with

source as (

    select * from {{ ref('t09_state_capital_expenditure') }}

),

renamed as (

    select
        {{ staged_function_expenditure_columns() }}

    from source

)

select * from renamed
