"""表12 “三公”经费财政拨款预算情况表: one row per year, this year's and last year's."""

from __future__ import annotations

import re

from budget_warehouse.tables.base import ParsedTable, TableSource
from budget_warehouse.tables.grid import Column, GridSpec, as_record, read_grid

SPEC = GridSpec(
    columns=(
        Column("unit_name", ("预算单位",)),
        Column("budget_year", ("年度",)),
        Column("total_amount", ("三公经费财政拨款预算总额",), "amount"),
        Column("overseas_travel_amount", ("因公出国(境)费",), "amount"),
        Column("official_reception_amount", ("公务接待费",), "amount"),
        Column("official_vehicle_subtotal_amount", (), "amount"),
        Column("vehicle_purchase_amount", ("公务用车购置费",), "amount"),
        Column("vehicle_operation_amount", ("公务用车运行维护费",), "amount"),
    ),
    group_labels=frozenset({"公务用车购置及运行维护费", "小计"}),
)


def parse(source: TableSource) -> ParsedTable:
    parsed = ParsedTable()
    for row in read_grid(source, SPEC, parsed):
        year = row["budget_year"].strip()
        if not re.fullmatch(r"\d{4}", year):
            raise source.error(f"expected a four-digit year, found {year!r}", row=row.body, column="年度")
        parsed.add(row.body, **as_record(row))
    return parsed
