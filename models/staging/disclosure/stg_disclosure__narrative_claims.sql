-- Every figure a document's text states, typed: the figure as printed and, for money, in 万元
-- with the tolerance its printed precision implies: a unit of its last digit, since publishers
-- round or cut to it (9628.22 万元 is within 0.01 万元 of the table; 1.2 亿元 within 1,000 万元);
-- the year it speaks of (the year its clause names, else the document's).
with

source as (

    select * from {{ ref('narrative_claims') }}

),

documents as (

    select
        document_id,
        fiscal_year,
        phase
    from {{ ref('stg_disclosure__documents') }}

),

typed as (

    select
        -- ids
        source.document_id,
        cast(source.claim_number as {{ dbt.type_int() }}) as claim_number,
        cast(source.page_number as {{ dbt.type_int() }}) as page_number,
        cast(source.source_line_number as {{ dbt.type_int() }}) as source_line_number,

        -- text
        source.sentence,
        source.subject,
        nullif(source.subject_phrase, '') as subject_phrase,
        nullif(source.subject_code, '') as subject_code,
        source.claim_kind,
        source.figure_basis,
        source.change_direction,
        documents.phase,

        -- years
        case
            when source.stated_year is null then documents.fiscal_year
            when source.stated_year = '上年' then documents.fiscal_year - 1
            else cast(source.stated_year as {{ dbt.type_int() }})
        end as claim_year,
        documents.fiscal_year,

        -- figures as printed
        source.figure,
        source.figure_unit,
        cast(source.figure as {{ dbt.type_numeric() }}) as figure_value,
        {{ claim_unit_in_wan_yuan('source.figure_unit') }} as figure_unit_in_wan_yuan,
        {{ printed_decimals('source.figure') }} as figure_decimals,
        source.change_amount,
        source.change_amount_unit,
        {{ claim_unit_in_wan_yuan('source.change_amount_unit') }} as change_unit_in_wan_yuan,
        {{ printed_decimals('source.change_amount') }} as change_amount_decimals,
        cast(source.change_percent as {{ dbt.type_numeric() }}) as change_percent,
        {{ printed_decimals('source.change_percent') }} as change_percent_decimals

    from source
    inner join documents
        on source.document_id = documents.document_id

),

final as (

    select
        document_id,
        claim_number,
        page_number,
        source_line_number,
        sentence,
        subject,
        subject_phrase,
        subject_code,
        claim_kind,
        figure_basis,
        phase,
        claim_year,
        fiscal_year,
        figure,
        figure_unit,
        figure_value,
        -- money in 万元, and a unit of the last printed digit: publishers round or cut to it
        cast(figure_value * figure_unit_in_wan_yuan as {{ dbt.type_numeric() }}) as amount,
        cast({{ last_digit_unit('figure_decimals') }} * figure_unit_in_wan_yuan as {{ dbt.type_numeric() }})
            as amount_tolerance,
        change_direction,
        cast(cast(change_amount as {{ dbt.type_numeric() }}) * change_unit_in_wan_yuan as {{ dbt.type_numeric() }})
            as change_amount,
        cast({{ last_digit_unit('change_amount_decimals') }} * change_unit_in_wan_yuan as {{ dbt.type_numeric() }})
            as change_amount_tolerance,
        change_percent,
        {{ last_digit_unit('change_percent_decimals') }} as change_percent_tolerance

    from typed

)

select * from final
