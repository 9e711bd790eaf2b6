"""Split a converted disclosure into per-table fragments.

The PDF converter writes each page of a table as its own fragment: a ``表 N`` marker, an
optional ``## title``, ``单位名称：`` and ``单位：`` lines, one pipe table, and free text such as
``注：`` notes. Fragments with the same number are pages of one table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from budget_warehouse.text import lines_of

_MARKER = re.compile(r"^\s*表\s*(\d{1,2})\s*$")
_HEADING = re.compile(r"^\s*#{1,6}\s*(.+?)\s*$")
_META = re.compile(r"^\s*(单位名称|单位)\s*[：:]\s*(.*?)\s*$")
_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


@dataclass(frozen=True)
class Row:
    """One markdown table row as published: raw cells, and the line it came from."""

    cells: tuple[str, ...]
    line_number: int

    @property
    def is_blank(self) -> bool:
        return all(cell.strip() == "" for cell in self.cells)

    def cell(self, index: int) -> str:
        return self.cells[index] if index < len(self.cells) else ""


@dataclass
class Fragment:
    """What follows one ``表 N`` marker: one or more pages (pipe tables) of one disclosure table."""

    table_number: int
    line_number: int
    title: str | None = None
    unit_name: str | None = None
    unit: str | None = None
    pages: list[list[Row]] = field(default_factory=list)
    notes: list[tuple[int, str]] = field(default_factory=list)

    @property
    def rows(self) -> list[Row]:
        return [row for page in self.pages for row in page]


def split_cells(line: str) -> tuple[str, ...]:
    body = line.strip()
    if body.startswith("|"):
        body = body[1:]
    if body.endswith("|"):
        body = body[:-1]
    return tuple(cell.strip() for cell in body.split("|"))


def parse_fragments(text: str) -> tuple[list[Fragment], list[tuple[int, str]]]:
    """Return the table fragments in document order, and any text found before the first one."""
    fragments: list[Fragment] = []
    preamble: list[tuple[int, str]] = []
    current: Fragment | None = None
    in_table = False
    for line_number, line in enumerate(lines_of(text), start=1):
        stripped = line.strip()
        if not stripped.startswith("|"):
            # A pipe table ends at the first other line: the next one is another page, which
            # may have its own width and header.
            in_table = False
        if not stripped:
            continue
        marker = _MARKER.match(stripped)
        if marker:
            current = Fragment(table_number=int(marker.group(1)), line_number=line_number)
            fragments.append(current)
            continue
        if current is None:
            preamble.append((line_number, stripped))
            continue
        if stripped.startswith("|"):
            if not in_table:
                current.pages.append([])
                in_table = True
            if not _SEPARATOR.match(stripped):
                current.pages[-1].append(Row(split_cells(stripped), line_number))
            continue
        heading = _HEADING.match(stripped)
        if heading and current.title is None and not current.rows:
            current.title = heading.group(1)
            continue
        meta = _META.match(stripped)
        if meta and not current.rows:
            if meta.group(1) == "单位名称":
                current.unit_name = meta.group(2)
            else:
                current.unit = meta.group(2)
            continue
        current.notes.append((line_number, stripped))
    return fragments, preamble
