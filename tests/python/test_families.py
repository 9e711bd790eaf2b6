"""The table families are data: every packaged file loads, and a file that does not say what the
reader needs is refused with its name and the entry at fault."""

from __future__ import annotations

from pathlib import Path

import pytest

from budget_warehouse.national.families import CONCEPTS, FamilyError, family, load_families
from budget_warehouse.national.grids import Column
from budget_warehouse.national.templates import locate
from budget_warehouse.pdf import Grid, Page, read_pdf
from conftest import REPO

PACKAGED = Path(__file__).resolve().parents[2] / "src" / "budget_warehouse" / "families"

MINIMAL = """
name = "test_family"
description = "a family for the tests"
phase = "预算"
default_unit = "万元"

[[tables]]
number = 1
concept = "revenue_expenditure_overview"
shape = "ledger"
titles = ["收支总表"]

[[tables]]
number = 2
concept = "fiscal_appropriation_overview"
shape = "ledger"
titles = ["财政拨款收支总表"]
required = false
"""


def _folder(tmp_path: Path, text: str) -> Path:
    (tmp_path / "_column_roles.toml").write_text((PACKAGED / "_column_roles.toml").read_text("utf-8"), "utf-8")
    (tmp_path / "test.toml").write_text(text, "utf-8")
    return tmp_path


def test_every_packaged_family_loads_with_known_concepts_and_unique_titles() -> None:
    families = load_families()
    assert {f.name for f in families} >= {"national_budget", "national_final_account"}
    for loaded in families:
        assert all(table.concept in CONCEPTS for table in loaded.tables)
        titles = [title for table in loaded.tables for title in table.titles]
        assert len(titles) == len(set(titles)), loaded.name
        assert loaded.required, loaded.name


def test_a_title_matches_its_longest_table_whatever_comes_before_it(tmp_path: Path) -> None:
    (loaded,) = load_families(_folder(tmp_path, MINIMAL))
    overview = loaded.title_match("表1 2026年 收支总表")
    fiscal = loaded.title_match("表6　财政拨款收支总表")
    assert overview is not None and overview.concept == "revenue_expenditure_overview"
    assert fiscal is not None and fiscal.concept == "fiscal_appropriation_overview"
    assert not fiscal.required
    assert loaded.title_match("一、收支总表 …… 3") is None  # a table of contents line


def test_a_title_wrapped_over_two_heading_lines_is_found(tmp_path: Path) -> None:
    # 西安市民政局 2021, p.77: 表13's title breaks after …“三公”经费及
    (loaded,) = load_families(_folder(tmp_path, MINIMAL.replace('titles = ["收支总表"]', 'titles = ["部门收支总表"]')))
    cells = (("项目", "预算数"), ("合计", "1.00"))
    heading = ("表1", "2026年部门", "收支总表", "单位：万元")
    page = Page(1, heading, (Grid(1, 0.0, cells, heading),), 10)
    assert loaded.title_match("2026年部门") is None and loaded.title_match("收支总表") is None
    (located,) = locate(loaded, [page]).values()
    assert (located.table.number, located.title_line) == (1, "2026年部门收支总表")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('concept = "fiscal_appropriation_overview"', 'concept = "fiscal_overview"'), "tables[2]: concept"),
        (('shape = "ledger"\ntitles = ["收支总表"]', 'shape = "grid"\ntitles = ["收支总表"]'), "tables[1]: shape"),
        (('phase = "预算"', 'phase = "budget"'), "phase 'budget'"),
        (("required = false", "requird = false"), "tables[2]: unknown keys requird"),
        (('titles = ["收支总表"]', "titles = []"), "tables[1]: titles"),
        (("number = 2", "number = 1"), "table numbers repeat"),
        (('default_unit = "万元"', ""), "missing default_unit"),
        (('name = "test_family"', 'name = "test_family'), "not valid TOML"),
        (('phase = "预算"', 'phase = "预算"\ncolumn_role = {}'), "unknown keys column_role"),
    ],
)
def test_a_bad_family_file_is_refused_by_name(tmp_path: Path, change: tuple[str, str], message: str) -> None:
    old, new = change
    assert old in MINIMAL
    with pytest.raises(FamilyError, match=r"test\.toml") as raised:
        load_families(_folder(tmp_path, MINIMAL.replace(old, new, 1)))
    assert message in str(raised.value)


