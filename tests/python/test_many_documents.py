"""Several documents at once: revisions, and skipping bad documents into a quarantine report."""

from __future__ import annotations

import csv
from pathlib import Path

from budget_warehouse.cli import main
from conftest import SEED_DOCUMENT


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _extract(folder: Path, output: Path, *extra: str) -> int:
    return main(["extract", "--input", str(folder), "--output", str(output), "--no-progress", *extra])


def test_a_marked_revision_supersedes_the_original(tmp_path: Path) -> None:
    folder = tmp_path / "disclosures"
    folder.mkdir()
    original = SEED_DOCUMENT.read_text(encoding="utf-8")
    corrected = "修订版本：1\n" + original.replace(
        "| 电费             | 132   | 132   | 132   | 132   |", "| 电费             | 131   | 131   | 131   | 131   |"
    )
    (folder / "a_original.txt").write_text(original, encoding="utf-8")
    (folder / "b_corrected.txt").write_text(corrected, encoding="utf-8")

    assert _extract(folder, tmp_path / "seeds") == 0

    documents = {row["source_file"]: row for row in _read(tmp_path / "seeds" / "documents.csv")}
    assert (documents["b_corrected.txt"]["revision"], documents["b_corrected.txt"]["is_current"]) == ("1", "true")
    assert documents["a_original.txt"]["is_current"] == "false"
    assert documents["a_original.txt"]["superseded_by_document_id"] == documents["b_corrected.txt"]["document_id"]
    # Only the current revision's rows reach the table seeds, so nothing is counted twice.
    cells = _read(tmp_path / "seeds" / "table_cells.csv")
    assert {row["document_id"] for row in cells} == {documents["b_corrected.txt"]["document_id"]}
    basic = [row for row in cells if row["table_key"] == "t04_basic_expenditure" and row["item_name"] == "电费"]
    assert [row["amount"] for row in basic if row["measure"] == "total_amount"] == ["131"]


def test_two_documents_of_one_revision_are_duplicates(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "disclosures"
    folder.mkdir()
    text = "修订版本：2\n" + SEED_DOCUMENT.read_text(encoding="utf-8")
    (folder / "a.txt").write_text(text, encoding="utf-8")
    (folder / "b.txt").write_text(text + "\n", encoding="utf-8")
    assert _extract(folder, tmp_path / "seeds") == 1
    assert "b.txt: duplicates a.txt: both are the 预算 of 深圳市龙华区政务服务数据管理局 for 2020 (revision 2)" in (
        capsys.readouterr().err
    )
    assert not (tmp_path / "seeds").exists()


def test_skip_bad_quarantines_and_publishes_the_good(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "disclosures"
    folder.mkdir()
    text = SEED_DOCUMENT.read_text(encoding="utf-8")
    (folder / "good.txt").write_text(text, encoding="utf-8")
    (folder / "bad.txt").write_text(
        text.replace("| 租赁费            | 1,100 |", "| 租赁费            | 1,1OO |"), encoding="utf-8"
    )
    report = tmp_path / "quarantine.csv"

    assert _extract(folder, tmp_path / "seeds", "--skip-bad", "--quarantine-report", str(report)) == 0

    out = capsys.readouterr()
    assert "1 documents quarantined" in out.out
    assert [row["source_file"] for row in _read(tmp_path / "seeds" / "documents.csv")] == ["good.txt"]
    (entry,) = _read(report)
    assert entry["source_file"].endswith("bad.txt")
    assert "表4, row 18, line 114, column 总计: expected an amount, found '1,1OO'" in entry["error"]


def test_skip_bad_with_nothing_good_is_still_an_error(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "disclosures"
    folder.mkdir()
    (folder / "notes.txt").write_text("会议纪要\n", encoding="utf-8")
    assert _extract(folder, tmp_path / "seeds", "--skip-bad", "--quarantine-report", str(tmp_path / "q.csv")) == 1
    assert "every document was quarantined; nothing to publish" in capsys.readouterr().err
