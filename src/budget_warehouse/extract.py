"""Extract every disclosure in a folder into one set of seeds."""

from __future__ import annotations

import csv
import multiprocessing
import os
from array import array
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import closing
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path

from tqdm import tqdm

from budget_warehouse import watchdog
from budget_warehouse.cache import ExtractionCache
from budget_warehouse.document_rows import DocumentRows, Limits, Results, extract_rows, limit_memory
from budget_warehouse.errors import ExtractionError
from budget_warehouse.files import replaced_folder
from budget_warehouse.records import DocumentIdentity, Record
from budget_warehouse.seeds import SeedAppender, format_rows, seed_schemas
from budget_warehouse.sidecar import SUFFIX as SIDECAR_SUFFIX
from budget_warehouse.templates import DISCLOSURE_SUFFIXES


@dataclass
class Summary:
    documents: int = 0
    superseded: int = 0
    tables: int = 0
    rows: int = 0
    notes: int = 0
    warnings: list[str] = field(default_factory=list)
    quarantined: list[tuple[str, str]] = field(default_factory=list)
    cached: int = 0  # documents read from the extraction cache, not extracted again

    def __str__(self) -> str:
        text = (
            f"extracted {self.documents} documents, {self.tables} tables, {self.rows} rows, "
            f"{self.notes} notes, {len(self.warnings)} warnings"
        )
        if self.superseded:
            text += f"; {self.superseded} superseded revisions kept in history"
        if self.quarantined:
            text += f"; {len(self.quarantined)} documents quarantined"
        if self.cached:
            text += f"; {self.cached} documents unchanged, read from the extraction cache"
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
        elif entry.name.endswith(SIDECAR_SUFFIX):
            if not entry.with_name(entry.name.removesuffix(SIDECAR_SUFFIX)).is_file():
                inventory.passed_over.append(f"{entry}: a sidecar of no document in the folder, not read")
        elif entry.suffix.lower() not in DISCLOSURE_SUFFIXES:
            inventory.passed_over.append(f"{entry}: not a disclosure ({', '.join(DISCLOSURE_SUFFIXES)}), not read")
        else:
            inventory.documents.append(entry)
    return inventory


# Results wait in file order for the parent to write them: a few per worker keep every core busy
# while the parent writes, and bound the memory whatever the corpus size.
WINDOW_PER_WORKER = 8


class _Pools:
    """The worker processes reading documents, each within the limits: replaced when one dies."""

    def __init__(self, workers: int, limits: Limits) -> None:
        self.workers, self.limits = workers, limits
        self.pool = self._new(workers)

    def _new(self, workers: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=limit_memory,
            initargs=(self.limits.memory_mb,),
        )

    def submit(self, path: Path) -> Future[DocumentRows]:
        return self.pool.submit(extract_rows, str(path), str(path), self.limits)

    def alone(self, path: Path) -> DocumentRows:
        """``path`` read in a worker of its own: its rows, or its refusal if that worker dies too."""
        single = self._new(1)
        try:
            return single.submit(extract_rows, str(path), str(path), self.limits).result()
        except BrokenProcessPool:
            limit = f" (its memory limit, --document-memory-mb, is {self.limits.memory_mb} MB)"
            message = "the worker reading it died" + (limit if self.limits.memory_mb else "")
            return DocumentRows(str(path), error={"path": str(path), "message": message}, transient=True)
        finally:
            single.shutdown(cancel_futures=True)

    def restart(self) -> None:
        self.pool.shutdown(cancel_futures=True)
        self.pool = self._new(self.workers)

    def shutdown(self) -> None:
        self.pool.shutdown(cancel_futures=True)


