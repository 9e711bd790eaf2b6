"""Every table of the seed document, checked against figures read off the published text."""

from __future__ import annotations

import csv
from dataclasses import FrozenInstanceError

import pytest

from budget_warehouse.records import DocumentIdentity, ExtractedDocument
from budget_warehouse.registry import TABLES
from conftest import REPO


def _pick(records, *columns):
    return [tuple(r[c] for c in columns) for r in records]


def test_document_identity(seed_document: ExtractedDocument) -> None:
    document = seed_document.document
    assert document["department_name"] == "深圳市龙华区政务服务数据管理局"
    assert document["fiscal_year"] == "2020"
    assert document["phase"] == "预算"
    assert document["document_id"] == document["source_sha256"][:16]
    assert document["table_count"] == "15"
    assert seed_document.identity == DocumentIdentity(
        document_id=document["document_id"] or "",
        department_name="深圳市龙华区政务服务数据管理局",
        fiscal_year=2020,
        phase="预算",
        scope="部门",
        revision=0,
    )


def test_the_identity_cannot_change_after_recognition(seed_document: ExtractedDocument) -> None:
    # Every seed row is keyed by it: a change after the rows are written would orphan them.
    identity = seed_document.identity
    with pytest.raises(FrozenInstanceError):
        identity.fiscal_year = 2021  # type: ignore[misc]
    assert identity.fiscal_year == 2020
    key = identity.key()
    assert list(key) == ["document_id", "department_name", "fiscal_year"]
    # The cells the extractor writes, and the committed seed's cells of this document, start with it.
    (first, *_) = seed_document.rows["table_cells"]
    assert dict(list(first.items())[: len(key)]) == key
    with (REPO / "seeds" / "disclosure" / "table_cells.csv").open(encoding="utf-8", newline="") as handle:
        committed = list(csv.reader(handle))
    assert committed[0][: len(key)] == list(key)
    ours = [row[: len(key)] for row in committed[1:] if row[0] == identity.document_id]
    assert ours and all(row == list(key.values()) for row in ours)


def test_all_fifteen_tables_are_recorded_even_when_empty(seed_document: ExtractedDocument) -> None:
    manifest = {r["table_number"]: r for r in seed_document.rows["document_tables"]}
    assert sorted(manifest, key=int) == [str(n) for n in range(1, 16)]
    for number in ("8", "9", "10"):
        assert manifest[number]["row_count"] == "1"  # only the published zero total row
    assert manifest["14"]["published_unit"] == "元"
    assert manifest["15"]["published_rounding_step"] == "0.01"
    assert manifest["1"]["published_rounding_step"] == "1"
    # 表1 spans two pages, 表4 three (two of them without a repeated header).
    assert (manifest["1"]["page_count"], manifest["4"]["page_count"]) == ("2", "3")


def test_every_cell_carries_key_and_provenance(seed_document: ExtractedDocument) -> None:
    cells = [c for c in seed_document.rows["table_cells"] if c["table_key"] in {k.table_key for k in TABLES}]
    assert {c["table_number"] for c in cells} == {str(kind.number) for kind in TABLES}
    for cell in cells:
        assert cell["document_id"] == seed_document.document["document_id"]
        assert cell["table_key"] == TABLES[int(cell["table_number"] or 0) - 1].table_key
        assert int(cell["source_row_number"] or 0) >= 1
        assert int(cell["source_line_number"] or 0) >= 1
        assert cell["page_number"] is None


def _row_key(row: dict[str, str | None]) -> tuple[str | None, ...]:
    return tuple(row.get(c) for c in ("source_row_number", "source_line_number", "side", "source_column_number"))


def test_the_cells_give_back_every_parsed_row(seed_document: ExtractedDocument) -> None:
    # What the staging models' template_table_rows() does in SQL: each parsed row is its cells,
    # one per non-blank column, and nothing else; no two rows share a key.
    for kind in TABLES:
        parsed = seed_document.tables[kind.table_key]
        assert len({_row_key(row) for row in parsed}) == len(parsed), kind.table_key
        pivoted: dict[tuple[str | None, ...], dict[str, str | None]] = {}
        for cell in seed_document.rows["table_cells"]:
            if cell["table_key"] == kind.table_key:
                row = pivoted.setdefault(_row_key(cell), {})
                row[cell["measure"] or ""] = cell["amount"] if cell["amount"] is not None else cell["text_value"]
        positional = {"source_row_number", "source_line_number", "side", "source_column_number", "row_kind"}
        assert pivoted == {
            _row_key(row): {c: v for c, v in row.items() if c not in positional and v} for row in parsed
        }, kind.table_key


