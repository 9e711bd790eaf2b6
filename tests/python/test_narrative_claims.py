"""What a document's text claims, read and checked against its own tables (issue 24).

Figures asserted here were read off the PDFs by hand; the labelled claims of eleven documents are
in tests/python/data/claim_labels/, written by reading the documents, not by this code."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from benchmarks import claims_check
from budget_warehouse.cli import main
from budget_warehouse.narrative import ProseLine, read_claims
from conftest import REPO, SEED_DOCUMENT, copy_project
from pdf_mutations import replace_number

SIFAJU = "shanghai-putuo-sifaju-2026-budget.pdf"


def _claims(connection: duckdb.DuckDBPyConnection, source_file: str, where: str = "true") -> list[tuple]:
    return connection.execute(
        "select claims.page_number, claims.figure, claims.figure_unit, claims.subject, claims.subject_code, "
        "claims.table_amount, claims.status "
        "from marts.fct_narrative_claims as claims inner join marts.dim_document as documents using (document_id) "
        f"where documents.source_file = ? and {where} order by claims.claim_number",
        [source_file],
    ).fetchall()


# --- reading sentences ---------------------------------------------------------------------------------------------


def test_a_figure_its_change_and_its_percentage_are_one_claim() -> None:
    # 烟台市大数据局 2026, p.27, as printed.
    (claim,) = read_claims(
        [
            ProseLine(
                27, None, "2026年通过一般公共预算财政拨款安排的“三公”经费预算共19.45万元，比上年减少1万元，下降4.89％。"
            )
        ]
    )
    assert (claim.figure, claim.unit, claim.subject) == ("19.45", "万元", "three_public_total")
    assert (claim.change_direction, claim.change_amount, claim.change_percent) == ("减少", "1", "4.89")


def test_a_code_path_names_the_function_subject_and_the_next_sentence_inherits_it() -> None:
    # 上海市普陀区司法局 2026, p.8: a numbered item, then its execution sentence.
    claims = read_claims(
        [
            ProseLine(8, None, "2、公共安全支出（204类）司法（06款）基层司法业务（04项）2170.39万元。"),
            ProseLine(
                8, None, "2025年当年预算执行数为2149.45万元，2026年预算安排2170.39万元，比2025年预算执行数增加0.97%。"
            ),
        ]
    )
    assert [(c.figure, c.subject, c.subject_code, c.stated_year) for c in claims] == [
        ("2170.39", "function_subject", "2040604", None),
        ("2149.45", "function_subject", "2040604", "2025"),
        ("2170.39", "function_subject", "2040604", "2026"),
    ]
    assert claims[2].change_percent == "0.97"


def test_a_breakdown_of_a_line_is_that_line_s_parts() -> None:
    # 西安市民政局 2021, p.24: 具体为 breaks the 款 20810 down into its 人员经费 and 公用经费, over
    # two sentences (；); the document's own 人员经费 after the 。 is not the line's.
    claims = read_claims(
        [
            ProseLine(24, None, "（5）社会福利（20810）18,571.74 万元，较上年减少 250.84 万元。"),
            ProseLine(24, None, "具体为：人员经费 10,057.17 万元，较上年增加 856.54 万元；公用经费 481.57 万元。"),
            ProseLine(24, None, "人员经费 13,758.03 万元。"),
        ]
    )
    assert [(c.figure, c.subject, c.subject_code) for c in claims] == [
        ("18571.74", "function_subject", "20810"),
        ("10057.17", "personnel_expenditure", "20810"),
        ("481.57", "public_expenditure", "20810"),
        ("13758.03", "personnel_expenditure", None),
    ]


def test_names_without_codes_resolve_through_the_classification() -> None:
    # 万里街道 2024, p.6: 类, 款 and 项 by name only.
    (claim,) = read_claims(
        [
            ProseLine(
                6,
                None,
                "1.“一般公共服务支出（类）统计信息事务（款）专项普查活动（项）”25.77万元，主要用于专项普查活动。",
            )
        ]
    )
    assert (claim.subject, claim.subject_code) == ("function_subject", "2010507")


def test_the_short_form_of_the_official_vehicles_names_the_same_subjects() -> None:
    # 上海市普陀区万里街道 2023, p.29, as printed: 公务车 for 公务用车.
    claims = read_claims(
        [
            ProseLine(
                29,
                None,
                "（二）、公务车购置及运行费21.56万元，其中：公务用车购置费0万元，比2022年预算持平；公务车运行维护费21.56万元。",
            )
        ]
    )
    assert [(c.figure, c.subject) for c in claims] == [
        ("21.56", "official_vehicles"),
        ("0", "vehicle_purchase"),
        ("21.56", "vehicle_operation"),
    ]


def test_a_sentence_runs_over_the_page_break_past_the_running_header_and_page_number() -> None:
    # 重庆市人民政府办公厅 2026, pp.3-4: the subject at the foot of p.3, its figure at the top of p.4;
    # each page headed by the document's title and footed by its number (as 无锡 prints them).
    header = "重庆市人民政府办公厅2026年部门预算"
    claims = read_claims(
        [
            ProseLine(2, None, header),
            ProseLine(2, None, "本部门2026年未使用政府性基金预算拨款安排的支出。"),
            ProseLine(2, None, "- 2 -"),
            ProseLine(3, None, header),
            ProseLine(3, None, "四、“三公”经费情况说明"),
            ProseLine(3, None, "2026 年“三公”经费预算 394.49 万元，较 2025 年减少 2.48 万元，其中：因公出国（境）费用"),
            ProseLine(3, None, "- 3 -"),
            ProseLine(4, None, header),
            ProseLine(4, None, "184.49 万元，与 2025 持平；公务接待费 10 万元，与 2025 持平。"),
            ProseLine(4, None, "- 4 -"),
        ]
    )
    assert [(c.page_number, c.figure, c.subject) for c in claims] == [
        (3, "394.49", "three_public_total"),
        (4, "184.49", "overseas_travel"),
        (4, "10", "official_reception"),
    ]
    assert claims[1].sentence.startswith("四、“三公”经费情况说明2026年“三公”经费预算394.49万元")
    assert header not in claims[1].sentence and "- 3 -" not in claims[1].sentence


def test_a_page_that_ends_its_sentence_is_not_run_on() -> None:
    claims = read_claims(
        [
            ProseLine(5, None, "机关运行经费 58.44 万元。"),
            ProseLine(6, None, "12.00 万元用于会议费。"),
        ]
    )
    assert [(c.page_number, c.subject) for c in claims] == [(5, "office_operation"), (6, "unclassified")]


def test_a_code_in_brackets_after_its_name_or_before_a_longer_name_is_the_subject() -> None:
    # 西安市人民政府办公厅（汇总） 2026, p.10, and 福州市科学技术局 2026, p.25, as printed
    claims = read_claims(
        [
            ProseLine(10, None, "6.行政单位离退休（2080501）117.01万元，较上年增加64.48万元，增长122.75%。"),
            ProseLine(25, None, "（五）2069999-其他科学技术支出45870.00万元。"),
        ]
    )
    assert [(c.figure, c.subject, c.subject_code) for c in claims] == [
        ("117.01", "function_subject", "2080501"),
        ("45870.00", "function_subject", "2069999"),
    ]


def test_a_numbered_heading_names_the_next_figure_and_a_basis_is_its_clause_s() -> None:
    # 重庆市人民政府办公厅 2026, p.3: the heading （二）支出预算。 names the total; 长沙职业教育基地综合协调办公室
    # 2026, p.8: 为完成特定行政工作任务 says nothing of 教育支出270.00's basis; a final account's
    # 公务接待费预算1.86万元 is a budget's figure (西安市卫生健康委员会 2022, p.21)
    claims = read_claims(
        [
            ProseLine(3, None, "（二）支出预算。2026 年年初预算数 19,230.18 万元，"),
            ProseLine(3, None, "其中：一般公共服务支出 15,958.96 万元。"),
            ProseLine(8, None, "项目支出预算270.00万元，主要是单位为完成特定行政工作任务而发生的支出，"),
            ProseLine(8, None, "其中：教育支出270.00万元。"),
            ProseLine(21, None, "2022年度财政拨款安排公务接待费预算1.86万元，支出决算0.11万元。"),
        ]
    )
    assert [(c.figure, c.subject, c.basis) for c in claims[:5]] == [
        ("19230.18", "expenditure_total", "budget"),
        ("15958.96", "function_subject", None),
        ("270.00", "project_expenditure", "budget"),
        ("270.00", "function_subject", None),
        ("1.86", "official_reception", "budget"),
    ]
    assert (claims[5].figure, claims[5].basis) == ("0.11", "actual")


def test_a_figure_nobody_can_place_is_kept_unclassified() -> None:
    claims = read_claims([ProseLine(2, None, "本部门共设置 24 个内设机构和机关党办、离退休人员工作处。")])
    assert [(c.figure, c.unit, c.subject, c.kind) for c in claims] == [("24", "个", "unclassified", "count")]


def test_codes_years_and_list_numbers_are_not_figures() -> None:
    claims = read_claims([ProseLine(9, None, "（三）2026年第3项：公共安全支出（204类）司法（06款）行政运行（01项）。")])
    assert claims == []


# --- the default corpus --------------------------------------------------------------------------------------------


def test_the_seed_corpus_claims_match_their_labels(project: Path) -> None:
    labelled = {name: rows for name, rows in claims_check.labels().items() if name == SIFAJU}
    (score,) = claims_check.score_warehouse(project / "warehouse.duckdb", labelled).values()
    assert score.labelled == 93
    assert score.precision >= 0.95 and score.recall >= 0.95
    assert score.verdict_agreement >= 0.95


def test_the_text_s_housing_fund_differs_from_its_table(warehouse) -> None:
    """p.9: the item's heading says 住房公积金 208.8 万元, the next sentence 201.50; 表5 prints
    2,087,959 元 (208.80 万元), and the stated 5.27% only follows from 208.8."""
    assert _claims(warehouse, SIFAJU, "claims.status = 'differs'") == [
        (9, "201.50", "万元", "function_subject", "2210201", Decimal("208.795900"), "differs")
    ]
    (count,) = warehouse.execute(
        "select claim_difference_count from marts.dim_document where source_file = ?", [SIFAJU]
    ).fetchone()
    assert count == 1


def test_the_three_public_statements_agree(warehouse) -> None:
    rows = _claims(
        warehouse, SIFAJU, "claims.subject in ('three_public_total', 'official_reception', 'office_operation')"
    )
    assert rows == [
        (22, "10.81", "万元", "three_public_total", None, Decimal("10.810000"), "agrees"),
        (22, "0.83", "万元", "official_reception", None, Decimal("0.830000"), "agrees"),
        (22, "217.83", "万元", "office_operation", None, Decimal("217.830000"), "agrees"),
    ]


def test_a_percentage_is_checked_against_its_two_amounts(warehouse) -> None:
    """p.9, 职业年金: 77.99 → 91.97 is 17.93 %, the text says 17.66 %; 行政单位医疗 59.43 → 114.97
    is 93.45 %, as printed."""
    rows = dict(
        warehouse.execute(
            "select claims.figure, claims.change_status from marts.fct_narrative_claims as claims "
            "inner join marts.dim_document as documents using (document_id) "
            "where documents.source_file = ? and claims.change_percent is not null and claims.page_number = 9",
            [SIFAJU],
        ).fetchall()
    )
    assert rows["91.97"] == "differs"
    assert rows["114.97"] == "agrees"


def test_the_markdown_template_s_notes_are_read(tmp_path: Path) -> None:
    """The seed's text holds no figure with a unit (its one note says 为零); a note saying the
    “三公” budget is 29 万元 agrees with 表12, one saying 31 differs: a unit of the text's last
    digit (1 万元, rounded or cut) and half the table's step (0.5) allow 1.5, not 2."""
    text = SEED_DOCUMENT.read_text(encoding="utf-8")
    note = "注：为进一步规范因公出国(境)经费管理"
    assert note in text
    documents = {
        "agrees.txt": text.replace(note, "注：2020年“三公”经费财政拨款预算29万元。\n\n" + note),
        "differs.txt": text.replace(note, "注：2020年“三公”经费财政拨款预算31万元。\n\n" + note).replace(
            "深圳市龙华区政务服务数据管理局", "深圳市测试文字局"
        ),
    }
    project = copy_project(tmp_path / "project", documents)
    assert main(["build", "--project-dir", str(project), "--no-progress", "--no-publish"]) == 0
    with duckdb.connect(str(project / "build" / "warehouse.duckdb"), read_only=True) as connection:
        assert _claims(connection, "agrees.txt") == [
            (None, "29", "万元", "three_public_total", None, Decimal("29.000000"), "agrees")
        ]
        assert _claims(connection, "differs.txt") == [
            (None, "31", "万元", "three_public_total", None, Decimal("29.000000"), "differs")
        ]


