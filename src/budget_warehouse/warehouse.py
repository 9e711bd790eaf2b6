"""Build the warehouse into a candidate file and publish it only when every test passes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import duckdb

# The candidate keeps the published file's name so that its catalog, which dbt-duckdb writes
# into view definitions, is "warehouse" both while building and once published.
WAREHOUSE_FILE = "warehouse.duckdb"
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


class BuildFailed(RuntimeError):
    """dbt build failed; the published warehouse was left as it was."""


def run_dbt(project: Project, *args: str) -> int:
    dbt = Path(sys.executable).with_name("dbt")
    command = [str(dbt), *args, "--project-dir", str(project.root), "--profiles-dir", str(project.root)]
    env = {**os.environ, "BUDGET_WAREHOUSE_BUILD_DB": str(project.candidate), "DBT_TARGET_PATH": str(project.target)}
    return subprocess.run(command, cwd=project.root, env=env, check=False).returncode


def build_candidate(project: Project) -> None:
    """Build a fresh candidate from the seeds and run every dbt test on it."""
    project.candidate.parent.mkdir(parents=True, exist_ok=True)
    for stale in (project.candidate, project.candidate.with_name(WAREHOUSE_FILE + ".wal")):
        stale.unlink(missing_ok=True)
    if run_dbt(project, "build") != 0:
        raise BuildFailed("dbt build failed:\n" + describe_failures(project))


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


def publish(project: Project) -> Path:
    """Swap the candidate into place in one rename, keeping the last published file beside it."""
    if project.published.exists():
        project.previous.unlink(missing_ok=True)
        os.link(project.published, project.previous)
    os.replace(project.candidate, project.published)
    return project.published
