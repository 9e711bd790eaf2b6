with

source as (

    select * from {{ ref('t06_fiscal_appropriation_overview') }}

),

renamed as (

    select
        {{ staged_ledger_columns() }}

    from source

)

select * from renamed
