{#- Fails on every claim of a document's text that differs from the document's own tables
    (fct_narrative_claims.status = 'differs'); its failing rows name the document, page, sentence
    and both figures. Like a broken identity, it warns and the document is published with the
    difference counted on dim_document, unless the build is strict (`budget-warehouse build
    --strict`), for a department checking its own document. -#}
{% test claims_agree_with_tables(model, column_name) %}
    {{ config(severity=identity_severity()) }}
    select *
    from {{ model }}
    where {{ column_name }} = 'differs'
{% endtest %}