def test_column_roles_of_a_family_come_before_the_shared_ones(tmp_path: Path) -> None:
    own = MINIMAL + '\n[column_roles]\nledger = [{ label = "本年预算", role = "amount" }]\n'
    (loaded,) = load_families(_folder(tmp_path, own))
    assert (loaded.roles.ledger[0].label, loaded.roles.ledger[0].role) == ("本年预算", "amount")
    assert loaded.roles.ledger[1:] == family("national_budget").roles.ledger


def test_unknown_family_is_named() -> None:
    with pytest.raises(KeyError, match="national_budget"):
        family("no_such_family")


def test_the_readme_lists_every_family_with_the_tables_it_reads() -> None:
    """The README's family table is what the code reads: one row per family file, its tables by
    number and concept, optional ones marked."""
    readme = (PACKAGED.parents[2] / "README.md").read_text("utf-8")
    table = readme[readme.index("| template (`dim_document.template`)") :].split("\n\n", 1)[0]
    rows = {line.split("|")[1].strip(" `"): line for line in table.splitlines() if line.startswith("| `")}
    for loaded in load_families():
        assert loaded.name in rows, f"README lists no family {loaded.name}"
        tables = ", ".join(
            f"{t.number} {t.concept}{'' if t.required else ' (optional)'}"
            for t in sorted(loaded.tables, key=lambda t: t.number)
        )
        cells = [cell.strip() for cell in rows[loaded.name].split("|")]
        assert cells[3] == f"{loaded.description}; {loaded.phase}, {loaded.default_unit}", loaded.name
        assert cells[4] == tables, loaded.name
    families = {loaded.name for loaded in load_families()}
    assert set(rows) - families == {"shenzhen_department_budget"}


