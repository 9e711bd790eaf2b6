"""The marts as files for tools that do not read DuckDB: Parquet, CSV, and an Excel workbook."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import duckdb
from openpyxl import Workbook
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

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


def sheet_names(marts: list[str]) -> dict[str, str]:
    """A sheet name for every mart: the mart's own where it fits, else shortened and numbered."""
    names: dict[str, str] = {}
    for number, mart in enumerate(marts, start=1):
        names[mart] = mart if len(mart) <= SHEET_NAME_LENGTH else f"{mart[: SHEET_NAME_LENGTH - 4]}~{number:03d}"
    return names


def export_workbook(connection: duckdb.DuckDBPyConnection, marts: list[str], path: Path) -> None:
    """One workbook for spreadsheet users: a sheet per mart (codes as text, amounts as numbers,
    formula-safe), and a data_dictionary sheet with every column's meaning and unit."""
    workbook = Workbook(write_only=True)
    names = sheet_names(marts)
    dictionary: WriteOnlyWorksheet = workbook.create_sheet("data_dictionary")
    dictionary.append(["sheet", "mart", "column", "type", "unit", "description"])
    # One query for every mart's columns: duckdb_columns() scans the whole catalog each time.
    columns_of: dict[str, list[tuple[str, str, str | None]]] = {}
    for mart, column, data_type, comment in connection.execute(
        "select table_name, column_name, data_type, comment from duckdb_columns() "
        "where schema_name = 'marts' order by table_name, column_index"
    ).fetchall():
        columns_of.setdefault(mart, []).append((column, data_type, comment))
    for mart in marts:
        for column, data_type, comment in columns_of.get(mart, []):
            unit = "万元" if data_type.startswith("DECIMAL") and column.endswith("amount") else ""
            dictionary.append([names[mart], mart, column, data_type, unit, spreadsheet_safe(comment or "")])
    for mart in marts:
        sheet: WriteOnlyWorksheet = workbook.create_sheet(names[mart])
        cursor = connection.execute(f'select * from marts."{mart}" order by all')
        sheet.append([d[0] for d in cursor.description])
        rows = 1
        while batch := cursor.fetchmany(10_000):
            for row in batch[: SHEET_ROWS - rows]:
                sheet.append([spreadsheet_cell(value) for value in row])
            rows += len(batch)
        if rows > SHEET_ROWS:
            dictionary.append([names[mart], mart, "", "", "", f"only the first {SHEET_ROWS - 1} rows fit a sheet"])
    workbook.save(path)
