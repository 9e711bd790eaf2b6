-- 表4 names its 经济分类 subjects without codes. A 类 name sets the class in force; the rows
-- after it are its 款, looked up among that class's children only, because 款 names repeat
-- across classes (办公设备购置 under 309 and 310; 其他支出 is both 399 and 39999). The unit's
-- total row comes along without a code, as the root of the table's hierarchy.
with

subjects as (

    select * from {{ ref('stg_disclosure__t04_basic_expenditure') }}

),

reference as (

    select * from {{ ref('stg_reference__economic_subjects') }}

),

class_names as (

    select * from reference
    where level = 1

),

flagged as (

    select
        subjects.*,
        class_names.economic_code as class_name_code
    from subjects
    left join class_names
        on
            subjects.item_name_key = class_names.economic_name_key
            and subjects.row_kind = 'subject'

),

with_previous_class as (

    select
        *,
        max(case when class_name_code is not null then source_row_number end) over (
            partition by document_id
            order by source_row_number
            rows between unbounded preceding and 1 preceding
        ) as previous_class_row_number
    from flagged

),

with_class_in_force as (

    select
        current_row.*,
        previous_class.class_name_code as class_in_force
    from with_previous_class as current_row
    left join flagged as previous_class
        on
            current_row.document_id = previous_class.document_id
            and current_row.previous_class_row_number = previous_class.source_row_number

),

final as (

    select
        -- ids
        with_class_in_force.document_id,
        with_class_in_force.table_number,
        with_class_in_force.source_row_number,
        with_class_in_force.row_kind,
        -- A 款 of the class in force wins over a 类 of the same name.
        coalesce(child.economic_code, with_class_in_force.class_name_code) as economic_code,
        case when child.economic_code is not null then 2 when with_class_in_force.class_name_code is not null then 1 end
            as level,

        -- amounts (万元)
        {%- for column in funding_source_columns() %}
            with_class_in_force.{{ column }},
        {%- endfor %}

        -- text
        with_class_in_force.item_name,
        with_class_in_force.rounding_step

    from with_class_in_force
    left join reference as child
        on
            with_class_in_force.class_in_force = child.parent_code
            and with_class_in_force.item_name_key = child.economic_name_key

)

select * from final
