"""Write seed CSVs so that a reader never sees a half-written set."""

from __future__ import annotations

import csv
import shutil
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

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
    """Write every seed into a fresh folder beside ``target``, then swap it into place.

    The swap is two renames on one filesystem, so ``target`` is at every moment either the
    complete old set or the complete new one.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    try:
        for name, columns in seed_schemas().items():
            write_csv(staging / f"{name}.csv", columns, rows_by_seed.get(name, []))
        previous = target.with_name(f".{target.name}.old")
        if previous.exists():
            shutil.rmtree(previous)
        if target.exists():
            target.rename(previous)
        staging.rename(target)
        if previous.exists():
            shutil.rmtree(previous)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
