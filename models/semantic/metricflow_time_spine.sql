-- MetricFlow's time spine: one row per year, the finest grain the disclosures have (a budget is
-- for a fiscal year). Written as a list of years so that it runs on any engine.
with

years as (

    {%- for year in range(1990, 2061) %}
    select cast('{{ year }}-01-01' as date) as date_year{% if not loop.last %} union all{% endif %}
    {%- endfor %}

),

final as (

    select * from years

)

select * from final
