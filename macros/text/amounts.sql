{#- An amount as published (a plain decimal string written by the extractor), in 万元.
    表14 publishes in 元; 1 万元 = 10,000 元. An unknown unit fails the cast on purpose. -#}
{% macro to_wan_yuan(amount_column, unit_column='amount_unit') -%}
    cast(
        case {{ unit_column }}
            when '万元' then cast({{ amount_column }} as {{ dbt.type_numeric() }})
            when '元' then cast({{ amount_column }} as {{ dbt.type_numeric() }}) / 10000
            else cast('unknown unit ' || {{ unit_column }} as {{ dbt.type_numeric() }})
        end
        as {{ dbt.type_numeric() }}
    )
{%- endmacro %}


{#- The key and provenance columns every disclosure seed carries. -#}
{% macro disclosure_key_columns() -%}
    document_id,
    cast(table_number as {{ dbt.type_int() }}) as table_number,
    cast(source_row_number as {{ dbt.type_int() }}) as source_row_number,
    cast(source_line_number as {{ dbt.type_int() }}) as source_line_number
{%- endmacro %}


{#- The published unit and rounding step, kept beside amounts converted to 万元. -#}
{% macro published_unit_columns() -%}
    amount_unit as published_unit,
    cast(amount_precision as {{ dbt.type_numeric() }}) as published_precision,
    {{ to_wan_yuan('amount_precision') }} as rounding_step
{%- endmacro %}


{#- 'YYYY.MM.DD' as published in 表13 to a DATE; text that is no date becomes NULL (a test
    reports it) rather than failing the whole model. -#}
{% macro parse_dotted_date(text_expression) -%}
    {{ dbt.safe_cast("replace(trim(" ~ text_expression ~ "), '.', '-')", 'date') }}
{%- endmacro %}
