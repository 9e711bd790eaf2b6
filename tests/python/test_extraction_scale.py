"""Extraction at scale: the process pool and the Spark engine write the very bytes a serial,
in-memory extraction writes, with the same errors and quarantine."""

from __future__ import annotations

import filecmp
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from benchmarks.synthetic import generate
from budget_warehouse.cli import main
from budget_warehouse.extract import disclosure_files, extract_folder
from budget_warehouse.records import ExtractedDocument
from budget_warehouse.seeds import publish_seeds, seed_schemas
from budget_warehouse.templates import extract_any
from conftest import REPO, SEED_DOCUMENT

SYNTHETIC_DOCUMENTS = 50


def _same_seeds(left: Path, right: Path) -> None:
    names = sorted(path.name for path in left.iterdir())
    assert names == sorted(path.name for path in right.iterdir())
    _, mismatch, errors = filecmp.cmpfiles(left, right, names, shallow=False)
    assert (mismatch, errors) == ([], []), f"{left} and {right} differ"


def _in_memory_reference(folder: Path, target: Path) -> None:
    """What extraction wrote before it streamed: every document in memory, the superseded
    revisions' rows left out, the documents seed in file order. Kept here as the reference."""
    documents: list[ExtractedDocument] = [extract_any(path, str(path)) for path in disclosure_files(folder).documents]
    newest: dict[tuple[str, int, str, str], ExtractedDocument] = {}
    for document in documents:
        key = document.identity.same_document_key()
        if key not in newest or document.identity.revision > newest[key].identity.revision:
            newest[key] = document
    rows: dict[str, list[dict[str, str | None]]] = {name: [] for name in seed_schemas()}
    for document in documents:
        current = newest[document.identity.same_document_key()]
        if current is document:
            for name, records in document.rows.items():
                rows[name].extend(records)
        else:
            superseded = {**document.document, "is_current": "false"}
            rows["documents"].append(superseded | {"superseded_by_document_id": current.document["document_id"]})
    publish_seeds(target, rows)


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Fifty synthetic documents (more than the pool's window of pending results), one of
    them corrected by a later revision, so that streaming has superseded rows to cut out."""
    folder = tmp_path_factory.mktemp("synthetic") / "disclosures"
    folder.mkdir()
    for index in range(SYNTHETIC_DOCUMENTS - 1):
        text = generate(index, department=f"深圳市合成{index:05d}局")
        (folder / f"doc_{index:05d}.txt").write_text(text, encoding="utf-8")
    original = (folder / "doc_00007.txt").read_text(encoding="utf-8")
    (folder / "doc_00007_corrected.txt").write_text("修订版本：1\n" + original + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def repository_local(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's disclosures (1 markdown, 8 PDFs), extracted by the process pool once."""
    target = tmp_path_factory.mktemp("repository") / "local"
    extract_folder(REPO / "disclosures", target, workers=2)
    return target


def test_parallel_extraction_equals_serial_on_the_repository(repository_local: Path, tmp_path: Path) -> None:
    extract_folder(REPO / "disclosures", tmp_path / "serial", workers=1)
    _same_seeds(repository_local, tmp_path / "serial")
    _same_seeds(repository_local, REPO / "seeds" / "disclosure")


def test_parallel_extraction_equals_serial_and_the_in_memory_reference(synthetic: Path, tmp_path: Path) -> None:
    summary = extract_folder(synthetic, tmp_path / "parallel", workers=2)
    assert (summary.documents, summary.superseded) == (SYNTHETIC_DOCUMENTS - 1, 1)
    extract_folder(synthetic, tmp_path / "serial", workers=1)
    _in_memory_reference(synthetic, tmp_path / "reference")
    _same_seeds(tmp_path / "parallel", tmp_path / "serial")
    _same_seeds(tmp_path / "parallel", tmp_path / "reference")


def _bad_folder(root: Path) -> Path:
    """Two good documents around two bad ones: a truncated PDF and a truncated markdown file."""
    folder = root / "disclosures"
    folder.mkdir(parents=True)
    for index in (0, 3):
        (folder / f"doc_{index}.txt").write_text(generate(index, department=f"深圳市合成{index}局"), encoding="utf-8")
    pdf = (REPO / "disclosures" / "shanghai-putuo-sifaju-2026-budget.pdf").read_bytes()
    (folder / "doc_1.pdf").write_bytes(pdf[: len(pdf) // 3])
    text = SEED_DOCUMENT.read_text(encoding="utf-8")
    (folder / "doc_2.txt").write_text(text[: len(text) // 2], encoding="utf-8")
    return folder


def _extract(folder: Path, output: Path, *extra: str) -> int:
    return main(["extract", "--input", str(folder), "--output", str(output), "--no-progress", *extra])


def _bad_outcome(root: Path, capsys: pytest.CaptureFixture[str], *engine: str) -> dict[str, Any]:
    """Exit codes, messages and files of a refusing run and of a --skip-bad run."""
    folder = _bad_folder(root)
    refused = _extract(folder, root / "refused", *engine)
    refused_err = capsys.readouterr().err
    report = root / "quarantine.csv"
    skipped = _extract(folder, root / "skipped", *engine, "--skip-bad", "--quarantine-report", str(report))
    skipped_err = capsys.readouterr().err
    return {
        "refused": (refused, (root / "refused").exists()),
        "refused_error": [line.replace(str(root), "ROOT") for line in refused_err.splitlines() if "error" in line],
        "skipped": skipped,
        "quarantined": [line.replace(str(root), "ROOT") for line in skipped_err.splitlines() if "quarantin" in line],
        "report": report.read_text(encoding="utf-8").replace(str(root), "ROOT"),
    }


def test_a_bad_document_is_refused_or_quarantined_in_the_pool(tmp_path: Path, capsys) -> None:
    outcome = _bad_outcome(tmp_path, capsys)
    assert outcome["refused"] == (1, False)
    # The first bad document in file order stops the run, whichever worker finished first.
    assert outcome["refused_error"][0].startswith("error: ROOT/disclosures/doc_1.pdf: ")
    assert outcome["skipped"] == 0
    assert [line.split(": ")[1] for line in outcome["quarantined"][:2]] == [
        "ROOT/disclosures/doc_1.pdf",
        "ROOT/disclosures/doc_2.txt",
    ]
    assert "missing required tables" in outcome["report"]
    documents = (tmp_path / "skipped" / "documents.csv").read_text(encoding="utf-8")
    assert "doc_0.txt" in documents and "doc_3.txt" in documents and "doc_2.txt" not in documents


def test_spark_engine_without_pyspark_names_the_install(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyspark", None)  # import pyspark raises ImportError
    folder = _bad_folder(tmp_path)
    assert _extract(folder, tmp_path / "seeds", "--engine", "spark") == 1
    err = capsys.readouterr().err
    assert "--engine spark needs pyspark" in err and "make spark-check" in err
    assert not (tmp_path / "seeds").exists()


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    """One local Spark for the module: the engine finds it active and leaves it running."""
    pytest.importorskip("pyspark", reason="pyspark is not installed: `make spark-check` installs the Spark extras")
    from budget_warehouse.errors import EngineUnavailable
    from budget_warehouse.spark_extract import spark_session

    try:
        session, _ = spark_session()
    except EngineUnavailable as error:
        pytest.skip(f"no local Spark here: {error}")
    yield session
    session.stop()


@pytest.mark.spark
def test_spark_equals_local_on_the_repository(spark: Any, repository_local: Path, tmp_path: Path) -> None:
    extract_folder(REPO / "disclosures", tmp_path / "spark", engine="spark")
    _same_seeds(repository_local, tmp_path / "spark")


@pytest.mark.spark
def test_spark_equals_local_on_synthetic_documents(spark: Any, synthetic: Path, tmp_path: Path) -> None:
    assert _extract(synthetic, tmp_path / "spark", "--engine", "spark") == 0
    assert _extract(synthetic, tmp_path / "local") == 0
    _same_seeds(tmp_path / "local", tmp_path / "spark")


@pytest.mark.spark
def test_spark_refuses_and_quarantines_like_the_pool(spark: Any, tmp_path: Path, capsys) -> None:
    local = _bad_outcome(tmp_path / "local", capsys)
    on_spark = _bad_outcome(tmp_path / "spark", capsys, "--engine", "spark")
    assert on_spark == local
    _same_seeds(tmp_path / "local" / "skipped", tmp_path / "spark" / "skipped")


def test_spark_connect_without_its_client_names_the_install(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("pyspark", reason="pyspark is not installed: `make spark-check` installs the Spark extras")
    from budget_warehouse import spark_extract

    monkeypatch.setattr(spark_extract, "CONNECT_CLIENT", ("no_such_connect_library",))
    folder = _bad_folder(tmp_path)
    assert _extract(folder, tmp_path / "seeds", "--engine", "spark", "--spark-remote", "sc://localhost:1") == 1
    err = capsys.readouterr().err
    assert "needs the Spark Connect client (no_such_connect_library missing)" in err
    assert not (tmp_path / "seeds").exists()
