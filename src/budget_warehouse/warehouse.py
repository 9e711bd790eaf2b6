"""Build the warehouse into a candidate file and publish it only when every test passes."""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from budget_warehouse import faults, publish, timings, watchdog
from budget_warehouse.durable import remove
from budget_warehouse.files import recover_folder
from budget_warehouse.publish import WAREHOUSE_FILE, wal_of

if TYPE_CHECKING:
    from dbt_common.events.base_types import EventMsg

# The candidate keeps the published file's name so that its catalog, which dbt-duckdb writes
# into view definitions, is "warehouse" both while building and once published.
PREVIOUS_FILE = "warehouse.previous.duckdb"


@dataclass(frozen=True)
class Project:
    """Where a build reads from and writes to; tests point it at a scratch copy."""

    root: Path

    @property
    def candidate(self) -> Path:
        return self.root / "build" / WAREHOUSE_FILE

    @property
    def published(self) -> Path:
        return self.root / WAREHOUSE_FILE

    @property
    def previous(self) -> Path:
        return self.root / PREVIOUS_FILE

    @property
    def target(self) -> Path:
        return self.root / "target"

    @property
    def extract_cache(self) -> Path:
        """Each document's extraction, kept for the next build (budget_warehouse.cache)."""
        return self.root / "build" / "extract-cache"

    @property
    def docs_site(self) -> Path:
        """The dbt documentation site as one page, written by every build (dbt docs generate --static)."""
        return self.target / "static_index.html"

    @property
    def exports(self) -> Path:
        return self.root / "exports"

    @property
    def seeds(self) -> Path:
        return self.root / "seeds" / "disclosure"

    @property
    def lock_file(self) -> Path:
        return self.root / "build" / ".build.lock"


class BuildFailed(RuntimeError):
    """dbt build failed; the published warehouse was left as it was."""


class BuildInProgress(RuntimeError):
    """Another build holds the project's lock."""


@contextmanager
def build_lock(project: Project, wait_seconds: float = 0) -> Iterator[int]:
    """Hold the project's build lock, so that two builds never write the candidate, the seeds
    or the published file at once. The lock is released by the kernel if the build dies.
    Yields the lock's descriptor; dbt runs in this process (run_dbt), so it holds the lock."""
    project.lock_file.parent.mkdir(parents=True, exist_ok=True)
    with project.lock_file.open("w") as handle:
        deadline = time.monotonic() + wait_seconds
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise BuildInProgress(
                        f"another build of {project.root} is running (lock {project.lock_file}); "
                        "try again when it has finished, or pass --wait SECONDS"
                    ) from None
                time.sleep(0.5)
        try:
            handle.write(f"{os.getpid()}\n")
            handle.flush()
            yield handle.fileno()
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def recover(project: Project) -> list[str]:
    """Put back whatever an interrupted build left, before this one does anything: half-written
    or half-swapped seeds, staging folders of older builds, half-written releases."""
    done = recover_folder(project.seeds)
    for leftover in sorted(project.root.glob(".exports.*")):  # builds before releases staged here
        remove(leftover)
        done.append(f"removed {leftover}, left by an interrupted build")
    return done + publish.recover(project.root)


# dbt's own loggers are off and EventLog writes what they would show at info. dbt formats every
# event for each logger (a line with a timestamp, scrubbed of secrets by scanning the environment)
# before the logger's level drops it: 10,000 lines for a one-document build, a second of its time,
# to print 400. Each node's SQL stays in target/compiled and target/run. dbt writes no artifacts
# itself: run_dbt writes them once (see there).
DBT_FLAGS = ("--log-level", "none", "--log-level-file", "none", "--no-write-json")
SHOWN_LEVELS = frozenset({"info", "warn", "error"})
# dbt's stdout logger drops its cache events even at info, and its file logger the `dbt clean` ones.
HIDDEN_EVENTS = frozenset({"CacheAction", "CacheDumpGraph"})


