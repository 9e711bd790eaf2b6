with

source as (

    {{ template_table_rows('t08_government_fund_expenditure', staged_function_expenditure_measures()) }}

),

renamed as (

    select
        {{ staged_function_expenditure_columns() }}

    from source

)

select * from renamed
