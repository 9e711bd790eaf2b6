"""What every table parser receives and returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from budget_warehouse.errors import ExtractionError
from budget_warehouse.markdown import Fragment, Row
from budget_warehouse.numbers import Amount, NotANumber, parse_amount, rounding_step
from budget_warehouse.records import Record


@dataclass
class TableSource:
    """All pages of one disclosure table, in published order."""

    path: Path
    number: int
    fragments: list[Fragment]

    @property
    def unit(self) -> str | None:
        """The unit the table's pages print (单位：元), if any."""
        return next((fragment.unit.strip() for fragment in self.fragments if fragment.unit), None)

    def error(self, message: str, *, row: BodyRow | None = None, column: str | None = None) -> ExtractionError:
        return ExtractionError(
            path=self.path,
            message=message,
            table_number=self.number,
            row_number=row.row_number if row else None,
            line_number=row.row.line_number if row else None,
            column=column,
        )


@dataclass(frozen=True)
class BodyRow:
    """A data row, numbered by its position among the table's data rows as published (1-based,
    counting on across page breaks)."""

    row_number: int
    row: Row


@dataclass
class ParsedTable:
    """Seed records for one table, plus what the manifest needs to know about it."""

    records: list[Record] = field(default_factory=list)
    notes: list[tuple[int, str]] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    header_cells: list[str] = field(default_factory=list)
    unit: str | None = None
    # Rows read by a fallback rule; each says where, so a reader can check the published row.
    warnings: list[str] = field(default_factory=list)

    def add(self, body: BodyRow, **columns: str | None) -> Record:
        record: Record = {
            "source_row_number": str(body.row_number),
            "source_line_number": str(body.row.line_number),
            **columns,
        }
        self.records.append(record)
        return record

    @property
    def rounding_step(self) -> Decimal:
        """The rounding step of the table's published amounts, in its own unit."""
        return rounding_step(self.amounts)


def read_amount(source: TableSource, parsed: ParsedTable, body: BodyRow, cell: str, column: str) -> str | None:
    """Parse an amount cell, remembering it for the table's rounding step, or fail at that cell."""
    try:
        amount = parse_amount(cell, source.unit)
    except NotANumber as exc:
        raise source.error(str(exc), row=body, column=column) from None
    if amount is None:
        return None
    parsed.amounts.append(amount)
    return amount.text


def blank_to_none(cell: str) -> str | None:
    return cell if cell.strip() != "" else None
