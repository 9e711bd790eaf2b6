"""Write seed CSVs so that a reader never sees a half-written set."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from pathlib import Path

from budget_warehouse.files import replaced_folder
from budget_warehouse.registry import DOCUMENT_SEEDS, TABLES
from budget_warehouse.tables.base import Record


def seed_schemas() -> dict[str, tuple[str, ...]]:
    """Every extracted seed and its columns, in the order they are written."""
    return {**DOCUMENT_SEEDS, **{kind.seed_name: kind.seed_columns for kind in TABLES}}


def write_csv(path: Path, columns: tuple[str, ...], records: Iterable[Record]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n", extrasaction="raise")
        writer.writeheader()
        for record in records:
            writer.writerow({column: record.get(column) for column in columns} | _extra(record, columns))


def _extra(record: Record, columns: tuple[str, ...]) -> Record:
    # DictWriter raises on keys outside the schema; keeping them makes a parser/schema mismatch loud.
    return {key: value for key, value in record.items() if key not in columns}


def publish_seeds(target: Path, rows_by_seed: Mapping[str, list[Record]]) -> None:
    """Write every seed, then replace ``target`` with the complete set at once."""
    with replaced_folder(target) as folder:
        for name, columns in seed_schemas().items():
            write_csv(folder / f"{name}.csv", columns, rows_by_seed.get(name, []))
