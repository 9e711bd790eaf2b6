"""fct_document_headlines: each document's headline figures as printed, against the figures
SOURCES.md (../shared/disclosures/real) and the seed document's tables give, re-added by hand; and
wide_document_headlines holds the same, one row per document."""

from __future__ import annotations

from decimal import Decimal

import pytest

SEED = "000_e2c6e97a9772fe89.txt"


def _wan(yuan: str) -> Decimal:
    """A figure SOURCES.md gives in 元, in 万元 exactly."""
    return Decimal(yuan.replace(",", "")) / 10000


def _d(wan: str) -> Decimal:
    return Decimal(wan.replace(",", ""))


# headline -> figure as printed, 万元 (SOURCES.md; the seed's 表1, 表4, 表7 and 表12)
PRINTED = {
    "shanghai-putuo-sifaju-2026-budget.pdf": {
        "revenue_grand_total": _wan("96,282,213.44"),
        "general_public_budget_total": _wan("96,282,213.44"),
        "general_public_budget_basic": _wan("25,741,666.44"),
        "general_public_budget_project": _wan("70,540,547.00"),
        "personnel_expenditure": _wan("23,563,342.00"),
        "public_expenditure": _wan("2,178,324.44"),
        "three_public_total": _d("10.81"),
        "official_reception": _d("0.83"),
        "official_vehicles": _d("9.98"),
        "office_operation": _d("217.83"),
    },
    "shanghai-putuo-shangwuwei-2025-budget.pdf": {
        "general_public_budget_total": _wan("371,514,655.00"),
        "general_public_budget_basic": _wan("19,830,655.00"),
        "general_public_budget_project": _wan("351,684,000.00"),
        "personnel_expenditure": _wan("18,120,593.00"),
        "public_expenditure": _wan("1,710,062.00"),
        "three_public_total": _d("1.00"),
        "office_operation": _d("171.01"),
    },
    "shanghai-putuo-wanli-2023-budget.pdf": {
        "general_public_budget_total": _wan("164,978,640"),
        "general_public_budget_basic": _wan("99,406,297"),
        "general_public_budget_project": _wan("65,572,343"),
        "three_public_total": _d("22.91"),
        "office_operation": _d("786.09"),
    },
    "shanghai-putuo-wanli-2024-budget.pdf": {
        "general_public_budget_total": _wan("156,211,123"),
        "general_public_budget_basic": _wan("99,706,020"),
        "general_public_budget_project": _wan("56,505,103"),
    },
    "shanghai-putuo-shangwuwei-2025-unit-budget.pdf": {
        "general_public_budget_total": _wan("371,514,655.00"),
        "general_public_budget_basic": _wan("19,830,655.00"),
        "general_public_budget_project": _wan("351,684,000.00"),
        "three_public_total": _d("1.00"),
        "office_operation": _d("171.01"),
    },
    "shanghai-putuo-caizhengju-2025-budget.pdf": {
        "general_public_budget_total": _wan("31,214,205.80"),
        "general_public_budget_basic": _wan("25,121,091.00"),
        "general_public_budget_project": _wan("6,093,114.80"),
        "three_public_total": _d("0.95"),
        "office_operation": _d("229.43"),
    },
    "shanghai-putuo-caizhengju-2024-final.pdf": {
        "revenue_grand_total": _d("2,995.39"),
        "current_year_revenue": _d("2,946.25"),
        "general_public_budget_total": _d("2,940.05"),
        "general_public_budget_basic": _d("2,336.91"),
        "general_public_budget_project": _d("603.14"),
        "economic_basic_total": _d("2,336.91"),
    },
    "shanghai-putuo-guihuaziyuan-2024-final.pdf": {
        "revenue_grand_total": _d("9,859.38"),
        "current_year_revenue": _d("9,746.50"),
        "general_public_budget_total": _d("9,746.50"),
        "general_public_budget_basic": _d("5,364.75"),
        "general_public_budget_project": _d("4,381.74"),
        # 人员经费 4,884.09 + 公用经费 480.66, printed side by side: the 合计 is their sum
        "economic_basic_total": _d("5,364.75"),
        "three_public_total": _d("0.39"),
    },
    SEED: {
        "revenue_grand_total": _d("17,109"),
        "current_year_revenue": _d("17,109"),
        "general_public_budget_total": _d("17,109"),
        "general_public_budget_basic": _d("2,589"),
        "general_public_budget_project": _d("14,521"),
        "economic_basic_total": _d("2,589"),
        "three_public_total": _d("29"),
        "official_vehicles": _d("28"),
    },
}


