"""The 15 tables of the 部门预算公开 template: how each is recognised, parsed and stored."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from budget_warehouse.tables import (
    expenditure,
    funding,
    ledgers,
    performance,
    performance_forms,
    procurement,
    three_public,
)
from budget_warehouse.tables.base import ParsedTable, TableSource

# The template's name in dim_document.template.
TEMPLATE_NAME = "shenzhen_department_budget"

# Where a table's columns are the funding-source columns, which the dbt project declares
# (tables/funding.py reads them on first use, so importing the registry reads no project file).
_FUNDING = "<funding columns>"


@dataclass(frozen=True)
class TableKind:
    """One table of the template. Its parsed rows are written to the table_cells seed under
    ``table_key``, a cell per column; the dbt staging model of the same name pivots them back."""

    number: int
    table_key: str
    title: str
    parse: Callable[[TableSource], ParsedTable]
    columns: tuple[str, ...]
    default_unit: str = "万元"

    @property
    def row_columns(self) -> frozenset[str]:
        """Every column a parsed row of the table may have."""
        columns = {"source_row_number", "source_line_number"}
        for column in self.columns:
            columns |= set(funding.funding_column_names()) if column == _FUNDING else {column}
        return frozenset(columns)


_FUNCTION_COLUMNS = (
    "row_kind",
    "unit_name",
    "function_code",
    "function_name",
    "total_amount",
    "basic_amount",
    "project_amount",
)

TABLES: tuple[TableKind, ...] = (
    TableKind(1, "t01_budget_overview", "部门收支预算总表", ledgers.parse, ("side", "item_name", "amount")),
    TableKind(2, "t02_revenue_by_source", "部门收入预算总表", funding.parse_revenue, ("unit_name", _FUNDING)),
    TableKind(
        3,
        "t03_expenditure_summary",
        "部门支出预算总表",
        expenditure.parse_summary,
        tuple(c.name for c in expenditure.SUMMARY_SPEC.columns),
    ),
    TableKind(
        4,
        "t04_basic_expenditure",
        "基本支出预算表",
        funding.parse_basic_expenditure,
        ("row_kind", "item_name", _FUNDING),
    ),
    TableKind(
        5,
        "t05_project_expenditure",
        "项目支出预算表",
        funding.parse_project_expenditure,
        ("row_kind", "parent_source_row_number", "item_name", _FUNDING),
    ),
    TableKind(
        6, "t06_fiscal_appropriation_overview", "财政拨款收支总体情况表", ledgers.parse, ("side", "item_name", "amount")
    ),
    TableKind(
        7,
        "t07_general_public_budget_expenditure",
        "一般公共预算支出情况表",
        expenditure.parse_function,
        _FUNCTION_COLUMNS,
    ),
    TableKind(
        8, "t08_government_fund_expenditure", "政府性基金预算支出情况表", expenditure.parse_function, _FUNCTION_COLUMNS
    ),
    TableKind(
        9, "t09_state_capital_expenditure", "国有资本经营预算支出情况表", expenditure.parse_function, _FUNCTION_COLUMNS
    ),
    TableKind(
        10,
        "t10_special_transfer_expenditure",
        "上级专项转移支付支出预算表",
        expenditure.parse_transfer,
        ("row_kind", "unit_name", "function_code", "function_name", "project_name", "project_amount"),
    ),
    TableKind(
        11,
        "t11_procurement",
        "政府采购项目支出预算表",
        procurement.parse,
        ("row_kind", "unit_name", "catalogue_code", "catalogue_name", "amount"),
    ),
    TableKind(
        12,
        "t12_three_public_expenses",
        "三公经费财政拨款预算情况表",
        three_public.parse,
        tuple(c.name for c in three_public.SPEC.columns),
    ),
    TableKind(
        13,
        "t13_performance_projects",
        "部门预算绩效项目情况表",
        performance.parse_projects,
        ("row_kind", *(c.name for c in performance.PROJECTS_SPEC.columns)),
    ),
    TableKind(
        14,
        "t14_project_performance_targets",
        performance_forms.PROJECT_FORM_TITLE,
        performance_forms.parse_project_targets,
        performance_forms.PROJECT_TARGET_COLUMNS,
        default_unit="元",
    ),
    TableKind(
        15,
        "t15_department_performance_targets",
        performance_forms.DEPARTMENT_FORM_TITLE,
        performance_forms.parse_department_targets,
        performance_forms.DEPARTMENT_TARGET_COLUMNS,
    ),
)

BY_NUMBER = {kind.number: kind for kind in TABLES}
