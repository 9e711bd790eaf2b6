with

source as (

    select * from {{ ref('ref_economic_subjects') }}

),

renamed as (

    select
        -- ids
        economic_code,
        {{ code_level('economic_code') }} as level,
        {{ code_parent('economic_code') }} as parent_code,

        -- text
        economic_name,
        {{ name_key('economic_name') }} as economic_name_key

    from source

)

select * from renamed
