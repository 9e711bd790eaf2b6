"""Serving the warehouse: readers during builds, the build lock, exports and BI connections."""

from __future__ import annotations

import subprocess
import sys
import threading
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from budget_warehouse.cli import main
from budget_warehouse.exports import spreadsheet_safe
from budget_warehouse.warehouse import Project, build_lock, built_marts
from conftest import SEED_DOCUMENT

# The seed document (深圳市龙华区政务服务数据管理局 2020) publishes 2,589 万元 of basic spending.
BASIC_TOTAL = "select sum(basic_amount) from marts.fct_expenditure_by_function where document_id = '8f1cd10f246847df'"


def _marts(connection) -> list[str]:
    return [
        name
        for (name,) in connection.execute(
            "select table_name from duckdb_tables() where schema_name = 'marts' order by 1"
        ).fetchall()
    ]


def _snapshot(database: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(database), read_only=True) as connection:
        return {
            mart: connection.execute(f"select * from marts.{mart} order by all").fetchall()
            for mart in _marts(connection)
        }


def test_parquet_exports_match_the_marts_row_for_row(project: Path, warehouse) -> None:
    marts = _marts(warehouse)
    assert sorted(p.stem for p in (project / "exports" / "parquet").iterdir()) == marts
    for mart in marts:
        parquet = str(project / "exports" / "parquet" / f"{mart}.parquet")
        missing = warehouse.execute(
            f"select count(*) from (select * from marts.{mart} except all select * from read_parquet('{parquet}'))"
        ).fetchone()[0]
        extra = warehouse.execute(
            f"select count(*) from (select * from read_parquet('{parquet}') except all select * from marts.{mart})"
        ).fetchone()[0]
        assert (missing, extra) == (0, 0), mart


def test_csv_exports_are_safe_for_spreadsheets(project: Path, warehouse) -> None:
    assert spreadsheet_safe("=SUM(A1)") == "'=SUM(A1)"
    assert spreadsheet_safe("@cmd") == "'@cmd"
    assert spreadsheet_safe("+1") == "'+1"
    assert spreadsheet_safe("一般公共服务支出") == "一般公共服务支出"
    assert spreadsheet_safe(Decimal("-5")) == Decimal("-5")
    csv_file = project / "exports" / "csv" / "fct_expenditure_by_function.csv"
    raw = csv_file.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel on Windows reads UTF-8 only with a byte-order mark"
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines[0].startswith('"document_id","budget_type","function_code"')
    assert len(lines) - 1 == warehouse.execute("select count(*) from marts.fct_expenditure_by_function").fetchone()[0]
    # Codes stay quoted text; amounts carry the published digits, not DECIMAL(28,6)'s six.
    assert '"8f1cd10f246847df","general_public_budget","2010301",7,4,2236,536,2772,""' in lines


SQLALCHEMY_CLIENT = """
import sys
import sqlalchemy as sa

engine = sa.create_engine(f"duckdb:///{sys.argv[1]}", connect_args={"read_only": True})
with engine.connect() as connection:
    print(connection.execute(sa.text(
        "select sum(basic_amount) from marts.fct_expenditure_by_function where document_id = '8f1cd10f246847df'"
    )).scalar())
    print("fct_identity_checks" in sa.inspect(connection).get_table_names(schema="marts"))
    # What Superset does to build a dataset from a table: list its columns.
    columns = sa.inspect(connection).get_columns("wide_expenditure_by_function", schema="marts")
    print(",".join(column["name"] for column in columns[:4]))
    print(connection.execute(sa.text(
        "select comment from duckdb_columns() where schema_name = 'marts' "
        "and table_name = 'dim_function_subject' and column_name = 'function_code'"
    )).scalar().split()[0])
"""


def test_sqlalchemy_reads_the_marts_and_their_comments(project: Path) -> None:
    """duckdb-engine is what Superset uses to reach DuckDB; it runs in its own process, as a BI
    server would."""
    result = subprocess.run(
        [sys.executable, "-c", SQLALCHEMY_CLIENT, str(project / "warehouse.duckdb")],
        capture_output=True,
        text=True,
        check=True,
    )
    total, has_identities, columns, comment = result.stdout.split("\n")[:4]
    assert (total, has_identities) == ("2589.000000", "True")
    assert columns == "document_id,department_id,function_code,fiscal_year"
    assert comment.startswith("功能分类科目编码")


