"""The comparison `make spark-check` prints: it must see a changed amount, a missing row, a
duplicated row and a renamed column, and must not see Decimal padding. The Spark side is a
stand-in holding rows, so this runs without Java; `make spark-check` runs the real thing."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import pytest

from budget_warehouse.spark import compare, profile_session_settings
from budget_warehouse.warehouse import Project

ROWS = [("doc1", Decimal("17109.000000"), "2010301"), ("doc1", Decimal("2589.500000"), "30101")]


@dataclass
class Frame:
    columns: list[str]
    rows: list[tuple[Any, ...]]

    def collect(self) -> list[tuple[Any, ...]]:
        return self.rows

    def count(self) -> int:
        return len(self.rows)


@dataclass
class Spark:
    frame: Frame

    def table(self, relation: str) -> Frame:
        return self.frame


@pytest.fixture
def duckdb_file(tmp_path: Path) -> Path:
    path = tmp_path / "warehouse.duckdb"
    with duckdb.connect(str(path)) as connection:
        connection.execute("create schema marts")
        connection.execute("create table marts.fct (document_id varchar, amount decimal(28,6), code varchar)")
        connection.executemany("insert into marts.fct values (?, ?, ?)", ROWS)
    return path


def spark_with(rows: list[tuple[Any, ...]], columns: tuple[str, ...] = ("document_id", "amount", "code")) -> Spark:
    return Spark(Frame(list(columns), rows))


def test_equal_rows_in_another_order_and_scale_are_equal(duckdb_file: Path) -> None:
    rows = [("doc1", Decimal("2589.5"), "30101"), ("doc1", Decimal("17109"), "2010301")]
    result = compare("marts.fct", duckdb_file, spark_with(rows))
    assert result.equal, str(result)
    assert str(result) == "equal      marts.fct (2 rows)"


def test_a_changed_amount_is_shown_on_both_sides(duckdb_file: Path) -> None:
    rows = [ROWS[0], ("doc1", Decimal("2589.510000"), "30101")]
    result = compare("marts.fct", duckdb_file, spark_with(rows))
    assert not result.equal
    assert result.only_duckdb == (("doc1", Decimal("2589.5"), "30101"),)
    assert result.only_spark == (("doc1", Decimal("2589.51"), "30101"),)


def test_a_missing_or_duplicated_row_differs(duckdb_file: Path) -> None:
    assert not compare("marts.fct", duckdb_file, spark_with(ROWS[:1])).equal
    duplicated = compare("marts.fct", duckdb_file, spark_with([*ROWS, ROWS[1]]))
    assert not duplicated.equal
    assert duplicated.spark_rows == 3


def test_a_null_is_not_an_empty_string(duckdb_file: Path) -> None:
    with duckdb.connect(str(duckdb_file)) as connection:
        connection.execute("update marts.fct set code = null where code = '30101'")
    assert not compare("marts.fct", duckdb_file, spark_with([ROWS[0], ("doc1", Decimal("2589.5"), "")])).equal
    assert compare("marts.fct", duckdb_file, spark_with([ROWS[0], ("doc1", Decimal("2589.5"), None)])).equal


def test_other_columns_differ(duckdb_file: Path) -> None:
    result = compare("marts.fct", duckdb_file, spark_with(ROWS, ("document_id", "amount_yuan", "code")))
    assert not result.equal
    assert "columns differ" in str(result)


def test_the_check_session_takes_the_spark_target_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BUDGET_WAREHOUSE_SPARK_MASTER", "local[3]")
    monkeypatch.delenv("BUDGET_WAREHOUSE_SPARK_WAREHOUSE", raising=False)
    settings = profile_session_settings(Project(Path(__file__).resolve().parents[2]))
    assert settings["spark.master"] == "local[3]"
    assert settings["spark.sql.catalogImplementation"] == "in-memory"
    assert settings["spark.sql.warehouse.dir"] == "build/spark-warehouse"
