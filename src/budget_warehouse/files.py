"""Replacing a folder of outputs as a whole, so no reader ever sees a mix of old and new files."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def replaced_folder(target: Path) -> Iterator[Path]:
    """Yield a fresh folder beside ``target`` to fill; when the block succeeds, swap it into
    place with two renames on one filesystem. A reader finds the complete old folder, the
    complete new one, or for an instant none, never a mix. On failure ``target`` is untouched."""
    target.parent.mkdir(parents=True, exist_ok=True)
    new = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    try:
        yield new
    except BaseException:
        shutil.rmtree(new, ignore_errors=True)
        raise
    old = target.with_name(f".{target.name}.old")
    if old.exists():
        shutil.rmtree(old)
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)
