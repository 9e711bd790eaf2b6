"""``make corpus-check``: build a corpus of real PDFs, one folder per table family, and say per
family how many documents load, why the others are refused, how many have every hard identity
holding, and how fast extraction reads their pages; then what their text claims (how many
documents yield claims, how many claims agree with or differ from the tables) and, for the
documents labelled by hand (tests/python/data/claim_labels), the precision and recall of reading
the claims and the agreement of the verdicts, per family (benchmarks/claims_check.py).

The corpus (default ``../shared/disclosures/corpus``) is copied into a scratch project's
``disclosures/`` under the documents' own names (a file named as published may be the only place
that names its department), built with ``--skip-bad --no-publish``, and read back from the
candidate warehouse and the quarantine report.
"""

from __future__ import annotations

import argparse
import csv
import shutil
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from benchmarks import claims_check
from budget_warehouse.cli import main as cli_main
from budget_warehouse.project import copy_project

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "disclosures" / "corpus"
# Identity families whose break is a publisher's error; soft checks may differ legitimately.
HARD = ("balance", "row", "hierarchy", "cross_table")


@dataclass
class FamilyReport:
    documents: int = 0
    pages: int = 0
    loaded: list[str] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)
    holding: int = 0
    broken: Counter[str] = field(default_factory=Counter)
    read_as: Counter[str] = field(default_factory=Counter)


def _page_count(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return len(pdf.pages)


def _corpus(corpus: Path) -> dict[str, str]:
    """Each PDF's file name → its family folder; names must be unique across folders."""
    families: dict[str, str] = {}
    for path in sorted(corpus.glob("*/*.pdf")):
        if path.name in families:
            raise SystemExit(f"{path}: the same file name is in {families[path.name]} too")
        families[path.name] = path.parent.name
    if not families:
        raise SystemExit(f"{corpus}: no PDFs in its folders (expected <family>/<document>.pdf)")
    return families


def _build(corpus: Path, root: Path, families: dict[str, str]) -> float:
    copy_project(REPO, root, {})
    for name, family in families.items():
        shutil.copy2(corpus / family / name, root / "disclosures" / name)
    started = time.perf_counter()
    status = cli_main(
        [
            "build",
            "--project-dir",
            str(root),
            "--skip-bad",
            "--no-publish",
            "--no-progress",
            "--quarantine-report",
            str(root / "build" / "quarantine.csv"),
        ]
    )
    if status != 0:
        raise SystemExit(f"the corpus build failed (exit {status}); see the messages above")
    return time.perf_counter() - started


def _reports(corpus: Path, root: Path, families: dict[str, str]) -> dict[str, FamilyReport]:
    reports: dict[str, FamilyReport] = defaultdict(FamilyReport)
    for name, family in families.items():
        reports[family].documents += 1
        reports[family].pages += _page_count(corpus / family / name)
    quarantine = root / "build" / "quarantine.csv"
    if quarantine.exists():
        with quarantine.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                name = Path(row["source_file"]).name
                reports[families[name]].refused.append((name, row["error"]))
    with duckdb.connect(str(root / "build" / "warehouse.duckdb"), read_only=True) as connection:
        documents = connection.execute("select document_id, source_file, template from marts.dim_document").fetchall()
        broken = connection.execute(
            "select document_id, identity_name from marts.fct_identity_checks "
            f"where status = 'broken' and family in {HARD}"
        ).fetchall()
    broken_by_document: dict[str, Counter[str]] = defaultdict(Counter)
    for document_id, identity in broken:
        broken_by_document[document_id][identity] += 1
    for document_id, source_file, template in documents:
        report = reports[families[source_file]]
        report.loaded.append(source_file)
        report.read_as[template] += 1
        if broken_by_document[document_id]:
            report.broken.update(broken_by_document[document_id])
        else:
            report.holding += 1
    return reports


def _print(reports: dict[str, FamilyReport], seconds: float) -> tuple[int, int, int]:
    print(f"{'family':<20} {'docs':>4} {'loaded':>6} {'refused':>7} {'holding':>7}  read as")
    totals = [0, 0, 0, 0]
    for family in sorted(reports):
        report = reports[family]
        read_as = ", ".join(f"{name} {count}" for name, count in report.read_as.most_common())
        print(
            f"{family:<20} {report.documents:>4} {len(report.loaded):>6} {len(report.refused):>7} "
            f"{report.holding:>7}  {read_as}"
        )
        totals = [
            a + b
            for a, b in zip(
                totals, [report.documents, len(report.loaded), len(report.refused), report.holding], strict=True
            )
        ]
    documents, loaded, refused, holding = totals
    pages = sum(report.pages for report in reports.values())
    print(
        f"{'all':<20} {documents:>4} {loaded:>6} {refused:>7} {holding:>7}  "
        f"loaded {loaded / documents:.0%}, every hard identity holding in {holding / max(loaded, 1):.0%} of those; "
        f"{pages} pages, build {seconds:.0f} s ({pages / seconds:.1f} pages/s end to end)"
    )
    for family in sorted(reports):
        for name, error in reports[family].refused:
            print(f"refused  {family}: {name}: {error}")
        for identity, count in reports[family].broken.most_common():
            print(f"broken   {family}: {identity} ({count} instances)")
    return documents, loaded, holding


def _print_claims(root: Path, families: dict[str, str]) -> None:
    """Per family: documents whose text yields claims, and the claims by status; then the
    labelled documents' scores."""
    database = root / "build" / "warehouse.duckdb"
    with duckdb.connect(str(database), read_only=True) as connection:
        rows = connection.execute(
            "select documents.source_file, count(claims.claim_number), "
            "count(*) filter (where claims.status = 'agrees'), count(*) filter (where claims.status = 'differs') "
            "from marts.dim_document as documents "
            "left join marts.fct_narrative_claims as claims using (document_id) group by documents.source_file"
        ).fetchall()
    by_family: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    for source_file, claims, agreeing, differing in rows:
        totals = by_family[families[source_file]]
        for index, value in enumerate((1, int(claims > 0), claims, agreeing, differing)):
            totals[index] += value
    print(f"{'text: family':<20} {'loaded':>6} {'with claims':>11} {'claims':>6} {'agree':>5} {'differ':>6}")
    for family in sorted(by_family):
        loaded, yielding, claims, agreeing, differing = by_family[family]
        print(f"{family:<20} {loaded:>6} {yielding:>11} {claims:>6} {agreeing:>5} {differing:>6}")
    labelled = {name: rows for name, rows in claims_check.labels().items() if name in families}
    if labelled:
        claims_check.print_scores(claims_check.score_warehouse(database, labelled), families)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of <family>/<document>.pdf")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it (default: a scratch folder)")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}: `make corpus-check CORPUS=…` names one", file=sys.stderr)
        return 2
    families = _corpus(args.corpus)
    with tempfile.TemporaryDirectory(prefix="corpus-check-") as scratch:
        root = args.keep.resolve() if args.keep else Path(scratch) / "project"
        if root.exists():
            shutil.rmtree(root)
        seconds = _build(args.corpus, root, families)
        _print(_reports(args.corpus, root, families), seconds)
        _print_claims(root, families)
    return 0


if __name__ == "__main__":
    sys.exit(main())
