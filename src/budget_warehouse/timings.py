"""Where a build's wall time goes: the breakdown `budget-warehouse build` prints at its end
(extract, dbt's parse and setup, seeds, models, tests, and each step of the publish)."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from budget_warehouse import watchdog

_recorded: list[tuple[str, float]] | None = None


@contextmanager
def recording() -> Iterator[list[tuple[str, float]]]:
    """Collect the phases timed inside the block, in the order they ended."""
    global _recorded
    outer, _recorded = _recorded, []
    try:
        yield _recorded
    finally:
        _recorded = outer


@contextmanager
def phase(name: str) -> Iterator[None]:
    """Time a phase; costs nothing measurable when nobody records. Entering it is progress for
    the build's watchdog, which names it if the build stalls inside."""
    watchdog.beat(name)
    started = time.perf_counter()
    try:
        yield
    finally:
        if _recorded is not None:
            _recorded.append((name, time.perf_counter() - started))


def record(name: str, seconds: float) -> None:
    """A phase measured elsewhere (by dbt, in its run results)."""
    if _recorded is not None:
        _recorded.append((name, seconds))


def dbt_phases(run_results: Path, dbt_seconds: float) -> list[tuple[str, float]]:
    """dbt's wall time split by what ran: parse and setup (everything before the first node and
    after the last: loading the project, writing the manifest), then for seeds, models and tests
    the wall time during which at least one node of that kind was running (with threads they
    overlap, so these add up to more than the nodes' span)."""
    try:
        results = json.loads(run_results.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    spans: dict[str, list[tuple[float, float]]] = {}
    for result in results.get("results", []):
        times = [
            datetime.fromisoformat(stamp.replace("Z", "+00:00")).timestamp()
            for step in result.get("timing", [])
            for stamp in (step.get("started_at"), step.get("completed_at"))
            if stamp
        ]
        if times:
            kind = result["unique_id"].split(".")[0].replace("unit_test", "test")
            spans.setdefault(kind, []).append((min(times), max(times)))
    phases = [("dbt parse and setup", max(0.0, dbt_seconds - float(results.get("elapsed_time", 0.0))))]
    for kind in ("seed", "model", "test"):
        if kind in spans:
            phases.append((f"dbt {kind}s", _covered(spans[kind])))
    return phases


def _covered(intervals: list[tuple[float, float]]) -> float:
    """Seconds during which at least one of the intervals is open."""
    total, end = 0.0, float("-inf")
    for start, stop in sorted(intervals):
        if stop > end:
            total += stop - max(start, end)
            end = stop
    return total


def breakdown(phases: list[tuple[str, float]], total: float) -> str:
    return "timings: " + ", ".join(f"{name} {seconds:.2f} s" for name, seconds in phases) + f"; total {total:.2f} s"
