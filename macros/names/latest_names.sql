{#- One name per code: the name the latest document publishes it under, so a subject renamed
    between years shows its current name. `relation` (a relation or CTE) holds document_id, the
    code column and the name column; `documents` is stg_disclosure__documents, passed by the
    caller so that the dependency shows in the model. -#}
{% macro latest_names(relation, code_column, name_column, documents) -%}
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
        from {{ relation }} as published
        inner join {{ documents }} as documents
            on published.document_id = documents.document_id
    ) as ranked
    where recency = 1
{%- endmacro %}
