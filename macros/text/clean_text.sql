{#- Published text without the converter's markup (<br>, <p>, <b>, <strong>, <span>) and
    surrounding blanks; an empty result is NULL. The extractor removes the same tags
    (budget_warehouse.text.MARKUP_TAGS) before it reads a document. -#}
{% macro clean_text(column) -%}
    {{ return(adapter.dispatch('clean_text', 'budget_warehouse')(column)) }}
{%- endmacro %}

{% macro default__clean_text(column) -%}
    nullif(trim(regexp_replace({{ column }}, '</?\s*(br|p|b|strong|span)\s*/?>', '', 'gi')), '')
{%- endmacro %}

{% macro spark__clean_text(column) -%}
    nullif(trim(regexp_replace({{ column }}, '(?i)</?\\s*(br|p|b|strong|span)\\s*/?>', '')), '')
{%- endmacro %}


{#- A comparison key for names: cleaned text without any whitespace, with full-width
    parentheses folded to ASCII, and without the enumeration prefix (一、二、…) the revenue side
    of 表1 and 表6 puts before its groups. -#}
{% macro name_key(column) -%}
    {{ return(adapter.dispatch('name_key', 'budget_warehouse')(column)) }}
{%- endmacro %}

{% macro default__name_key(column) -%}
    regexp_replace(
        regexp_replace(replace(replace({{ clean_text(column) }}, '（', '('), '）', ')'), '\s', '', 'g'),
        '^[一二三四五六七八九十]+、',
        ''
    )
{%- endmacro %}

{% macro spark__name_key(column) -%}
    regexp_replace(
        regexp_replace(replace(replace({{ clean_text(column) }}, '（', '('), '）', ')'), '\\s', ''),
        '^[一二三四五六七八九十]+、',
        ''
    )
{%- endmacro %}
