"""Extract every disclosure in a folder into one set of seeds."""

from __future__ import annotations

import csv
import dataclasses
import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path

from tqdm import tqdm

from budget_warehouse.document import ExtractedDocument
from budget_warehouse.errors import ExtractionError
from budget_warehouse.seeds import publish_seeds, seed_schemas
from budget_warehouse.tables.base import Record
from budget_warehouse.templates import DISCLOSURE_SUFFIXES, extract_any


@dataclass
class Summary:
    documents: int = 0
    superseded: int = 0
    tables: int = 0
    rows: int = 0
    notes: int = 0
    warnings: list[str] = field(default_factory=list)
    quarantined: list[tuple[str, str]] = field(default_factory=list)

    def __str__(self) -> str:
        text = (
            f"extracted {self.documents} documents, {self.tables} tables, {self.rows} rows, "
            f"{self.notes} notes, {len(self.warnings)} warnings"
        )
        if self.superseded:
            text += f"; {self.superseded} superseded revisions kept in history"
        if self.quarantined:
            text += f"; {len(self.quarantined)} documents quarantined"
        return text


@dataclass
class Inventory:
    """Every entry of a disclosures folder, sorted into what is read, what is refused (an error,
    or a quarantined document with --skip-bad) and what is passed over with a warning."""

    documents: list[Path] = field(default_factory=list)
    refused: list[ExtractionError] = field(default_factory=list)
    passed_over: list[str] = field(default_factory=list)


def disclosure_files(folder: Path) -> Inventory:
    """Sort the folder's entries. The folder is the source of truth, so a link that leaves it or
    leads nowhere is refused rather than followed or skipped; hidden files (editor swap files,
    macOS ._ files) and files of other types are passed over, each with a warning. Suffixes are
    matched in any case: B.TXT is read like a.txt."""
    inventory = Inventory()
    inside = folder.resolve()
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith("."):
            inventory.passed_over.append(f"{entry}: hidden, not read")
        elif entry.is_symlink() and not entry.exists():
            inventory.refused.append(ExtractionError(entry, f"a link to {os.readlink(entry)}, which does not exist"))
        elif entry.is_symlink() and entry.resolve().parent != inside:
            inventory.refused.append(
                ExtractionError(entry, f"a link out of {folder} (to {entry.resolve()}): copy the document in instead")
            )
        elif entry.is_dir():
            inventory.passed_over.append(f"{entry}: a folder, not read (documents belong directly in {folder})")
        elif entry.suffix.lower() not in DISCLOSURE_SUFFIXES:
            inventory.passed_over.append(f"{entry}: not a disclosure ({', '.join(DISCLOSURE_SUFFIXES)}), not read")
        else:
            inventory.documents.append(entry)
    return inventory


def _extract_one(path: Path) -> ExtractedDocument | dict[str, object]:
    """Run in a worker process: the document, or the error's fields (they pickle; the error may not)."""
    try:
        return extract_any(path, display_path=str(path))
    except ExtractionError as error:
        return dataclasses.asdict(error)


def _extract_all(files: list[Path], progress: bool) -> Iterator[tuple[Path, ExtractedDocument | ExtractionError]]:
    """Documents in file order. PDFs are slow to read (about 0.1 s a page), so a pool reads them on
    every core, the largest first so that no worker is left with a long document at the end."""
    bar = tqdm(total=len(files), desc="extracting", unit="doc", disable=not progress)
    workers = min(os.cpu_count() or 1, len(files))
    try:
        if workers == 1:
            for path in files:
                bar.update()
                yield path, _as_result(_extract_one(path))
            return
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))
        try:
            largest_first = sorted(files, key=lambda path: path.stat().st_size, reverse=True)
            futures = {path: pool.submit(_extract_one, path) for path in largest_first}
            for path in files:
                result = futures[path].result()
                bar.update()
                yield path, _as_result(result)
        finally:
            # A refused document stops the run: the documents not yet read are not waited for.
            pool.shutdown(cancel_futures=True)
    finally:
        bar.close()


