"""Write seed CSVs so that a reader never sees a half-written set."""

from __future__ import annotations

import _csv
import csv
import io
import os
from array import array
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import IO, BinaryIO

from budget_warehouse.cells import CELL_COLUMNS, TABLE_CELLS
from budget_warehouse.files import replaced_folder
from budget_warehouse.narrative.claims import CLAIM_COLUMNS, CLAIM_SEED
from budget_warehouse.records import Record

SEEDS: dict[str, tuple[str, ...]] = {
    "documents": (
        "document_id",
        "department_name",
        "fiscal_year",
        "phase",
        "revision",
        "is_current",
        "superseded_by_document_id",
        "source_file",
        "source_sha256",
        "table_count",
        "template",
        "scope",
        "published_unit",
        "page_count",
    ),
    "document_tables": (
        "document_id",
        "table_number",
        "seed_name",
        "table_title",
        "published_unit",
        "published_rounding_step",
        "page_count",
        "row_count",
        "source_line_number",
        "table_key",
        "page_number",
    ),
    "document_notes": ("document_id", "table_number", "source_line_number", "note_text", "page_number"),
    # Every figure the document's running text states (budget_warehouse.narrative).
    CLAIM_SEED: CLAIM_COLUMNS,
    # Every cell of every table of every document, whichever reader read it (budget_warehouse.cells).
    TABLE_CELLS: CELL_COLUMNS,
}


def seed_schemas() -> dict[str, tuple[str, ...]]:
    """Every extracted seed and its columns, in the order they are written."""
    return dict(SEEDS)


def _writer(handle: IO[str]) -> _csv.Writer:
    # One dialect for every writer, so rows formatted in a worker are the bytes write_csv writes.
    return csv.writer(handle, lineterminator="\n")


def _write_rows(writer: _csv.Writer, columns: tuple[str, ...], records: Iterable[Record]) -> None:
    """Rows as csv.DictWriter writes them, without a dict per row: this is half of what a worker
    spends on a document after parsing it. A key outside the schema still raises, so a
    parser/schema mismatch stays loud."""
    names = frozenset(columns)
    for record in records:
        if not names.issuperset(record):
            wrong = ", ".join(repr(key) for key in record if key not in names)
            raise ValueError(f"dict contains fields not in fieldnames: {wrong}")
        writer.writerow([record.get(column) for column in columns])


def write_csv(path: Path, columns: tuple[str, ...], records: Iterable[Record]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = _writer(handle)
        writer.writerow(columns)
        _write_rows(writer, columns, records)


def format_rows(columns: tuple[str, ...], records: Iterable[Record]) -> str:
    """The CSV lines of ``records`` without a header, as :func:`write_csv` writes them: a worker
    formats its own document's rows, so the process that writes the files only appends text."""
    buffer = io.StringIO(newline="")
    _write_rows(_writer(buffer), columns, records)
    return buffer.getvalue()


def header(columns: tuple[str, ...]) -> str:
    buffer = io.StringIO(newline="")
    _writer(buffer).writerow(columns)
    return buffer.getvalue()


def publish_seeds(target: Path, rows_by_seed: Mapping[str, list[Record]]) -> None:
    """Write every seed, then replace ``target`` with the complete set at once."""
    with replaced_folder(target) as folder:
        for name, columns in seed_schemas().items():
            write_csv(folder / f"{name}.csv", columns, rows_by_seed.get(name, []))


class SeedAppender:
    """Every seed CSV of one extraction, each opened once in the staging folder and appended to
    one document at a time, so no more than one document's rows is ever held in memory.

    :meth:`append` returns where the document's rows lie in each file (start and end offsets, in
    seed order), so that a document found superseded later can be cut out again by
    :meth:`drop` without holding its rows until then.
    """

    def __init__(self, folder: Path, schemas: Mapping[str, tuple[str, ...]]) -> None:
        self.folder = folder
        self.names = tuple(schemas)
        self._handles: dict[str, BinaryIO] = {}
        self._sizes: dict[str, int] = {}
        for name, columns in schemas.items():
            handle = (folder / f"{name}.csv").open("wb")
            self._handles[name] = handle
            self._sizes[name] = handle.write(header(columns).encode("utf-8"))

    def append(self, texts: Mapping[str, str]) -> array[int]:
        """Append each seed's text; the offsets [start, end) it occupies in every seed, in order."""
        span: array[int] = array("q")
        for name in self.names:
            start = self._sizes[name]
            text = texts.get(name)
            if text:
                self._sizes[name] += self._handles[name].write(text.encode("utf-8"))
            span.extend((start, self._sizes[name]))
        return span

    def close(self) -> None:
        for handle in self._handles.values():
            handle.close()

    def drop(self, spans: Iterable[array[int]]) -> None:
        """Cut the given documents' rows out of the closed files: each file with something to
        cut is copied once, in order, without those byte ranges."""
        cuts: dict[str, list[tuple[int, int]]] = {name: [] for name in self.names}
        for span in spans:
            for index, name in enumerate(self.names):
                start, end = span[2 * index], span[2 * index + 1]
                if end > start:
                    cuts[name].append((start, end))
        for name, ranges in cuts.items():
            if ranges:
                _copy_without(self.folder / f"{name}.csv", sorted(ranges))


def _copy_without(path: Path, ranges: list[tuple[int, int]]) -> None:
    partial = path.with_name(f"{path.name}.cut")
    with path.open("rb") as source, partial.open("wb") as copy:
        position = 0
        for start, end in [*ranges, (path.stat().st_size, path.stat().st_size)]:
            _copy_bytes(source, copy, position, start)
            position = end
    os.replace(partial, path)


def _copy_bytes(source: BinaryIO, copy: BinaryIO, start: int, end: int, chunk: int = 1 << 20) -> None:
    source.seek(start)
    remaining = end - start
    while remaining > 0:
        data = source.read(min(chunk, remaining))
        if not data:
            break
        copy.write(data)
        remaining -= len(data)
