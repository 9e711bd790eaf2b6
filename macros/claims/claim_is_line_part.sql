{#- A claim of a document-wide part (基本支出, 项目支出, 人员经费, 公用经费) that carries a line's code:
    the text broke that line down (社会福利（20810）X万元。具体为：人员经费 Y万元；…), so Y is the
    line's part and not the document's 人员经费. -#}
{% macro claim_is_line_part(claims) -%}
    ({{ claims }}.subject_code is not null
    and {{ claims }}.subject in (
        'basic_expenditure', 'project_expenditure', 'personnel_expenditure', 'public_expenditure'
    ))
{%- endmacro %}
