"""The semantic layer: metrics answered by MetricFlow from the published warehouse."""

from __future__ import annotations

from pathlib import Path

from budget_warehouse.cli import main

SEED_DEPARTMENT = "department_name=深圳市龙华区政务服务数据管理局"


def _metrics(project: Path, capsys, *args: str) -> tuple[int, str, str]:
    status = main(["metrics", *args, "--project-dir", str(project)])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_basic_expenditure_of_the_seed_document(project: Path, capsys) -> None:
    status, out, err = _metrics(project, capsys, "basic_expenditure", "--filter", SEED_DEPARTMENT)
    assert status == 0, err
    assert out.split() == ["basic_expenditure", "-------------------", "2589"]


def test_personnel_and_public_expenditure_by_year(project: Path, capsys) -> None:
    """人员经费 = 301 + 303 and 公用经费 = 302 + 310 of 表4: 301 工资福利支出 1,173 and 302 商品和服务支出
    1,416; the seed publishes no 303 or 310."""
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
    row = next(line for line in out.splitlines() if line.startswith("2020"))
    personnel, public = row.split()[1:]
    assert (personnel, public) == ("1173", "1416")


def test_spending_by_function_class(project: Path, capsys) -> None:
    status, out, err = _metrics(project, capsys, "basic_expenditure", "--by", "class_name", "--filter", SEED_DEPARTMENT)
    assert status == 0, err
    assert any(line.split() == ["一般公共服务支出", "2236"] for line in out.splitlines())


def test_an_unknown_dimension_lists_the_known_ones(project: Path, capsys) -> None:
    status, _, err = _metrics(project, capsys, "basic_expenditure", "--by", "colour")
    assert status == 2
    assert "no dimension 'colour'" in err and "department_name" in err and "class_name" in err