class EventLog:
    """dbt's events at info and above, as its terminal shows them (``HH:MM:SS  message``), on
    standard output and appended to logs/dbt.log (with the level), for a callback to dbtRunner."""

    def __init__(self, log_file: Path) -> None:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        self._file = log_file.open("a", encoding="utf-8")
        self.levels = SHOWN_LEVELS

    def __call__(self, msg: EventMsg) -> None:
        if msg.info.level not in self.levels or msg.info.name in HIDDEN_EVENTS:
            return
        # The message is a field of the protobuf EventInfo that dbt_common's Protocol leaves out.
        info: Any = msg.info
        text: str = info.msg
        stamp = time.strftime("%H:%M:%S", time.gmtime())  # UTC, as dbt's terminal lines
        print(f"{stamp}  {text}", flush=True)
        self._file.write(f"{stamp} [{msg.info.level:<5}] {text}\n")

    def close(self) -> None:
        self._file.close()


def _progress(msg: EventMsg) -> None:
    """Every dbt event is progress for the build's watchdog; a node's start and end say which
    node is running, for its message if the build stalls."""
    name = msg.info.name
    if name in ("NodeStart", "NodeFinished"):
        data: Any = msg.data
        watchdog.beat(node=str(data.node_info.unique_id), node_done=name == "NodeFinished")
    else:
        watchdog.beat()


def run_dbt(
    project: Project,
    *args: str,
    settings: Sequence[str] = (),
    lock_fd: int | None = None,
    callbacks: list[Callable[[EventMsg], None]] | None = None,
) -> int:
    """dbt in this process, through dbtRunner. One process saves the interpreter start and
    dbt's imports (seconds of a one-document build), and it makes the guarantees the child
    needed moot: dbt runs on a thread of the process that holds the build lock, so it holds
    the lock exactly as long as the build does, and it dies with the build (a killed build
    kills dbt with it; no child can go on writing the candidate outside the lock).

    ``args`` is the command and its own options (``build --select x``); ``settings`` are options
    that shape the project and its parse as well (``--vars``, ``--target``, ``--target-path``).
    dbt parses first and the command runs on the parsed manifest, and the artifacts
    (manifest.json, semantic_manifest.json, run_results.json) are written once, at the end: a
    command that parses writes the manifest after parsing and again after running, a third of a
    second each for this project. ``lock_fd`` is accepted for callers of the subprocess version
    and not needed."""
    from dbt.cli.main import dbtRunner  # dbt's imports take a second: only builds pay them

    target = Path(_option(settings, "--target-path") or project.target)
    environment = {"BUDGET_WAREHOUSE_BUILD_DB": str(project.candidate), "DBT_TARGET_PATH": str(project.target)}
    saved = {name: os.environ.get(name) for name in environment}
    os.environ.update(environment)
    event_log = EventLog(project.root / "logs" / "dbt.log")
    options = ["--project-dir", str(project.root), "--profiles-dir", str(project.root), *DBT_FLAGS, *settings]
    every_callback: list[Callable[[EventMsg], None]] = [event_log, _progress, *(callbacks or [])]
    (target / "run_results.json").unlink(missing_ok=True)  # a stopped run must not leave an old one
    parse_only = list(args[:1]) == ["parse"]
    try:
        if not parse_only:  # the command itself says again what parsing said at info
            event_log.levels = SHOWN_LEVELS - {"info"}
        result = parsed = dbtRunner(callbacks=every_callback).invoke(["parse", *options])
        event_log.levels = SHOWN_LEVELS
        if parsed.success and not parse_only:
            result = dbtRunner(manifest=parsed.result, callbacks=every_callback).invoke([*args, *options])  # type: ignore[arg-type]
        _write_artifacts(target, parsed.result, result.result if result is not parsed else None)
    finally:
        event_log.close()
        _close_duckdb()
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    if result.exception is not None:
        print(f"dbt stopped: {result.exception}", file=sys.stderr)
        return 2
    return 0 if result.success else 1


def _option(options: Sequence[str], name: str) -> str | None:
    """The value given to ``name`` in a dbt command line, if any."""
    for position, option in enumerate(options[:-1]):
        if option == name:
            return options[position + 1]
    return None


