with

source as (

    select * from {{ ref('t08_government_fund_expenditure') }}

),

renamed as (

    select
        {{ staged_function_expenditure_columns() }}

    from source

)

select * from renamed
