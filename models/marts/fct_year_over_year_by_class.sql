-- Year over year per department (followed across renames) × phase × scope × 类 of either
-- classification: spending by 功能分类 类 (basic + project) and basic spending by 经济分类 类,
-- each year beside the year before, from whatever years are loaded.
with

function_spending as (

    select * from {{ ref('wide_expenditure_by_function') }}

),

economic_spending as (

    select * from {{ ref('wide_basic_expenditure_by_economic_class') }}

),

by_function_class as (

    select
        current_department_id,
        phase,
        scope,
        'function' as classification,
        class_code,
        fiscal_year,
        -- one name per key, should a publisher word a 类 differently in some year
        max(department_name) as department_name,
        max(class_name) as class_name,
        sum(total_amount) as amount
    from function_spending
    group by current_department_id, phase, scope, class_code, fiscal_year

),

by_economic_class as (

    select
        current_department_id,
        phase,
        scope,
        'economic' as classification,
        class_code,
        fiscal_year,
        max(department_name) as department_name,
        max(class_name) as class_name,
        sum(total_amount) as amount
    from economic_spending
    group by current_department_id, phase, scope, class_code, fiscal_year

),

by_class as (

    select * from by_function_class
    union all
    select * from by_economic_class

),

final as (

    select
        -- ids
        this_year.current_department_id,
        this_year.classification,
        this_year.class_code,
        this_year.fiscal_year,
        this_year.phase,
        this_year.scope,

        -- text
        this_year.department_name,
        this_year.class_name,

        -- amounts (万元)
        this_year.amount,
        last_year.amount as previous_year_amount,
        this_year.amount - last_year.amount as change_amount,

        -- ratios
        cast(
            case
                when last_year.amount != 0
                    then 100 * (this_year.amount - last_year.amount) / last_year.amount
            end
            as double
        ) as change_percent

    from by_class as this_year
    left join by_class as last_year
        on
            this_year.current_department_id = last_year.current_department_id
            and this_year.phase = last_year.phase
            and this_year.scope = last_year.scope
            and this_year.classification = last_year.classification
            and this_year.class_code = last_year.class_code
            and this_year.fiscal_year = last_year.fiscal_year + 1

)

select * from final
