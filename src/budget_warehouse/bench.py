"""Benchmark extraction and the dbt build against the raw DuckDB floor, for growing corpora.

For each corpus size N the synthetic generator writes N disclosures into a scratch copy of the
project, then three stages run as separate processes, each timed with its peak memory:
extraction, ``dbt build`` (models and every test), and the floor: the very SQL dbt ran (seeds
read straight from the CSVs, every model, every data test) executed as one script in one
DuckDB connection, so the difference is what dbt's orchestration costs.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from budget_warehouse.synthetic import generate

PROJECT_FILES = (
    ".dbtignore",
    "dbt_project.yml",
    "profiles.yml",
    "models",
    "macros",
    "docs",
    "tests/dbt",
    "seeds/reference",
)


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

    @property
    def build_over_floor(self) -> float:
        return self.build.seconds / self.floor.seconds


def measure(command: list[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> Measurement:
    """Wall time and peak resident memory of one child process; fails if the command fails."""
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    stderr = process.stderr.read().decode() if process.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(command[:3])} failed:\n{stderr[-2000:]}")
    return Measurement(round(seconds, 2), round(usage.ru_maxrss / 1024, 1))


def prepare(repo: Path, root: Path, documents: int, seed: int) -> Path:
    if root.exists():
        shutil.rmtree(root)
    for name in PROJECT_FILES:
        source, target = repo / name, root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            shutil.copy2(source, target)
    (root / "disclosures").mkdir()
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


def run_size(repo: Path, work: Path, documents: int, seed: int) -> Result:
    root = prepare(repo, work / f"n{documents}", documents, seed)
    return _measure_stages(root, documents)


def _extract_and_build(root: Path, tests_may_fail: bool = False) -> tuple[Measurement, Measurement]:
    """`budget-warehouse extract` of the project's disclosures (on every core), then its dbt build."""
    bin_dir = Path(sys.executable).parent
    extract = measure(
        [
            str(bin_dir / "budget-warehouse"),
            "extract",
            "--input",
            str(root / "disclosures"),
            "--output",
            str(root / "seeds" / "disclosure"),
            "--no-progress",
        ]
    )
    (root / "build").mkdir()
    env = {**os.environ, "BUDGET_WAREHOUSE_BUILD_DB": str(root / "build" / "warehouse.duckdb")}
    dbt = f"{bin_dir / 'dbt'} {{}} --exclude test_type:unit --profiles-dir . --project-dir ."
    if tests_may_fail:
        # Every node still runs (dbt build would skip what follows a failed test), and the
        # build's time is measured whatever the tests find.
        command = ["sh", "-c", f"{dbt.format('seed')} && {dbt.format('run')} && ({dbt.format('test')} || true)"]
    else:
        command = dbt.format("build").split()
    build = measure(command, env=env, cwd=root)
    if tests_may_fail:  # the floor needs every node's compiled SQL, which `dbt test` left out
        measure(dbt.format("compile").split(), env=env, cwd=root)
    return extract, build


def _measure_stages(root: Path, documents: int, tests_may_fail: bool = False) -> Result:
    extract, build = _extract_and_build(root, tests_may_fail)
    statements = root / "floor.json"
    statements.write_text(json.dumps(floor_statements(root), ensure_ascii=False), encoding="utf-8")
    (root / "floor").mkdir()
    floor = measure([sys.executable, "-c", FLOOR_RUNNER, str(root / "floor" / "warehouse.duckdb"), str(statements)])
    return Result(documents, extract, build, floor)


SEED_DOCUMENT = "000_e2c6e97a9772fe89.txt"


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
    delta = getattr(large, stage).seconds - getattr(small, stage).seconds
    return delta / (large.documents - small.documents)


def report(results: list[Result]) -> str:
    lines = [
        f"{'documents':>9} {'extract s':>10} {'build s':>9} {'floor s':>9} {'build/floor':>12} "
        f"{'extract MB':>11} {'build MB':>9} {'floor MB':>9}"
    ]
    for r in results:
        lines.append(
            f"{r.documents:>9} {r.extract.seconds:>10.2f} {r.build.seconds:>9.2f} {r.floor.seconds:>9.2f} "
            f"{r.build_over_floor:>12.2f} {r.extract.peak_mb:>11.1f} {r.build.peak_mb:>9.1f} {r.floor.peak_mb:>9.1f}"
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
        return self.pages / getattr(self, stage).seconds


def run_pdfs(repo: Path, work: Path) -> PdfResult:
    """The real PDFs in disclosures/: our extraction against pdfplumber's table extraction of the
    same pages (the floor, one core each), then the folder extracted on every core and built."""
    import pdfplumber  # only the PDF benchmark needs it here

    files = sorted((repo / "disclosures").glob("*.pdf"))
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
            f"PDF extraction, {result.documents} real documents, {result.pages} pages:",
            f"  floor (pdfplumber extract_tables, 1 core): {result.floor.seconds:.2f} s, "
            f"{result.pages_per_second('floor'):.2f} pages/s, {result.floor.peak_mb:.0f} MB",
            f"  extract (templates, 1 core):               {result.extract.seconds:.2f} s, "
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
    repo: Path, sizes: list[int], work: Path, output: Path, seed: int = 0, large_mb: list[float] | None = None
) -> list[Result]:
    results = []
    for documents in sorted(sizes):
        results.append(run_size(repo, work, documents, seed))
        print(report(results[-1:]).splitlines()[1], flush=True)
    print(report(results))
    large = [run_large_document(repo, work, size) for size in sorted(large_mb or [])]
    if large:
        print(large_report(sorted(large_mb or []), large))
    pdfs = run_pdfs(repo, work)
    print(pdf_report(pdfs))
    summary = {
        "pdf": asdict(pdfs) | {"extract_over_floor": pdfs.extract_over_floor},
        "results": [asdict(r) | {"build_over_floor": r.build_over_floor} for r in results],
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
