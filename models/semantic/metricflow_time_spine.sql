-- MetricFlow's time spine: one row per year from 1990 to 2089, the finest grain the disclosures
-- have (a budget is for a fiscal year). Built from digits, not a series function, so that it
-- runs on any engine.
with

digits as (

    select 0 as digit
    union all
    select 1
    union all
    select 2
    union all
    select 3
    union all
    select 4
    union all
    select 5
    union all
    select 6
    union all
    select 7
    union all
    select 8
    union all
    select 9

),

years as (

    select 1990 + tens.digit * 10 + ones.digit as calendar_year
    from digits as tens
    cross join digits as ones

),

final as (

    select cast(cast(calendar_year as {{ dbt.type_string() }}) || '-01-01' as date) as date_year
    from years

)

select * from final
