"""Σ units = department: 商务委's 2025 部门预算 against its one unit's 单位预算 (the same money),
a soft identity per measure and 功能分类 类; one figure changed in the unit's copy makes exactly
its 类 and the total differ."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from budget_warehouse.cli import main
from conftest import REPO, copy_project
from pdf_mutations import replace_number

DEPARTMENT = "shanghai-putuo-shangwuwei-2025-budget.pdf"
UNIT = "shanghai-putuo-shangwuwei-2025-unit-budget.pdf"
IDENTITY = "soft__department_equals_sum_of_units"


def _checks(root: Path, unit: bytes) -> list[tuple[str, str, Decimal, Decimal, str]]:
    documents = {DEPARTMENT: (REPO / "disclosures" / DEPARTMENT).read_bytes(), UNIT: unit}
    project = copy_project(root, documents)
    assert main(["build", "--project-dir", str(project), "--no-progress"]) == 0
    with duckdb.connect(str(project / "warehouse.duckdb"), read_only=True) as connection:
        return connection.execute(
            "select subject, measure, expected, actual, status from marts.fct_identity_checks "
            "inner join marts.dim_document using (document_id) "
            "where identity_name = ? and source_file = ? order by subject, measure",
            [IDENTITY, DEPARTMENT],
        ).fetchall()


@pytest.fixture(scope="module")
def as_published(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, str, Decimal, Decimal, str]]:
    return _checks(tmp_path_factory.mktemp("consolidation"), (REPO / "disclosures" / UNIT).read_bytes())


@pytest.fixture(scope="module")
def mistaken(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, str, Decimal, Decimal, str]]:
    # the unit's 一般公共预算支出表 p.16: 2101102 事业单位医疗 合计 249,862.00 printed as 349,862.00
    scratch = tmp_path_factory.mktemp("consolidation-mistaken")
    changed = scratch / UNIT
    replace_number(REPO / "disclosures" / UNIT, changed, 16, "249,862.00", "349,862.00")
    return _checks(scratch / "project", changed.read_bytes())


def test_the_department_equals_its_one_unit(as_published) -> None:
    # 7 类 (201, 206, 208, 210, 215, 216, 221) and the 合计, each as total, basic and project
    assert len(as_published) == 24
    assert {row[4] for row in as_published} == {"holds"}
    totals = {(row[0], row[1]): (row[2], row[3]) for row in as_published}
    assert totals["部门 = Σ 单位 (1 unit documents) 合计", "basic"] == (Decimal("1983.0655"), Decimal("1983.0655"))


def test_a_changed_unit_figure_makes_its_class_and_the_total_differ(mistaken) -> None:
    differs = [
        (subject, measure, expected, actual)
        for subject, measure, expected, actual, status in mistaken
        if status != "holds"
    ]
    assert differs == [
        ("部门 = Σ 单位 (1 unit documents) 210", "total", Decimal("88.1803"), Decimal("98.1803")),
        ("部门 = Σ 单位 (1 unit documents) 合计", "total", Decimal("37151.4655"), Decimal("37161.4655")),
    ]
    # soft: the department is not marked broken by its units
    assert all(status in ("holds", "differs") for *_, status in mistaken)
