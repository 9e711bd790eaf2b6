{#- Fails on every broken (or, for soft checks, differing) instance of a model of identity instances (int_*_identities_checked):
    one test per family, whose failing rows name the identity, document, subject and figures.
    A broken identity is a finding about the document: it warns, and the build publishes with
    the document flagged, unless the build is strict (`budget-warehouse build --strict`). Soft
    checks set severity warn in their yml and stay warnings either way. -#}
{% test identities_hold(model) %}
    {{ config(severity=identity_severity()) }}
    select *
    from {{ model }}
    where status in ('broken', 'differs')
{% endtest %}
