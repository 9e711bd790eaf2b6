with

source as (

    {{ template_table_rows('t07_general_public_budget_expenditure', staged_function_expenditure_measures()) }}

),

renamed as (

    select
        {{ staged_function_expenditure_columns() }}

    from source

)

select * from renamed
