"""The benchmark's floor runs the same SQL as the build and computes the same marts."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from benchmarks.run import (
    Measurement,
    PdfResult,
    Result,
    floor_statements,
    marginal,
    measure,
    pdf_report,
    repeated,
)
from budget_warehouse.cli import main
from conftest import copy_project


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project of its own: the floor reads the last build's manifest and seeds, which the tests
    that rebuild the session's project with a broken document replace."""
    root = copy_project(tmp_path_factory.mktemp("bench"))
    assert main(["build", "--project-dir", str(root), "--no-progress"]) == 0
    return root


def test_the_floor_script_computes_the_same_marts(built: Path, tmp_path: Path) -> None:
    statements = floor_statements(built)
    kinds = [s.split()[0] for s in statements]

    def position(fragment: str) -> int:
        return next(i for i, s in enumerate(statements) if fragment in s.split(" as ", 1)[0])

    # A seed comes before the staging model that reads it, and a test after its model.
    assert position('"raw"."documents"') < position('"staging"."stg_disclosure__documents"')
    # A statement per data test (identities_hold per identity model, column_checks per folder, the named ones).
    manifest = json.loads((built / "target" / "manifest.json").read_text(encoding="utf-8"))
    data_tests = [node for node in manifest["nodes"].values() if node["resource_type"] == "test"]
    assert kinds.count("select") == len(data_tests) > 15
    floor = tmp_path / "warehouse.duckdb"
    with (
        duckdb.connect(str(floor)) as connection,
        duckdb.connect(str(built / "warehouse.duckdb"), read_only=True) as warehouse,
    ):
        for statement in statements:
            connection.execute(statement).fetchall()
        for mart in ("fct_expenditure_by_function", "fct_identity_checks", "dim_function_subject"):
            query = f"select * from marts.{mart} order by all"
            assert connection.execute(query).fetchall() == warehouse.execute(query).fetchall(), mart


def test_measure_and_marginal_cost() -> None:
    timing = measure(["python3", "-c", "x = bytearray(50 * 1024 * 1024)"])
    assert timing.peak_mb >= 50
    # The peak of the whole process tree: two children of 60 MB each at once count 120 MB.
    child = "import time; x = b'1' * (60 * 1024 * 1024); time.sleep(1)"
    children = (
        "import subprocess, sys; "
        f"[p.wait() for p in [subprocess.Popen([sys.executable, '-c', {child!r}]) for _ in range(2)]]"
    )
    assert measure(["python3", "-c", children]).peak_mb >= 110
    assert repeated(3, iter([Measurement(3, 10), Measurement(1, 30), Measurement(2, 20)]).__next__) == Measurement(
        2, 30
    )
    results = [
        Result(100, Measurement(1, 1), Measurement(20, 1), Measurement(5, 1)),
        Result(1000, Measurement(10, 1), Measurement(50, 1), Measurement(14, 1)),
    ]
    assert marginal(results, "build") == 30 / 900
    assert marginal(results, "floor") == 9 / 900


def test_pdf_rates_are_pages_over_seconds() -> None:
    result = PdfResult(8, 200, Measurement(20, 100), Measurement(16, 120), Measurement(10, 300), Measurement(40, 350))
    assert result.pages_per_second("floor") == 10
    assert result.pages_per_second("extract") == 12.5
    assert result.extract_over_floor == 0.8
    assert "extract/floor 0.80" in pdf_report(result)