def _local_results(
    files: list[Path], progress: bool, workers: int | None = None, limits: Limits | None = None
) -> Results:
    """Documents in file order, read on every core. PDFs are slow to read (about 0.1 s a page),
    so the first window is started largest first, so that no worker is left with a long
    document at the end of a small folder; after that one document starts as one is written.
    Each document is read within ``limits`` (time; and memory, in worker processes only: one
    worker reads in this process, whose memory is the build's)."""
    limits = limits or Limits()
    bar = tqdm(total=len(files), desc="extracting", unit="doc", disable=not progress)
    workers = min(workers or os.cpu_count() or 1, len(files))
    try:
        if workers == 1:
            for path in files:
                result = extract_rows(str(path), str(path), Limits(limits.seconds, None))
                bar.update()
                yield path, result
            return
        pools = _Pools(workers, limits)
        try:
            window = WINDOW_PER_WORKER * workers
            pending: dict[Path, Future[DocumentRows]] = {}
            for path in sorted(files[:window], key=lambda path: path.stat().st_size, reverse=True):
                pending[path] = pools.submit(path)
            for index, path in enumerate(files):
                try:
                    result = pending.pop(path).result()
                except BrokenProcessPool:
                    # a worker died (past its memory limit, or killed): every document it held
                    # is read again in a new pool; this one alone first, to tell whose it was
                    result = pools.alone(path)
                    pools.restart()
                    for waiting in list(pending):
                        pending[waiting] = pools.submit(waiting)
                if index + window < len(files):
                    following = files[index + window]
                    pending[following] = pools.submit(following)
                bar.update()
                yield path, result
        finally:
            # A refused document stops the run: the documents not yet read are not waited for.
            pools.shutdown()
    finally:
        bar.close()


def _engine_results(
    files: list[Path],
    engine: str,
    progress: bool,
    spark_remote: str | None,
    workers: int | None,
    limits: Limits | None = None,
) -> Results:
    if engine == "local":
        return _local_results(files, progress, workers, limits)
    if engine == "spark":
        from budget_warehouse.spark_extract import require_pyspark, spark_results  # imports pyspark lazily

        require_pyspark()
        return spark_results(files, progress=progress, remote=spark_remote)
    raise ValueError(f"unknown extraction engine {engine!r}: expected local or spark")


@dataclass
class _Written:
    """One document whose rows are in the staging files: what resolving revisions and the
    summary need, and where its rows lie, to cut them out if a later revision supersedes it.
    ``document`` is its row of the documents seed, still to be written; ``identity`` is read
    from that row, the one thing a worker sends back that says which document it is."""

    path: Path
    document: Record
    identity: DocumentIdentity
    warnings: list[str]
    row_count: int
    tables: int
    notes: int
    span: array[int]


def _append_documents(appender: SeedAppender, results: Results, summary: Summary, skip_bad: bool) -> list[_Written]:
    """Write each document's rows as it arrives, in file order; the first refused document
    stops the run (or, with ``skip_bad``, is quarantined)."""
    written: list[_Written] = []
    for source, result in results:
        watchdog.beat()  # a document read is progress
        error = result.refusal()
        if error is not None:
            if not skip_bad:
                raise error
            summary.quarantined.append((str(source), str(error)))
            continue
        assert result.document is not None
        written.append(
            _Written(
                path=Path(result.path),
                document=result.document,
                identity=DocumentIdentity.from_record(result.document),
                warnings=result.warnings,
                row_count=result.row_count,
                tables=result.counts.get("document_tables", 0),
                notes=result.counts.get("document_notes", 0),
                span=appender.append(result.texts),
            )
        )
    return written


def _write_seeds(
    folder: Path, staging: Path, results: Results, summary: Summary, skip_bad: bool
) -> tuple[list[_Written], list[_Written]]:
    """Stream every document into the staging seeds, resolve revisions, then write the documents
    seed and cut out the rows of every document that is not current. Every written document
    and the current ones, in file order."""
    schemas = seed_schemas()
    appender = SeedAppender(staging, schemas)
    try:
        written = _append_documents(appender, results, summary, skip_bad)
        current = _resolve_revisions(written, summary, skip_bad)
        if not current:
            raise ExtractionError(folder, "every document was quarantined; nothing to publish")
        chosen = {id(document) for document in current}
        listed = [w.document for w in written if id(w) in chosen or w.document["is_current"] == "false"]
        appender.append({"documents": format_rows(schemas["documents"], listed)})
    finally:
        appender.close()
    appender.drop(w.span for w in written if id(w) not in chosen)
    return written, [w for w in written if id(w) in chosen]