def test_t01_ledgers_across_the_page_break(rows) -> None:
    revenue = rows("t01_budget_overview", side="revenue")
    expenditure = rows("t01_budget_overview", side="expenditure")
    assert _pick(revenue, "item_name", "amount")[:4] == [
        ("一、财政预算拨款", "17109"),
        ("一般公共预算拨款", "17109"),
        ("一般性经费拨款", "17079"),
        ("财政专项资金拨款", "30"),
    ]
    # Blank amounts stay blank, distinct from 0.
    assert ("政府投资项目拨款", None) in _pick(revenue, "item_name", "amount")
    # The second page's rows land after the first page's, numbered on.
    assert _pick(revenue, "item_name", "amount", "source_row_number")[-1] == ("收入总计", "17109", "27")
    assert _pick(expenditure, "item_name")[:2] == [("一般公共服务支出",), ("政府办公厅（室）及相关机构事务",)]
    assert _pick(expenditure, "item_name").count(("其他城乡社区支出",)) == 2
    assert _pick(expenditure, "item_name", "amount")[-1] == ("支出总计", "17109")
    assert len(revenue) == 17 and len(expenditure) == 26


def test_t02_revenue_columns_after_a_phantom_header_column(rows) -> None:
    (row,) = rows("t02_revenue_by_source")
    assert row["unit_name"] == "深圳市龙华区政务服务数据管理局"
    assert (row["total_amount"], row["fiscal_appropriation_subtotal_amount"]) == ("17109", "17109")
    assert (row["general_funding_amount"], row["special_funds_amount"]) == ("17079", "30")
    assert row["government_investment_amount"] is None
    assert row["prior_year_carryover_amount"] is None


def test_t03_summary(rows) -> None:
    (row,) = rows("t03_expenditure_summary")
    assert _pick([row], "total_amount", "basic_amount", "project_amount") == [("17109", "2589", "14521")]
    assert (row["procurement_current_year_amount"], row["procurement_prior_years_payable_amount"]) == ("381", "1175")


def test_t04_three_pages_with_wrapped_names(rows) -> None:
    records = rows("t04_basic_expenditure")
    assert len(records) == 25
    assert records[0]["row_kind"] == "unit_total" and records[0]["total_amount"] == "2589"
    names = [r["item_name"] for r in records]
    # The converter's <br> in a wrapped name is removed before the document is read.
    assert "职工基本医疗保险缴费" in names
    assert "其他商品和服务支出" in names
    by_name = {r["item_name"]: r for r in records}
    assert by_name["租赁费"]["total_amount"] == "1100"
    assert by_name["其他社会保障缴费"]["total_amount"] is None
    assert by_name["其他商品和服务支出"]["general_funding_amount"] == "12"


def test_t05_categories_and_items_from_order_and_sums(rows) -> None:
    records = rows("t05_project_expenditure")
    levels = _pick(records, "item_name", "row_kind", "parent_source_row_number")
    assert levels[0] == ("深圳市龙华区政务服务数据管理局", "unit_total", None)
    # Categories hang under the unit's total row, items under their category.
    assert levels[1] == ("履职类项目一般性项目", "category", "1")
    assert levels[9] == ("政府绩效考核专项", "item", "2")
    # 预留机动 is a category with an item of the same name beneath it.
    assert levels[10:12] == [("预留机动", "category", "1"), ("预留机动", "item", "11")]
    # 一般管理事务 appears under two categories.
    assert [(n, p) for n, k, p in levels if n == "一般管理事务"] == [("一般管理事务", "2"), ("一般管理事务", "13")]
    special = next(r for r in records if r["item_name"] == "人才工作专项资金")
    assert (special["general_funding_amount"], special["special_funds_amount"]) == (None, "30")


def test_t07_split_table_with_blank_totals_on_subrows(rows) -> None:
    records = rows("t07_general_public_budget_expenditure")
    assert len(records) == 22
    assert _pick(records[:2], "row_kind", "function_code", "total_amount") == [
        ("unit_total", None, "17109"),
        ("subject", "201", "10267"),
    ]
    assert _pick(records[-2:], "function_code", "function_name", "basic_amount") == [
        ("2210201", "住房公积金", "113"),
        ("2210203", "购房补贴", "87"),
    ]
    row_2010302 = next(r for r in records if r["function_code"] == "2010302")
    assert (row_2010302["total_amount"], row_2010302["basic_amount"], row_2010302["project_amount"]) == (
        None,
        None,
        "2333",
    )


def test_t08_to_t10_empty_tables_keep_their_zero_rows(rows) -> None:
    for seed in ("t08_government_fund_expenditure", "t09_state_capital_expenditure"):
        assert _pick(rows(seed), "row_kind", "total_amount", "basic_amount", "project_amount") == [
            ("unit_total", "0", "0", "0")
        ]
    assert _pick(rows("t10_special_transfer_expenditure"), "project_amount") == [("0",)]


