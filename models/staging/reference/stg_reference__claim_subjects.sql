with

source as (

    select * from {{ ref('ref_claim_subjects') }}

),

renamed as (

    select
        -- ids
        subject,

        -- text
        subject_name,
        checked_against,
        description as subject_description

    from source

)

select * from renamed
