"""The budget warehouse's command line: extract (documents into seeds), build (extract, dbt build
and tests, publish a release), metrics (the semantic layer's answers), grids (a PDF's tables as the
reader sees them), releases (the releases kept) and diff (what changed between two releases)."""

from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path
from typing import NoReturn

from budget_warehouse import timings, watchdog
from budget_warehouse.changes import Changes, diff_releases, list_releases, read_release
from budget_warehouse.document_rows import DEFAULT_MEMORY_MB, DEFAULT_SECONDS, Limits
from budget_warehouse.durable import PublishError, explain
from budget_warehouse.errors import EngineUnavailable, ExtractionError
from budget_warehouse.extract import Summary, extract_folder
from budget_warehouse.files import recover_folder
from budget_warehouse.publish import publish
from budget_warehouse.warehouse import (
    BuildFailed,
    BuildInProgress,
    ClaimFinding,
    Finding,
    Project,
    build_candidate,
    build_lock,
    built_marts,
    claim_findings,
    findings,
    recover,
)
from budget_warehouse.watchdog import EXIT_STALLED, Stalled, watching


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="budget-warehouse", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    _add_extract(commands)
    _add_build(commands)
    _add_metrics(commands)
    _add_grids(commands)
    releases = commands.add_parser("releases", help="list the releases kept, with what each changed")
    releases.add_argument("--project-dir", type=Path, default=Path("."), help="the dbt project (repository root)")
    diff = commands.add_parser(
        "diff", help="what changed between two releases (default: the previous and the current one)"
    )
    diff.add_argument("before", nargs="?", default="previous", help="a release id, or previous (default)")
    diff.add_argument("after", nargs="?", default="current", help="a release id, or current (default)")
    diff.add_argument("--project-dir", type=Path, default=Path("."), help="the dbt project (repository root)")
    return parser


