{#- Published text without the converter's markup (<br>, <p>, <b>, <strong>, <span>) and
    surrounding blanks; an empty result is NULL. The extractor removes the same tags
    (budget_warehouse.text.MARKUP_TAGS) before it reads a document. -#}
{% macro clean_text(column) -%}
    nullif(trim({{ regexp_remove_all(column, '(?i)</?\\s*(br|p|b|strong|span)\\s*/?>') }}), '')
{%- endmacro %}


{#- A comparison key for names: cleaned text without any whitespace, with full-width
    parentheses folded to ASCII, and without the enumeration prefix (一、二、…) the revenue side
    of 表1 and 表6 puts before its groups. -#}
{% macro name_key(column) -%}
    {{ regexp_remove_all(
        regexp_remove_all("replace(replace(" ~ clean_text(column) ~ ", '（', '('), '）', ')')", '\\s'),
        '^[一二三四五六七八九十]+、'
    ) }}
{%- endmacro %}
