"""The semantic layer: metrics answered by MetricFlow from the published warehouse, counted once
and printed as people read them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from budget_warehouse.cli import main

SEED_DEPARTMENT = "department_name=深圳市龙华区政务服务数据管理局"
COMMERCE = "department_name=上海市普陀区商务委员会"


def _metrics(project: Path, capsys, *args: str) -> tuple[int, str, str]:
    status = main(["metrics", *args, "--project-dir", str(project)])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def _rows(out: str) -> list[list[str]]:
    """The table's rows below its header and rule, split on runs of spaces."""
    return [line.split() for line in out.splitlines()[2:]]


def test_basic_expenditure_of_the_seed_document(project: Path, capsys) -> None:
    status, out, err = _metrics(project, capsys, "basic_expenditure", "--filter", SEED_DEPARTMENT)
    assert status == 0, err
    # grouped by phase (never added across it), under the metric's label with its unit
    assert out.splitlines()[0].split() == ["phase", "基本支出（万元）"]
    assert _rows(out) == [["预算", "2,589.00"]]


def test_a_unit_document_is_not_counted_beside_its_department_document(project: Path, capsys) -> None:
    """商务委's 2025 部门预算 holds 1,983.07 of basic spending; its 单位预算 is the same money."""
    status, out, err = _metrics(project, capsys, "basic_expenditure", "--by", "fiscal_year", "--filter", COMMERCE)
    assert status == 0, err
    assert _rows(out) == [["2025", "预算", "1,983.07"]]
    status, out, err = _metrics(
        project, capsys, "basic_expenditure", "--by", "fiscal_year", "--filter", COMMERCE, "--all-documents"
    )
    assert status == 0, err
    assert _rows(out) == [["2025", "预算", "3,966.13"]]


def test_three_public_expenses_are_the_documents_own_year(project: Path, capsys) -> None:
    """The seed's 表12 prints 2020's 29 and the year before's 4 beside it: 2020 is 29."""
    status, out, err = _metrics(project, capsys, "three_public_expenses", "--filter", SEED_DEPARTMENT)
    assert status == 0, err
    assert _rows(out) == [["预算", "29.00"]]


def test_personnel_and_public_expenditure_by_year(project: Path, capsys) -> None:
    """人员经费 = 301 + 303 and 公用经费 = 302 + 310 of 表4: 301 工资福利支出 1,173 and 302 商品和服务支出
    1,416; the seed publishes no 303 or 310. Years print as years."""
    status, out, err = _metrics(
        project,
        capsys,
        "personnel_expenditure",
        "public_expenditure",
        "--by",
        "fiscal_year",
        "--filter",
        SEED_DEPARTMENT,
    )
    assert status == 0, err
    assert out.splitlines()[0].split() == ["fiscal_year", "phase", "人员经费（万元）", "公用经费（万元）"]
    assert _rows(out) == [["2020", "预算", "1,173.00", "1,416.00"]]


def test_spending_by_function_class(project: Path, capsys) -> None:
    status, out, err = _metrics(project, capsys, "basic_expenditure", "--by", "class_name", "--filter", SEED_DEPARTMENT)
    assert status == 0, err
    assert ["一般公共服务支出", "预算", "2,236.00"] in _rows(out)
    # a 类 with no basic spending is no row of the answer
    assert all(row[-1] for row in _rows(out))


def test_csv_and_json_for_programs(project: Path, capsys) -> None:
    status, out, err = _metrics(
        project, capsys, "basic_expenditure", "--by", "fiscal_year", "--filter", COMMERCE, "--format", "csv"
    )
    assert status == 0, err
    assert out.splitlines() == ["fiscal_year,phase,基本支出（万元）", "2025,预算,1983.07"]
    status, out, err = _metrics(
        project, capsys, "basic_expenditure", "--by", "fiscal_year", "--filter", COMMERCE, "--format", "json"
    )
    assert status == 0, err
    assert json.loads(out) == [{"fiscal_year": "2025", "phase": "预算", "basic_expenditure": 1983.07}]


def test_an_unknown_dimension_lists_the_known_ones(project: Path, capsys) -> None:
    status, _, err = _metrics(project, capsys, "basic_expenditure", "--by", "colour")
    assert status == 2
    assert "no dimension 'colour'" in err and "department_name" in err and "class_name" in err


def test_help_describes_every_command(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for command in ("extract", "build", "metrics", "grids"):
        assert command in out
