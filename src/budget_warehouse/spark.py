"""The same dbt project on Apache Spark, and the proof that it gives the DuckDB build's marts.

`budget-warehouse spark-check` copies the project with a few documents into a scratch folder,
builds it on DuckDB and on a local Spark (every seed, model, unit test and data test), then
compares every mart row for row, with exact amounts. dbt runs in this process through
``dbtRunner``, so one JVM serves every command, and the Spark tables of the in-memory catalog
are still there to compare once the build is done.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import yaml

from budget_warehouse import warehouse
from budget_warehouse.errors import EngineUnavailable
from budget_warehouse.project import copy_project
from budget_warehouse.spark_extract import INSTALL_HINT, require_pyspark
from budget_warehouse.warehouse import Project

SPARK_TARGET = "spark"
# The markdown seed document, one budget and one final account, as published in PDF.
CHECK_DOCUMENTS = (
    "000_e2c6e97a9772fe89.txt",
    "shanghai-putuo-sifaju-2026-budget.pdf",
    "shanghai-putuo-caizhengju-2024-final.pdf",
)
PUBLIC_SCHEMAS = ("marts", "reconciliation")


@dataclass(frozen=True)
class MartComparison:
    """One relation of the public schemas, as built by both engines."""

    relation: str
    duckdb_rows: int
    spark_rows: int
    only_duckdb: tuple[tuple[Any, ...], ...]
    only_spark: tuple[tuple[Any, ...], ...]
    column_mismatch: str = ""

    @property
    def equal(self) -> bool:
        return not (self.only_duckdb or self.only_spark or self.column_mismatch)

    def __str__(self) -> str:
        if self.equal:
            return f"equal      {self.relation} ({self.duckdb_rows} rows)"
        if self.column_mismatch:
            return f"DIFFERENT  {self.relation}: {self.column_mismatch}"
        lines = [f"DIFFERENT  {self.relation}: DuckDB {self.duckdb_rows} rows, Spark {self.spark_rows} rows"]
        lines += [f"    only on DuckDB: {row}" for row in self.only_duckdb[:5]]
        lines += [f"    only on Spark:  {row}" for row in self.only_spark[:5]]
        return "\n".join(lines)


def require_spark() -> None:
    """pyspark (as extraction on Spark needs it) and dbt-spark, or EngineUnavailable."""
    require_pyspark()
    try:
        import dbt.adapters.spark  # noqa: F401
    except ImportError as error:
        raise EngineUnavailable(f"dbt-spark is not installed: {INSTALL_HINT}") from error


def prepare(repo: Path, root: Path, documents: Iterable[str] = CHECK_DOCUMENTS) -> Project:
    """A fresh scratch copy of the project holding only ``documents`` (names in repo/disclosures)."""
    if root.exists():
        shutil.rmtree(root)
    copy_project(repo, root, documents={})
    shutil.copy2(repo / "seeds" / "_seeds.yml", root / "seeds" / "_seeds.yml")
    for name in documents:
        shutil.copy2(repo / "disclosures" / name, root / "disclosures" / name)
    return Project(root)


def run_dbt(project: Project, target: str, *args: str) -> bool:
    """The build's own dbt runner (in this process, so the JVM starts once) on ``target``, with
    its own target folder: the DuckDB build's manifest stays the reference for the comparison.
    The Spark session's warehouse folder is set by start_session."""
    target_path = str(project.root / f"target-{target}")
    return warehouse.run_dbt(project, *args, settings=("--target", target, "--target-path", target_path)) == 0


def spark_warehouse(project: Project) -> Path:
    return project.root / "build" / "spark-warehouse"


def quiet_spark() -> None:
    """Spark logs every failed statement as a JSON stack trace; dbt already names the node."""
    for name in ("py4j", "pyspark", "SQLQueryContextLogger"):
        logging.getLogger(name).setLevel(logging.CRITICAL)


def public_relations(project: Project) -> list[str]:
    """schema.name of every table model in the public schemas, from the DuckDB build's manifest."""
    manifest = json.loads((project.root / "target-dev" / "manifest.json").read_text(encoding="utf-8"))
    return sorted(
        f"{node['schema']}.{node['alias']}"
        for node in manifest["nodes"].values()
        if node["resource_type"] == "model" and node["schema"] in PUBLIC_SCHEMAS
    )


def _normalise(value: Any) -> Any:
    """Values both engines return alike: a Decimal keeps its digits but not its padding (Spark
    may widen a scale where DuckDB keeps it), floats are compared exactly."""
    if isinstance(value, Decimal):
        return value.normalize() if value else Decimal(0)
    return value


def _rows(rows: Iterable[Sequence[Any]]) -> Counter[tuple[Any, ...]]:
    return Counter(tuple(_normalise(value) for value in row) for row in rows)