def extract_folder(
    folder: Path,
    target: Path,
    *,
    progress: bool = False,
    skip_bad: bool = False,
    quarantine_report: Path | None = None,
    engine: str = "local",
    spark_remote: str | None = None,
    workers: int | None = None,
    cache: Path | None = None,
    limits: Limits | None = None,
) -> Summary:
    """Extract all documents into a staging folder, then publish it as the seeds in one swap;
    any error leaves ``target`` untouched. Rows are written as documents arrive, so memory does
    not grow with the corpus. ``engine`` is ``local`` (a pool of ``workers`` processes, one per
    core by default; 1 reads in this process) or ``spark``.

    With ``skip_bad``, a document that fails is left out and listed in the summary (and in
    ``quarantine_report``) instead of stopping the run; the others are published.

    ``limits`` bound each document's reading (time, and a worker's memory): a document past one
    is refused by name with the limit it hit (with ``skip_bad``, quarantined; the others go on).

    With ``cache`` (a folder), a document whose bytes, path and extractor are unchanged since a
    run that cached it is not extracted again (budget_warehouse.cache); the seeds are the same.
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

    def read(documents: list[Path]) -> Results:
        return _engine_results(documents, engine, progress, spark_remote, workers, limits)

    extraction_cache = ExtractionCache(cache) if cache is not None else None
    # without a cache, a missing engine fails here; with one, only if a document is not cached
    results = read(files) if extraction_cache is None else extraction_cache.results(files, read)
    with replaced_folder(target) as staging, closing(results):
        written, current = _write_seeds(folder, staging, results, summary, skip_bad)
    if extraction_cache is not None:
        extraction_cache.prune()
        summary.cached = extraction_cache.hits
        summary.warnings.extend(extraction_cache.warnings)
    if quarantine_report is not None:
        _write_quarantine_report(quarantine_report, summary.quarantined)
    _count(summary, written, current)
    return summary


def _count(summary: Summary, written: list[_Written], current: list[_Written]) -> None:
    for document in current:
        summary.warnings.extend(document.warnings)
    summary.documents = len(current)
    summary.superseded = sum(1 for w in written if w.document["is_current"] == "false")
    summary.tables = sum(document.tables for document in current)
    summary.rows = sum(document.row_count for document in current)
    summary.notes = sum(document.notes for document in current)


def _document_key(document: _Written) -> tuple[str, int, str, str]:
    """The key revisions of one document are grouped by."""
    return document.identity.same_document_key()


def _resolve_revisions(documents: list[_Written], summary: Summary, skip_bad: bool) -> list[_Written]:
    """One current document per department, fiscal year, phase and scope.

    Two documents with the same four are an error unless their revisions differ; then the
    highest revision is current and the others are kept as superseded history.
    """
    current: list[_Written] = []
    for _, group in groupby(sorted(documents, key=_document_key), key=_document_key):
        versions = sorted(group, key=lambda d: (d.identity.revision, d.path.name))
        seen: dict[int, _Written] = {}
        kept: list[_Written] = []
        for version in versions:
            identity = version.identity
            if identity.revision in seen:
                error = ExtractionError(
                    version.path,
                    f"duplicates {seen[identity.revision].path.name}: both are the {identity.phase} of "
                    f"{identity.department_name} for {identity.fiscal_year} (revision {identity.revision}); "
                    "mark a corrected re-publication with a '修订版本：N' line before 表1",
                )
                if not skip_bad:
                    raise error
                summary.quarantined.append((str(version.path), str(error)))
                continue
            seen[identity.revision] = version
            kept.append(version)
        newest = kept[-1]
        for older in kept[:-1]:
            older.document["is_current"] = "false"
            older.document["superseded_by_document_id"] = newest.identity.document_id
        current.append(newest)
    return current


def _write_quarantine_report(path: Path, quarantined: list[tuple[str, str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["source_file", "error"])
        writer.writerows(quarantined)