def test_t11_procurement_codes_continuation_and_note(rows, seed_document: ExtractedDocument) -> None:
    records = rows("t11_procurement")
    assert _pick(records, "catalogue_code", "amount")[:3] == [(None, "1556"), ("A", "326"), ("A03", "34")]
    assert ("A03020204", "3") in _pick(records, "catalogue_code", "amount")
    assert _pick(records, "catalogue_code", "catalogue_name", "amount")[-1] == ("C9900", "其他服务", "1229")
    assert len(records) == 19
    notes = [n["note_text"] for n in seed_document.rows["document_notes"] if n["table_number"] == "11"]
    assert notes == ["本表只反映 2020 年当年政府采购项目，不包括“待支付以前年度政府采购项目”。"]


def test_t12_both_years_and_the_predecessor_name(rows, seed_document: ExtractedDocument) -> None:
    assert _pick(
        rows("t12_three_public_expenses"),
        "unit_name",
        "budget_year",
        "total_amount",
        "overseas_travel_amount",
        "official_reception_amount",
        "official_vehicle_subtotal_amount",
        "vehicle_purchase_amount",
        "vehicle_operation_amount",
    ) == [
        ("深圳市龙华区政务服务局", "2019", "4", None, "0", "4", None, "4"),
        ("深圳市龙华区政务服务数据管理局", "2020", "29", None, "1", "28", "20", "8"),
    ]
    notes = [n["note_text"] for n in seed_document.rows["document_notes"] if n["table_number"] == "12"]
    assert len(notes) == 1 and notes[0].startswith("注：为进一步规范因公出国(境)经费管理")


def test_t13_repeated_header_and_execution_periods(rows) -> None:
    records = rows("t13_performance_projects")
    assert len(records) == 19
    assert _pick(records[:2], "row_kind", "project_name", "total_amount") == [
        ("unit_total", None, "14521"),
        ("project", "党建及机关队伍建设", "121"),
    ]
    assert _pick(records[-1:], "project_name", "total_amount", "execution_period") == [
        ("预留机动", "50", "2020.01.01-2020.12.31")
    ]
    assert sum(int(r["total_amount"]) for r in records[1:]) == 14521


def test_t14_form_pairs_continuation_and_indicators(rows) -> None:
    attributes = rows("t14_project_performance_targets", row_kind="attribute")
    pairs = {(r["label"], r["is_continuation"]): r for r in attributes}
    assert pairs[("项目名称", "false")]["value_text"] == "电子政务管理事务"
    assert pairs[("项目总金额（元）", "false")]["amount"] == "3600900"
    assert pairs[("固定资产采购金额", "false")]["amount"] == "0.00"
    assert pairs[("采购品目", "false")]["value_text"] is None
    continued = pairs[("项目总(中期)目标", "true")]
    assert continued["value_text"].startswith("区级政务服务")  # the converter's <p> removed
    indicators = rows("t14_project_performance_targets", row_kind="indicator")
    assert _pick(indicators, "indicator_level_1", "indicator_level_2", "indicator_name", "target_value")[2] == (
        "产出目标",
        "时效",
        "自签订合同之日起一年内",
        "1 年",
    )
    assert _pick(indicators[-1:], "indicator_level_1", "target_value", "target_source") == [("效果目标", "85%", "调查")]
    assert len(indicators) == 7


def test_t15_shifted_task_row_is_realigned(rows) -> None:
    tasks = rows("t15_department_performance_targets", row_kind="task")
    assert _pick(tasks, "task_name", "total_amount", "is_realigned") == [
        ("信息安全体系及大数据平台的建设和管理", "1555.01", "false"),
        ("行政改革审批", "77.75", "false"),
        ("“智慧龙华”和“数字政府”建设", "8673.07", "false"),
        ("政务服务", "6634.71", "true"),
        ("政务公开", "168.46", "false"),
    ]
    assert tasks[3]["task_content"] == "区行政服务大厅和网上服务大厅的管理和服务"
    (total,) = rows("t15_department_performance_targets", row_kind="task_total")
    assert (total["total_amount"], total["fiscal_amount"], total["other_amount"]) == ("17109.00", "17109.00", "0.00")


def test_t15_indicators_carry_levels_and_survive_shifts(rows) -> None:
    indicators = rows("t15_department_performance_targets", row_kind="indicator")
    picked = _pick(indicators, "indicator_level_1", "indicator_level_2", "indicator_level_3", "target_value")
    assert picked[1] == ("产出指标", "数量指标", "专家评审会召开场次", "20 场")
    assert picked[6] == ("产出指标", "成本指标", "支出进度达标率", ">95%")
    assert picked[7] == ("效益指标", "社会效益指标", "龙华区发布规范性文件解读率", "100%")
    assert picked[8] == ("效益指标", "可持续影响指标", "政务公开规范程度", "规范")
    assert picked[9] == ("满意度指标", "服务对象满意度指标", "群众满意度", "85%")
    assert len(picked) == 10
    attributes = {r["label"]: r["value_text"] for r in rows("t15_department_performance_targets", row_kind="attribute")}
    assert attributes["部门（单位）名称"] == "深圳市龙华区政务服务数据管理局"
    assert attributes["年度"] == "(2020 年度)"
