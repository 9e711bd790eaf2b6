{#- A comparison key for names: cleaned text without any whitespace, with full-width
    parentheses folded to ASCII, and without the enumeration prefix (一、二、…) the revenue side
    of 表1 and 表6 puts before its groups. -#}
{% macro name_key(column) -%}
    {{ regexp_remove_all(
        regexp_remove_all("replace(replace(" ~ clean_text(column) ~ ", '（', '('), '）', ')')", '\\s'),
        '^[一二三四五六七八九十]+、'
    ) }}
{%- endmacro %}
