-- Every instance of every accounting identity, per document: what was expected, what the other
-- figures add up to, the rounding tolerance and whether the identity holds, holds within
-- rounding, or is broken. Each family's identities are computed by their own intermediate
-- model (int_<family>_identities_checked), which the identities_hold test checks; this mart
-- only puts the families side by side.

with

balance as (

    select * from {{ ref('int_balance_identities_checked') }}

),

row_identities as (

    select * from {{ ref('int_row_identities_checked') }}

),

hierarchy as (

    select * from {{ ref('int_hierarchy_identities_checked') }}

),

cross_table as (

    select * from {{ ref('int_cross_table_identities_checked') }}

),

soft as (

    select * from {{ ref('int_soft_identities_checked') }}

),

unioned as (

    select * from balance
    union all
    select * from row_identities
    union all
    select * from hierarchy
    union all
    select * from cross_table
    union all
    select * from soft

),

final as (

    select
        -- ids
        document_id,
        identity_name,
        family,

        -- amounts (万元)
        expected,
        actual,
        difference,
        tolerance,

        -- text
        tables_involved,
        subject,
        measure,
        status,
        severity

    from unioned

)

select * from final
