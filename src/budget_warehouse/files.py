"""Replacing a folder of outputs as a whole, so no reader ever sees a mix of old and new files,
and recovering from a build that stopped half-way through a replacement."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from budget_warehouse import faults
from budget_warehouse.durable import fsync_path, fsync_tree, make_folder, remove


def _staged(target: Path) -> Path:
    # A hidden sibling: dbt is told to ignore hidden folders under seeds/ (.dbtignore), so a
    # crash that leaves one behind never puts a second copy of a seed where dbt looks.
    return target.with_name(f".{target.name}.new-{os.getpid()}")


def _moved_aside(target: Path) -> Path:
    return target.with_name(f".{target.name}.old")


@contextmanager
def replaced_folder(target: Path) -> Iterator[Path]:
    """Yield a fresh folder beside ``target`` to fill; when the block succeeds, fsync it and
    swap it into place with two renames on one filesystem. A reader finds the complete old
    folder, the complete new one, or for an instant none, never a mix. On failure ``target`` is
    untouched; after a crash, :func:`recover_folder` puts things back."""
    target.parent.mkdir(parents=True, exist_ok=True)
    new = _staged(target)
    remove(new)
    make_folder(new)
    try:
        yield new
        fsync_tree(new)
    except BaseException:
        shutil.rmtree(new, ignore_errors=True)
        raise
    faults.crash_point(f"{target.name} staged")
    old = _moved_aside(target)
    remove(old)
    if target.exists():
        target.rename(old)
    faults.crash_point(f"{target.name} moved aside")
    new.rename(target)
    fsync_path(target.parent)
    remove(old)


def _writer_alive(partial: Path) -> bool:
    """Whether the process that is filling ``partial`` (its name ends in that process's id) is
    still running: an extraction running beside us, not a crash."""
    pid = partial.name.rsplit("-", 1)[-1]
    if not pid.isdigit() or int(pid) == os.getpid():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def recover_folder(target: Path) -> list[str]:
    """Undo what a crash inside :func:`replaced_folder` left: half-written folders go, and a
    folder moved aside comes back if its replacement never arrived. Says what it did."""
    done: list[str] = []
    if not target.parent.is_dir():
        return done
    for partial in sorted(target.parent.glob(f".{target.name}.new-*")):
        if _writer_alive(partial):
            continue
        remove(partial)
        done.append(f"removed {partial}, left half-written by an interrupted build")
    old = _moved_aside(target)
    if old.exists() and not target.exists():
        old.rename(target)
        done.append(f"restored {target} from {old.name}: a build stopped between its two renames")
    elif old.exists():
        remove(old)
        done.append(f"removed {old}, the previous {target.name} an interrupted build had replaced")
    return done