def test_grids_prints_a_page_as_the_reader_sees_it(capsys: pytest.CaptureFixture[str]) -> None:
    from budget_warehouse.cli import main

    pdf = PACKAGED.parents[2] / "tests" / "python" / "data" / "families" / "yantai-shenjiju-2026-yusuan.pdf"
    assert main(["grids", str(pdf), "--pages", "15-15", "--rows", "3"]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[0] == "page 15: 1 tables, 657 characters"
    assert "公开表5" in printed[1] and "一般公共预算支出情况表" in printed[1]
    assert printed[-1].strip() == "['', '', '', '合 计', '2,776.75', '2,772.25', '2,536.91', '235.33', '4.50']"


def test_a_blank_templates_placeholder_department_is_refused(tmp_path: Path) -> None:
    from budget_warehouse.errors import ExtractionError
    from budget_warehouse.national.templates import LocatedTable, document_facts
    from budget_warehouse.pdf import Grid, Page

    budget = family("national_budget")
    heading = ("2026年部门财务收支预算总表", "编制部门：上海市XX局 单位：元")
    grid = Grid(page_number=1, top=0.0, cells=(("收入", "支出"),), heading=heading)
    located = {1: LocatedTable(budget.tables[0], heading[0], [grid])}
    pages = [Page(number=1, lines=heading, grids=(grid,), char_count=40)]
    with pytest.raises(ExtractionError, match="a blank template: the department reads '上海市XX局'"):
        document_facts(tmp_path / "blank.pdf", budget, pages, located)
    named = (heading[0], "编制部门：上海市司法局 单位：元")
    grid = Grid(page_number=1, top=0.0, cells=(("收入", "支出"),), heading=named)
    located = {1: LocatedTable(budget.tables[0], named[0], [grid])}
    facts = document_facts(tmp_path / "x.pdf", budget, [Page(1, named, (grid,), 40)], located)
    assert (facts.department_name, facts.fiscal_year) == ("上海市司法局", 2026)


def _modules_imported_by(module: str) -> set[str]:
    import subprocess
    import sys

    code = f"import sys, {module}; print(' '.join(m for m in sys.modules if m.startswith('budget_warehouse')))"
    return set(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout.split())


def test_the_pdf_reader_stands_on_no_markdown_template_module() -> None:
    """The PDF families read into the shared records (records.py) without the Shenzhen markdown
    template's registry, tables or markdown parser."""
    imported = _modules_imported_by("budget_warehouse.national.document")
    assert "budget_warehouse.records" in imported
    assert not imported & {"budget_warehouse.registry", "budget_warehouse.document", "budget_warehouse.markdown"}
    assert not {name for name in imported if name.startswith("budget_warehouse.tables")}


def test_the_spark_engine_does_not_import_the_local_one() -> None:
    """extract.py starts the Spark engine lazily; the Spark engine reads the shared per-document
    function from document_rows.py, not from extract.py: no import cycle."""
    assert "budget_warehouse.extract" not in _modules_imported_by("budget_warehouse.spark_extract")


@pytest.mark.parametrize(
    ("parts", "role"),
    [
        # as most families print them
        (("“三公”经费合计",), "total_amount"),
        (("公务用车购置及运行维护费", "小计"), "official_vehicle_subtotal_amount"),
        (("公务用车购置及运行维护费", "公务用车购置费"), "vehicle_purchase_amount"),
        # Xi'an 工业和信息化局 2022 表13 p.44: labels a text layer split over header rows
        (("2022年", "会议", "费"), "meeting_amount"),
        (
            ("2021年", "一般公共预算拨款安排的“三公”经费预算", "因", "公", "出", "国", "（", "境", "）"),
            "overseas_travel_amount",
        ),
        (("2022年", "一般公共预算拨款安排的“三公”经费预算", "公务接", "待费"), "official_reception_amount"),
        (
            ("2022年", "一般公共预算拨款安排的“三公”经费预算", "公务用车购置及运行维护", "费", "小计"),
            "official_vehicle_subtotal_amount",
        ),
        (
            (
                "2021年",
                "一般公共预算拨款安排的“三公”经费预算",
                "公务用车购置及运行",
                "维护费",
                "公",
                "务",
                "用",
                "车",
                "购",
                "置",
                "费",
            ),
            "vehicle_purchase_amount",
        ),
        (("2022年", "一般公共预算拨款安排的“三公”经费预算", "小计"), "total_amount"),
    ],
)
def test_a_three_public_column_s_role_from_its_header(parts: tuple[str, ...], role: str) -> None:
    (loaded,) = [f for f in load_families() if f.name == "jiangsu_budget"]
    assert Column(1, parts).measure(loaded.roles.three_public) == role


def test_a_column_the_ruling_split_in_three_is_read_once(tmp_path: Path) -> None:
    # Xi'an 工业和信息化局 2022 表1 pp.20–21: on its first page every column three times over, its
    # label under one of them; the next page prints each column once
    (loaded,) = load_families(_folder(tmp_path, MINIMAL))
    first = (
        ("收 入", "收 入", "收 入", "支 出", "支 出", "支 出"),
        ("项 目", "", "", "预算数", "预算数", "预算数"),
        ("一、部门预算", "一、部门预算", "一、部门预算", "105.00", "105.00", "105.00"),
        ("1、财政拨款", "1、财政拨款", "1、财政拨款", "100.00", "100.00", "100.00"),
    )
    heading = ("表1", "收支总表")
    pages = [
        Page(20, heading, (Grid(20, 0.0, first, heading),), 10),
        Page(21, (), (Grid(21, 0.0, (("2、事业收入", "5.00"),)),), 10),
    ]
    (located,) = locate(loaded, pages).values()
    assert [grid.cells for grid in located.grids] == [
        (("收 入", "支 出"), ("项 目", "预算数"), ("一、部门预算", "105.00"), ("1、财政拨款", "100.00")),
        (("2、事业收入", "5.00"),),
    ]


CORPUS = REPO.parent / "shared" / "disclosures" / "corpus"
GONGYE = CORPUS / "xian-12b" / "xian-gongyehexinxihuaju-2022-yusuan.pdf"


@pytest.mark.skipif(not GONGYE.is_file(), reason="no shared/disclosures/corpus beside the repository")
def test_a_row_printed_above_the_ruling_is_the_table_s_first_row() -> None:
    # 西安市工业和信息化局 2022 p.36: pdfplumber's ruling starts below 表8's row 54 (30228 工会经费);
    # it is the continuation page's first row, not a heading line
    page = read_pdf(GONGYE)[35]
    (grid,) = page.grids
    assert grid.cells[0][1:] == ("30228", "工会经费", "50502", "商品和服务支出", "147438.64", "0.00", "147438.64", "")
    assert not any("工会经费" in line for line in grid.heading)
