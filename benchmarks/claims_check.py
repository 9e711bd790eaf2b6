"""How well the claims of a document's text are read and checked, against hand labels.

``tests/python/data/claim_labels/<document>.csv`` holds, for each labelled document, every figure
its running text states (page or line, figure, unit, subject) and whether the document's own
tables agree (agrees / differs / unverifiable), labelled by reading the document. This module
compares a built warehouse's ``marts.fct_narrative_claims`` with them, per family:

- extraction precision: of the claims read, how many are labelled (same page or line, figure and
  unit); recall: of the labelled claims, how many are read;
- verdicts: of the claims both read and labelled, how many have the label's status.

``make corpus-check`` prints it for the labelled documents of the corpus it builds; ``python -m
benchmarks.claims_check`` builds the labelled documents alone and prints it.
"""

from __future__ import annotations

import argparse
import csv
import shutil
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import duckdb

REPO = Path(__file__).resolve().parents[1]
LABELS = REPO / "tests" / "python" / "data" / "claim_labels"
SHARED = REPO.parent / "shared" / "disclosures"

# a claim's place and figure: (page or line, figure without trailing zeros, unit)
Key = tuple[int, str, str]


@dataclass
class Score:
    """Counts for one document or family; the rates are of these."""

    labelled: int = 0
    extracted: int = 0
    matched: int = 0
    verdicts_agreeing: int = 0
    verdicts_by_label: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add(self, other: Score) -> None:
        self.labelled += other.labelled
        self.extracted += other.extracted
        self.matched += other.matched
        self.verdicts_agreeing += other.verdicts_agreeing
        self.verdicts_by_label.update(other.verdicts_by_label)

    @property
    def precision(self) -> float:
        return self.matched / self.extracted if self.extracted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.labelled if self.labelled else 1.0

    @property
    def verdict_agreement(self) -> float:
        return self.verdicts_agreeing / self.matched if self.matched else 1.0


def figure_key(figure: str) -> str:
    """'9628.20' and '9628.2' are one figure; '1,136.23' is '1136.23'."""
    value = Decimal(figure.replace(",", "").replace("，", ""))
    return format(value.normalize(), "f") if value else "0"


def unit_key(unit: str) -> str:
    """台（套） is printed after the figure as 台 followed by a bracket the reader leaves out."""
    return unit[0] if unit.startswith("台") else unit


def labels(folder: Path = LABELS) -> dict[str, list[dict[str, str]]]:
    """Each labelled document's file name → its labelled claims."""
    found: dict[str, list[dict[str, str]]] = {}
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        name = rows[0]["source_file"] if rows else next(iter(_sources(path.stem)), path.stem)
        found[name] = rows
    return found


def _sources(stem: str) -> list[str]:
    return [path.name for path in SHARED.rglob(f"{stem}.*") if path.suffix in (".pdf", ".txt", ".md")]


def source_paths(names: list[str], shared: Path = SHARED) -> dict[str, Path]:
    """Where each labelled document is, under ../shared/disclosures."""
    paths = {path.name: path for path in shared.rglob("*") if path.name in names}
    missing = sorted(set(names) - set(paths))
    if missing:
        raise SystemExit(f"labelled documents not found under {shared}: {', '.join(missing)}")
    return paths


def _place(row: dict[str, str]) -> int:
    return int(row.get("page_number") or row.get("line_number") or row.get("source_line_number") or 0)


def score_document(read: list[tuple[int, str, str, str]], labelled: list[dict[str, str]]) -> Score:
    """``read``: (page or line, figure, unit, status) of each claim the warehouse holds."""
    wanted: dict[Key, list[str]] = defaultdict(list)
    for row in labelled:
        wanted[(_place(row), figure_key(row["figure"]), unit_key(row["unit"]))].append(row["verdict"])
    score = Score(labelled=len(labelled), extracted=len(read))
    for place, figure, unit, status in read:
        verdicts = wanted.get((place, figure_key(figure), unit_key(unit)))
        if not verdicts:
            continue
        # of the labels of equal claims on one page, the one with this status if any
        verdict = status if status in verdicts else verdicts[0]
        verdicts.remove(verdict)
        score.matched += 1
        score.verdicts_agreeing += verdict == status
        score.verdicts_by_label[(verdict, status)] += 1
    return score


