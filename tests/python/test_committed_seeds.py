"""The committed seeds are exactly what the extractor writes from disclosures/."""

from __future__ import annotations

import filecmp
from pathlib import Path

from budget_warehouse.extract import extract_folder
from conftest import REPO


def test_committed_seeds_equal_a_fresh_extraction(tmp_path: Path) -> None:
    fresh = tmp_path / "disclosure"
    extract_folder(REPO / "disclosures", fresh)
    committed = REPO / "seeds" / "disclosure"
    written = sorted(p.name for p in fresh.iterdir())
    assert written == sorted(p.name for p in committed.iterdir())
    _, mismatch, errors = filecmp.cmpfiles(committed, fresh, written, shallow=False)
    assert (mismatch, errors) == ([], []), "run `make extract` and commit seeds/disclosure"


def test_text_survives_the_csv_round_trip(tmp_path: Path) -> None:
    """Commas, quotes, newlines and leading = + - @ are written so that a CSV reader gets them back."""
    import csv

    from budget_warehouse.seeds import write_csv

    awkward = ["a,b", 'say "hi"', "two\nlines", "=SUM(A1)", "+1", "-x", "@home", "  padded  "]
    path = tmp_path / "t.csv"
    write_csv(path, ("value",), [{"value": text} for text in awkward])
    with path.open(encoding="utf-8", newline="") as handle:
        assert [row["value"] for row in csv.DictReader(handle)] == awkward