def _write_artifacts(target: Path, manifest: object, results: object) -> None:
    """dbt's artifacts as a command run with --write-json leaves them: the manifest (with the
    compiled code of what ran) and the semantic manifest MetricFlow reads, and the run results."""
    from dbt.contracts.graph.manifest import Manifest
    from dbt.parser.manifest import write_manifest

    target.mkdir(parents=True, exist_ok=True)
    if isinstance(manifest, Manifest):
        write_manifest(manifest, str(target))
    write = getattr(results, "write", None)
    if write is not None:
        write(str(target / "run_results.json"))


def _close_duckdb() -> None:
    """Close the database dbt-duckdb keeps open (keep_open in profiles.yml) once dbt is done, so
    that the candidate is checkpointed and unlocked before it is verified and published."""
    try:
        from dbt.adapters.duckdb.connections import DuckDBConnectionManager
    except ImportError:
        return
    with DuckDBConnectionManager._LOCK:
        environment, DuckDBConnectionManager._ENV = DuckDBConnectionManager._ENV, None
    if environment is not None:
        environment.close()  # type: ignore[no-untyped-call,unused-ignore]  # untyped in some dbt-duckdb releases


def built_marts(project: Project) -> list[str]:
    """The marts the last dbt build made, from its manifest: what a published file must hold. A
    mart is named by its relation (its alias: a deprecated name kept by another model)."""
    manifest = json.loads((project.target / "manifest.json").read_text(encoding="utf-8"))
    return sorted(
        node["alias"]
        for node in manifest["nodes"].values()
        if node["resource_type"] == "model"
        and node["schema"] == "marts"
        and node["config"].get("materialized") != "ephemeral"
    )


@contextmanager
def partial_parse_of(project: Project, mode: str) -> Iterator[None]:
    """dbt's partial parse state for this kind of build. dbt keeps one, target/partial_parse.msgpack,
    and parses the whole project again (15 s of a one-document build) when the command-line vars
    or the target differ from the run that wrote it: a --strict build after a default one, or a
    `dbt --target spark` run in the same folder. Each kind keeps a copy, put back before its
    build; dbt still checks every file against it, so a stale copy only costs the parse."""
    current = project.target / "partial_parse.msgpack"
    kept = project.target / f"partial_parse.{mode}.msgpack"
    if kept.exists():
        shutil.copyfile(kept, current)
    try:
        yield
    finally:
        if current.exists():
            shutil.copyfile(current, kept)


def build_candidate(project: Project, *, strict: bool = False, lock_fd: int | None = None) -> None:
    """Build a fresh candidate from the seeds and run every dbt test on it. A broken accounting
    identity is a warning (the document is flagged) unless ``strict``, where it fails the build."""
    project.candidate.parent.mkdir(parents=True, exist_ok=True)
    for stale in (project.candidate, wal_of(project.candidate)):
        stale.unlink(missing_ok=True)
    strictness = ["--vars", "{strict: true}"] if strict else []
    faults.crash_point("dbt starting")
    started = time.perf_counter()
    with partial_parse_of(project, "strict" if strict else "default"):
        watchdog.beat("dbt build")
        status = run_dbt(project, "build", settings=strictness, lock_fd=lock_fd)
        for name, seconds in timings.dbt_phases(project.target / "run_results.json", time.perf_counter() - started):
            timings.record(name, seconds)
        if status != 0:
            raise BuildFailed("dbt build failed:\n" + describe_failures(project))
        # the documentation site of this very build, for the release (exports/docs/index.html);
        # the build's run results stay what they were (docs generate would write its own)
        project.docs_site.unlink(missing_ok=True)
        run_results = (project.target / "run_results.json").read_bytes()
        with timings.phase("dbt docs"):
            run_dbt(project, "docs", "generate", "--static", settings=strictness, lock_fd=lock_fd)
        (project.target / "run_results.json").write_bytes(run_results)


