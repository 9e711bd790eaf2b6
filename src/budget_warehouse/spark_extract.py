"""Extraction as a Spark job (``budget-warehouse extract --engine spark``).

A national corpus is hundreds of thousands of PDFs, hundreds of CPU-hours of table reading a
year: more than one machine's cores. Here the documents are spread across Spark executors as a
DataFrame of paths; each executor reads its documents with the very function the local process
pool runs (:func:`~budget_warehouse.document_rows.extract_rows`), and the driver streams the results
back in file order into the same staging seeds, with the same errors, quarantine and
provenance. Executors read the documents by path, so on a cluster the disclosures folder must
be on a filesystem every executor mounts.

One code path serves a local session (``local[*]``, or ``BUDGET_WAREHOUSE_SPARK_MASTER``) and
Spark Connect (``--spark-remote sc://host:15002``): a DataFrame and a plain Python UDF, no RDD
API and no Arrow, so a classic local session needs nothing beyond pyspark and Java. pyspark is
imported only here, and only when this engine is chosen.
"""

from __future__ import annotations

import importlib.util
import math
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tqdm import tqdm

from budget_warehouse.document_rows import DocumentRows, Results, extract_rows
from budget_warehouse.errors import EngineUnavailable

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, Row, SparkSession

MASTER_VARIABLE = "BUDGET_WAREHOUSE_SPARK_MASTER"
# The variable the spark_connect dbt target reads: one switch sends extraction there too.
REMOTE_VARIABLE = "BUDGET_WAREHOUSE_SPARK_REMOTE"
INSTALL_HINT = (
    "`make spark-check` installs the pinned Spark extras (pyspark 4.3.0, requirements-spark.lock) and Java 17"
)
# A partition is one task and, when streamed back, one job: about a hundred documents each keeps
# the per-job cost small, and at least 16 partitions keep every core of a small cluster busy.
DOCUMENTS_PER_PARTITION = 100
MIN_PARTITIONS = 16
# No web UI, no console progress bar (the CLI draws its own), and plain pickled UDFs (no Arrow).
SESSION_CONF = {
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
    "spark.sql.execution.pythonUDF.arrow.enabled": "false",
}


def _extract_json(path: str, shown: str) -> str:
    """Run on an executor: one document's seed rows (or its error) as JSON."""
    return extract_rows(path, shown).to_json()


def require_pyspark() -> None:
    """Fail before anything is staged when pyspark is missing, naming what installs it."""
    try:
        import pyspark  # noqa: F401
    except ImportError as error:
        raise EngineUnavailable(f"--engine spark needs pyspark, which is not installed: {INSTALL_HINT}") from error


def spark_session(remote: str | None = None) -> tuple[SparkSession, bool]:
    """The active session if there is one (a test's, or dbt-spark's), else a new one: local
    (``local[*]`` unless BUDGET_WAREHOUSE_SPARK_MASTER says otherwise) or, with ``remote`` (or
    BUDGET_WAREHOUSE_SPARK_REMOTE), Spark Connect. Also whether it was created here, so that
    only such a session is stopped."""
    require_pyspark()
    from pyspark.sql import SparkSession

    remote = remote or os.environ.get(REMOTE_VARIABLE) or None

    active = SparkSession.getActiveSession()
    if active is not None and not remote:
        return active, False
    builder: Any = SparkSession.builder.appName("budget-warehouse extract")
    for key, value in SESSION_CONF.items():
        builder = builder.config(key, value)
    if remote:
        _require_connect_client(remote)
        builder = builder.remote(remote)
    else:
        builder = builder.master(os.environ.get(MASTER_VARIABLE, "local[*]"))
        # Executors' Python workers must import this package: the interpreter running this one.
        # pyspark reads the variable when the context starts (a conf would be too late).
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    try:
        session = builder.getOrCreate()
    except Exception as error:  # no Java, or a Java that cannot start Spark
        where = f"reach Spark Connect at {remote}" if remote else "start a local Spark"
        raise EngineUnavailable(f"cannot {where}: {error}; {INSTALL_HINT}") from error
    if not remote:  # Spark's own warnings (native Hadoop, …) are noise next to the summary
        session.sparkContext.setLogLevel("ERROR")
    return session, True


CONNECT_CLIENT = ("pandas", "pyarrow", "grpc", "google.protobuf")


def _require_connect_client(remote: str) -> None:
    """Spark Connect's client needs libraries a local session does not; without them pyspark
    may even exit the process, so they are looked for first."""
    missing = [name for name in CONNECT_CLIENT if importlib.util.find_spec(name.split(".")[0]) is None]
    if missing:
        raise EngineUnavailable(
            f"--spark-remote {remote} needs the Spark Connect client ({', '.join(missing)} missing): "
            "pip install 'pyspark[connect]==4.3.0'"
        )


def partitions_for(documents: int) -> int:
    return max(1, min(documents, max(MIN_PARTITIONS, math.ceil(documents / DOCUMENTS_PER_PARTITION))))


def extracted_frame(spark: SparkSession, files: list[Path]) -> DataFrame:
    """One row per document, its seed rows as JSON, partitioned in file order: range partitions
    of ``position``, so the driver can stream them back partition after partition."""
    from pyspark.sql.functions import udf

    rows = [(position, os.path.abspath(path), str(path)) for position, path in enumerate(files)]
    paths = spark.createDataFrame(rows, "position long, path string, shown string")
    extract = udf(_extract_json, "string", useArrow=False)
    return (
        paths.repartitionByRange(partitions_for(len(files)), "position")
        .select("position", extract("path", "shown").alias("result"))
        .sortWithinPartitions("position")
    )


def in_file_order(rows: Iterable[Row], files: list[Path]) -> Iterator[tuple[Path, DocumentRows]]:
    """Results by position. Range partitions arrive in order, so nothing waits here; should a
    cluster return them otherwise, early ones wait until their turn comes, never reordered."""
    waiting: dict[int, str] = {}
    expected = 0
    for row in rows:
        waiting[row["position"]] = row["result"]
        while expected in waiting:
            yield files[expected], DocumentRows.from_json(waiting.pop(expected))
            expected += 1
    if expected != len(files):
        raise RuntimeError(f"Spark returned {expected} of {len(files)} documents")


def spark_results(files: list[Path], *, progress: bool = False, remote: str | None = None) -> Results:
    """Documents in file order, read on Spark executors. Every partition is extracted at once
    (persisted to the executors' disks) before the driver streams them back one at a time, so
    neither the driver nor the cluster holds the corpus in memory."""
    from pyspark import StorageLevel

    spark, created = spark_session(remote)
    frame = extracted_frame(spark, files).persist(StorageLevel.DISK_ONLY)
    bar = tqdm(total=len(files), desc="extracting (spark)", unit="doc", disable=not progress)
    try:
        frame.count()  # runs every partition in parallel; the iterator below reads what they left
        for path, result in in_file_order(frame.toLocalIterator(), files):
            bar.update()
            yield path, result
    finally:
        bar.close()
        frame.unpersist()
        if created:
            spark.stop()
