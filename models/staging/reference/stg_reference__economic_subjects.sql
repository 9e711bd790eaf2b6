with

source as (

    select * from {{ ref('ref_economic_subjects') }}

),

renamed as (

    select
        -- ids
        economic_code,
        case length(economic_code) when 3 then 1 when 5 then 2 end as level,
        case when length(economic_code) = 5 then substr(economic_code, 1, 3) end as parent_code,

        -- text
        economic_name,
        {{ name_key('economic_name') }} as economic_name_key

    from source

)

select * from renamed
