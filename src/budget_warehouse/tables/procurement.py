"""表11 政府采购项目支出预算表: amounts by 政府采购品目 catalogue code (A 货物, B 工程, C 服务)."""

from __future__ import annotations

import re

from budget_warehouse.tables.base import ParsedTable, TableSource
from budget_warehouse.tables.grid import Column, GridSpec, as_record, read_grid

CATALOGUE_CODE = re.compile(r"[A-Z]\d*")

SPEC = GridSpec(
    columns=(
        Column("unit_name", ("单位", "预算单位")),
        Column("catalogue_code", ("编号",), "code"),
        Column("catalogue_name", ("采购品目",)),
        Column("amount", ("金额",), "amount"),
    ),
)


def parse(source: TableSource) -> ParsedTable:
    parsed = ParsedTable()
    for index, row in enumerate(read_grid(source, SPEC, parsed)):
        code = row["catalogue_code"].strip()
        only_first_cell = not code and not row["catalogue_name"].strip() and row["amount"] == ""
        if index > 0 and only_first_cell:
            # "本表只反映…" stands inside the table's last row: it is a note, not a line item.
            parsed.notes.append((row.body.row.line_number, row["unit_name"]))
            continue
        if code and not CATALOGUE_CODE.fullmatch(code):
            raise source.error(f"expected a 采购品目 code such as A0302, found {code!r}", row=row.body, column="编号")
        record = as_record(row)
        record["catalogue_code"] = code or None
        parsed.add(row.body, row_kind="subject" if code else "unit_total", **record)
    return parsed
