"""Tables whose columns are the funding sources (资金来源): 表2 revenue by source, 表4 basic
expenditure by 经济分类 and 表5 project expenditure by category and item."""

from __future__ import annotations

import os
from decimal import Decimal
from functools import cache
from pathlib import Path

import yaml

from budget_warehouse.errors import ProjectNotFound
from budget_warehouse.tables.base import ParsedTable, TableSource
from budget_warehouse.tables.grid import Column, GridRow, GridSpec, as_record, read_grid

# The checkout the package was installed from (an editable install, as `make build` does).
_CHECKOUT = Path(__file__).resolve().parents[3]


@cache
def funding_columns() -> tuple[Column, ...]:
    """The template's funding-source columns in published order, with their header labels, from
    the dbt project's `funding_columns` var: the models read the same list (funding_source_columns()),
    so the seed columns and the staging models cannot drift apart. Where the package is installed
    away from its project (a wheel on a Spark executor), BUDGET_WAREHOUSE_PROJECT_DIR names it.
    Read on first use, not at import: importing the package reads no project file."""
    project_file = Path(os.environ.get("BUDGET_WAREHOUSE_PROJECT_DIR", _CHECKOUT)) / "dbt_project.yml"
    if not project_file.is_file():
        raise ProjectNotFound(
            f"{project_file} not found: the extractor reads the funding columns from the dbt project; "
            "set BUDGET_WAREHOUSE_PROJECT_DIR to the folder holding dbt_project.yml"
        )
    declared = yaml.safe_load(project_file.read_text(encoding="utf-8"))["vars"]["funding_columns"]
    return tuple(Column(entry["column"], tuple(entry["headers"]), "amount") for entry in declared)


def funding_column_names() -> tuple[str, ...]:
    return tuple(column.name for column in funding_columns())


_GROUPS = frozenset({"本年收入", "财政预算拨款", "一般公共预算拨款", "小计"})


@cache
def _spec(label_column: Column) -> GridSpec:
    return GridSpec(columns=(label_column, *funding_columns()), group_labels=_GROUPS)


def _revenue_spec() -> GridSpec:
    return _spec(Column("unit_name", ("预算单位",)))


def _expenditure_spec() -> GridSpec:
    return _spec(Column("item_name", ("支出项目类别",)))


def parse_revenue(source: TableSource) -> ParsedTable:
    parsed = ParsedTable()
    for row in read_grid(source, _revenue_spec(), parsed):
        parsed.add(row.body, **as_record(row))
    return parsed


def parse_basic_expenditure(source: TableSource) -> ParsedTable:
    """表4: the first row is the department's total; the rest name 经济分类 类 and 款, whose
    codes are resolved in dbt against the reference list."""
    parsed = ParsedTable()
    for index, row in enumerate(read_grid(source, _expenditure_spec(), parsed)):
        parsed.add(row.body, row_kind="unit_total" if index == 0 else "subject", **as_record(row))
    return parsed


def parse_project_expenditure(source: TableSource) -> ParsedTable:
    """表5: categories and items are published by name only, without indentation. Each
    category is followed by its items, whose amounts add up to the category's; the rows are
    split into such groups, preferring exact sums over sums within rounding, and shorter
    groups over longer ones. That is how a reader tells 预留机动 the category from 预留机动 the
    item beneath it."""
    parsed = ParsedTable()
    rows = list(read_grid(source, _expenditure_spec(), parsed))
    if not rows:
        return parsed
    unit_total, *subject_rows = rows
    parsed.add(unit_total.body, row_kind="unit_total", parent_source_row_number=None, **as_record(unit_total))
    groups = _category_groups(subject_rows, parsed.rounding_step)
    if groups is None:
        first = subject_rows[0]
        raise source.error(
            "cannot split the rows into categories followed by items that add up to them "
            f"(first category {first['item_name']!r}, 总计 {first['total_amount'] or 'blank'})",
            row=first.body,
            column="总计",
        )
    for start, size in groups:
        category = subject_rows[start]
        parent = str(unit_total.body.row_number)
        parsed.add(category.body, row_kind="category", parent_source_row_number=parent, **as_record(category))
        for item in subject_rows[start + 1 : start + 1 + size]:
            parsed.add(
                item.body,
                row_kind="item",
                parent_source_row_number=str(category.body.row_number),
                **as_record(item),
            )
    return parsed


def _category_groups(rows: list[GridRow], step: Decimal) -> list[tuple[int, int]] | None:
    """(category index, item count) for every category, or None when no split works."""
    amounts = [Decimal(row["total_amount"] or "0") for row in rows]

    @cache
    def split_from(start: int) -> tuple[tuple[int, int], ...] | None:
        if start == len(rows):
            return ()
        target, running = amounts[start], Decimal(0)
        within_rounding: list[int] = []
        for size in range(1, len(rows) - start):
            running += amounts[start + size]
            if running == target:
                rest = split_from(start + 1 + size)
                if rest is not None:
                    return ((start, size), *rest)
            elif abs(running - target) <= step * (size + 1) / 2:
                within_rounding.append(size)
        for size in within_rounding:
            rest = split_from(start + 1 + size)
            if rest is not None:
                return ((start, size), *rest)
        return None

    groups = split_from(0)
    return list(groups) if groups is not None else None
