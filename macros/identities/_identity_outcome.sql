{#- The columns every identity instance ends with. An identity over published, rounded figures
    holds within rounding when |actual - expected| <= the sum of half a rounding step for every
    figure involved: p·(n+1)/2 for a total of precision p against n addends of the same
    precision. Expected is the single published figure the identity checks (the parent, the
    row total, or the first model's aggregate); actual is what the other figures add up to. -#}
{% macro identity_outcome_columns(identity_name, family, tables) -%}
    cast('{{ identity_name }}' as {{ dbt.type_string() }}) as identity_name,
    cast('{{ family }}' as {{ dbt.type_string() }}) as family,
    cast('{{ tables }}' as {{ dbt.type_string() }}) as tables_involved,
    cast(subject as {{ dbt.type_string() }}) as subject,
    cast(measure as {{ dbt.type_string() }}) as measure,
    cast(expected as {{ dbt.type_numeric() }}) as expected,
    cast(actual as {{ dbt.type_numeric() }}) as actual,
    cast(actual - expected as {{ dbt.type_numeric() }}) as difference,
    cast(tolerance as {{ dbt.type_numeric() }}) as tolerance,
    case
        when actual = expected then 'holds'
        when abs(actual - expected) <= tolerance then 'rounding'
        else 'broken'
    end as status
{%- endmacro %}