def score_warehouse(database: Path, labelled: dict[str, list[dict[str, str]]]) -> dict[str, Score]:
    """Each labelled document's score, by file name, from a built warehouse (loaded documents only)."""
    with duckdb.connect(str(database), read_only=True) as connection:
        rows = connection.execute(
            "select documents.source_file, coalesce(claims.page_number, claims.source_line_number), "
            "claims.figure, claims.figure_unit, claims.status "
            "from marts.dim_document as documents "
            "left join marts.fct_narrative_claims as claims using (document_id)"
        ).fetchall()
    read: dict[str, list[tuple[int, str, str, str]]] = defaultdict(list)
    loaded = set()
    for source_file, place, figure, unit, status in rows:
        loaded.add(source_file)
        if figure is not None:
            read[source_file].append((place, figure, unit, status))
    return {name: score_document(read[name], rows_) for name, rows_ in labelled.items() if name in loaded}


def print_scores(scores: dict[str, Score], family_of: dict[str, str]) -> Score:
    """Per family and in all; returns the total."""
    families: dict[str, Score] = defaultdict(Score)
    for name, score in scores.items():
        families[family_of.get(name, "default")].add(score)
    total = Score()
    print(
        f"{'claims: family':<20} {'docs':>4} {'labelled':>8} {'read':>5} {'precision':>9} {'recall':>6} {'verdicts':>8}"
    )
    for family in sorted(families):
        score = families[family]
        total.add(score)
        documents = sum(1 for name in scores if family_of.get(name, "default") == family)
        print(
            f"{family:<20} {documents:>4} {score.labelled:>8} {score.extracted:>5} {score.precision:>9.3f} "
            f"{score.recall:>6.3f} {score.verdict_agreement:>8.3f}"
        )
    print(
        f"{'all':<20} {len(scores):>4} {total.labelled:>8} {total.extracted:>5} {total.precision:>9.3f} "
        f"{total.recall:>6.3f} {total.verdict_agreement:>8.3f}"
    )
    confusions = ", ".join(
        f"labelled {label} read {status}: {count}"
        for (label, status), count in sorted(total.verdicts_by_label.items())
        if label != status
    )
    print(f"verdicts that differ from the labels: {confusions or 'none'}")
    return total


def build_labelled(root: Path, paths: dict[str, Path]) -> Path:
    """A scratch project holding the labelled documents only, built; its candidate warehouse."""
    from budget_warehouse.cli import main as cli_main
    from budget_warehouse.project import copy_project

    copy_project(REPO, root, {})
    for name, path in paths.items():
        shutil.copy2(path, root / "disclosures" / name)
    status = cli_main(["build", "--project-dir", str(root), "--skip-bad", "--no-publish", "--no-progress"])
    if status != 0:
        raise SystemExit(f"the build of the labelled documents failed (exit {status})")
    return root / "build" / "warehouse.duckdb"


def family_of(paths: dict[str, Path]) -> dict[str, str]:
    """A corpus document's family is its folder; the default corpus's documents are 'default'."""
    return {
        name: path.parent.name if path.parent.parent.name == "corpus" else "default" for name, path in paths.items()
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it (default: a scratch folder)")
    args = parser.parse_args(argv)
    labelled = labels()
    paths = source_paths(list(labelled))
    with tempfile.TemporaryDirectory(prefix="claims-check-") as scratch:
        root = args.keep.resolve() if args.keep else Path(scratch) / "project"
        if root.exists():
            shutil.rmtree(root)
        database = build_labelled(root, paths)
        print_scores(score_warehouse(database, labelled), family_of(paths))
    return 0


if __name__ == "__main__":
    sys.exit(main())
