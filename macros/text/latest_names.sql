{#- One name per code: the name the latest document publishes it under, so a subject renamed
    between years shows its current name. `published` is a CTE or relation with document_id,
    the code column and the name column. -#}
{% macro latest_names(published, code_column, name_column) -%}
    select
        {{ code_column }},
        {{ name_column }}
    from (
        select
            published.{{ code_column }},
            published.{{ name_column }},
            row_number() over (
                partition by published.{{ code_column }}
                order by documents.fiscal_year desc, published.document_id desc
            ) as recency
        from {{ published }} as published
        inner join {{ ref('stg_disclosure__documents') }} as documents
            on published.document_id = documents.document_id
    ) as ranked
    where recency = 1
{%- endmacro %}
