"""End to end: extract, dbt build with every test, publish; then the figures analysts rely on."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from budget_warehouse.cli import main
from budget_warehouse.warehouse import Project, describe_failures, run_dbt
from conftest import SEED_DOCUMENT


def _one(connection, sql: str):
    (row,) = connection.execute(sql).fetchall()
    return row


def test_function_facts_sum_to_the_published_totals(warehouse) -> None:
    basic, project = _one(
        warehouse,
        "select sum(basic_amount), sum(project_amount) from marts.fct_expenditure_by_function "
        "where document_id = '8f1cd10f246847df'",
    )
    assert (basic, project) == (Decimal(2589), Decimal(14521))


def test_a_subtree_sums_once(warehouse) -> None:
    (total,) = _one(
        warehouse,
        """
        select sum(fact.total_amount)
        from marts.fct_expenditure_by_function as fact
        inner join marts.dim_function_subject as subject using (function_code)
        where subject.class_code = '201' and fact.document_id = '8f1cd10f246847df'
        """,
    )
    assert total == Decimal(10267)


def test_function_hierarchy_parents(warehouse) -> None:
    parents = dict(
        warehouse.execute(
            "select function_code, parent_code from marts.dim_function_subject "
            "where function_code in ('2010301', '20103')"
        ).fetchall()
    )
    assert parents == {"2010301": "20103", "20103": "201"}
    assert _one(warehouse, "select function_name from marts.dim_function_subject where function_code = '201'") == (
        "一般公共服务支出",
    )


def test_economic_facts(warehouse) -> None:
    assert _one(
        warehouse,
        """
        select fact.total_amount, subject.economic_name
        from marts.fct_basic_expenditure_by_economic_class as fact
        inner join marts.dim_economic_subject as subject using (economic_code)
        where fact.economic_code = '30214' and fact.document_id = '8f1cd10f246847df'
        """,
    ) == (Decimal(1100), "租赁费")
    (wages,) = _one(
        warehouse,
        """
        select sum(fact.total_amount)
        from marts.fct_basic_expenditure_by_economic_class as fact
        inner join marts.dim_economic_subject as subject using (economic_code)
        where subject.class_code = '301' and fact.document_id = '8f1cd10f246847df'
        """,
    )
    assert wages == Decimal(1173)


def test_names_only_rows_get_their_codes(candidate) -> None:
    rows = candidate.execute(
        """
        select source_row_number, function_code
        from intermediate.int_function_names_resolved
        where table_number = 1 and item_name = '其他城乡社区支出'
        order by source_row_number
        """
    ).fetchall()
    assert [code for _, code in rows] == ["21299", "2129901"]


def test_unit_conversion_and_other_marts(warehouse) -> None:
    assert _one(warehouse, "select project_total_amount from marts.fct_project_performance_goals") == (
        Decimal("360.09"),
    )
    assert _one(warehouse, "select sum(amount) from marts.fct_procurement") == (Decimal(1555),)
    assert _one(warehouse, "select count(*) from marts.fct_three_public_expenses where budget_year = 2019") == (1,)
    assert _one(
        warehouse,
        """
        select predecessor.department_name
        from marts.dim_department as predecessor
        inner join marts.dim_department as successor
            on predecessor.successor_department_id = successor.department_id
        """,
    ) == ("深圳市龙华区政务服务局",)
    assert _one(warehouse, "select count(*) from marts.fct_department_tasks where is_realigned") == (1,)


def test_every_mart_column_is_documented(warehouse) -> None:
    undocumented = warehouse.execute(
        """
        select table_name, column_name
        from duckdb_columns()
        where schema_name = 'marts' and (comment is null or comment = '')
        """
    ).fetchall()
    assert undocumented == []


def test_the_build_leaves_dbts_artifacts_as_of_its_end(project: Path) -> None:
    """dbt writes no artifacts itself (--no-write-json); run_dbt writes them once the build is
    done, so the manifest holds what the run compiled and the run results every node that ran."""
    target = project / "target"
    manifest = json.loads((target / "manifest.json").read_text(encoding="utf-8"))
    results = json.loads((target / "run_results.json").read_text(encoding="utf-8"))["results"]
    semantic = json.loads((target / "semantic_manifest.json").read_text(encoding="utf-8"))
    ran = {result["unique_id"] for result in results}
    assert "model.budget_warehouse.fct_expenditure_by_function" in ran
    assert "test.budget_warehouse.column_checks__marts" in ran
    compiled = manifest["nodes"]["model.budget_warehouse.fct_expenditure_by_function"]["compiled_code"]
    assert compiled and "{{" not in compiled
    assert ran <= set(manifest["nodes"]) | set(manifest["unit_tests"])
    assert {model["name"] for model in semantic["semantic_models"]} == {
        "documents",
        "function_spending",
        "economic_spending",
        "three_public",
    }


def test_a_dbt_run_that_stops_early_leaves_no_earlier_run_results(project: Path) -> None:
    target = project / "target"
    kept = (target / "run_results.json").read_bytes()
    try:
        assert run_dbt(Project(project), "build", settings=("--vars", "{unclosed")) == 2
        assert not (target / "run_results.json").exists()
        assert "no run_results.json: dbt stopped before running anything" in describe_failures(Project(project))
    finally:
        (target / "run_results.json").write_bytes(kept)


def test_failed_build_names_the_row_and_keeps_the_published_file(project: Path, capsys) -> None:
    published = project / "warehouse.duckdb"
    before = published.read_bytes()
    good = SEED_DOCUMENT.read_text(encoding="utf-8")
    bad = project / "disclosures" / SEED_DOCUMENT.name
    bad.write_text(good.replace("| 租赁费            | 1,100 |", "| 租车费            | 1,100 |"), encoding="utf-8")
    try:
        assert main(["build", "--project-dir", str(project), "--no-progress"]) == 1
    finally:
        bad.write_text(good, encoding="utf-8")
    error = capsys.readouterr().err
    assert "economic_name_resolves_to_a_code" in error
    assert "table_number=4, source_row_number=18" in error and "item_name=租车费" in error
    assert published.read_bytes() == before


def test_bad_document_leaves_seeds_and_warehouse_as_they_were(project: Path, capsys) -> None:
    published = project / "warehouse.duckdb"
    seeds = project / "seeds" / "disclosure"
    before = published.read_bytes()
    seeds_before = {p.name: p.read_bytes() for p in seeds.iterdir()}
    bad = project / "disclosures" / "zz_bad.txt"
    bad.write_text(
        SEED_DOCUMENT.read_text(encoding="utf-8").replace(
            "| 电费             | 132   |", "| 电费             | 1三2   |"
        ),
        encoding="utf-8",
    )
    try:
        assert main(["build", "--project-dir", str(project), "--no-progress"]) == 1
    finally:
        bad.unlink()
    assert "zz_bad.txt, 表4, row 15, line 111, column 总计: expected an amount, found '1三2'" in capsys.readouterr().err
    assert published.read_bytes() == before
    assert {p.name: p.read_bytes() for p in seeds.iterdir()} == seeds_before
