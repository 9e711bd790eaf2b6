"""The marts as files for tools that do not read DuckDB: Parquet, CSV, and an Excel workbook."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path
from typing import Any, cast

import duckdb
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.worksheet import Worksheet

from budget_warehouse.timings import phase

# A spreadsheet runs a cell that starts with one of these as a formula.
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: object) -> object:
    """Text that a spreadsheet would run as a formula, quoted with a leading apostrophe.
    Numbers stay numbers: -5 is data, not a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_PREFIXES):
        return "'" + value
    return value


def spreadsheet_cell(value: object) -> object:
    """A value as a spreadsheet should get it: formula-safe text, and amounts with the digits
    published and no more (DECIMAL(28,6) would print 2589.000000)."""
    if isinstance(value, Decimal):
        return Decimal(format(value.normalize(), "f"))
    return spreadsheet_safe(value)


def export_marts(database: Path, folder: Path, marts: list[str]) -> dict[str, int]:
    """Write each mart into ``folder`` as Parquet (for tools that read it) and as CSV for
    spreadsheets: UTF-8 with a byte-order mark (else Excel on Windows shows the Chinese as
    mojibake), text quoted (codes such as 20103 stay text), formula-safe. Returns the rows
    written for each mart."""
    (folder / "parquet").mkdir()
    (folder / "csv").mkdir()
    written: dict[str, int] = {}
    with duckdb.connect(str(database), read_only=True) as connection:
        for mart in marts:
            ordered = f'select * from marts."{mart}" order by all'
            # The path is bound, not pasted: a quote in the project's path is just a character.
            connection.execute(f"copy ({ordered}) to ? (format parquet)", [str(folder / "parquet" / f"{mart}.parquet")])
            cursor = connection.execute(ordered)
            columns = [d[0] for d in cursor.description]
            rows = 0
            with (folder / "csv" / f"{mart}.csv").open("w", encoding="utf-8-sig", newline="") as handle:
                writer = csv.writer(handle, lineterminator="\r\n", quoting=csv.QUOTE_NONNUMERIC)
                writer.writerow(columns)
                while batch := cursor.fetchmany(10_000):
                    writer.writerows([spreadsheet_cell(v) for v in row] for row in batch)
                    rows += len(batch)
            written[mart] = rows
    with phase("publish: xlsx"), duckdb.connect(str(database), read_only=True) as connection:
        export_workbook(connection, marts, folder / "warehouse.xlsx")
    return written


# Excel's limits: a sheet name has at most 31 characters, a sheet at most 1,048,576 rows.
SHEET_NAME_LENGTH = 31
SHEET_ROWS = 1_048_576
AMOUNT_FORMAT = "#,##0.00"
GUIDE = "说明"

# Each mart's sheet in the workbook, as a Chinese reader names what it holds (a new mart gets one
# here; tests/python/test_serving.py checks that every published mart has one).
SHEET_TITLES = {
    "dim_department": "部门",
    "dim_document": "文件",
    "dim_economic_subject": "经济分类科目",
    "dim_function_subject": "功能分类科目",
    "dim_procurement_catalogue": "政府采购品目",
    "dim_revenue_source": "收入来源",
    "dim_subject_names": "科目名称沿革",
    "fct_basic_expenditure_by_economic_class": "基本支出（经济分类）",
    "fct_budget_execution": "预算执行",
    "fct_carryover_balances": "结转结余",
    "fct_department_tasks": "部门职责任务",
    "fct_document_headlines": "主要数字",
    "fct_expenditure_by_function": "支出（功能分类）",
    "fct_expenditure_summary": "支出总表",
    "fct_final_account_expenditure": "支出决算",
    "fct_identity_checks": "勾稽关系检查",
    "fct_performance_indicators": "绩效指标",
    "fct_performance_projects": "绩效项目",
    "fct_procurement": "政府采购",
    "fct_narrative_claims": "说明文字中的数字",
    "fct_project_expenditure": "项目支出",
    "fct_project_performance_goals": "项目绩效目标",
    "fct_revenue": "收入",
    "fct_revenue_by_source": "收入（按表）",
    "fct_three_public_expenses": "三公经费",
    "fct_year_over_year_by_class": "同比（按类）",
    "metricflow_time_spine": "时间轴（已弃用）",
    "wide_basic_expenditure_by_economic_class": "宽表 基本支出（经济分类）",
    "wide_document_headlines": "宽表 主要数字",
    "wide_expenditure_by_function": "宽表 支出（功能分类）",
    "wide_revenue_by_source": "宽表 收入（按表）",
    "wide_three_public_expenses": "宽表 三公经费",
}

# What the 说明 sheet says before the list of sheets.
GUIDE_NOTES = (
    "金额单位：万元（各表 *_amount 列），按发布时的小数位；空白表示文件未印该数，不是 0。",
    "汇总多个文件时：只加 counts_in_totals 为 TRUE 的行（同一部门、年度、阶段已载入部门文件时，单位文件不再计入），"
    "并按 phase（预算 / 决算）分组，预算与决算不相加。",
    "三公经费：只加 is_document_year 为 TRUE 的行（文件本年数，不含上年对比数）。",
    "说明文字中的数字：文件正文（编制说明等）所述的每个数字，与同一文件的表格核对；"
    "status 为 agrees（一致）、differs（不一致，两数并列）或 unverifiable（表中未印该数）。",
    "每列的含义见 data_dictionary 工作表；每个数字的来源（文件、表、页、行）见各表的 document_id 与 source_* 列。",
    "模型与列的完整文档：发布目录中的 exports/docs/index.html（dbt docs）。",
)


