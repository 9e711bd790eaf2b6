"""表3 部门支出预算总表, the 功能分类 tables 表7–表9 and 表10 上级专项转移支付."""

from __future__ import annotations

import re

from budget_warehouse.tables.base import ParsedTable, TableSource
from budget_warehouse.tables.grid import Column, GridSpec, as_record, read_grid

# 功能分类科目编码: 类 3 digits, 款 5, 项 7.
FUNCTION_CODE = re.compile(r"\d{3}(?:\d{2}){0,2}")

SUMMARY_SPEC = GridSpec(
    columns=(
        Column("unit_name", ("预算单位",)),
        Column("total_amount", ("支出总计",), "amount"),
        Column("basic_amount", ("基本支出",), "amount"),
        Column("project_amount", ("项目支出",), "amount"),
        Column(
            "procurement_current_year_amount",
            ("本年政府采购项目",),
            "amount",
            patterns=(re.compile(r"\d{4}年政府采购项目"),),
        ),
        Column("procurement_prior_years_payable_amount", ("待支付以前年度政府采购项目",), "amount"),
    ),
    group_labels=frozenset({"其中"}),
)

FUNCTION_SPEC = GridSpec(
    columns=(
        Column("unit_name", ("预算单位",)),
        Column("function_code", ("科目编码",), "code"),
        Column("function_name", ("科目名称",)),
        Column("total_amount", ("支出总计",), "amount"),
        Column("basic_amount", ("基本支出",), "amount"),
        Column("project_amount", ("项目支出",), "amount"),
    ),
)

TRANSFER_SPEC = GridSpec(
    columns=(
        Column("unit_name", ("预算单位",)),
        Column("function_code", ("科目编码",), "code"),
        Column("function_name", ("科目名称",)),
        Column("project_name", ("项目名称",)),
        Column("project_amount", ("项目金额",), "amount"),
    ),
)


def parse_summary(source: TableSource) -> ParsedTable:
    parsed = ParsedTable()
    for row in read_grid(source, SUMMARY_SPEC, parsed):
        parsed.add(row.body, **as_record(row))
    return parsed


def _parse_coded(source: TableSource, spec: GridSpec) -> ParsedTable:
    parsed = ParsedTable()
    for row in read_grid(source, spec, parsed):
        code = row["function_code"].strip()
        if code and not FUNCTION_CODE.fullmatch(code):
            raise source.error(
                f"expected a 功能分类 code of 3, 5 or 7 digits, found {code!r}", row=row.body, column="科目编码"
            )
        record = as_record(row)
        record["function_code"] = code or None
        parsed.add(row.body, row_kind="subject" if code else "unit_total", **record)
    return parsed


def parse_function(source: TableSource) -> ParsedTable:
    return _parse_coded(source, FUNCTION_SPEC)


def parse_transfer(source: TableSource) -> ParsedTable:
    return _parse_coded(source, TRANSFER_SPEC)