def _headlines(warehouse, source_file: str) -> dict[str, tuple[Decimal | None, Decimal | None, int]]:
    rows = warehouse.execute(
        "select headline_code, printed_amount, parts_amount, part_count from marts.fct_document_headlines "
        "inner join marts.dim_document using (document_id) where source_file = ?",
        [source_file],
    ).fetchall()
    return {code: (printed, parts, count) for code, printed, parts, count in rows}


@pytest.mark.parametrize("source_file", sorted(PRINTED))
def test_headlines_are_the_printed_figures(warehouse, source_file: str) -> None:
    headlines = _headlines(warehouse, source_file)
    assert {code: headlines[code][0] for code in PRINTED[source_file]} == PRINTED[source_file]


def test_a_publishers_rounding_shows_as_the_difference_of_the_parts(warehouse) -> None:
    # the seed's 表7 prints 合计 17,109 over 10 leaves that add to 17,110
    printed, parts, count = _headlines(warehouse, SEED)["general_public_budget_total"]
    assert (printed, parts, count) == (Decimal(17109), Decimal(17110), 10)
    difference = warehouse.execute(
        "select difference_amount from marts.fct_document_headlines inner join marts.dim_document "
        "using (document_id) where source_file = ? and headline_code = 'general_public_budget_total'",
        [SEED],
    ).fetchone()
    assert difference == (Decimal(-1),)


def test_revenue_totals_add_their_nearest_printed_parts(warehouse) -> None:
    # 规划 2024 决算: 总计 9,859.38 = 本年收入合计 9,746.50 + 年初结转和结余 112.88
    printed, parts, count = _headlines(warehouse, "shanghai-putuo-guihuaziyuan-2024-final.pdf")["revenue_grand_total"]
    assert (printed, parts, count) == (Decimal("9859.38"), Decimal("9859.38"), 2)


def test_the_wide_table_is_one_row_per_document_with_the_printed_figures(warehouse) -> None:
    documents = warehouse.execute("select count(*) from marts.dim_document").fetchone()
    rows = warehouse.execute(
        "select source_file, general_public_budget_basic_amount, three_public_total_amount, counts_in_totals "
        "from marts.wide_document_headlines "
        "inner join marts.dim_document using (document_id, phase, scope, counts_in_totals)"
    ).fetchall()
    assert (len(rows),) == documents
    by_file = {row[0]: row[1:] for row in rows}
    assert by_file["shanghai-putuo-shangwuwei-2025-budget.pdf"] == (_wan("19,830,655.00"), Decimal("1.00"), True)
    # the unit budget holds the same money as its department's: not counted in totals
    assert by_file["shanghai-putuo-shangwuwei-2025-unit-budget.pdf"] == (_wan("19,830,655.00"), Decimal("1.00"), False)


def test_a_final_accounts_own_budget_against_actual(warehouse) -> None:
    """SOURCES.md: 规划和自然资源局's 2024 决算 prints 三公 预算数 2.85 beside 决算数 0.39; 财政局's 2024
    决算 预算数 0.95 (公务接待) beside a blank 决算数."""
    rows = dict(
        warehouse.execute(
            "select source_file, (budget_amount, actual_amount, source_page_number) from marts.fct_budget_execution "
            "inner join marts.dim_document on final_account_document_id = document_id "
            "where execution_source = 'final_account' and source_table = 'three_public_expenses' "
            "and source_measure = 'total_amount'"
        ).fetchall()
    )
    assert rows == {
        "shanghai-putuo-guihuaziyuan-2024-final.pdf": (Decimal("2.85"), Decimal("0.39"), 17),
        "shanghai-putuo-caizhengju-2024-final.pdf": (Decimal("0.95"), None, 18),
    }
    rate = warehouse.execute(
        "select execution_rate from marts.fct_budget_execution inner join marts.dim_document "
        "on final_account_document_id = document_id where source_file = ? and source_measure = 'total_amount'",
        ["shanghai-putuo-guihuaziyuan-2024-final.pdf"],
    ).fetchone()
    assert rate is not None and abs(rate[0] - Decimal("0.39") / Decimal("2.85")) < Decimal("0.000001")
