"""The published marts as a BI tool sees them: wide tables that answer without a join."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

SEED = "8f1cd10f246847df"


def test_spending_by_class_for_2020_needs_no_join(warehouse) -> None:
    rows = dict(
        warehouse.execute(
            "select class_name, sum(basic_amount) from marts.wide_expenditure_by_function "
            "where fiscal_year = 2020 and department_name = '深圳市龙华区政务服务数据管理局' group by class_name"
        ).fetchall()
    )
    # 表7 of the seed document: 一般公共服务支出 基本支出 2,236; 社会保障和就业支出 129.
    assert rows["一般公共服务支出"] == Decimal(2236)
    assert rows["社会保障和就业支出"] == Decimal(129)
    assert sum(value or 0 for value in rows.values()) == Decimal(2589)


@pytest.mark.parametrize(
    ("wide", "fact", "amount"),
    [
        ("wide_expenditure_by_function", "fct_expenditure_by_function", "total_amount"),
        ("wide_basic_expenditure_by_economic_class", "fct_basic_expenditure_by_economic_class", "total_amount"),
    ],
)
def test_a_wide_table_is_its_fact_row_for_row(warehouse, wide: str, fact: str, amount: str) -> None:
    per_document = (
        "select document_id, count(*), sum({amount}) from marts.{table} group by document_id order by document_id"
    )
    assert (
        warehouse.execute(per_document.format(amount=amount, table=wide)).fetchall()
        == warehouse.execute(per_document.format(amount=amount, table=fact)).fetchall()
    )


def test_every_wide_row_has_its_labels(warehouse) -> None:
    missing = warehouse.execute(
        "select count(*) from marts.wide_expenditure_by_function "
        "where fiscal_year is null or department_name is null or class_name is null or function_name is null"
    ).fetchone()
    assert missing == (0,)


def test_revenue_sums_once(warehouse) -> None:
    """表1, 表2 and 表6 print the same revenue; fct_revenue sums it once."""
    (revenue,) = warehouse.execute(f"select sum(amount) from marts.fct_revenue where document_id = '{SEED}'").fetchone()
    assert revenue == Decimal(17109)  # 表1 收入总计
    (repeated,) = warehouse.execute(
        f"select sum(amount) from marts.fct_revenue_by_source where document_id = '{SEED}'"
    ).fetchone()
    assert repeated == 3 * revenue


def test_the_docs_site_opens_on_the_warehouse_overview(project) -> None:
    import json

    docs = json.loads((project / "target" / "manifest.json").read_text(encoding="utf-8"))["docs"]
    overview = docs["doc.budget_warehouse.__overview__"]["block_contents"]
    assert "Where to start" in overview and "wide_" in overview and "Grain of the facts" in overview


def test_a_renamed_department_is_followed_to_its_current_name(warehouse) -> None:
    """The seed's 表12 names last year's unit 深圳市龙华区政务服务局: the department it became."""
    (current,) = warehouse.execute(
        "select current_department_name from marts.dim_department where department_name = '深圳市龙华区政务服务局'"
    ).fetchone()
    assert current == "深圳市龙华区政务服务数据管理局"


@pytest.mark.parametrize(
    "mart",
    [
        "fct_basic_expenditure_by_economic_class",
        "wide_basic_expenditure_by_economic_class",
        "fct_carryover_balances",
    ],
)
def test_a_deprecated_amount_alias_is_its_total_amount(warehouse, mart: str) -> None:
    """README.md, Deprecations: `amount` stays beside `total_amount`, holding the same value, until it goes."""
    differing = warehouse.execute(
        f"select count(*) from marts.{mart} where amount is distinct from total_amount"
    ).fetchone()
    assert differing == (0,)


def test_the_deprecated_row_role_alias_is_its_row_kind(warehouse) -> None:
    """README.md, Deprecations: published_totals keeps `row_role` beside `row_kind`, holding the same value."""
    differing = warehouse.execute(
        "select count(*) from reconciliation.published_totals where row_role is distinct from row_kind"
    ).fetchone()
    assert differing == (0,)


def test_year_over_year_compares_each_year_with_the_one_before(warehouse) -> None:
    """万里街道 published budgets for 2023 and 2024: 工资福利支出 (经济分类 301) of each, from the fact."""
    by_year = dict(
        warehouse.execute(
            "select documents.fiscal_year, sum(facts.total_amount) "
            "from marts.fct_basic_expenditure_by_economic_class as facts "
            "inner join marts.dim_document as documents using (document_id) "
            "where documents.department_name like '%万里街道%' and facts.economic_code like '301%' "
            "group by documents.fiscal_year"
        ).fetchall()
    )
    row = warehouse.execute(
        "select amount, previous_year_amount, change_amount, change_percent from marts.fct_year_over_year_by_class "
        "where department_name like '%万里街道%' and classification = 'economic' and class_code = '301' "
        "and fiscal_year = 2024"
    ).fetchone()
    assert row[:3] == (by_year[2024], by_year[2023], by_year[2024] - by_year[2023])
    assert row[3] == pytest.approx(float(100 * (by_year[2024] - by_year[2023]) / by_year[2023]))


def test_the_printed_total_is_quoted_as_printed(warehouse) -> None:
    """表7 of the seed prints 合计 17,109; its leaves add to 17,110 (rounding, within tolerance)."""
    printed = warehouse.execute(
        "select total_amount, basic_amount, project_amount from reconciliation.published_totals "
        f"where document_id = '{SEED}' and source_table_number = 7 and row_kind = 'total'"
    ).fetchone()
    assert printed == (Decimal(17109), Decimal(2589), Decimal(14521))
    (leaves,) = warehouse.execute(
        f"select sum(total_amount) from marts.fct_expenditure_by_function where document_id = '{SEED}'"
    ).fetchone()
    assert leaves == Decimal(17110)


def test_every_printed_subtotal_is_kept(warehouse) -> None:
    """201 一般公共服务支出 and 20103 政府办公厅（室）及相关机构事务 are printed above their 项."""
    codes = {
        code
        for (code,) in warehouse.execute(
            "select code from reconciliation.published_totals "
            f"where document_id = '{SEED}' and classification = 'function' and row_kind = 'subtotal'"
        ).fetchall()
    }
    assert {"201", "20103"} <= codes and "2010301" not in codes


def test_the_time_spine_is_out_of_the_marts_but_its_old_name_still_answers(warehouse) -> None:
    """README.md, Deprecations: MetricFlow's time spine is published in the semantic schema; the
    marts keep the old name, with the same rows, until 2027-06-30."""
    spine = warehouse.execute("select date_year from semantic.metricflow_time_spine order by 1").fetchall()
    assert spine[0] == (date(1990, 1, 1),) and spine[-1] == (date(2089, 1, 1),) and len(spine) == 100
    assert warehouse.execute("select date_year from marts.metricflow_time_spine order by 1").fetchall() == spine
    (comment,) = warehouse.execute(
        "select comment from duckdb_tables() where schema_name = 'marts' and table_name = 'metricflow_time_spine'"
    ).fetchone()
    assert comment.startswith("Deprecated")
