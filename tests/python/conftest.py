from __future__ import annotations

import copy
import hashlib
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

import budget_warehouse.extract
from budget_warehouse import project as project_files
from budget_warehouse.cli import main
from budget_warehouse.document import extract_document
from budget_warehouse.document_rows import DocumentRows
from budget_warehouse.records import ExtractedDocument

REPO = Path(__file__).resolve().parents[2]
SEED_DOCUMENT = REPO / "disclosures" / "000_e2c6e97a9772fe89.txt"
# The benchmarks and their synthetic corpus live at the top of the repository, outside the
# installed package; the tests that use them import them from there.
if str(REPO) not in sys.path:
    sys.path.append(str(REPO))


# --- PDFs are read once a session ------------------------------------------------------------------------------------
# Reading a PDF costs about 0.1 s a page (the eight committed ones: half a minute of CPU), and many tests build a
# project holding the same PDFs. Each PDF's extracted rows are kept by its bytes and name, and a build that meets
# the same bytes again takes them from here instead of reading the file again. Only documents that were read
# without an error are kept, so every refusal and every changed PDF (a different digest) is still read. The
# modules that compare extraction engines with each other read every file themselves.
_EXTRACTED: dict[tuple[str, str], DocumentRows] = {}
READS_EVERY_FILE = {"test_extraction_cache", "test_extraction_scale", "test_spark_compare"}
_reading = {"once": True}


def _key(path: Path) -> tuple[str, str]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.name


def _shown_as(rows: DocumentRows, display_path: str) -> DocumentRows:
    """A copy of kept rows as if read from ``display_path`` (the warnings name the file)."""
    again = copy.deepcopy(rows)
    again.warnings = [warning.replace(rows.path, display_path) for warning in again.warnings]
    again.path = display_path
    return again


def _cached_results(read):
    def results(files: list[Path], progress: bool, workers: int | None = None, limits=None):
        if not _reading["once"]:
            yield from read(files, progress, workers, limits)
            return
        kept = {path: _EXTRACTED.get(_key(path)) for path in files if path.suffix.lower() == ".pdf"}
        unread = [path for path in files if kept.get(path) is None]
        fresh = read(unread, progress, workers, limits) if unread else (_ for _ in ())
        try:
            for path in files:
                if kept.get(path) is not None:
                    yield path, _shown_as(kept[path], str(path))
                    continue
                read_path, result = next(fresh)
                assert read_path == path
                if path.suffix.lower() == ".pdf" and result.error is None:
                    _EXTRACTED[_key(path)] = copy.deepcopy(result)
                yield path, result
        finally:
            fresh.close()

    return results


@pytest.fixture(scope="session", autouse=True)
def pdfs_read_once() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(
            budget_warehouse.extract, "_local_results", _cached_results(budget_warehouse.extract._local_results)
        )
        yield


@pytest.fixture(scope="module", autouse=True)
def _pdfs_read_once_here(request: pytest.FixtureRequest) -> Iterator[None]:
    """Module-scoped and autouse, so it is in place before the module's own fixtures build anything."""
    _reading["once"] = request.module.__name__ not in READS_EVERY_FILE
    yield
    _reading["once"] = True


def extracted_pdf_document(path: Path):
    """The document record of a PDF: from the session's kept rows when a build already read the
    same bytes, else read now (and kept)."""
    kept = _EXTRACTED.get(_key(path))
    if kept is None:
        ((_, kept),) = list(budget_warehouse.extract._local_results([path], False, 1))
        if kept.error is not None:
            raise kept.refusal()
    return kept.document


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED_DOCUMENT.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_document() -> ExtractedDocument:
    return extract_document(SEED_DOCUMENT)


@pytest.fixture
def rows(seed_document: ExtractedDocument):
    def _rows(table_key: str, **where: str) -> list[dict[str, str | None]]:
        return [r for r in seed_document.tables[table_key] if all(r.get(k) == v for k, v in where.items())]

    return _rows


def copy_project(root: Path, documents: dict[str, str | bytes] | None = None) -> Path:
    """A scratch copy of the dbt project; with ``documents``, its disclosures/ holds exactly those."""
    return project_files.copy_project(REPO, root, documents)


@pytest.fixture(scope="session")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("project"))
    assert main(["build", "--project-dir", str(root), "--no-progress"]) == 0
    # Later tests rebuild this project (some on purpose with a failing document): keep the
    # candidate of the good build, which holds the staging and intermediate relations.
    (root / "build" / "good").mkdir()
    shutil.copy(root / "build" / "warehouse.duckdb", root / "build" / "good" / "warehouse.duckdb")
    return root


@pytest.fixture(scope="session")
def candidate(project: Path):
    """The good build's candidate: the marts and, unlike the published file, every debugging
    relation (raw seeds, staging, intermediate, stored test failures)."""
    with duckdb.connect(str(project / "build" / "good" / "warehouse.duckdb"), read_only=True) as connection:
        yield connection


@pytest.fixture(scope="session")
def warehouse(project: Path):
    with duckdb.connect(str(project / "warehouse.duckdb"), read_only=True) as connection:
        yield connection


# --- markers --------------------------------------------------------------------------------------------------------
# `slow`: the test needs a dbt build (the session's, or one of its own), or extracts every real PDF twice (half a
# minute here). Only for choosing what to run while working: `make test-fast` runs `-m "not slow and not spark"`
# in seconds; `make test` runs everything.
BUILDS_OF_THEIR_OWN = {
    "test_bench",
    "test_consolidation",
    "test_family_pdfs",
    "test_identity_mutations",
    "test_layout_variants",
    "test_narrative_claims",
    "test_publishing",
    "test_real_pdfs",
    "test_release_changes",
    "test_watchdog",
}
SESSION_BUILD = {"project", "candidate", "warehouse"}
EVERY_PDF_TWICE = {"repository_local"}
_running: dict[str, pytest.Item] = {}


def pytest_itemcollected(item: pytest.Item) -> None:
    """Marked as collected, before any plugin's pytest_collection_modifyitems (-m) reads the marks."""
    module = getattr(item, "module", None)
    if (SESSION_BUILD | EVERY_PDF_TWICE) & set(getattr(item, "fixturenames", ())) or (
        module is not None and module.__name__ in BUILDS_OF_THEIR_OWN
    ):
        item.add_marker(pytest.mark.slow)


def pytest_runtest_setup(item: pytest.Item) -> None:
    _running["item"] = item  # before the item's fixtures, so a fixture's build is charged to the test that asked


@pytest.fixture(scope="session", autouse=True)
def dbt_builds_are_slow() -> Iterator[None]:
    """A test not marked slow that starts a dbt build fails, naming the set above to add it to."""
    import budget_warehouse.warehouse

    run_dbt = budget_warehouse.warehouse.run_dbt

    def checked(*args: Any, **kwargs: Any) -> int:
        item = _running.get("item")
        if item is not None and item.get_closest_marker("slow") is None and item.get_closest_marker("spark") is None:
            pytest.fail(f"{item.nodeid} runs dbt: add its module to BUILDS_OF_THEIR_OWN in conftest.py (marks it slow)")
        return run_dbt(*args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(budget_warehouse.warehouse, "run_dbt", checked)
        yield