def sheet_names(marts: list[str]) -> dict[str, str]:
    """A sheet name for every mart: its Chinese title, else the mart's own name where it fits,
    else shortened and numbered."""
    names: dict[str, str] = {}
    for number, mart in enumerate(marts, start=1):
        title = SHEET_TITLES.get(mart, mart)
        names[mart] = title if len(title) <= SHEET_NAME_LENGTH else f"{mart[: SHEET_NAME_LENGTH - 4]}~{number:03d}"
    return names


def _width(value: object) -> int:
    """Characters a spreadsheet needs for ``value`` (a Chinese character takes two)."""
    text = str(value) if value is not None else ""
    return sum(2 if ord(char) > 0x2E7F else 1 for char in text)


def _column_letter(index: int) -> str:
    letters = ""
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def _amount_cell(sheet: WriteOnlyWorksheet, value: object) -> Cell:
    # a Decimal, which openpyxl writes as a number (its stubs list float only)
    cell = WriteOnlyCell(sheet, value=cast(Any, spreadsheet_cell(value)))
    cell.number_format = AMOUNT_FORMAT
    return cell


def _layout(sheet: WriteOnlyWorksheet) -> Worksheet:
    """The sheet's layout settings (column widths, frozen panes, filter): a write-only sheet has
    them, copied from Worksheet at run time, though openpyxl's stubs do not say so."""
    return cast(Worksheet, sheet)


def export_workbook(connection: duckdb.DuckDBPyConnection, marts: list[str], path: Path) -> None:
    """One workbook for spreadsheet users: a 说明 sheet first (what each sheet holds and what to
    add up), a data_dictionary sheet with every column's meaning and unit, then a sheet per mart
    under its Chinese title (codes as text, amounts as numbers shown #,##0.00, formula-safe), each
    with its header row frozen, a filter on it and columns as wide as their contents."""
    workbook = Workbook(write_only=True)
    names = sheet_names(marts)
    guide: WriteOnlyWorksheet = workbook.create_sheet(GUIDE)
    for letter, width in zip("ABCD", (34, 42, 12, 120), strict=True):
        _layout(guide).column_dimensions[letter].width = width
    for note in GUIDE_NOTES:
        guide.append([note])
    guide.append([])
    guide.append(["工作表", "数据表（marts）", "行数", "每行是什么"])
    dictionary: WriteOnlyWorksheet = workbook.create_sheet("data_dictionary")
    _layout(dictionary).freeze_panes = "A2"
    dictionary.append(["sheet", "mart", "column", "type", "unit", "description"])
    # One query for every mart's columns: duckdb_columns() scans the whole catalog each time.
    columns_of: dict[str, list[tuple[str, str, str | None]]] = {}
    for mart, column, data_type, comment in connection.execute(
        "select table_name, column_name, data_type, comment from duckdb_columns() "
        "where schema_name = 'marts' order by table_name, column_index"
    ).fetchall():
        columns_of.setdefault(mart, []).append((column, data_type, comment))
    descriptions = dict(
        connection.execute("select table_name, comment from duckdb_tables() where schema_name = 'marts'").fetchall()
    )
    for mart in marts:
        for column, data_type, comment in columns_of.get(mart, []):
            unit = "万元" if _is_amount(column, data_type) else ""
            dictionary.append([names[mart], mart, column, data_type, unit, spreadsheet_safe(comment or "")])
    for mart in marts:
        rows = _write_mart(connection, workbook, mart, names[mart], columns_of.get(mart, []))
        if rows > SHEET_ROWS:
            dictionary.append([names[mart], mart, "", "", "", f"only the first {SHEET_ROWS - 1} rows fit a sheet"])
        guide.append([names[mart], mart, min(rows, SHEET_ROWS) - 1, spreadsheet_safe(descriptions.get(mart) or "")])
    workbook.save(path)


def _is_amount(column: str, data_type: str) -> bool:
    return data_type.startswith("DECIMAL") and column.endswith("amount")


def _write_mart(
    connection: duckdb.DuckDBPyConnection,
    workbook: Workbook,
    mart: str,
    name: str,
    columns: list[tuple[str, str, str | None]],
) -> int:
    """The mart's rows on its sheet; returns the rows it has, its header included."""
    sheet: WriteOnlyWorksheet = workbook.create_sheet(name)
    cursor = connection.execute(f'select * from marts."{mart}" order by all')
    header = [d[0] for d in cursor.description]
    amounts = {column for column, data_type, _ in columns if _is_amount(column, data_type)}
    batch = cursor.fetchmany(10_000)
    # widths from the header and the first rows: set before any row is written (write-only sheets)
    for index, column in enumerate(header, start=1):
        sample = [
            _width(f"{row[index - 1]:,.2f}" if column in amounts and row[index - 1] is not None else row[index - 1])
            for row in batch[:500]
        ]
        _layout(sheet).column_dimensions[_column_letter(index)].width = min(60, max([_width(column), *sample]) + 2)
    _layout(sheet).freeze_panes = "A2"
    sheet.append(header)
    rows = 1
    while batch:
        for row in batch[: SHEET_ROWS - rows]:
            sheet.append(
                [
                    _amount_cell(sheet, value) if column in amounts and value is not None else spreadsheet_cell(value)
                    for column, value in zip(header, row, strict=True)
                ]
            )
        rows += len(batch)
        batch = cursor.fetchmany(10_000)
    _layout(sheet).auto_filter.ref = f"A1:{_column_letter(len(header))}{min(rows, SHEET_ROWS)}"
    return rows
