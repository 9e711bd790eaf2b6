"""Extraction and the dbt build on local Spark, timed for growing synthetic corpora:
``python -m benchmarks.spark_bench 1 1000`` (``make spark-bench``), from the repository root.

Each size runs in a process of its own, so the JVM's start is part of the fixed cost and the
peak memory is that of the whole process tree."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from benchmarks.run import measure, prepare
from budget_warehouse.errors import EngineUnavailable
from budget_warehouse.extract import extract_folder
from budget_warehouse.spark import SPARK_TARGET, quiet_spark, require_spark, run_dbt, spark_warehouse, start_session
from budget_warehouse.warehouse import Project


def build_once(root: Path) -> dict[str, float]:
    """Extract a prepared project's disclosures on Spark and build it there with every test,
    in this process; seconds per stage."""
    require_spark()
    quiet_spark()
    project = Project(root)
    shutil.rmtree(spark_warehouse(project), ignore_errors=True)
    started = time.perf_counter()
    start_session(project)
    session = time.perf_counter()
    extract_folder(project.root / "disclosures", project.seeds, engine="spark")
    extracted = time.perf_counter()
    if not run_dbt(project, SPARK_TARGET, "build", "--exclude", "test_type:unit"):
        raise RuntimeError(f"the Spark build of {root} failed")
    built = time.perf_counter()
    return {
        "session_s": round(session - started, 2),
        "extract_s": round(extracted - session, 2),
        "build_s": round(built - extracted, 2),
    }


def bench(repo: Path, work: Path, sizes: Sequence[int], seed: int = 20200101) -> list[dict[str, float]]:
    """For each size, N synthetic documents extracted and built on local Spark by build_once in a
    child process, with the peak memory of its tree."""
    results = []
    for documents in sizes:
        root = prepare(repo, work / f"spark-n{documents}", documents, seed)
        timings: list[str] = []
        measured = measure(
            [sys.executable, "-m", "benchmarks.spark_bench", "--build-once", str(root)], cwd=repo, output=timings
        )
        stages = json.loads(timings[-1].strip().splitlines()[-1])
        results.append({"documents": documents, **stages, "total_s": measured.seconds, "peak_mb": measured.peak_mb})
        print(
            f"spark  {documents:>6} documents: session {stages['session_s']:6.1f} s  extract "
            f"{stages['extract_s']:6.1f} s  build {stages['build_s']:6.1f} s  total {measured.seconds:6.1f} s  "
            f"peak {measured.peak_mb:7.0f} MB",
            flush=True,
        )
    if len(results) > 1:
        first, last = results[0], results[-1]
        per_document = (last["total_s"] - first["total_s"]) / (last["documents"] - first["documents"])
        print(f"spark  marginal cost: {per_document * 1000:.1f} ms a document; fixed {first['total_s']:.0f} s")
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.spark_bench",
        description="Time N synthetic documents extracted and built on local Spark.",
    )
    parser.add_argument("sizes", type=int, nargs="*", metavar="N", help="corpus sizes to run")
    parser.add_argument("--work-dir", type=Path, default=Path("build/spark-bench"), help="scratch folder")
    parser.add_argument("--build-once", type=Path, help=argparse.SUPPRESS)  # one size, in the child process
    args = parser.parse_args(argv)
    if not (args.sizes or args.build_once):
        parser.error("give at least one corpus size N")
    try:
        require_spark()  # before a large corpus is written for nothing
        if args.build_once:
            print(json.dumps(build_once(args.build_once.resolve())))
            return 0
    except EngineUnavailable as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    results = bench(Path.cwd(), args.work_dir.resolve(), args.sizes)
    (args.work_dir / "bench.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
