"""The real PDFs Shanghai departments published: every one builds, the hand-checked figures of
shared/disclosures/real/SOURCES.md come out of the marts exactly, a changed number breaks the
right identity at the right page and row, and bad PDFs are refused by name."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from budget_warehouse.cli import main
from budget_warehouse.errors import ExtractionError
from budget_warehouse.templates import extract_any
from conftest import REPO, copy_project, extracted_pdf_document
from pdf_mutations import blank_numbers, encrypted, replace_number, scanned, without_page

# The training PDFs are committed in disclosures/ (public documents, unchanged), so a clean clone
# builds them; shared/ beside the repository holds the originals users feed in.
COMMITTED = REPO / "disclosures"
SHARED = REPO.parent / "shared" / "disclosures" / "real"
SIFAJU = COMMITTED / "shanghai-putuo-sifaju-2026-budget.pdf"
GUIHUA = COMMITTED / "shanghai-putuo-guihuaziyuan-2024-final.pdf"

DOCUMENTS = {
    # file: (department, year, phase, scope, template, unit)
    "shanghai-putuo-sifaju-2026-budget.pdf": ("上海市普陀区司法局", 2026, "预算", "部门", "national_budget", "元"),
    "shanghai-putuo-shangwuwei-2025-budget.pdf": (
        "上海市普陀区商务委员会",
        2025,
        "预算",
        "部门",
        "national_budget",
        "元",
    ),
    "shanghai-putuo-shangwuwei-2025-unit-budget.pdf": (
        "上海市普陀区商务委员会",
        2025,
        "预算",
        "单位",
        "national_budget",
        "元",
    ),
    "shanghai-putuo-wanli-2023-budget.pdf": (
        "上海市普陀区人民政府万里街道办事处",
        2023,
        "预算",
        "部门",
        "national_budget",
        "元",
    ),
    "shanghai-putuo-wanli-2024-budget.pdf": (
        "上海市普陀区人民政府万里街道办事处",
        2024,
        "预算",
        "部门",
        "national_budget",
        "元",
    ),
    "shanghai-putuo-caizhengju-2025-budget.pdf": ("上海市普陀区财政局", 2025, "预算", "部门", "national_budget", "元"),
    "shanghai-putuo-caizhengju-2024-final.pdf": (
        "上海市普陀区财政局",
        2024,
        "决算",
        "部门",
        "national_final_account",
        "万元",
    ),
    "shanghai-putuo-guihuaziyuan-2024-final.pdf": (
        "上海市普陀区规划和自然资源局",
        2024,
        "决算",
        "部门",
        "national_final_account",
        "万元",
    ),
}


@pytest.mark.skipif(not SHARED.is_dir(), reason="no shared/disclosures/real beside the repository")
def test_every_shared_pdf_is_committed_unchanged() -> None:
    shared = {path.name: path.read_bytes() for path in SHARED.glob("*.pdf")}
    assert set(shared) == set(DOCUMENTS)
    for name, content in shared.items():
        assert (COMMITTED / name).read_bytes() == content, name


@pytest.mark.parametrize("source_file", sorted(DOCUMENTS))
def test_each_real_pdf_says_who_published_it(source_file: str) -> None:
    # The committed copy, the same bytes as shared/'s (above), so that a clone anywhere reads it.
    # Read once a session: a build of the committed PDFs may have read it already.
    document = extracted_pdf_document(COMMITTED / source_file)
    read = (
        document["department_name"],
        int(document["fiscal_year"] or 0),
        document["phase"],
        document["scope"],
        document["template"],
        document["published_unit"],
    )
    assert read == DOCUMENTS[source_file]


def _one(warehouse: duckdb.DuckDBPyConnection, sql: str, *params: object) -> object:
    row = warehouse.execute(sql, list(params)).fetchone()
    assert row is not None
    return row[0]


def _wan(yuan: str) -> Decimal:
    """A figure SOURCES.md gives in 元, in 万元 exactly."""
    return Decimal(yuan.replace(",", "")) / 10000


@pytest.mark.parametrize("source_file", sorted(DOCUMENTS))
def test_every_real_pdf_is_published_with_what_it_says_about_itself(warehouse, source_file: str) -> None:
    row = warehouse.execute(
        "select department_name, fiscal_year, phase, scope, template, published_unit, identity_status "
        "from marts.dim_document where source_file = ?",
        [source_file],
    ).fetchone()
    assert row is not None, f"{source_file} is not in dim_document"
    assert row[:6] == DOCUMENTS[source_file]
    assert row[6] == "holds"


def _document(warehouse, source_file: str) -> str:
    return str(_one(warehouse, "select document_id from marts.dim_document where source_file = ?", source_file))


def _function(warehouse, source_file: str, column: str, budget_type: str = "general_public_budget") -> Decimal:
    return Decimal(
        str(
            _one(
                warehouse,
                f"select sum({column}) from marts.fct_expenditure_by_function "
                "where document_id = ? and budget_type = ?",
                _document(warehouse, source_file),
                budget_type,
            )
        )
    )


def _economic(warehouse, source_file: str, prefix: str) -> Decimal:
    return Decimal(
        str(
            _one(
                warehouse,
                "select sum(total_amount) from marts.fct_basic_expenditure_by_economic_class "
                "where document_id = ? and economic_code like ?",
                _document(warehouse, source_file),
                prefix + "%",
            )
        )
    )


def test_sifaju_2026_figures(warehouse) -> None:
    source = "shanghai-putuo-sifaju-2026-budget.pdf"
    assert _function(warehouse, source, "total_amount") == _wan("96,282,213.44")
    assert _function(warehouse, source, "basic_amount") == _wan("25,741,666.44")
    assert _function(warehouse, source, "project_amount") == _wan("70,540,547.00")
    document = _document(warehouse, source)
    classes = dict(
        warehouse.execute(
            "select substr(function_code, 1, 3), sum(total_amount) from marts.fct_expenditure_by_function "
            "where document_id = ? group by 1",
            [document],
        ).fetchall()
    )
    assert classes == {
        "204": _wan("87,267,272.44"),
        "208": _wan("3,343,704.00"),
        "210": _wan("1,149,678.00"),
        "221": _wan("4,521,559.00"),
    }
    assert _economic(warehouse, source, "301") == _wan("23,084,662.00")
    assert _economic(warehouse, source, "302") == _wan("2,141,724.44")
    assert _economic(warehouse, source, "303") == _wan("478,680.00")
    assert _economic(warehouse, source, "310") == _wan("36,600.00")
    personnel, public = warehouse.execute(
        "select sum(personnel_amount), sum(public_amount) from marts.fct_basic_expenditure_by_economic_class "
        "where document_id = ?",
        [document],
    ).fetchone()
    assert (personnel, public) == (_wan("23,563,342.00"), _wan("2,178,324.44"))
    three = warehouse.execute(
        "select total_amount, overseas_travel_amount, official_reception_amount, official_vehicle_subtotal_amount, "
        "vehicle_purchase_amount, vehicle_operation_amount, office_operation_amount "
        "from marts.fct_three_public_expenses where document_id = ?",
        [document],
    ).fetchall()
    assert three == [tuple(Decimal(v) for v in ("10.81", "0", "0.83", "9.98", "0", "9.98", "217.83"))]


@pytest.mark.parametrize(
    ("source_file", "total", "basic", "project_total", "classes"),
    [
        (
            "shanghai-putuo-wanli-2023-budget.pdf",
            "164,978,640",
            "99,406,297",
            "65,572,343",
            {"301": "83,847,385", "302": "15,381,432", "303": "177,480"},
        ),
        (
            "shanghai-putuo-wanli-2024-budget.pdf",
            "156,211,123",
            "99,706,020",
            "56,505,103",
            {"301": "88,282,511", "302": "11,168,569", "303": "254,940"},
        ),
        (
            "shanghai-putuo-shangwuwei-2025-budget.pdf",
            "371,514,655.00",
            "19,830,655.00",
            "351,684,000.00",
            {"301": "16,671,057.00", "302": "1,632,062.00", "303": "1,449,536.00", "310": "78,000.00"},
        ),
        (
            "shanghai-putuo-caizhengju-2025-budget.pdf",
            "31,214,205.80",
            "25,121,091.00",
            "6,093,114.80",
            {"301": "22,109,516.00", "302": "2,204,335.00", "303": "717,240.00", "310": "90,000.00"},
        ),
    ],
)
def test_budget_figures(warehouse, source_file: str, total: str, basic: str, project_total: str, classes) -> None:
    assert _function(warehouse, source_file, "total_amount") == _wan(total)
    assert _function(warehouse, source_file, "basic_amount") == _wan(basic)
    assert _function(warehouse, source_file, "project_amount") == _wan(project_total)
    for prefix, amount in classes.items():
        assert _economic(warehouse, source_file, prefix) == _wan(amount), prefix


def test_caizhengju_2024_final_account(candidate) -> None:
    # The candidate: its intermediate relations hold the published totals.
    source = "shanghai-putuo-caizhengju-2024-final.pdf"
    document = _document(candidate, source)
    balances = dict(
        candidate.execute(
            "select balance_kind, total_amount from marts.fct_carryover_balances "
            "where document_id = ? and table_key = 'revenue_expenditure_overview'",
            [document],
        ).fetchall()
    )
    assert balances == {"opening": Decimal("49.14"), "closing": Decimal("55.34")}
    # 支出决算表 合计 2,940.05 = 基本 2,336.91 + 项目 603.14, published to the cent; its leaves add to
    # 2,940.06, a rounding the identities report.
    totals = candidate.execute(
        "select total_amount, basic_amount, project_amount from intermediate.int_national_function_lines_pivoted "
        "where document_id = ? and table_key = 'expenditure_by_function' and row_kind = 'total'",
        [document],
    ).fetchall()
    assert totals == [(Decimal("2940.05"), Decimal("2336.91"), Decimal("603.14"))]
    economic = dict(
        candidate.execute(
            "select total_scope, total_amount from intermediate.int_national_economic_lines_pivoted "
            "where document_id = ? and row_kind = 'total'",
            [document],
        ).fetchall()
    )
    assert economic == {"personnel": Decimal("2152.26"), "public": Decimal("184.65")}
    three = candidate.execute(
        "select budgeted_official_reception_amount, official_reception_amount "
        "from marts.fct_three_public_expenses where document_id = ?",
        [document],
    ).fetchall()
    assert three == [(Decimal("0.95"), None)]


def test_caizhengju_2024_revenue_by_source(warehouse) -> None:
    document = _document(warehouse, "shanghai-putuo-caizhengju-2024-final.pdf")
    sources = dict(
        warehouse.execute(
            "select revenue_source_code, amount from marts.fct_revenue_by_source "
            "where document_id = ? and source_table_number = 1 and amount is not null",
            [document],
        ).fetchall()
    )
    # 本年收入合计 2,946.25 = 2,940.05 + 6.20, and 年初结转和结余 49.14: 总计 2,995.39.
    assert sources == {
        "general_public_budget": Decimal("2940.05"),
        "other_revenue": Decimal("6.20"),
        "prior_year_carryover": Decimal("49.14"),
    }


def test_guihuaziyuan_2024_final_account(warehouse) -> None:
    source = "shanghai-putuo-guihuaziyuan-2024-final.pdf"
    document = _document(warehouse, source)
    spent = warehouse.execute(
        "select sum(total_amount), sum(basic_amount), sum(project_amount) from marts.fct_final_account_expenditure "
        "where document_id = ?",
        [document],
    ).fetchone()
    assert spent == (Decimal("9759.38"), Decimal("5377.64"), Decimal("4381.74"))
    assert _function(warehouse, source, "basic_amount") == Decimal("5364.75")
    assert _function(warehouse, source, "project_amount") == Decimal("4381.74")
    three = warehouse.execute(
        "select budgeted_total_amount, total_amount from marts.fct_three_public_expenses where document_id = ?",
        [document],
    ).fetchall()
    assert three == [(Decimal("2.85"), Decimal("0.39"))]


def test_the_unit_and_department_budgets_are_both_kept(warehouse) -> None:
    scopes = warehouse.execute(
        "select scope, count(*) from marts.dim_document where department_name = '上海市普陀区商务委员会' group by 1"
    ).fetchall()
    assert sorted(scopes) == [("单位", 1), ("部门", 1)]


# --- a publisher's mistake, made in a copy of a real PDF ------------------------------------------------------------


@pytest.fixture(scope="module")
def mistaken(tmp_path_factory: pytest.TempPathFactory):
    """司法局 2026 with two numbers changed; 规划和自然资源局 2024 as published beside it."""
    scratch = tmp_path_factory.mktemp("mistaken-pdfs")
    step = scratch / "step.pdf"
    changed = scratch / "sifaju.pdf"
    # 表5 p.15: 2040605 普法宣传 合计 1,242,900.00 printed as 1,342,900.00.
    replace_number(SIFAJU, step, 15, "1242900.00", "1342900.00")
    # 表9 p.21: 公务接待费 0.83 printed as 0.93.
    replace_number(step, changed, 21, "0.83", "0.93")
    documents = {"sifaju-mistaken.pdf": changed.read_bytes(), GUIHUA.name: GUIHUA.read_bytes()}
    project = copy_project(scratch / "project", documents)
    status = main(["build", "--project-dir", str(project), "--no-progress"])
    return project, status


def test_a_mistaken_document_is_published_and_flagged(mistaken) -> None:
    project, status = mistaken
    assert status == 0
    with duckdb.connect(str(project / "warehouse.duckdb"), read_only=True) as connection:
        flags = dict(connection.execute("select source_file, identity_status from marts.dim_document").fetchall())
    assert flags == {"sifaju-mistaken.pdf": "broken", GUIHUA.name: "holds"}


def test_the_breaks_are_found_at_the_changed_rows(mistaken) -> None:
    project, _ = mistaken
    with duckdb.connect(str(project / "warehouse.duckdb"), read_only=True) as connection:
        broken = connection.execute(
            "select identity_name, subject, expected, actual from marts.fct_identity_checks "
            "inner join marts.dim_document using (document_id) "
            "where status = 'broken' and family != 'soft' order by identity_name, subject"
        ).fetchall()
    table5 = "表5 2026年部门一般公共预算支出功能分类预算表 p.15"
    assert broken == [
        (
            "hierarchy__national_function_subjects",
            f"{table5} row 5: 20406 司法",
            Decimal("8726.727244"),
            Decimal("8736.727244"),
        ),
        (
            "row__national_function_total_equals_basic_plus_project",
            f"{table5} row 8: 2040605 普法宣传",
            Decimal("134.29"),
            Decimal("124.29"),
        ),
        (
            "row__national_three_public_total",
            "表9 2026年部门“三公”经费和机关运行经费预算表 p.21 row 4: budget",
            Decimal("10.81"),
            Decimal("10.91"),
        ),
    ]


def test_strict_fails_on_the_mistake_and_keeps_the_published_warehouse(mistaken, capsys) -> None:
    project, _ = mistaken
    published = (project / "warehouse.duckdb").read_bytes()
    assert main(["build", "--project-dir", str(project), "--no-progress", "--strict"]) == 1
    assert "row__national_three_public_total" in capsys.readouterr().err
    assert (project / "warehouse.duckdb").read_bytes() == published


# --- bad PDFs --------------------------------------------------------------------------------------------------------


def _refusal(path: Path) -> str:
    with pytest.raises(ExtractionError) as caught:
        extract_any(path)
    return str(caught.value)


def test_a_blank_template_is_refused_by_name(tmp_path: Path) -> None:
    blank = tmp_path / "blank.pdf"
    blank_numbers(SIFAJU, blank)
    message = _refusal(blank)
    assert str(blank) in message
    assert "blank national 9-table budget" in message


def test_a_pdf_missing_a_table_names_the_closest_template_and_the_table(tmp_path: Path) -> None:
    cut = tmp_path / "cut.pdf"
    without_page(SIFAJU, cut, 21)
    message = _refusal(cut)
    assert "closest is national_budget, the national 9-table budget" in message
    assert "8 of 9 tables" in message
    assert "三公经费和机关运行经费预算表" in message


def test_a_scan_is_refused(tmp_path: Path) -> None:
    scan = tmp_path / "scan.pdf"
    scanned(scan)
    assert "no text layer" in _refusal(scan)


def test_a_truncated_pdf_is_refused(tmp_path: Path) -> None:
    truncated = tmp_path / "truncated.pdf"
    data = SIFAJU.read_bytes()
    truncated.write_bytes(data[: len(data) // 3])
    assert "not a readable PDF" in _refusal(truncated)


def test_an_encrypted_pdf_is_refused(tmp_path: Path) -> None:
    locked = tmp_path / "locked.pdf"
    encrypted(SIFAJU, locked)
    assert "encrypted" in _refusal(locked)


def test_xx_placeholders_are_refused() -> None:
    from budget_warehouse.national.document import _refuse_blank
    from budget_warehouse.national.families import family
    from budget_warehouse.pdf import Grid

    filled_in_part = Grid(10, 0.0, (("项目", "预算数"), ("一、财政拨款收入", "XX.XX"), ("收入总计", "1.00")))
    with pytest.raises(ExtractionError, match="1 cells hold XX placeholders"):
        _refuse_blank(Path("blank.pdf"), family("national_budget"), [filled_in_part])
    untouched = Grid(10, 0.0, (("项目", "预算数"), ("一、财政拨款收入", "XX.XX")))
    with pytest.raises(ExtractionError, match="blank national 9-table budget"):
        _refuse_blank(Path("blank.pdf"), family("national_budget"), [untouched])
