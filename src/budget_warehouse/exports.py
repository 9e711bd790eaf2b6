"""The marts as files for tools that do not read DuckDB: Parquet, and CSV for spreadsheets."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import duckdb

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
    return written