@dataclass(frozen=True)
class Finding:
    """An identity instance that does not hold within rounding: a publisher's error, or for a
    soft check, figures that differ where they may."""

    source_file: str
    identity_name: str
    family: str
    subject: str
    expected: Decimal | None
    actual: Decimal | None
    difference: Decimal | None
    tolerance: Decimal | None

    def __str__(self) -> str:
        kind = "soft check differs" if self.family == "soft" else "identity broken"
        return (
            f"{self.source_file}: {kind}: {self.identity_name}: {self.subject}: "
            f"published {_figure(self.expected)} against {_figure(self.actual)} 万元 "
            f"(difference {_figure(self.difference)}, rounding allows {_figure(self.tolerance)})"
        )


def _figure(value: Decimal | None) -> str:
    """A figure of a finding; a blank cell (a total the document leaves empty) is 'blank'."""
    return "blank" if value is None else f"{value:f}"


def findings(database: Path) -> list[Finding]:
    """Every broken identity and differing soft check of a built warehouse, with the document's file."""
    with duckdb.connect(str(database), read_only=True) as connection:
        rows = connection.execute(
            """
            select documents.source_file, checks.identity_name, checks.family, checks.subject,
                checks.expected, checks.actual, checks.difference, checks.tolerance
            from marts.fct_identity_checks as checks
            inner join marts.dim_document as documents using (document_id)
            where checks.status in ('broken', 'differs')
            order by checks.family = 'soft', documents.source_file, checks.identity_name, checks.subject
            """
        ).fetchall()
    return [Finding(*row) for row in rows]


@dataclass(frozen=True)
class ClaimFinding:
    """A figure a document's text states that its own tables print otherwise."""

    source_file: str
    page_number: int | None
    line_number: int | None
    subject_name: str
    figure: str
    figure_unit: str
    table_figure_name: str
    table_amount: Decimal
    table_page_number: int | None
    sentence: str

    def __str__(self) -> str:
        where = f"page {self.page_number}" if self.page_number is not None else f"line {self.line_number}"
        table = f" (page {self.table_page_number})" if self.table_page_number is not None else ""
        return (
            f"{self.source_file}: {where}: the text says {self.subject_name} {self.figure} {self.figure_unit}, "
            f"the table's {self.table_figure_name}{table} {_figure(self.table_amount)} 万元: {self.sentence}"
        )


def claim_findings(database: Path) -> list[ClaimFinding]:
    """Every claim of a document's text that differs from its tables (fct_narrative_claims)."""
    with duckdb.connect(str(database), read_only=True) as connection:
        rows = connection.execute(
            """
            select documents.source_file, claims.page_number, claims.source_line_number, claims.subject_name,
                claims.figure, claims.figure_unit, claims.table_figure_name, claims.table_amount,
                claims.table_page_number, claims.sentence
            from marts.fct_narrative_claims as claims
            inner join marts.dim_document as documents using (document_id)
            where claims.status = 'differs'
            order by documents.source_file, claims.claim_number
            """
        ).fetchall()
    return [ClaimFinding(*row) for row in rows]


def describe_failures(project: Project, rows_per_test: int = 5) -> str:
    """The failed nodes of the last dbt run, with the first stored failing rows of each test,
    which name the document, table and row at fault."""
    results_file = project.target / "run_results.json"
    if not results_file.exists():
        return "  (no run_results.json: dbt stopped before running anything)"
    results = json.loads(results_file.read_text(encoding="utf-8"))["results"]
    failed = [r for r in results if r["status"] in ("fail", "error", "runtime error")]
    lines: list[str] = []
    for result in failed:
        lines.append(f"  {result['status'].upper()} {result['unique_id']}: {(result.get('message') or '').strip()}")
        relation = result.get("relation_name")
        if result["status"] == "fail" and relation and project.candidate.exists():
            lines.extend(f"    {row}" for row in _stored_failures(project.candidate, relation, rows_per_test))
    return "\n".join(lines) or "  (no failed node recorded)"


def _stored_failures(database: Path, relation: str, limit: int) -> list[str]:
    try:
        with duckdb.connect(str(database), read_only=True) as connection:
            cursor = connection.execute(f"select * from {relation} limit {int(limit)}")
            columns = [d[0] for d in cursor.description]
            return [", ".join(f"{c}={v}" for c, v in zip(columns, row, strict=True)) for row in cursor.fetchall()]
    except duckdb.Error as exc:
        return [f"(could not read stored failures: {exc})"]
