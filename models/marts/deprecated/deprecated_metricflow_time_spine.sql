-- marts.metricflow_time_spine as published before the time spine moved to the semantic schema
-- (README.md, Deprecations): the same rows, kept until 2027-06-30 for queries that name it.
{{ config(alias='metricflow_time_spine') }}

with

time_spine as (

    select * from {{ ref('metricflow_time_spine') }}

),

final as (

    select date_year from time_spine

)

select * from final
