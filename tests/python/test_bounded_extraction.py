"""Each document is read within a time and a memory limit: a crafted PDF that loops or balloons
(10 KB drawing 400,000 rectangles: a minute and 4.8 GB to read unbounded) is refused by name with
the limit it hit, and the other documents are published."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest

from budget_warehouse.document_rows import Limits
from budget_warehouse.extract import extract_folder
from conftest import REPO

SEED = "000_e2c6e97a9772fe89.txt"


def _crafted(path: Path, rectangles: int = 400_000) -> None:
    """A one-page PDF whose compressed content stream draws ``rectangles`` tiny squares."""
    pdf = pikepdf.new()
    page = pdf.add_blank_page(page_size=(595, 842))
    page.obj.Contents = pikepdf.Stream(pdf, b"BT /F1 12 Tf 72 720 Td (2026) Tj ET\n" + b"0 0 1 1 re f\n" * rectangles)
    pdf.save(path, compress_streams=True)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    disclosures = tmp_path / "disclosures"
    disclosures.mkdir()
    (disclosures / SEED).write_bytes((REPO / "disclosures" / SEED).read_bytes())
    _crafted(disclosures / "crafted.pdf")
    assert (disclosures / "crafted.pdf").stat().st_size < 20_000
    return disclosures


def test_a_document_past_its_time_is_refused_and_the_others_go_on(folder: Path, tmp_path: Path) -> None:
    summary = extract_folder(
        folder, tmp_path / "seeds", workers=1, skip_bad=True, limits=Limits(seconds=2, memory_mb=None)
    )
    assert summary.documents == 1
    [(path, reason)] = summary.quarantined
    assert path.endswith("crafted.pdf")
    assert "took longer than the limit of 2 s to read (--document-seconds)" in reason


def test_a_document_past_its_memory_is_refused_and_the_others_go_on(folder: Path, tmp_path: Path) -> None:
    summary = extract_folder(
        folder, tmp_path / "seeds", workers=2, skip_bad=True, limits=Limits(seconds=None, memory_mb=400)
    )
    assert summary.documents == 1
    [(path, reason)] = summary.quarantined
    assert path.endswith("crafted.pdf")
    assert "400 MB" in reason and "--document-memory-mb" in reason


def test_without_skip_bad_the_limit_stops_the_run_naming_the_document(folder: Path, tmp_path: Path) -> None:
    from budget_warehouse.errors import ExtractionError

    with pytest.raises(ExtractionError, match=r"crafted\.pdf: took longer than the limit of 2 s"):
        extract_folder(folder, tmp_path / "seeds", workers=1, limits=Limits(seconds=2, memory_mb=None))
    assert not (tmp_path / "seeds").exists()
