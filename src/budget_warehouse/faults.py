"""Named crash points for the fault-injection tests, as SQLite and DuckDB keep test hooks.

Setting ``BUDGET_WAREHOUSE_CRASH_AT`` to a point's name kills the process with SIGKILL when it
reaches that point: no cleanup handler runs, exactly as with a power cut or the OOM killer. The
tests use it to show that every point leaves the published warehouse readable and that the next
build needs nobody's help. Unset, a crash point costs one dictionary lookup.
"""

from __future__ import annotations

import os
import signal

CRASH_AT = "BUDGET_WAREHOUSE_CRASH_AT"


def crash_point(name: str) -> None:
    if os.environ.get(CRASH_AT) == name:
        os.kill(os.getpid(), signal.SIGKILL)