def test_a_second_build_is_refused_while_one_runs(project: Path, capsys) -> None:
    with build_lock(Project(project)):
        assert main(["build", "--project-dir", str(project), "--no-progress"]) == 75
    assert "another build of" in capsys.readouterr().err


def test_readers_keep_the_last_good_numbers_during_rebuilds(project: Path) -> None:
    """A BI-style reader queries continuously while a good rebuild and then a broken one run."""
    published = project / "warehouse.duckdb"
    before = _snapshot(published)
    answers: list[object] = []
    errors: list[BaseException] = []
    stop = threading.Event()

    def read() -> None:
        while not stop.is_set():
            try:
                with duckdb.connect(str(published), read_only=True) as connection:
                    answers.append(connection.execute(BASIC_TOTAL).fetchone()[0])
            except BaseException as error:  # every failure is the finding
                errors.append(error)

    reader = threading.Thread(target=read)
    reader.start()
    try:
        assert main(["build", "--project-dir", str(project), "--no-progress"]) == 0
        bad = project / "disclosures" / "zz_broken.txt"
        bad.write_text(
            SEED_DOCUMENT.read_text(encoding="utf-8").replace("| 30        |", "| 3O        |", 1), encoding="utf-8"
        )
        try:
            assert main(["build", "--project-dir", str(project), "--no-progress"]) == 1
        finally:
            bad.unlink()
    finally:
        stop.set()
        reader.join()
    assert errors == []
    assert len(answers) > 10
    assert set(answers) == {Decimal(2589)}
    # The rebuild with unchanged documents published identical data.
    assert _snapshot(published) == before


@pytest.mark.parametrize("mart", ["fct_expenditure_by_function", "dim_function_subject"])
def test_marts_carry_table_comments(warehouse, mart: str) -> None:
    (comment,) = warehouse.execute(
        "select comment from duckdb_tables() where schema_name = 'marts' and table_name = ?", [mart]
    ).fetchone()
    assert comment


def test_the_published_file_is_the_bi_surface_under_any_alias(project: Path) -> None:
    """Only the marts, the reconciliation schema and the semantic layer's time spine: no raw seeds,
    staging views or stored test failures, and every relation answers when a BI tool attaches the
    file under a name of its own."""
    with duckdb.connect() as connection:
        connection.execute("attach ? as bi (read_only)", [str(project / "warehouse.duckdb")])
        relations = connection.execute(
            "select schema_name, table_name from duckdb_tables() where database_name = 'bi' "
            "union all select schema_name, view_name from duckdb_views() where database_name = 'bi' and not internal"
        ).fetchall()
        assert {schema for schema, _ in relations} == {"marts", "reconciliation", "semantic"}
        assert {name for schema, name in relations if schema == "semantic"} == {"metricflow_time_spine"}
        marts = sorted(name for schema, name in relations if schema == "marts")
        assert marts == built_marts(Project(project))
        for schema, name in relations:
            connection.execute(f'select * from bi.{schema}."{name}" limit 1').fetchall()
    with duckdb.connect(str(project / "build" / "warehouse.duckdb"), read_only=True) as candidate:
        # Staging and intermediate models are tables now (dbt_project.yml), views before.
        schemas = {
            s
            for (s,) in candidate.execute(
                "select schema_name from duckdb_tables() union select schema_name from duckdb_views()"
            ).fetchall()
        }
        assert {"staging", "intermediate"} <= schemas, "debugging relations stay in the build's candidate"