def compare(relation: str, duckdb_file: Path, spark: Any) -> MartComparison:
    with duckdb.connect(str(duckdb_file), read_only=True) as connection:
        cursor = connection.execute(f"select * from {relation}")
        duckdb_columns = [column[0] for column in cursor.description or ()]
        duckdb_rows = _rows(cursor.fetchall())
    frame = spark.table(relation)
    if [name.lower() for name in frame.columns] != [name.lower() for name in duckdb_columns]:
        return MartComparison(
            relation,
            sum(duckdb_rows.values()),
            frame.count(),
            (),
            (),
            f"columns differ: DuckDB {duckdb_columns}, Spark {frame.columns}",
        )
    spark_rows = _rows(tuple(row) for row in frame.collect())
    return MartComparison(
        relation,
        sum(duckdb_rows.values()),
        sum(spark_rows.values()),
        tuple(sorted((duckdb_rows - spark_rows).elements(), key=repr)),
        tuple(sorted((spark_rows - duckdb_rows).elements(), key=repr)),
    )


_ENV_VAR = re.compile(r"""\{\{\s*env_var\(\s*'([^']+)'\s*(?:,\s*'([^']*)'\s*)?\)\s*\}\}""")


def profile_session_settings(project: Project, target: str = SPARK_TARGET) -> dict[str, str]:
    """The Spark settings of a profiles.yml target, env_var() resolved as dbt would: the one
    session of a check (extraction, then dbt) is created with them, since Spark fixes its
    static settings (catalog, warehouse folder) when the first session starts."""
    profile = yaml.safe_load((project.root / "profiles.yml").read_text(encoding="utf-8"))
    settings = profile["budget_warehouse"]["outputs"][target]["server_side_parameters"]
    return {
        key: _ENV_VAR.sub(lambda match: os.environ.get(match[1], match[2] or ""), str(value))
        for key, value in settings.items()
    }


def start_session(project: Project) -> Any:
    """The session every step of the check shares, in this process."""
    from pyspark.sql import SparkSession

    # Executors' Python workers (extraction) run this interpreter, with this package.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ["BUDGET_WAREHOUSE_SPARK_WAREHOUSE"] = str(spark_warehouse(project))
    builder = SparkSession.builder.appName("budget-warehouse spark-check")
    for key, value in profile_session_settings(project).items():
        builder = builder.config(key, value)
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session


def check(repo: Path, work: Path, documents: Sequence[str] = CHECK_DOCUMENTS) -> int:
    """Extract ``documents`` on Spark, build them on both engines with every test, compare every
    public relation; 0 when all are equal. The DuckDB build is the reference."""
    require_spark()
    quiet_spark()
    from budget_warehouse.extract import extract_folder

    project = prepare(repo, work, documents)
    shutil.rmtree(spark_warehouse(project), ignore_errors=True)
    spark = start_session(project)
    print(extract_folder(project.root / "disclosures", project.seeds, engine="spark"))
    project.candidate.parent.mkdir(parents=True, exist_ok=True)
    # The reference; run_dbt closes DuckDB when dbt is done, so the comparison can read it.
    if not run_dbt(project, "dev", "build"):
        print("the DuckDB build failed: see the log above")
        return 1
    if not run_dbt(project, SPARK_TARGET, "build"):
        print("the Spark build failed: see the log above")
        return 1
    return compare_all(project, spark)


def compare_all(project: Project, spark: Any) -> int:
    """Print one line per public relation and the tally; 0 when every one is equal."""
    relations = public_relations(project)
    comparisons = [compare(relation, project.candidate, spark) for relation in relations]
    for comparison in comparisons:
        print(comparison)
    equal = sum(comparison.equal for comparison in comparisons)
    print(f"marts equal: {equal} of {len(comparisons)}")
    return 0 if comparisons and equal == len(comparisons) else 1


def register_tables(project: Project, spark: Any) -> None:
    """The Parquet tables of an earlier Spark build, in this session's catalog: the in-memory
    catalog ends with its process, the files stay."""
    for folder in sorted(spark_warehouse(project).glob("*.db/*")):
        schema = folder.parent.name.removesuffix(".db")
        spark.sql(f"create database if not exists {schema}")
        spark.sql(f"create table if not exists {schema}.{folder.name} using parquet location '{folder}'")


def main() -> int:
    import argparse

    parser = argparse.ArgumentParser(
        prog="python -m budget_warehouse.spark",
        description="Build a few documents on DuckDB and on local Spark and compare every mart.",
    )
    parser.add_argument("--work-dir", type=Path, default=Path("build/spark-check"))
    parser.add_argument("documents", nargs="*", default=list(CHECK_DOCUMENTS), help="names in disclosures/")
    parser.add_argument(
        "--compare-only", action="store_true", help="compare the marts of the last check's builds again"
    )
    args = parser.parse_args()
    try:
        if args.compare_only:
            return _compare_again(Project(args.work_dir.resolve()))
        return check(Path.cwd(), args.work_dir.resolve(), args.documents)
    except EngineUnavailable as error:
        print(f"error: {error}")
        return 2


def _compare_again(project: Project) -> int:
    require_spark()
    quiet_spark()
    spark = start_session(project)
    register_tables(project, spark)
    return compare_all(project, spark)


if __name__ == "__main__":
    raise SystemExit(main())
