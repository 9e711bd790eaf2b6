"""A build that stops making progress fails, saying where, instead of holding the lock forever.

Every step of a build reports progress here: each phase it enters (``timings.phase``), each
document extracted, each dbt node that starts or finishes. A watcher thread checks the time since
the last report; past the limit it names the stage (and the dbt node running, if one is), then
interrupts the build (SIGINT: a blocked wait wakes, the build unwinds, its lock is released and
nothing is published). A build that does not unwind within a grace period is ended outright,
which also releases the lock (the kernel drops it with the process); the next build's recovery
cleans up after it.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

GRACE_SECONDS = 15.0
EXIT_STALLED = 124  # as timeout(1) exits

_state: dict[str, object] = {"stage": "starting", "node": None, "last": time.monotonic()}
_lock = threading.Lock()
_stalled = threading.Event()
_stalled_at: list[str] = []  # where the build was when the watchdog stopped it


def beat(stage: str | None = None, node: str | None = None, *, node_done: bool = False) -> None:
    """Progress: optionally a new stage, or a dbt node that started (or finished)."""
    with _lock:
        _state["last"] = time.monotonic()
        if stage is not None:
            _state["stage"], _state["node"] = stage, None
        if node is not None:
            _state["node"] = None if node_done else node


def where() -> str:
    with _lock:
        stage, node = _state["stage"], _state["node"]
    return f"stage {stage!s}" + (f", dbt node {node!s} running" if node else "")


def _place() -> str:
    return _stalled_at[0] if _stalled_at else where()


class Stalled(RuntimeError):
    """The build made no progress for the watchdog's time."""


def check() -> None:
    """Raise Stalled if the watchdog has stopped this build: called before anything is
    published, in case a step swallowed the interruption and went on."""
    if _stalled.is_set():
        raise Stalled(f"the watchdog stopped the build ({_place()})")


@contextmanager
def watching(seconds: float | None) -> Iterator[None]:
    """Watch the block: past ``seconds`` without progress, interrupt it (Stalled is raised in
    place of the KeyboardInterrupt the interruption causes). ``None`` or 0: no watchdog."""
    if not seconds:
        yield
        return
    beat("starting")
    stalled = _stalled
    stalled.clear()
    done = threading.Event()

    def watch() -> None:
        while not done.wait(min(1.0, seconds / 4)):
            with _lock:
                idle = time.monotonic() - float(str(_state["last"]))
            if idle > seconds:
                _stalled_at[:] = [where()]
                message = f"no progress for {seconds:g} s ({_stalled_at[0]}): stopping the build; nothing is published"
                print(f"error: {message}", file=sys.stderr, flush=True)
                stalled.set()
                os.kill(os.getpid(), signal.SIGINT)
                if not done.wait(GRACE_SECONDS):
                    # the last word names where it stopped, as the graceful path's does
                    print(
                        f"error: the build did not stop within {GRACE_SECONDS:g} s ({_stalled_at[0]}); "
                        "ending it (its lock goes with it)",
                        file=sys.stderr,
                    )
                    os._exit(EXIT_STALLED)
                return

    watcher = threading.Thread(target=watch, name="build-watchdog", daemon=True)
    watcher.start()
    try:
        yield
    except KeyboardInterrupt:
        if stalled.is_set():
            raise Stalled(f"no progress for {seconds:g} s ({_place()})") from None
        raise
    finally:
        done.set()
    if stalled.is_set():  # a step swallowed the interruption and returned
        raise Stalled(f"no progress for {seconds:g} s ({_place()})")
