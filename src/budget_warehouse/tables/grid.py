"""Fixed-column tables: find the header rows by their labels, stitch the pages, and map each
physical column to a template column.

The converter shifts header labels between columns of multi-row headers, but keeps each data
row's cells in order. So columns are mapped by position, after dropping phantom columns
(blank in every header and body cell), and the header is checked to carry every label the
template names somewhere in it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from budget_warehouse.markdown import Row
from budget_warehouse.numbers import is_amount
from budget_warehouse.tables.base import BodyRow, ParsedTable, TableSource, blank_to_none, read_amount
from budget_warehouse.text import normalise_label


@dataclass(frozen=True)
class Column:
    name: str
    labels: tuple[str, ...] = ()
    kind: Literal["text", "amount", "code"] = "text"
    # Labels that name a year ("2021 年政府采购项目") match by pattern.
    patterns: tuple[re.Pattern[str], ...] = ()

    def is_named_by(self, key: str) -> bool:
        return key in self.labels or any(pattern.fullmatch(key) for pattern in self.patterns)

    @property
    def title(self) -> str:
        return self.labels[0] if self.labels else self.name


LABELS_REMEMBERED = 1 << 14


@dataclass(frozen=True)
class GridSpec:
    columns: tuple[Column, ...]
    # Group labels of multi-row headers (e.g. 财政预算拨款 over its parts) and other cells
    # that may stand in a header row but name no single column.
    group_labels: frozenset[str] = frozenset()
    header_patterns: tuple[re.Pattern[str], ...] = ()

    @property
    def width(self) -> int:
        return len(self.columns)

    @cached_property
    def _labels_seen(self) -> dict[str, bool]:
        # cached_property writes the instance __dict__ directly, which a frozen dataclass allows.
        return {}

    def is_header_label(self, cell: str) -> bool:
        """Whether ``cell`` may stand in a header row. Remembered per cell: every row of every
        page asks this of the same few labels."""
        seen = self._labels_seen.get(cell)
        if seen is None:
            if len(self._labels_seen) >= LABELS_REMEMBERED:  # body cells pass here too: stay bounded
                self._labels_seen.clear()
            seen = self._labels_seen[cell] = self._is_header_label(cell)
        return seen

    def _is_header_label(self, cell: str) -> bool:
        key = normalise_label(cell)
        if key == "":
            return True
        if key in self.group_labels or any(column.is_named_by(key) for column in self.columns):
            return True
        return any(pattern.fullmatch(key) for pattern in self.header_patterns)


@dataclass
class GridRow:
    body: BodyRow
    values: dict[str, str]

    def __getitem__(self, column: str) -> str:
        return self.values[column]


def _looks_like_header(spec: GridSpec, row: Row) -> bool:
    """All cells are header labels, or some are and no cell holds an amount: a header with a
    label the template does not know, which _check_header then reports by name."""
    cells = [c for c in row.cells if c.strip()]
    labels = [c for c in cells if spec.is_header_label(c)]
    return len(labels) == len(cells) or (bool(labels) and not any(is_amount(c) for c in cells))


def _split_header(spec: GridSpec, rows: list[Row]) -> tuple[list[Row], list[Row]]:
    header: list[Row] = []
    index = 0
    while index < len(rows) and (rows[index].is_blank or _looks_like_header(spec, rows[index])):
        if not rows[index].is_blank:
            header.append(rows[index])
        index += 1
    return header, [row for row in rows[index:] if not row.is_blank]


def _column_map(source: TableSource, spec: GridSpec, header: list[Row], body: list[Row], line: int) -> list[int]:
    """Physical column indexes, one per template column."""
    width = max((len(row.cells) for row in header + body), default=spec.width)
    if width < spec.width:
        raise source.error(
            f"page at line {line} has {width} columns, the template expects {spec.width} "
            f"({', '.join(c.title for c in spec.columns)})"
        )

    def blank_column(index: int) -> bool:
        return all(row.cell(index).strip() == "" for row in header + body)

    surplus = width - spec.width
    phantoms = [index for index in range(width) if blank_column(index)]
    if len(phantoms) < surplus:
        raise source.error(
            f"page at line {line} has {width} columns and only {len(phantoms)} of the "
            f"{surplus} extra ones are blank; cannot match its columns to the template's "
            f"{spec.width} ({', '.join(c.title for c in spec.columns)})"
        )
    # Trailing pipes are the usual phantoms, so surplus blank columns go from the right.
    dropped = set(phantoms[len(phantoms) - surplus :]) if surplus else set()
    if header and surplus:
        # With a header, a phantom is a column no header cell names: prefer those.
        unnamed = [i for i in phantoms if all(row.cell(i).strip() == "" for row in header)]
        if len(unnamed) >= surplus:
            dropped = set(unnamed[len(unnamed) - surplus :])
    return [index for index in range(width) if index not in dropped]


def _check_header(source: TableSource, spec: GridSpec, header_cells: list[str]) -> None:
    present = {normalise_label(cell) for cell in header_cells}
    for column in spec.columns:
        if (column.labels or column.patterns) and not any(column.is_named_by(key) for key in present):
            unknown = sorted(c for c in header_cells if c.strip() and not spec.is_header_label(c))
            raise source.error(
                f"header has no column {column.title!r}"
                + (f"; found header cells the template does not name: {unknown}" if unknown else ""),
                column=column.title,
            )


def read_grid(source: TableSource, spec: GridSpec, parsed: ParsedTable) -> Iterator[GridRow]:
    """Yield the table's data rows across all pages, with amounts already normalised."""
    row_number = 0
    pages = [page for fragment in source.fragments for page in fragment.pages if page]
    for page in pages:
        header, body = _split_header(spec, page)
        if header:
            cells = [cell for row in header for cell in row.cells]
            _check_header(source, spec, cells)
            parsed.header_cells.extend(cells)
        columns = _column_map(source, spec, header, body, page[0].line_number)
        width = max(len(row.cells) for row in page)
        for row in body:
            row_number += 1
            body_row = BodyRow(row_number, row)
            if len(row.cells) != width:
                raise source.error(
                    f"row has {len(row.cells)} cells where its page has {width}; its cells cannot be "
                    "matched to columns",
                    row=body_row,
                )
            values: dict[str, str] = {}
            for column, index in zip(spec.columns, columns, strict=True):
                cell = row.cell(index)
                if column.kind == "amount":
                    values[column.name] = read_amount(source, parsed, body_row, cell, column.title) or ""
                else:
                    values[column.name] = cell
            yield GridRow(body_row, values)


def as_record(row: GridRow) -> dict[str, str | None]:
    return {name: blank_to_none(value) for name, value in row.values.items()}