def test_dimensions_have_primary_keys_and_facts_foreign_keys(warehouse) -> None:
    """Declared in the published file, so BI tools discover the joins themselves."""
    keys = warehouse.execute(
        "select table_name, constraint_type, constraint_column_names, referenced_table from duckdb_constraints() "
        "where schema_name = 'marts' and constraint_type in ('PRIMARY KEY', 'FOREIGN KEY')"
    ).fetchall()
    primary = {table for table, kind, _, _ in keys if kind == "PRIMARY KEY"}
    assert {name for name in _marts(warehouse) if name.startswith("dim_") and name != "dim_subject_names"} <= primary
    foreign = {(table, columns[0], referenced) for table, kind, columns, referenced in keys if kind == "FOREIGN KEY"}
    assert ("fct_expenditure_by_function", "function_code", "dim_function_subject") in foreign
    facts = {name for name in _marts(warehouse) if name.startswith("fct_") and name != "fct_identity_checks"}
    assert facts == {table for table, _, _ in foreign if table.startswith("fct_")}, "every fact declares foreign keys"
    assert ("fct_year_over_year_by_class", "current_department_id", "dim_department") in foreign


def test_the_workbook_has_a_sheet_per_mart_and_a_data_dictionary(project: Path, warehouse) -> None:
    from openpyxl import load_workbook

    from budget_warehouse.exports import SHEET_TITLES, sheet_names

    marts = _marts(warehouse)
    workbook = load_workbook(project / "exports" / "warehouse.xlsx", read_only=True)
    names = sheet_names(marts)
    assert workbook.sheetnames == ["说明", "data_dictionary", *names.values()]
    assert all(len(name) <= 31 for name in workbook.sheetnames)
    # every published mart has its Chinese title, and no two sheets share one
    assert set(marts) <= set(SHEET_TITLES)
    assert names["fct_expenditure_by_function"] == "支出（功能分类）"
    assert len(set(workbook.sheetnames)) == len(workbook.sheetnames)
    rows = list(workbook[names["fct_expenditure_by_function"]].iter_rows(values_only=True))
    row = next(r for r in rows if r[0] == "8f1cd10f246847df" and r[2] == "2010301")
    assert row[5:8] == (2236, 536, 2772), "amounts are numbers"
    assert isinstance(row[2], str), "codes are text"
    dictionary = list(workbook["data_dictionary"].iter_rows(values_only=True))
    documented = {(r[1], r[2]) for r in dictionary[1:] if r[5]}
    columns = set(
        warehouse.execute("select table_name, column_name from duckdb_columns() where schema_name = 'marts'").fetchall()
    )
    assert columns <= documented
    assert ("fct_expenditure_by_function", "basic_amount", "万元") in {(r[1], r[2], r[4]) for r in dictionary[1:]}


def test_the_workbook_reads_like_a_spreadsheet(project: Path, warehouse) -> None:
    """Frozen header, a filter over every row, amounts shown #,##0.00, columns fitted, and a 说明
    sheet first that says what to add up and lists every sheet with its rows."""
    from openpyxl import load_workbook

    workbook = load_workbook(project / "exports" / "warehouse.xlsx")
    sheet = workbook["支出（功能分类）"]
    assert sheet.freeze_panes == "A2"
    rows = warehouse.execute("select count(*) from marts.fct_expenditure_by_function").fetchone()
    assert rows is not None
    assert sheet.auto_filter.ref == f"A1:I{rows[0] + 1}"
    header = [cell.value for cell in sheet[1]]
    amount = sheet.cell(row=2, column=header.index("total_amount") + 1)
    assert amount.number_format == "#,##0.00"
    code = sheet.cell(row=2, column=header.index("function_code") + 1)
    assert code.number_format == "General" and isinstance(code.value, str)
    assert all(sheet.column_dimensions[letter].width >= 8 for letter in "ABCDEFGHI")
    guide = [row for row in workbook["说明"].iter_rows(values_only=True)]
    assert any("counts_in_totals" in (row[0] or "") and "phase" in (row[0] or "") for row in guide)
    listed = {row[1]: row[2] for row in guide if row[1] and row[1] != "数据表（marts）"}
    assert listed["fct_expenditure_by_function"] == rows[0]
    assert set(listed) == set(_marts(warehouse))


def test_every_release_carries_its_documentation(project: Path) -> None:
    """The dbt documentation site of the build that made the release, as one page, linked from
    the report page and named in the workbook's 说明 sheet."""
    site = project / "exports" / "docs" / "index.html"
    assert site.exists()
    text = site.read_text(encoding="utf-8")
    assert "fct_document_headlines" in text and "counts_in_totals" in text
    report = (project / "exports" / "report" / "index.html").read_text(encoding="utf-8")
    assert "href='../docs/index.html'" in report
