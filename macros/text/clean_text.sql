{#- Published text without surrounding blanks; an empty result is NULL.
    The converter's markup (<br>, <p>, <b>, <strong>, <span>) is not removed here: the extractor,
    which writes every disclosure seed, removes it from each line before it reads a document
    (budget_warehouse.text.MARKUP_TAGS, the one list), so the seeds hold none and the SQL cannot
    disagree with the Python about which tags are markup. -#}
{% macro clean_text(column) -%}
    nullif(trim({{ column }}), '')
{%- endmacro %}
