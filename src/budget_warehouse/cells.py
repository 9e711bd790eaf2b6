"""The one seed every reader writes its tables into: a row per published cell.

A PDF family's reader (``national/``) writes a cell per amount it finds, with the concept its
table is (``table_key``) and the role of its column (``measure``). The markdown reader
(``document.py``) parses each table of its 15-table template into typed rows first; every row is
then written here as its cells, one per non-blank column, so a document of either kind lands in
the same seed with the same provenance: document, table, row, page or line, column.
"""

from __future__ import annotations

from collections.abc import Iterator

from budget_warehouse.records import Record

TABLE_CELLS = "table_cells"

CELL_COLUMNS = (
    "document_id",
    "department_name",
    "fiscal_year",
    "table_number",
    "table_key",
    "table_title",
    "page_number",
    "source_row_number",
    "source_column_number",
    "column_label",
    "side",
    "row_kind",
    "code",
    "item_name",
    "measure",
    "figure_kind",
    "amount",
    "published_unit",
    "published_rounding_step",
    # the code cells as printed (类 | 款 | 项), and how the code was read from them:
    # printed, split_columns or from_parent (a part taken from the rows above)
    "printed_code",
    "code_resolution",
    # a markdown document's line (a PDF's cells have a page instead)
    "source_line_number",
    # a cell that prints text rather than an amount (a project's 实施期限, a 绩效目标's 指标值)
    "text_value",
)

# What says which row a cell is on, rather than being a cell of its own.
_ROW_COLUMNS = frozenset({"source_row_number", "source_line_number", "source_column_number", "side", "row_kind"})
# The columns of the markdown template's rows that hold the row's code and its name, in the order
# a row's name is taken from (a 功能分类 row names its subject, a unit's total row only its unit).
_CODE_COLUMNS = ("function_code", "catalogue_code")
_NAME_COLUMNS = ("item_name", "function_name", "catalogue_name", "project_name", "label", "unit_name")


def is_amount_column(column: str) -> bool:
    """Every amount column of the markdown template is ``amount`` or ends in ``_amount``."""
    return column == "amount" or column.endswith("_amount")


def row_cells(row: Record, table: Record) -> Iterator[Record]:
    """One parsed row of the markdown template as its cells: a cell per column that is not blank
    and not part of the row's own position. ``table`` holds what every cell of the table shares
    (document key, table number and key, title, unit, rounding step, figure kind)."""
    code = next((row[c] for c in _CODE_COLUMNS if row.get(c)), None)
    shared: Record = {
        **table,
        "page_number": None,
        "source_row_number": row.get("source_row_number"),
        "source_line_number": row.get("source_line_number"),
        "source_column_number": row.get("source_column_number"),
        "side": row.get("side"),
        "row_kind": row.get("row_kind"),
        "code": code,
        "printed_code": code,
        "code_resolution": "printed" if code else None,
        "item_name": next((row[c] for c in _NAME_COLUMNS if row.get(c)), None),
    }
    cells = [(column, value) for column, value in row.items() if column not in _ROW_COLUMNS and value]
    for column, value in cells:
        amount = is_amount_column(column)
        yield {
            **shared,
            "measure": column,
            "amount": value if amount else None,
            "text_value": None if amount else value,
        }
    if not cells:
        # A row printed blank still lands: one cell with no measure keeps its place in the table.
        yield {**shared, "measure": None, "amount": None, "text_value": None}
