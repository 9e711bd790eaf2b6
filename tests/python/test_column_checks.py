"""The column checks, one test node per folder of models (column_check_failures once per model),
must fail on each kind of bad row and name the model, check, column, value and row. The compiled
SQL of the staging folder's test, from the session's build, runs on a copy of the good candidate
into which bad rows are written."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

MODEL = "stg_disclosure__t04_basic_expenditure"
RELATION = f"staging.{MODEL}"


@pytest.fixture
def broken_candidate(project: Path, tmp_path: Path) -> duckdb.DuckDBPyConnection:
    # The file keeps its name: the compiled SQL names its catalog, "warehouse".
    copy = tmp_path / "warehouse.duckdb"
    shutil.copy(project / "build" / "good" / "warehouse.duckdb", copy)
    return duckdb.connect(str(copy))


def checks_sql(project: Path) -> str:
    [compiled] = (project / "target" / "compiled").rglob("column_checks__staging_disclosure.sql")
    return compiled.read_text(encoding="utf-8")


def failures(connection: duckdb.DuckDBPyConnection, project: Path) -> list[tuple[str, str, str, str | None, str]]:
    columns = "failing_check, failing_column, failing_model, failing_value, failing_row"
    return sorted(connection.execute(f"select {columns} from ({checks_sql(project)})").fetchall(), key=repr)


def test_the_good_build_passes(broken_candidate: duckdb.DuckDBPyConnection, project: Path) -> None:
    assert failures(broken_candidate, project) == []


def test_each_kind_of_bad_row_is_named(broken_candidate: duckdb.DuckDBPyConnection, project: Path) -> None:
    document_id, first, second, third = broken_candidate.execute(
        f"select document_id, min(source_row_number), min(source_row_number) + 1, min(source_row_number) + 2 "
        f"from {RELATION} group by document_id order by document_id limit 1"
    ).fetchone()
    broken_candidate.execute(f"update {RELATION} set row_kind = 'bogus' where source_row_number = {first}")
    broken_candidate.execute(f"update {RELATION} set item_name = null where source_row_number = {second}")
    broken_candidate.execute(
        f"insert into {RELATION} select * replace ('no-such-document' as document_id) from {RELATION} "
        f"where source_row_number = {third} and document_id = ?",
        [document_id],
    )
    broken_candidate.execute(
        f"insert into {RELATION} select * from {RELATION} where source_row_number = {third} and document_id = ?",
        [document_id],
    )

    found = failures(broken_candidate, project)

    assert {(check, column) for check, column, *_ in found} == {
        ("accepted_values", "row_kind"),
        ("not_null", "item_name"),
        ("unique_combination", "document_id, source_row_number"),
        ("relationships stg_disclosure__documents.document_id", "document_id"),
    }
    assert all(model == MODEL for _, _, model, _, _ in found)
    named = {check: (value, row) for check, _, _, value, row in found}
    assert named["accepted_values"] == ("bogus", f"{document_id} | {first}")
    assert named["not_null"] == (None, f"{document_id} | {second}")
    assert named["unique_combination"][0] == f"{document_id} | {third}"
    assert named["relationships stg_disclosure__documents.document_id"] == (
        "no-such-document",
        f"no-such-document | {third}",
    )
