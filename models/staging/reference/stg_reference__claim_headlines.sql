with

source as (

    select * from {{ ref('ref_claim_headlines') }}

),

renamed as (

    select
        -- ids
        subject,
        headline_code,

        -- text
        nullif(phase, '') as phase

    from source

)

select * from renamed
