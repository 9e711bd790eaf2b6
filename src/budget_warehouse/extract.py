"""Extract every disclosure in a folder into one set of seeds."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from budget_warehouse.document import ExtractedDocument, extract_document
from budget_warehouse.errors import ExtractionError
from budget_warehouse.seeds import publish_seeds, seed_schemas
from budget_warehouse.tables.base import Record

DISCLOSURE_SUFFIXES = (".txt", ".md")


@dataclass
class Summary:
    documents: int = 0
    tables: int = 0
    rows: int = 0
    notes: int = 0
    warnings: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return (
            f"extracted {self.documents} documents, {self.tables} tables, {self.rows} rows, "
            f"{self.notes} notes, {len(self.warnings)} warnings"
        )


def disclosure_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in DISCLOSURE_SUFFIXES)


def extract_folder(folder: Path, target: Path, *, progress: bool = False) -> Summary:
    """Extract all documents, then publish the seeds; any error leaves ``target`` untouched."""
    files = disclosure_files(folder)
    if not files:
        raise ExtractionError(folder, "no disclosure documents (*.txt, *.md) found")
    documents: list[ExtractedDocument] = []
    for path in tqdm(files, desc="extracting", unit="doc", disable=not progress):
        documents.append(extract_document(path, display_path=str(path)))
    _check_unique(documents)
    rows: dict[str, list[Record]] = {name: [] for name in seed_schemas()}
    for document in documents:
        for name, records in document.rows.items():
            rows[name].extend(records)
    publish_seeds(target, rows)
    return Summary(
        documents=len(documents),
        tables=len(rows["document_tables"]),
        rows=sum(d.row_count for d in documents),
        notes=len(rows["document_notes"]),
    )


def _check_unique(documents: list[ExtractedDocument]) -> None:
    seen: dict[tuple[str | None, ...], ExtractedDocument] = {}
    for document in documents:
        record = document.document
        identity = (record["department_name"], record["fiscal_year"], record["phase"])
        if identity in seen:
            raise ExtractionError(
                document.path,
                f"duplicates {seen[identity].path.name}: both are the {identity[2]} of {identity[0]} for {identity[1]}",
            )
        seen[identity] = document
