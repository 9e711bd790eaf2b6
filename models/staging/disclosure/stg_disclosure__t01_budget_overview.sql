with

source as (

    select * from {{ ref('t01_budget_overview') }}

),

renamed as (

    select
        {{ staged_ledger_columns() }}

    from source

)

select * from renamed
