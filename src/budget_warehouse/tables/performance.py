"""表13 部门预算绩效项目情况表: the performance projects, a grid. The performance-target forms
表14 and 表15 are in :mod:`budget_warehouse.tables.performance_forms`."""

from __future__ import annotations

from budget_warehouse.tables.base import ParsedTable, TableSource
from budget_warehouse.tables.grid import Column, GridSpec, as_record, read_grid

PROJECTS_SPEC = GridSpec(
    columns=(
        Column("implementing_unit", ("实施单位",)),
        Column("project_name", ("项目名称",)),
        Column("total_amount", ("合计",), "amount"),
        Column("general_public_budget_amount", ("一般公共预算拨款",), "amount"),
        Column("other_funds_amount", ("其他资金",), "amount"),
        Column("execution_period", ("预算执行时间",)),
    ),
    group_labels=frozenset({"预算金额"}),
)


def parse_projects(source: TableSource) -> ParsedTable:
    parsed = ParsedTable()
    for row in read_grid(source, PROJECTS_SPEC, parsed):
        kind = "project" if row["project_name"].strip() else "unit_total"
        parsed.add(row.body, row_kind=kind, **as_record(row))
    return parsed