# --- a changed figure in a copy of a real PDF ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def changed_text(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """上海市普陀区司法局 2026 with p.22's “三公” figure 10.81 printed as 10.91 (its table, p.19, unchanged)."""
    scratch = tmp_path_factory.mktemp("changed-text")
    changed = scratch / SIFAJU
    replace_number(REPO / "disclosures" / SIFAJU, changed, 22, "10.81", "10.91")
    project = copy_project(scratch / "project", {SIFAJU: changed.read_bytes()})
    assert main(["build", "--project-dir", str(project), "--no-progress"]) == 0
    return project


def test_a_changed_figure_in_the_text_differs_at_its_page_with_both_figures(changed_text: Path) -> None:
    with duckdb.connect(str(changed_text / "warehouse.duckdb"), read_only=True) as connection:
        differing = _claims(connection, SIFAJU, "claims.status = 'differs'")
    assert differing == [
        (9, "201.50", "万元", "function_subject", "2210201", Decimal("208.795900"), "differs"),
        (22, "10.91", "万元", "three_public_total", None, Decimal("10.810000"), "differs"),
    ]


def test_strict_fails_on_a_claim_that_differs(changed_text: Path, capsys) -> None:
    assert main(["build", "--project-dir", str(changed_text), "--no-progress", "--strict"]) == 1
    assert "claims_agree_with_tables" in capsys.readouterr().err


