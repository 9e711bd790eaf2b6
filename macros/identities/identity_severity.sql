{#- The severity of a hard identity test: warn by default, so that one publisher's mistake is
    recorded (fct_identity_checks, dim_document.identity_status) without keeping every other
    document out of the warehouse; error with `--vars '{strict: true}'`, which
    `budget-warehouse build --strict` passes, for a department checking its own document.
    Soft checks set severity warn in their yml and stay warnings either way. -#}
{% macro identity_severity() -%}
    {{ return('error' if var('strict', false) else 'warn') }}
{%- endmacro %}
