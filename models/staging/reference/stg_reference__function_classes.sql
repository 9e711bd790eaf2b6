with

source as (

    select * from {{ ref('ref_function_classes_2020') }}

),

renamed as (

    select
        -- ids
        function_code,

        -- text
        function_name

    from source

)

select * from renamed