# --- the year before --------------------------------------------------------------------------------------------------

WANLI_2023 = "shanghai-putuo-wanli-2023-budget.pdf"
WANLI_2024 = "shanghai-putuo-wanli-2024-budget.pdf"


def _previous_year(connection: duckdb.DuckDBPyConnection, page: int) -> list[tuple]:
    return connection.execute(
        "select claims.figure, claims.subject, claims.previous_year_amount, claims.previous_year_table_amount, "
        "claims.previous_year_status, previous.source_file "
        "from marts.fct_narrative_claims as claims "
        "inner join marts.dim_document as documents using (document_id) "
        "left join marts.dim_document as previous on claims.previous_year_document_id = previous.document_id "
        "where documents.source_file = ? and claims.page_number = ? and claims.previous_year_amount is not null "
        "order by claims.claim_number",
        [WANLI_2024, page],
    ).fetchall()


def test_a_comparison_with_the_year_before_is_checked_against_that_year_s_document(warehouse) -> None:
    # 万里街道 2024, p.32: “三公”经费预算数为47.91万元，比2023年预算增加25万元; the 2023 document's
    # “三公” table prints 22.91 (公务用车购置及运行费 21.56 of it, 购置费 0)
    assert _previous_year(warehouse, 32) == [
        ("47.91", "three_public_total", Decimal("22.91"), Decimal("22.91"), "agrees", WANLI_2023),
        ("46.56", "official_vehicles", Decimal("21.56"), Decimal("21.56"), "agrees", WANLI_2023),
        ("25", "vehicle_purchase", Decimal("0"), Decimal("0"), "agrees", WANLI_2023),
    ]


