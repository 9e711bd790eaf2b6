"""The extraction cache: each document's extracted rows, kept by what they depend on, so that a
rebuild with unchanged documents extracts nothing and a new PDF costs only its own extraction.

An entry is keyed by the document's bytes and the path it is read from (errors and the identity
read from a file name as published name it), in a folder named for the extractor's version: a
hash of the package's code and data (the reader, the families, the subject names), the funding
columns it reads from the dbt project, and the PDF libraries' versions. Changing any of them
starts a new folder; the old ones are removed when the run ends, as are entries of documents no
longer in the folder.

Entries are written atomically (a temporary file renamed into place) and carry the hash of their
own content: an entry that does not match it, or does not parse, is extracted again with a
warning, never trusted.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Callable, Iterator
from functools import cache
from importlib import metadata
from pathlib import Path

from budget_warehouse.document_rows import DocumentRows, Results
from budget_warehouse.errors import ProjectNotFound
from budget_warehouse.sidecar import sidecar_path

PACKAGE = Path(__file__).resolve().parent
# The files of the package an extraction reads: its code and its data.
_SOURCE_SUFFIXES = (".py", ".toml", ".csv")
_LIBRARIES = ("pdfplumber", "pdfminer.six", "pypdfium2")


@cache
def extractor_version() -> str:
    """A short hash of everything an extraction's output depends on besides the document."""
    digest = hashlib.sha256()
    for path in sorted(p for p in PACKAGE.rglob("*") if p.suffix in _SOURCE_SUFFIXES and p.is_file()):
        digest.update(str(path.relative_to(PACKAGE)).encode())
        digest.update(path.read_bytes())
    for library in _LIBRARIES:
        try:
            digest.update(f"{library}=={metadata.version(library)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{library} absent".encode())
    from budget_warehouse.tables.funding import funding_column_names

    try:
        digest.update(repr(funding_column_names()).encode())
    except ProjectNotFound:
        digest.update(b"no funding columns")  # a PDF-only run away from its project
    return digest.hexdigest()[:16]


class ExtractionCache:
    """Entries under ``root``/<extractor version>/."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.folder = root / extractor_version()
        self.used: set[str] = set()
        self.hits = 0
        self.warnings: list[str] = []

    @staticmethod
    def key(path: Path) -> str:
        """The document's path and bytes, and its sidecar's bytes where it has one."""
        digest = hashlib.sha256(str(path).encode() + b"\0")
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        sidecar = sidecar_path(path)
        if sidecar.is_file():
            digest.update(b"\0sidecar\0" + sidecar.read_bytes())
        return digest.hexdigest()

    def get(self, path: Path, key: str) -> DocumentRows | None:
        entry = self.folder / f"{key}.json"
        self.used.add(entry.name)
        if not entry.exists():
            return None
        try:
            stored = json.loads(entry.read_text(encoding="utf-8"))
            payload = stored["rows"]
            if hashlib.sha256(payload.encode()).hexdigest() != stored["sha256"]:
                raise ValueError("its content does not match its hash")
            rows = DocumentRows.from_json(payload)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            self.warnings.append(f"{path}: the extraction cache's entry {entry} is damaged ({exc}); extracted again")
            return None
        self.hits += 1
        return rows

    def put(self, key: str, rows: DocumentRows) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        payload = rows.to_json()
        text = json.dumps({"sha256": hashlib.sha256(payload.encode()).hexdigest(), "rows": payload})
        entry = self.folder / f"{key}.json"
        partial = entry.with_name(f".{entry.name}.{os.getpid()}.partial")
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, entry)

    def prune(self) -> None:
        """Remove the entries this run did not ask for, and every other version's folder."""
        if not self.root.is_dir():
            return
        for folder in self.root.iterdir():
            if folder != self.folder:
                shutil.rmtree(folder, ignore_errors=True) if folder.is_dir() else folder.unlink(missing_ok=True)
        if self.folder.is_dir():
            for entry in self.folder.iterdir():
                if entry.name not in self.used:
                    entry.unlink(missing_ok=True)

    def results(self, files: list[Path], extract: Callable[[list[Path]], Results]) -> Results:
        """``files`` in order, each from the cache where it holds the document, else from
        ``extract`` (run once, over the documents not cached), which is cached as it arrives."""
        keys = {path: self.key(path) for path in files}
        cached = {path: self.get(path, keys[path]) for path in files}
        missing = [path for path in files if cached[path] is None]
        fresh: Iterator[tuple[Path, DocumentRows]] = extract(missing) if missing else iter(())
        try:
            for path in files:
                rows = cached[path]
                if rows is None:
                    extracted, rows = next(fresh)
                    assert extracted == path, f"{extracted} came back for {path}"
                    if not rows.transient:  # a limit's refusal is this run's, not the document's
                        self.put(keys[path], rows)
                yield path, rows
        finally:
            close = getattr(fresh, "close", None)
            if close is not None:
                close()
