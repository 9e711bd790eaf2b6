"""The extraction cache: unchanged documents are read from it, not extracted again, and the seeds
are the same bytes with and without it; a new document costs only its own extraction; a damaged
entry is extracted again with a warning; entries of documents no longer there are pruned."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import budget_warehouse.extract as extract_module
from budget_warehouse.cache import ExtractionCache, extractor_version
from budget_warehouse.extract import extract_folder
from conftest import REPO

DOCUMENTS = ("000_e2c6e97a9772fe89.txt", "shanghai-putuo-sifaju-2026-budget.pdf")
ADDED = "shanghai-putuo-shangwuwei-2025-budget.pdf"


@pytest.fixture
def extracted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The documents extracted (not read from the cache), in this process (workers=1)."""
    calls: list[str] = []
    real = extract_module.extract_rows

    def counted(path: str, display_path: str, limits=None):  # type: ignore[no-untyped-def]
        calls.append(Path(path).name)
        return real(path, display_path, limits)

    monkeypatch.setattr(extract_module, "extract_rows", counted)
    return calls


def _folder(root: Path, names: tuple[str, ...]) -> Path:
    folder = root / "disclosures"
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy2(REPO / "disclosures" / name, folder / name)
    return folder


def _seeds(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_unchanged_documents_are_not_extracted_again(tmp_path: Path, extracted: list[str]) -> None:
    folder = _folder(tmp_path, DOCUMENTS)
    cache = tmp_path / "cache"
    extract_folder(folder, tmp_path / "without", workers=1)
    first = extract_folder(folder, tmp_path / "first", workers=1, cache=cache)
    assert (sorted(extracted), first.cached) == (sorted(DOCUMENTS * 2), 0)
    extracted.clear()
    second = extract_folder(folder, tmp_path / "second", workers=1, cache=cache)
    assert (extracted, second.cached) == ([], 2)
    assert "2 documents unchanged, read from the extraction cache" in str(second)
    assert _seeds(tmp_path / "second") == _seeds(tmp_path / "first") == _seeds(tmp_path / "without")


def test_a_new_document_costs_only_its_own_extraction(tmp_path: Path, extracted: list[str]) -> None:
    folder = _folder(tmp_path, DOCUMENTS)
    cache = tmp_path / "cache"
    extract_folder(folder, tmp_path / "first", workers=1, cache=cache)
    extracted.clear()
    _folder(tmp_path, (ADDED,))
    summary = extract_folder(folder, tmp_path / "second", workers=1, cache=cache)
    assert (extracted, summary.cached, summary.documents) == ([ADDED], 2, 3)
    extract_folder(folder, tmp_path / "without", workers=1)
    assert _seeds(tmp_path / "second") == _seeds(tmp_path / "without")


def test_a_damaged_entry_is_extracted_again_with_a_warning(tmp_path: Path, extracted: list[str]) -> None:
    folder = _folder(tmp_path, DOCUMENTS)
    cache = tmp_path / "cache"
    extract_folder(folder, tmp_path / "first", workers=1, cache=cache)
    entry = ExtractionCache(cache).folder / f"{ExtractionCache.key(folder / DOCUMENTS[1])}.json"
    text = entry.read_text(encoding="utf-8")
    entry.write_text(text.replace("96282213.44", "96282213.45"), encoding="utf-8")  # 司法局's 收入总计 in 元
    extracted.clear()
    summary = extract_folder(folder, tmp_path / "second", workers=1, cache=cache)
    assert (extracted, summary.cached) == ([DOCUMENTS[1]], 1)
    assert any("is damaged" in warning and DOCUMENTS[1] in warning for warning in summary.warnings)
    assert _seeds(tmp_path / "second") == _seeds(tmp_path / "first")
    # the entry was written again, whole
    extracted.clear()
    assert extract_folder(folder, tmp_path / "third", workers=1, cache=cache).cached == 2


def test_entries_of_documents_gone_and_of_other_versions_are_pruned(tmp_path: Path) -> None:
    folder = _folder(tmp_path, DOCUMENTS)
    cache = tmp_path / "cache"
    stale = cache / "an-older-extractor"
    stale.mkdir(parents=True)
    (stale / "entry.json").write_text("{}", encoding="utf-8")
    extract_folder(folder, tmp_path / "first", workers=1, cache=cache)
    assert [p.name for p in cache.iterdir()] == [extractor_version()]
    assert len(list((cache / extractor_version()).iterdir())) == 2
    (folder / DOCUMENTS[1]).unlink()
    extract_folder(folder, tmp_path / "second", workers=1, cache=cache)
    assert [p.name for p in (cache / extractor_version()).iterdir()] == [
        f"{ExtractionCache.key(folder / DOCUMENTS[0])}.json"
    ]


def test_a_renamed_document_is_extracted_again(tmp_path: Path, extracted: list[str]) -> None:
    """The path is part of the key: Beijing's department is read from the file name as published."""
    folder = _folder(tmp_path, DOCUMENTS[:1])
    cache = tmp_path / "cache"
    extract_folder(folder, tmp_path / "first", workers=1, cache=cache)
    (folder / DOCUMENTS[0]).rename(folder / "renamed.txt")
    extracted.clear()
    assert extract_folder(folder, tmp_path / "second", workers=1, cache=cache).cached == 0
    assert extracted == ["renamed.txt"]


def test_a_changed_sidecar_changes_the_key(tmp_path: Path) -> None:
    """The sidecar says who published the document: a new one must not be answered from the cache."""
    folder = _folder(tmp_path, DOCUMENTS[1:])
    document = folder / DOCUMENTS[1]
    bare = ExtractionCache.key(document)
    (folder / f"{DOCUMENTS[1]}.identity.toml").write_text('scope = "单位"\n', encoding="utf-8")
    with_sidecar = ExtractionCache.key(document)
    (folder / f"{DOCUMENTS[1]}.identity.toml").write_text('scope = "部门"\n', encoding="utf-8")
    assert len({bare, with_sidecar, ExtractionCache.key(document)}) == 3
