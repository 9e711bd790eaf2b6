-- The `parent` of each funding column (the funding_columns var of dbt_project.yml, which the
-- identity models add up through funding_parts_of()) is the column of its revenue source's nearest
-- ancestor in ref_revenue_sources that has a column: sources without one (本年收入合计) are passed
-- over, and total_amount, whose source has no such ancestor, has no parent. A row is a column whose
-- declared parent and the reference tree disagree, so neither can change without the other.

with recursive

declared as (

    {% for entry in var('funding_columns') %}
        {%- if entry.get('parent') %}
            {%- set parent = "'" ~ entry['parent'] ~ "'" %}
        {%- else %}
            {%- set parent = 'cast(null as ' ~ dbt.type_string() ~ ')' %}
        {%- endif %}
        select
            '{{ entry['column'] }}' as funding_column,
            '{{ entry['revenue_source'] }}' as revenue_source_code,
            {{ parent }} as declared_parent_column
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

revenue_sources as (

    select * from {{ ref('stg_reference__revenue_sources') }}

),

-- Every source with each of its ancestors, `distance` levels up.
ancestors as (

    select
        revenue_source_code,
        parent_code as ancestor_code,
        1 as distance
    from revenue_sources
    where parent_code is not null

    union all

    select
        ancestors.revenue_source_code,
        revenue_sources.parent_code as ancestor_code,
        ancestors.distance + 1 as distance
    from ancestors
    inner join revenue_sources
        on ancestors.ancestor_code = revenue_sources.revenue_source_code
    where revenue_sources.parent_code is not null

),

ancestors_with_a_column as (

    select
        ancestors.revenue_source_code,
        revenue_sources.funding_column as ancestor_column,
        row_number() over (
            partition by ancestors.revenue_source_code
            order by ancestors.distance
        ) as nearness
    from ancestors
    inner join revenue_sources
        on ancestors.ancestor_code = revenue_sources.revenue_source_code
    where revenue_sources.funding_column is not null

),

compared as (

    select
        declared.funding_column,
        declared.revenue_source_code,
        declared.declared_parent_column,
        ancestors_with_a_column.ancestor_column as reference_parent_column
    from declared
    left join ancestors_with_a_column
        on
            declared.revenue_source_code = ancestors_with_a_column.revenue_source_code
            and ancestors_with_a_column.nearness = 1

)

select *
from compared
where declared_parent_column is distinct from reference_parent_column