def test_a_changed_comparison_differs_from_the_year_before(tmp_path: Path) -> None:
    changed = tmp_path / WANLI_2024
    # 比2023年预算增加25万元 → 27: the year before would be 20.91, against 22.91 (an integer change allows 1)
    replace_number(REPO / "disclosures" / WANLI_2024, changed, 32, "25", "27")
    documents = {WANLI_2023: (REPO / "disclosures" / WANLI_2023).read_bytes(), WANLI_2024: changed.read_bytes()}
    project = copy_project(tmp_path / "project", documents)
    assert main(["build", "--project-dir", str(project), "--no-progress", "--no-publish"]) == 0
    with duckdb.connect(str(project / "build" / "warehouse.duckdb"), read_only=True) as connection:
        rows = _previous_year(connection, 32)
    assert rows[0] == ("47.91", "three_public_total", Decimal("20.91"), Decimal("22.91"), "differs", WANLI_2023)


# --- labelled documents of ten families --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def labelled_build(tmp_path_factory: pytest.TempPathFactory) -> dict[str, claims_check.Score]:
    labelled = claims_check.labels()
    if not claims_check.SHARED.is_dir():
        pytest.skip(f"no shared documents at {claims_check.SHARED}")
    paths = claims_check.source_paths(list(labelled))
    database = claims_check.build_labelled(tmp_path_factory.mktemp("labelled") / "project", paths)
    return claims_check.score_warehouse(database, labelled)


def test_labelled_claims_are_read_with_precision_and_recall(labelled_build: dict[str, claims_check.Score]) -> None:
    total = claims_check.Score()
    for score in labelled_build.values():
        total.add(score)
    assert len(labelled_build) == 11 and total.labelled == 573
    assert total.precision >= 0.95
    assert total.recall >= 0.90


def test_every_labelled_family_yields_claims(labelled_build: dict[str, claims_check.Score]) -> None:
    assert all(score.extracted > 0 for name, score in labelled_build.items() if not name.startswith("000_"))


def test_labelled_verdicts_agree(labelled_build: dict[str, claims_check.Score]) -> None:
    """Issue 24 asks for 95 %; measured 95.8 % (548 of the 572 read), and no claim read as differing that the
    labels say agrees. The 24 left are unverifiable where the labels say agrees: tables not read
    (performance targets, projects by name, procurement tables, 会议费 / 培训费) and blank cells
    one labeller read as 0."""
    total = claims_check.Score()
    for score in labelled_build.values():
        total.add(score)
    assert total.verdict_agreement >= 0.95
    assert total.verdicts_by_label[("agrees", "differs")] == 0
