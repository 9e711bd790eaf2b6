with

source as (

    {{ template_table_rows('t06_fiscal_appropriation_overview', ['item_name', 'amount']) }}

),

renamed as (

    select
        {{ staged_ledger_columns() }}

    from source

)

select * from renamed
