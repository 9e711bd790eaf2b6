"""表1 部门收支预算总表 and 表6 财政拨款收支总体情况表: two ledgers side by side.

Each published row holds a revenue line on the left and an unrelated expenditure line on the
right, so every row yields up to two records, one per side. 功能分类 subjects appear here by
name alone; their codes are resolved in dbt against 表7.
"""

from __future__ import annotations

import re

from budget_warehouse.tables.base import ParsedTable, TableSource, blank_to_none
from budget_warehouse.tables.grid import Column, GridSpec, read_grid

_YEAR_HEADER = re.compile(r"(\d{4})年预算数")

SPEC = GridSpec(
    columns=(
        Column("revenue_item", ("项目",)),
        Column("revenue_amount", (), "amount"),
        Column("expenditure_item", ("项目",)),
        Column("expenditure_amount", (), "amount"),
    ),
    group_labels=frozenset({"收入", "支出"}),
    header_patterns=(_YEAR_HEADER,),
)


def parse(source: TableSource) -> ParsedTable:
    parsed = ParsedTable()
    for row in read_grid(source, SPEC, parsed):
        for side in ("revenue", "expenditure"):
            item, amount = row[f"{side}_item"], row[f"{side}_amount"]
            if item.strip() == "" and amount == "":
                continue
            if item.strip() == "":
                raise source.error(f"{side} amount {amount} has no item name", row=row.body, column=f"{side} 项目")
            parsed.add(row.body, side=side, item_name=item, amount=blank_to_none(amount))
    return parsed


def published_year(parsed: ParsedTable) -> int | None:
    """The fiscal year named in the header ("2020 年预算数")."""
    for cell in parsed.header_cells:
        match = _YEAR_HEADER.search(cell.replace(" ", ""))
        if match:
            return int(match.group(1))
    return None
