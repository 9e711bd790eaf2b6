"""Benchmark extraction and the dbt build against the raw DuckDB floor, for growing corpora:
``python -m benchmarks.run`` (``make bench``), from the repository root.

First the whole ``budget-warehouse build`` of the one seed document (extract, dbt build,
verify, publish with its exports and report page), as a user runs it with a warm virtualenv,
against the floor of the same document. Then for each corpus size N the synthetic generator
writes N disclosures into a scratch copy of the project, and three stages run as separate
processes, each timed with the peak memory of its whole process tree: extraction, the dbt
build (models and every data test, dbt in-process as ``budget-warehouse build`` runs it), and
the floor: the very SQL dbt ran (seeds read straight from the CSVs, every model, every data
test) executed as one script in one DuckDB connection, so the difference is what dbt's
orchestration costs. Every stage runs ``repeat`` times; the report gives the median time and
the highest peak.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from benchmarks.synthetic import generate
from budget_warehouse.project import copy_project

SEED_DOCUMENT = "000_e2c6e97a9772fe89.txt"


@dataclass
class Measurement:
    seconds: float
    peak_mb: float


@dataclass
class Result:
    documents: int
    extract: Measurement
    build: Measurement
    floor: Measurement
    runs: int = 1  # each stage's repetitions: its median time and highest peak are reported

    @property
    def build_over_floor(self) -> float:
        return self.build.seconds / self.floor.seconds


def measure(
    command: list[str], env: dict[str, str] | None = None, cwd: Path | None = None, output: list[str] | None = None
) -> Measurement:
    """Wall time and peak resident memory of one child process and everything it starts (the
    sum over the process tree, sampled, or the child's own peak if that is higher); fails if the
    command fails. With ``output``, the child's standard output is appended to it."""
    with tempfile.TemporaryFile() as stdout, tempfile.TemporaryFile() as stderr:
        started = time.perf_counter()
        process = subprocess.Popen(command, env=env, cwd=cwd, stdout=stdout, stderr=stderr)
        tree_peak = _TreePeak(process.pid)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        tree_peak.stop()
        stdout.seek(0)
        stderr.seek(0)
        if output is not None:
            output.append(stdout.read().decode())
        if os.waitstatus_to_exitcode(status) != 0:
            raise RuntimeError(f"{' '.join(command[:3])} failed:\n{stderr.read().decode()[-2000:]}")
    return Measurement(round(seconds, 2), round(max(tree_peak.peak_kb, usage.ru_maxrss) / 1024, 1))


class _TreePeak:
    """The highest sum of resident memory over a process and its descendants, sampled every
    20 ms from /proc (Linux); 0 where /proc is not there."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak_kb = 0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._done.set()
        self._thread.join()

    def _sample(self) -> None:
        while not self._done.is_set():
            self.peak_kb = max(self.peak_kb, sum(_rss_kb(pid) for pid in _tree(self.pid)))
            self._done.wait(0.02)


def _tree(pid: int) -> list[int]:
    pids, index = [pid], 0
    while index < len(pids):
        try:
            tasks = os.listdir(f"/proc/{pids[index]}/task")
        except OSError:
            tasks = []
        for task in tasks:
            try:
                with open(f"/proc/{pids[index]}/task/{task}/children") as handle:
                    pids.extend(int(child) for child in handle.read().split())
            except OSError:
                pass
        index += 1
    return pids


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def repeated(times: int, stage: Callable[[], Measurement]) -> Measurement:
    """``stage`` run ``times`` times: the median wall time and the highest peak memory."""
    runs = [stage() for _ in range(max(1, times))]
    return Measurement(round(statistics.median(run.seconds for run in runs), 2), max(run.peak_mb for run in runs))


def prepare(repo: Path, root: Path, documents: int, seed: int) -> Path:
    """A fresh scratch copy of the project at ``root`` holding ``documents`` synthetic disclosures,
    written one at a time: a large corpus does not fit in memory at once."""
    if root.exists():
        shutil.rmtree(root)
    copy_project(repo, root, documents={})
    for index in range(documents):
        text = generate(seed + index, department=f"深圳市合成{index:05d}局")
        (root / "disclosures" / f"doc_{index:05d}.txt").write_text(text, encoding="utf-8")
    return root


def floor_statements(root: Path) -> list[str]:
    """The SQL of the last dbt run, in dependency order, as plain DuckDB statements."""
    manifest = json.loads((root / "target" / "manifest.json").read_text(encoding="utf-8"))
    nodes = {
        uid: node
        for uid, node in manifest["nodes"].items()
        if node["resource_type"] in ("seed", "model", "test") and node["config"].get("enabled", True)
    }
    ordered: list[str] = []
    seen: set[str] = set()

    def visit(uid: str) -> None:
        if uid in seen or uid not in nodes:
            return
        seen.add(uid)
        for parent in manifest["parent_map"].get(uid, []):
            visit(parent)
        ordered.append(uid)

    for uid in sorted(nodes):
        visit(uid)
    statements: list[str] = []
    schemas = sorted({nodes[uid]["schema"] for uid in ordered})
    statements += [f'create schema if not exists "{schema}"' for schema in schemas]
    for uid in ordered:
        node = nodes[uid]
        relation = node.get("relation_name")
        if node["resource_type"] == "seed":
            path = Path(node["root_path"]) / node["original_file_path"]
            statements.append(
                f"create table {relation} as select * from read_csv('{path}', header = true, all_varchar = true)"
            )
        elif node["resource_type"] == "model":
            kind = "view" if node["config"]["materialized"] == "view" else "table"
            statements.append(f"create or replace {kind} {relation} as {node['compiled_code']}")
        else:
            statements.append(f"select count(*) from ({node['compiled_code']}) as failures")
    return statements


FLOOR_RUNNER = """
import json, sys, duckdb
connection = duckdb.connect(sys.argv[1])
for statement in json.load(open(sys.argv[2], encoding="utf-8")):
    connection.execute(statement).fetchall()
"""


# The dbt build as `budget-warehouse build` runs it: dbt in the process (warehouse.run_dbt),
# with a fresh candidate and the garbage collector's threshold the build sets after extraction.
# Unit tests are left out: their fixtures are the same at every size.
BUILD_RUNNER = """
import gc
import sys
from pathlib import Path
from budget_warehouse.cli import BUILD_YOUNG_COLLECTION_THRESHOLD
from budget_warehouse.warehouse import Project, run_dbt
gc.set_threshold(BUILD_YOUNG_COLLECTION_THRESHOLD, *gc.get_threshold()[1:])
project = Project(Path(sys.argv[1]))
for stale in (project.candidate, project.candidate.with_name(project.candidate.name + ".wal")):
    stale.unlink(missing_ok=True)
status = 0
for command in sys.argv[2:]:
    selection = [] if command == "parse" else ["--exclude", "test_type:unit"]
    status = run_dbt(project, *command.split(), *selection)
    if status != 0 and command != "test":
        sys.exit(status)
"""


def default_repeat(documents: int) -> int:
    """Three runs up to 1,000 documents, one beyond (a 10,000-document run takes minutes)."""
    return 3 if documents <= 1000 else 1


def run_size(repo: Path, work: Path, documents: int, seed: int, repeat: int | None = None) -> Result:
    root = prepare(repo, work / f"n{documents}", documents, seed)
    return _measure_stages(root, documents, repeat=default_repeat(documents) if repeat is None else repeat)


def _extract(root: Path) -> Measurement:
    """`budget-warehouse extract` of the project's disclosures (on every core)."""
    return measure(
        [
            str(Path(sys.executable).parent / "budget-warehouse"),
            "extract",
            "--input",
            str(root / "disclosures"),
            "--output",
            str(root / "seeds" / "disclosure"),
            "--no-progress",
        ]
    )


def _build(root: Path, tests_may_fail: bool = False) -> Measurement:
    """The dbt build of the extracted seeds, in one process as `budget-warehouse build` runs it."""
    (root / "build").mkdir(exist_ok=True)
    # Every node still runs when tests may fail (dbt build would skip what follows a failed
    # test), and the build's time is measured whatever the tests find.
    commands = ["seed", "run", "test"] if tests_may_fail else ["build"]
    build = measure([sys.executable, "-c", BUILD_RUNNER, str(root), *commands], cwd=root)
    if tests_may_fail:  # the floor needs every node's compiled SQL, which `dbt test` left out
        measure([sys.executable, "-c", BUILD_RUNNER, str(root), "compile"], cwd=root)
    return build


def _extract_and_build(root: Path, tests_may_fail: bool = False) -> tuple[Measurement, Measurement]:
    extract = _extract(root)
    return extract, _build(root, tests_may_fail)


def _floor(root: Path) -> Measurement:
    statements = root / "floor.json"
    if not statements.exists():
        statements.write_text(json.dumps(floor_statements(root), ensure_ascii=False), encoding="utf-8")
    database = root / "floor" / "warehouse.duckdb"
    shutil.rmtree(database.parent, ignore_errors=True)
    database.parent.mkdir()
    return measure([sys.executable, "-c", FLOOR_RUNNER, str(database), str(statements)])


def _measure_stages(root: Path, documents: int, tests_may_fail: bool = False, repeat: int = 1) -> Result:
    extract = repeated(repeat, lambda: _extract(root))
    # dbt parses a new project whole once (10-15 s); builds after that parse only what changed,
    # as a user's builds do. Untimed, so that one run at 10,000 documents is not a cold one.
    measure([sys.executable, "-c", BUILD_RUNNER, str(root), "parse"], cwd=root)
    build = repeated(repeat, lambda: _build(root, tests_may_fail))
    floor = repeated(repeat, lambda: _floor(root))
    return Result(documents, extract, build, floor, max(1, repeat))


@dataclass
class OneDocument:
    """The whole `budget-warehouse build` of the seed document against its floor."""

    build: Measurement
    floor: Measurement
    runs: int
    timings: str  # the build's own breakdown, from its last run

    @property
    def build_over_floor(self) -> float:
        return self.build.seconds / self.floor.seconds


def run_one_document(repo: Path, work: Path, repeat: int = 3) -> OneDocument:
    """`budget-warehouse build` of a scratch project holding the seed document alone: extract,
    dbt build with every test, verify, publish with the exports and the report page. One build
    first warms it as a user's previous build would (dbt's partial parse, bytecode); then the
    median of ``repeat`` builds, against the floor of the same SQL."""
    root = prepare(repo, work / "one_document", 0, 0)
    shutil.copy2(repo / "disclosures" / SEED_DOCUMENT, root / "disclosures" / SEED_DOCUMENT)
    command = [str(Path(sys.executable).parent / "budget-warehouse"), "build", "--project-dir", str(root)]
    command.append("--no-progress")
    measure(command, cwd=root)
    output: list[str] = []
    build = repeated(repeat, lambda: measure(command, cwd=root, output=output))
    floor = repeated(repeat, lambda: _floor(root))
    breakdown = next((line for line in reversed(output[-1].splitlines()) if line.startswith("timings:")), "")
    return OneDocument(build, floor, max(1, repeat), breakdown)


def one_document_report(result: OneDocument) -> str:
    return "\n".join(
        [
            f"one document, the whole `budget-warehouse build` (median of {result.runs}): "
            f"{result.build.seconds:.2f} s, {result.build.peak_mb:.0f} MB; floor {result.floor.seconds:.2f} s, "
            f"{result.floor.peak_mb:.0f} MB; build/floor {result.build_over_floor:.2f}",
            f"  {result.timings}",
        ]
    )


def large_document(repo: Path, megabytes: float) -> str:
    """The Shenzhen seed document with its 表4 subject rows repeated until it is about
    ``megabytes`` large: one document with hundreds of thousands of rows, each code repeated
    thousands of times, the shape that once made a hierarchy test quadratic."""
    lines = (repo / "disclosures" / SEED_DOCUMENT).read_text(encoding="utf-8").split("\n")
    markers = [i for i, line in enumerate(lines) if re.match(r"^\s*表\s*\d+\s*$", line)]
    start = next(i for i in markers if lines[i].strip() == "表 4")
    end = next(i for i in markers if i > start)
    department = next(line.split("：", 1)[1].strip() for line in lines[start:end] if line.startswith("单位名称"))
    subjects = [
        i for i in range(start, end) if re.match(r"^\|[^|]+\|\s*[\d,.]+\s*\|", lines[i]) and department not in lines[i]
    ]
    block = "\n".join(lines[i] for i in subjects) + "\n"
    size = sum(len(line.encode()) + 1 for line in lines)
    copies = max(1, int((megabytes * 1_000_000 - size) // len(block.encode())))
    last = subjects[-1] + 1
    return "\n".join(lines[:last]) + "\n" + block * copies + "\n".join(lines[last:])


def run_large_document(repo: Path, work: Path, megabytes: float) -> Result:
    """One document of ``megabytes``: extraction, dbt build and the floor, as for a corpus."""
    root = prepare(repo, work / f"large{megabytes:g}mb", 0, 0)
    (root / "disclosures" / "large.txt").write_text(large_document(repo, megabytes), encoding="utf-8")
    # Its repeated rows break uniqueness and identities on purpose: only the time is of interest.
    return _measure_stages(root, documents=1, tests_may_fail=True)


def marginal(results: list[Result], stage: str) -> float:
    """Seconds per additional document, between the two largest corpora."""
    small, large = results[-2], results[-1]
    small_stage: Measurement = getattr(small, stage)
    large_stage: Measurement = getattr(large, stage)
    return (large_stage.seconds - small_stage.seconds) / (large.documents - small.documents)


def report(results: list[Result]) -> str:
    lines = [
        f"{'documents':>9} {'extract s':>10} {'build s':>9} {'floor s':>9} {'build/floor':>12} "
        f"{'extract MB':>11} {'build MB':>9} {'floor MB':>9} {'build/floor MB':>15} {'runs':>5}"
    ]
    for r in results:
        lines.append(
            f"{r.documents:>9} {r.extract.seconds:>10.2f} {r.build.seconds:>9.2f} {r.floor.seconds:>9.2f} "
            f"{r.build_over_floor:>12.2f} {r.extract.peak_mb:>11.1f} {r.build.peak_mb:>9.1f} {r.floor.peak_mb:>9.1f} "
            f"{r.build.peak_mb / r.floor.peak_mb:>15.2f} {r.runs:>5}"
        )
    if len(results) >= 2:
        build, floor = marginal(results, "build"), marginal(results, "floor")
        lines.append(
            f"marginal cost of one more document ({results[-2].documents} -> {results[-1].documents}): "
            f"build {build * 1000:.1f} ms, floor {floor * 1000:.1f} ms, ratio {build / floor:.2f}; "
            f"extract {marginal(results, 'extract') * 1000:.1f} ms"
        )
    return "\n".join(lines)


PDF_FLOOR = """
import sys, pdfplumber
for path in sys.argv[1:]:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_tables()
"""
PDF_EXTRACTOR = """
import sys
from pathlib import Path
from budget_warehouse.templates import extract_any
for path in sys.argv[1:]:
    extract_any(Path(path))
"""


@dataclass
class PdfResult:
    documents: int
    pages: int
    floor: Measurement  # pdfplumber's own table extraction of every page, one core
    extract: Measurement  # our extraction of the same documents, one core
    pool: Measurement  # `budget-warehouse extract` of the folder, on every core
    build: Measurement  # `dbt build` of the extracted corpus

    @property
    def extract_over_floor(self) -> float:
        return self.extract.seconds / self.floor.seconds

    def pages_per_second(self, stage: str) -> float:
        measured: Measurement = getattr(self, stage)
        return self.pages / measured.seconds


FAMILY_PDFS = Path(__file__).resolve().parents[1] / "tests" / "python" / "data" / "families"
# Shanghai's budgets and final accounts in disclosures/, and one document of each other family.
FAMILY_COUNT = 2 + len(list(FAMILY_PDFS.glob("*.pdf")))


def run_pdfs(repo: Path, work: Path) -> PdfResult:
    """The real PDFs in disclosures/ and one of each table family (tests/python/data/families/):
    our extraction against pdfplumber's table extraction of the same pages (the floor, one core
    each), then the folder extracted on every core and built."""
    import pdfplumber  # only the PDF benchmark needs it here

    files = sorted((repo / "disclosures").glob("*.pdf")) + sorted(FAMILY_PDFS.glob("*.pdf"))
    if not files:
        raise RuntimeError(f"no PDFs in {repo / 'disclosures'} to benchmark")
    pages = 0
    for path in files:
        with pdfplumber.open(path) as pdf:
            pages += len(pdf.pages)
    names = [str(path) for path in files]
    floor = measure([sys.executable, "-c", PDF_FLOOR, *names])
    extract = measure([sys.executable, "-c", PDF_EXTRACTOR, *names])
    root = prepare(repo, work / "pdfs", 0, 0)
    for path in files:
        shutil.copy2(path, root / "disclosures" / path.name)
    pool, build = _extract_and_build(root)
    return PdfResult(len(files), pages, floor, extract, pool, build)


def pdf_report(result: PdfResult) -> str:
    cores = os.cpu_count() or 1
    return "\n".join(
        [
            f"PDF extraction, {result.documents} real documents of {FAMILY_COUNT} families, {result.pages} pages:",
            f"  floor (pdfplumber extract_tables, 1 core): {result.floor.seconds:.2f} s, "
            f"{result.pages_per_second('floor'):.2f} pages/s, {result.floor.peak_mb:.0f} MB",
            f"  extract (families, 1 core):                {result.extract.seconds:.2f} s, "
            f"{result.pages_per_second('extract'):.2f} pages/s, {result.extract.peak_mb:.0f} MB; "
            f"extract/floor {result.extract_over_floor:.2f}",
            f"  extract on {cores} cores:                      {result.pool.seconds:.2f} s, "
            f"{result.pages_per_second('pool') / cores:.2f} pages/s per core, "
            f"speed-up {result.extract.seconds / result.pool.seconds:.2f}",
            f"  dbt build of the corpus:                   {result.build.seconds:.2f} s, {result.build.peak_mb:.0f} MB",
        ]
    )


def large_report(megabytes: list[float], results: list[Result]) -> str:
    lines = ["one large document (表4 repeated):"]
    for size, result in zip(megabytes, results, strict=True):
        lines.append(
            f"  {size:>5g} MB: extract {result.extract.seconds:.1f} s, {result.extract.peak_mb:.0f} MB; "
            f"build {result.build.seconds:.1f} s, floor {result.floor.seconds:.1f} s, "
            f"build/floor {result.build_over_floor:.2f}"
        )
    if len(results) >= 2:
        growth = megabytes[-1] / megabytes[0]
        build = results[-1].build.seconds / results[0].build.seconds
        lines.append(f"  {growth:g}x the size: build {build:.2f}x the time (linear would be {growth:g}x at most)")
    return "\n".join(lines)


def run(
    repo: Path,
    sizes: list[int],
    work: Path,
    output: Path,
    seed: int = 0,
    large_mb: list[float] | None = None,
    repeat: int | None = None,
) -> list[Result]:
    """``repeat`` runs of every stage (default: 3 up to 1,000 documents, 1 beyond)."""
    one = run_one_document(repo, work, 3 if repeat is None else max(3, repeat))
    print(one_document_report(one), flush=True)
    results = []
    for documents in sorted(sizes):
        results.append(run_size(repo, work, documents, seed, repeat))
        print(report(results[-1:]).splitlines()[1], flush=True)
    print(report(results))
    large = [run_large_document(repo, work, size) for size in sorted(large_mb or [])]
    if large:
        print(large_report(sorted(large_mb or []), large))
    pdfs = run_pdfs(repo, work)
    print(pdf_report(pdfs))
    summary = {
        "one_document": asdict(one) | {"build_over_floor": one.build_over_floor},
        "pdf": asdict(pdfs) | {"extract_over_floor": pdfs.extract_over_floor},
        "results": [
            asdict(r)
            | {"build_over_floor": r.build_over_floor, "build_over_floor_memory": r.build.peak_mb / r.floor.peak_mb}
            for r in results
        ],
        "large_document": [
            asdict(r) | {"megabytes": size, "build_over_floor": r.build_over_floor}
            for size, r in zip(sorted(large_mb or []), large, strict=True)
        ],
        "marginal_seconds_per_document": (
            {stage: marginal(results, stage) for stage in ("extract", "build", "floor")} if len(results) >= 2 else {}
        ),
    }
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(summary, indent=2), encoding="utf-8")
    print(f"results written to {output}")
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.run", description="Time extraction and dbt build against the raw DuckDB floor."
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 100, 1000], help="corpus sizes to run")
    parser.add_argument("--work-dir", type=Path, default=Path("build/bench"), help="scratch folder for the corpora")
    parser.add_argument("--output", type=Path, default=Path("build/bench.json"), help="where to write the results")
    parser.add_argument("--seed", type=int, default=0, help="random seed of the synthetic corpus")
    parser.add_argument(
        "--large-document-mb",
        type=float,
        nargs="*",
        default=[],
        metavar="MB",
        help="also time one document of each size (表4 repeated), to show the build grows linearly",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        metavar="N",
        help="runs of every stage, reported as the median time and the highest peak memory "
        "(default: 3 up to 1,000 documents, 1 beyond)",
    )
    args = parser.parse_args(argv)
    run(Path.cwd(), args.sizes, args.work_dir.resolve(), args.output, args.seed, args.large_document_mb, args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
