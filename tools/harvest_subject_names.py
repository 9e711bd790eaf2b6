"""Rebuild the package's subject-name reference (src/budget_warehouse/classifications/) from
seed folders written by ``budget-warehouse extract``: every 功能分类 (2xx) and 部门经济分类 (3xx)
code printed in a coded table, under each name it is printed with, and one document that prints
it. Names the reader resolved by name itself are left out (they would only repeat the
reference), and so is a name the text layer garbled (no Chinese character in it).

    python tools/harvest_subject_names.py build/corpus/seeds/disclosure seeds/disclosure ...

A code printed under two spellings of one name (维修(护)费, 维修（护）费) keeps the spelling most
documents print. Rows already in the files stay (one typed from the classification, with no
document that prints it, is not lost when the corpus does not print it)."""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from budget_warehouse.national.subject_names import CLASSIFICATIONS, name_key

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "budget_warehouse" / "classifications"
_LENGTHS = {"function": (3, 5, 7), "economic": (3, 5)}
_CHINESE = re.compile(r"[\u4e00-\u9fff]")


def _printed(folder: Path) -> list[tuple[str, str, str]]:
    """(code, name, document) for each coded row of a seed folder."""
    with (folder / "documents.csv").open(encoding="utf-8", newline="") as handle:
        documents = {row["document_id"]: row["source_file"] for row in csv.DictReader(handle)}
    found: list[tuple[str, str, str]] = []
    with (folder / "table_cells.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["code"] and row["item_name"] and row["code_resolution"] != "by_name":
                found.append((row["code"], row["item_name"], documents[row["document_id"]]))
    return found


def main(folders: list[str]) -> None:
    spellings: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    sources: dict[tuple[str, str], set[str]] = defaultdict(set)
    for folder in folders:
        for code, name, document in _printed(Path(folder)):
            classification = CLASSIFICATIONS.get(code[:1])
            name = re.sub(r"\s+", "", name)
            if classification is None or len(code) not in _LENGTHS[classification] or not _CHINESE.search(name):
                continue
            key = (code, name_key(name))
            spellings[key][name] += 1
            sources[key].add(document)
    for classification, lengths in _LENGTHS.items():
        path = PACKAGE / f"{classification}_subjects.csv"
        rows: dict[tuple[str, str], tuple[str, str]] = {}
        if path.exists():
            with path.open(encoding="utf-8", newline="") as handle:
                rows = {(r["code"], name_key(r["name"])): (r["name"], r["printed_in"]) for r in csv.DictReader(handle)}
        for code, key in spellings:
            if CLASSIFICATIONS[code[:1]] == classification and len(code) in lengths:
                rows[code, key] = (spellings[code, key].most_common(1)[0][0], min(sources[code, key]))
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(["code", "name", "printed_in"])
            for code, key in sorted(rows):
                writer.writerow([code, *rows[code, key]])
        print(f"{path}: written", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
