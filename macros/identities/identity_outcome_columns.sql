{#- The columns every identity instance ends with, in fct_identity_checks' order. An identity
    over published, rounded figures holds within rounding when |actual - expected| <= the sum of
    half a rounding step for every figure involved: p·(n+1)/2 for a total of rounding step p against
    n addends of the same step. Expected is the single published figure the identity checks
    (the parent, the row total, or the first relation's aggregate); actual is what the other
    figures add up to.

    The identity's family is the prefix of its name (row__…, hierarchy__…), so the two cannot
    disagree, and it must be declared in its family's model; soft checks always warn, every
    other family follows identity_severity(). Beyond rounding, an identity is broken (a publisher's
    error) and a soft check differs (which may be legitimate): the two are never mixed. -#}
{% macro identity_outcome_columns(identity_name, tables) -%}
    {%- set family = identity_name.split('__')[0] %}
    {%- if family not in ['balance', 'row', 'hierarchy', 'cross_table', 'soft'] %}
        {{ exceptions.raise_compiler_error(
            "identity " ~ identity_name ~ " in " ~ model.name ~ ": its name must start with its family "
            ~ "(balance__, row__, hierarchy__, cross_table__ or soft__)"
        ) }}
    {%- endif %}
    {#- The family's model is the one its identities_hold test (and severity) covers. -#}
    {%- if model.name != 'int_' ~ family ~ '_identities_checked' %}
        {{ exceptions.raise_compiler_error(
            "identity " ~ identity_name ~ " is declared in " ~ model.name ~ ": a " ~ family
            ~ " identity belongs in int_" ~ family ~ "_identities_checked"
        ) }}
    {%- endif %}
    cast('{{ identity_name }}' as {{ dbt.type_string() }}) as identity_name,
    cast('{{ family }}' as {{ dbt.type_string() }}) as family,
    cast(expected as {{ dbt.type_numeric() }}) as expected,
    cast(actual as {{ dbt.type_numeric() }}) as actual,
    cast(actual - expected as {{ dbt.type_numeric() }}) as difference,
    cast(tolerance as {{ dbt.type_numeric() }}) as tolerance,
    cast('{{ tables }}' as {{ dbt.type_string() }}) as tables_involved,
    cast(subject as {{ dbt.type_string() }}) as subject,
    cast(measure as {{ dbt.type_string() }}) as measure,
    case
        when actual = expected then 'holds'
        when abs(actual - expected) <= tolerance then 'rounding'
        else '{{ "differs" if family == "soft" else "broken" }}'
    end as status,
    cast('{{ "warn" if family == "soft" else identity_severity() }}' as {{ dbt.type_string() }}) as severity
{%- endmacro %}