def _as_result(result: ExtractedDocument | dict[str, object]) -> ExtractedDocument | ExtractionError:
    return result if isinstance(result, ExtractedDocument) else ExtractionError(**result)  # type: ignore[arg-type]


def extract_folder(
    folder: Path,
    target: Path,
    *,
    progress: bool = False,
    skip_bad: bool = False,
    quarantine_report: Path | None = None,
) -> Summary:
    """Extract all documents, then publish the seeds; any error leaves ``target`` untouched.

    With ``skip_bad``, a document that fails is left out and listed in the summary (and in
    ``quarantine_report``) instead of stopping the run; the others are published.
    """
    if not folder.is_dir():
        raise ExtractionError(folder, "no such folder of disclosures")
    inventory = disclosure_files(folder)
    summary = Summary(warnings=list(inventory.passed_over))
    for refusal in inventory.refused:
        if not skip_bad:
            raise refusal
        summary.quarantined.append((str(refusal.path), str(refusal)))
    files = inventory.documents
    if not files:
        raise ExtractionError(folder, "no disclosure documents (*.txt, *.md, *.pdf) found")
    documents: list[ExtractedDocument] = []
    for path, result in _extract_all(files, progress):
        if isinstance(result, ExtractedDocument):
            documents.append(result)
            continue
        if not skip_bad:
            raise result
        summary.quarantined.append((str(path), str(result)))
    current = _resolve_revisions(documents, summary, skip_bad)
    if not current:
        raise ExtractionError(folder, "every document was quarantined; nothing to publish")
    rows: dict[str, list[Record]] = {name: [] for name in seed_schemas()}
    for document in documents:
        if document in current:
            for name, records in document.rows.items():
                rows[name].extend(records)
            summary.warnings.extend(document.warnings)
        elif document.document["is_current"] == "false":
            rows["documents"].append(document.document)
    publish_seeds(target, rows)
    if quarantine_report is not None:
        _write_quarantine_report(quarantine_report, summary.quarantined)
    summary.documents = len(current)
    summary.superseded = len(rows["documents"]) - len(current)
    summary.tables = len(rows["document_tables"])
    summary.rows = sum(d.row_count for d in current)
    summary.notes = len(rows["document_notes"])
    return summary


def _identity(document: ExtractedDocument) -> tuple[str, str, str, str]:
    # A 部门 document and the 单位 document of the same unit are two documents, both kept.
    record = document.document
    return (
        record["department_name"] or "",
        record["fiscal_year"] or "",
        record["phase"] or "",
        record.get("scope") or "部门",
    )


def _resolve_revisions(documents: list[ExtractedDocument], summary: Summary, skip_bad: bool) -> list[ExtractedDocument]:
    """One current document per identity (department, fiscal year, phase).

    Two documents with one identity are an error unless their revisions differ; then the
    highest revision is current and the others are kept as superseded history.
    """
    current: list[ExtractedDocument] = []
    for identity, group in groupby(sorted(documents, key=_identity), key=_identity):
        versions = sorted(group, key=lambda d: (int(d.document["revision"] or 0), d.path.name))
        seen: dict[str, ExtractedDocument] = {}
        kept: list[ExtractedDocument] = []
        for version in versions:
            revision = version.document["revision"] or "0"
            if revision in seen:
                error = ExtractionError(
                    version.path,
                    f"duplicates {seen[revision].path.name}: both are the {identity[2]} of {identity[0]} "
                    f"for {identity[1]} (revision {revision}); mark a corrected re-publication with a "
                    "'修订版本：N' line before 表1",
                )
                if not skip_bad:
                    raise error
                summary.quarantined.append((str(version.path), str(error)))
                continue
            seen[revision] = version
            kept.append(version)
        newest = kept[-1]
        for older in kept[:-1]:
            older.document["is_current"] = "false"
            older.document["superseded_by_document_id"] = newest.document["document_id"]
        current.append(newest)
    return current


def _write_quarantine_report(path: Path, quarantined: list[tuple[str, str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["source_file", "error"])
        writer.writerows(quarantined)
