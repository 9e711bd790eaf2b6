"""A build that makes no progress fails, naming its stage and the dbt node running, releases its
lock and publishes nothing (issue 23: once a build sat 11 minutes in dbt's graph queue)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from conftest import REPO, copy_project

SEED = "000_e2c6e97a9772fe89.txt"
# A model that does not finish in any reasonable time: 10^12 rows counted.
SLEEPER = "select count(*) as row_count from range(1000000) as a cross join range(1000000) as b\n"


def _build(project: Path, *options: str) -> subprocess.CompletedProcess[str]:
    command = [str(Path(sys.executable).with_name("budget-warehouse")), "build", "--project-dir", str(project)]
    return subprocess.run([*command, "--no-progress", *options], capture_output=True, text=True, check=False)


def test_a_stalled_build_fails_naming_its_node_and_publishes_nothing(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", {SEED: (REPO / "disclosures" / SEED).read_text(encoding="utf-8")})
    sleeper = project / "models" / "intermediate" / "int_sleeping_forever.sql"
    sleeper.write_text(SLEEPER, encoding="utf-8")
    started = time.monotonic()
    # 30 s: long enough that a full dbt parse on a busy machine (silent for a while) is not taken for
    # a stall, far shorter than the model
    stalled = _build(project, "--watchdog", "30")
    assert time.monotonic() - started < 150, "the watchdog stopped the build"
    assert stalled.returncode == 124, stalled.stderr
    assert "no progress for 30 s" in stalled.stderr
    # named where it stopped, and again in the build's last word
    # (Python's resource_tracker may warn of a leaked semaphore of the killed dbt after it: not the build's)
    said = [line for line in stalled.stderr.strip().splitlines() if "resource_tracker" not in line]
    last = said[-1]
    assert "stage dbt build, dbt node model.budget_warehouse.int_sleeping_forever running" in last
    assert not (project / "warehouse.duckdb").exists(), "nothing is published"
    # the lock went with it: the next build takes it at once (--wait 0) and publishes
    sleeper.unlink()
    again = _build(project, "--wait", "0")
    assert again.returncode == 0, again.stderr
    assert (project / "warehouse.duckdb").exists()