def _add_extract(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    extract = commands.add_parser("extract", help="extract every disclosure into seed CSVs")
    extract.add_argument("--input", type=Path, default=Path("disclosures"), help="folder of disclosure documents")
    extract.add_argument("--output", type=Path, default=Path("seeds/disclosure"), help="seed folder to replace")
    extract.add_argument("--no-progress", action="store_true", help="do not draw a progress bar")
    extract.add_argument(
        "--engine",
        choices=("local", "spark"),
        default="local",
        help="local: a process pool on every core (default); spark: a Spark job, local[*] unless "
        "BUDGET_WAREHOUSE_SPARK_MASTER or --spark-remote says otherwise",
    )
    extract.add_argument(
        "--spark-remote", metavar="URL", help="with --engine spark, a Spark Connect server (sc://host:15002)"
    )
    extract.add_argument(
        "--cache",
        type=Path,
        metavar="FOLDER",
        help="keep each document's extraction in FOLDER and read unchanged documents from it (no cache unless given)",
    )
    _add_quarantine_options(extract)


# A build step that reports nothing for this long is stuck: the slowest real step, a large
# corpus's dbt tests, reports every few seconds.
DEFAULT_WATCHDOG_SECONDS = 600.0


def _add_build(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    build = commands.add_parser("build", help="extract, run dbt build, and publish warehouse.duckdb if all tests pass")
    build.add_argument("--project-dir", type=Path, default=Path("."), help="the dbt project (repository root)")
    build.add_argument("--no-publish", action="store_true", help="build and test the candidate only")
    build.add_argument(
        "--strict",
        action="store_true",
        help="fail on any broken accounting identity (a department checking its own document); by default the "
        "build publishes, flags the document and prints the findings",
    )
    build.add_argument("--no-progress", action="store_true", help="do not draw a progress bar")
    build.add_argument(
        "--watchdog",
        type=float,
        default=DEFAULT_WATCHDOG_SECONDS,
        metavar="SECONDS",
        help="fail the build, naming its stage and dbt node, when it makes no progress for this long "
        f"(default {DEFAULT_WATCHDOG_SECONDS:g}; 0: never)",
    )
    build.add_argument(
        "--no-cache",
        action="store_true",
        help="extract every document again, ignoring the extraction cache (build/extract-cache)",
    )
    build.add_argument(
        "--wait", type=float, default=0, metavar="SECONDS", help="wait this long for another running build to finish"
    )
    _add_quarantine_options(build)


def _add_metrics(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    metrics = commands.add_parser(
        "metrics",
        help="answer a metric of the semantic layer from the published warehouse (MetricFlow)",
        description="Metrics: total_expenditure, basic_expenditure, project_expenditure, personnel_expenditure, "
        "public_expenditure, three_public_expenses (万元). Dimensions: fiscal_year, department_name, phase, scope, "
        "and the classification levels of the metric (class_name, subclass_name, item_name, economic_name, …). "
        "Only documents with counts_in_totals are counted (a 单位 document is not added beside its 部门 "
        "document), and the answer is grouped by phase unless --filter phase=… chooses one.",
    )
    metrics.add_argument("metric", nargs="+", help="one or more metrics")
    metrics.add_argument("--by", action="append", default=[], metavar="DIMENSION", help="group by this dimension")
    metrics.add_argument(
        "--filter", action="append", default=[], metavar="NAME=VALUE", help="keep only rows where NAME is VALUE"
    )
    metrics.add_argument(
        "--all-documents",
        action="store_true",
        help="count every loaded document, 单位 documents beside their 部门 documents (to look inside a department)",
    )
    metrics.add_argument("--format", choices=("table", "csv", "json"), default="table", help="how to print the answer")
    metrics.add_argument("--project-dir", type=Path, default=Path("."), help="the dbt project (repository root)")


def _add_grids(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    grids = commands.add_parser(
        "grids",
        help="print a PDF's ruled tables as the reader sees them (for writing a table family)",
        description="Each page's ruled tables: the heading lines above each (where titles are matched), "
        "its column count and its first rows, as the extractor reads them.",
    )
    grids.add_argument("pdf", type=Path, help="the PDF")
    grids.add_argument("--pages", default="", metavar="FIRST-LAST", help="only these pages (e.g. 12-15)")
    grids.add_argument("--rows", type=int, default=4, help="rows to print per table (default 4)")


def _print_grids(args: argparse.Namespace) -> int:
    from budget_warehouse.pdf import read_pdf

    first, _, last = args.pages.partition("-")
    low, high = int(first or 1), int(last or first or 10**6)
    try:
        pages = read_pdf(args.pdf, args.pdf)
    except ExtractionError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for page in pages:
        if not low <= page.number <= high:
            continue
        print(f"page {page.number}: {len(page.grids)} tables, {page.char_count} characters")
        for grid in page.grids:
            print(f"  table of {grid.column_count} columns; heading {list(grid.heading)}")
            for row in grid.cells[: args.rows]:
                print(f"    {list(row)}")
    return 0


def _add_limit_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--document-seconds",
        type=float,
        default=DEFAULT_SECONDS,
        metavar="SECONDS",
        help=f"refuse a document that takes longer to read (default {DEFAULT_SECONDS:g}; 0: no limit)",
    )
    command.add_argument(
        "--document-memory-mb",
        type=int,
        default=DEFAULT_MEMORY_MB,
        metavar="MB",
        help=f"refuse a document whose reading needs more memory, in a worker process (default {DEFAULT_MEMORY_MB}; "
        "0: no limit)",
    )


def _limits(args: argparse.Namespace) -> Limits:
    seconds, memory = getattr(args, "document_seconds", DEFAULT_SECONDS), getattr(args, "document_memory_mb", None)
    return Limits(seconds=seconds or None, memory_mb=memory or None)


def _add_quarantine_options(command: argparse.ArgumentParser) -> None:
    _add_limit_options(command)
    command.add_argument(
        "--skip-bad",
        action="store_true",
        help="leave out documents that fail to extract, list them in the quarantine report, and go on",
    )
    command.add_argument(
        "--quarantine-report",
        type=Path,
        default=Path("build/quarantine.csv"),
        help="where --skip-bad lists the documents it left out (default: build/quarantine.csv)",
    )


def _extract(source: Path, target: Path, args: argparse.Namespace) -> Summary | None:
    """Extract ``source`` into ``target``; the summary, or None (and the reason printed) on failure."""
    try:
        for done in recover_folder(target):
            print(f"recovered: {done}", file=sys.stderr)
        summary = extract_folder(
            source,
            target,
            progress=not args.no_progress and sys.stderr.isatty(),
            skip_bad=args.skip_bad,
            quarantine_report=args.quarantine_report if args.skip_bad else None,
            engine=getattr(args, "engine", "local"),
            spark_remote=getattr(args, "spark_remote", None),
            cache=getattr(args, "cache", None),
            limits=_limits(args),
        )
    except (ExtractionError, PublishError, EngineUnavailable) as exc:
        print(f"error: {exc}", file=sys.stderr)
        print(f"nothing was written to {target}", file=sys.stderr)
        return None
    except OSError as exc:
        print(f"error: {explain(exc, f'write the seeds in {target}')}", file=sys.stderr)
        print(f"{target} was left as it was", file=sys.stderr)
        return None
    for warning in summary.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    for path, error in summary.quarantined:
        print(f"quarantined: {path}: {error}", file=sys.stderr)
    if summary.quarantined:
        print(f"quarantine report: {args.quarantine_report}", file=sys.stderr)
    print(summary)
    return summary


def main(argv: list[str] | None = None, *, process_exits: bool = False) -> int:
    """The command line. ``process_exits`` says that the process ends with the command (the
    console script), so a build may leave its last garbage uncollected."""
    args = _parser().parse_args(argv)
    args.process_exits = process_exits
    if args.command == "extract":
        return 0 if _extract(args.input, args.output, args) is not None else 1
    if args.command == "grids":
        return _print_grids(args)
    if args.command in ("releases", "diff"):
        try:
            root = args.project_dir.resolve()
            print(list_releases(root) if args.command == "releases" else diff_releases(root, args.before, args.after))
        except FileNotFoundError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        return 0
    if args.command == "metrics":
        from budget_warehouse.metrics import UnknownName, query  # only this command needs MetricFlow's names

        try:
            return query(
                args.project_dir.resolve(),
                args.metric,
                args.by,
                args.filter,
                all_documents=args.all_documents,
                output=args.format,
            )
        except UnknownName as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
    project = Project(args.project_dir.resolve())
    if not args.quarantine_report.is_absolute():
        args.quarantine_report = project.root / args.quarantine_report
    try:
        with build_lock(project, args.wait) as lock_fd, watching(args.watchdog):
            return _build(project, args, lock_fd)
    except Stalled as exc:
        print(f"error: {exc}; {project.published} was left as it was", file=sys.stderr)
        return EXIT_STALLED
    except BuildInProgress as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 75  # EX_TEMPFAIL: nothing went wrong, try again later
    except PublishError as exc:
        print(f"error: {exc}", file=sys.stderr)
        print(f"{project.published} and its exports were left as they were", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"error: {explain(exc, f'build in {project.root}')}", file=sys.stderr)
        print(f"{project.published} and its exports were left as they were", file=sys.stderr)
        return 1


def _build(project: Project, args: argparse.Namespace, lock_fd: int) -> int:
    started = time.perf_counter()
    with timings.recording() as phases:
        status = _build_phases(project, args, lock_fd)
    print(timings.breakdown(phases, time.perf_counter() - started))
    return status


def _build_phases(project: Project, args: argparse.Namespace, lock_fd: int) -> int:
    with timings.phase("extract"):
        for done in recover(project):
            print(f"recovered: {done}", file=sys.stderr)
        args.cache = None if args.no_cache else project.extract_cache
        extracted = _extract(project.root / "disclosures", project.root / "seeds" / "disclosure", args)
    if extracted is None:
        print(f"{project.published} was left as it was", file=sys.stderr)
        return 1
    if args.process_exits:
        gc.set_threshold(BUILD_YOUNG_COLLECTION_THRESHOLD, *gc.get_threshold()[1:])
    try:
        build_candidate(project, strict=args.strict, lock_fd=lock_fd)
    except BuildFailed as exc:
        print(f"error: {exc}", file=sys.stderr)
        print(f"{project.published} was left as it was", file=sys.stderr)
        return 1
    with timings.phase("findings"):
        _print_findings(findings(project.candidate), claim_findings(project.candidate))
    if args.no_publish:
        print(f"built and tested {project.candidate}; not published")
        return 0
    watchdog.check()  # nothing is published once the watchdog has stopped the build
    refused = [(Path(path).name, error) for path, error in extracted.quarantined]
    release, warnings = publish(project.root, project.candidate, built_marts(project), refused, project.docs_site)
    changes = read_release(release).get("changes") or {}
    changed = Changes.from_dict(changes).summary()
    print(f"changes since the last release: {changed} ({release / 'exports' / 'CHANGES.md'})")
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(f"published {project.published} and {project.exports} (release {release.name})")
    return 0


def _print_findings(found: list[Finding], claims: list[ClaimFinding]) -> None:
    """The publishers' errors the build recorded: each document stays in, flagged in dim_document."""
    broken = [finding for finding in found if finding.family != "soft"]
    for finding in found:
        print(f"finding: {finding}", file=sys.stderr)
    for claim in claims:
        print(f"finding: text differs: {claim}", file=sys.stderr)
    documents = len({finding.source_file for finding in broken})
    print(
        f"findings: {len(broken)} broken identities in {documents} documents, "
        f"{len(found) - len(broken)} soft checks that differ (marts.fct_identity_checks; --strict fails on the "
        "broken identities, never on soft checks), "
        f"{len(claims)} figures in the text that differ from the tables in "
        f"{len({claim.source_file for claim in claims})} documents (marts.fct_narrative_claims; --strict fails on "
        "them too)"
    )


# Python collects its youngest objects every 700 allocations and everything it tracks every
# 100th time; dbt allocates millions of short-lived objects per build (a context with every
# macro for each node) beside its imports and a manifest that live to the end, which each full
# collection walks again. At fifty thousand a one-document build spent 0.49 s collecting
# instead of 0.74 s (1,340 collections, 6 of them full, against 16 and none); peak memory is
# the same.
YOUNG_COLLECTION_THRESHOLD = 50_000
# Once the documents are extracted, what a build allocates in reference cycles (some 300,000
# objects: dbt's contexts) does not grow with the number of documents, and the console script's
# process exits when the build is done: collecting it is work for nothing. Raising the threshold
# only around dbt moved the cost to the first collection after it (0.33 s of 0.39 s); raising it
# for the rest of the build leaves a one-document build with no collection at all, for 55 MB
# more. A caller that goes on (tests calling main) keeps collecting as before.
BUILD_YOUNG_COLLECTION_THRESHOLD = 1_000_000


def run() -> NoReturn:
    """The console script: ``main`` with fewer garbage collections, then exit without tearing
    down what dbt left in memory: freezing the objects the collector tracks spares the
    interpreter's final collections over dbt's manifest and contexts (0.6 s)."""
    gc.set_threshold(YOUNG_COLLECTION_THRESHOLD, *gc.get_threshold()[1:])
    status = main(process_exits=True)
    gc.freeze()
    sys.exit(status)


if __name__ == "__main__":
    run()
