"""Files and folders that survive a crash or power loss once written, created as the umask allows.

A rename is atomic, but only durable once the folder holding it is fsynced; a file's bytes are
only durable once the file is. Everything the build publishes goes through these helpers.
"""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

from budget_warehouse import faults


class PublishError(RuntimeError):
    """The build could not write what it publishes; the published warehouse is as it was."""


def umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


def make_folder(path: Path) -> Path:
    """A new folder readable by whoever the umask allows (mkdtemp would make it 0700)."""
    path.mkdir(mode=0o777 & ~umask(), parents=False)
    return path


def fsync_path(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY | (os.O_DIRECTORY if path.is_dir() else 0))
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def fsync_tree(root: Path) -> None:
    """Every file and folder under ``root``, deepest first, then ``root`` itself."""
    for folder, folders, files in os.walk(root, topdown=False):
        for name in files:
            fsync_path(Path(folder) / name)
        for name in folders:
            fsync_path(Path(folder) / name)
    fsync_path(root)


def replace_link(link: Path, points_to: str) -> None:
    """Point the symbolic link ``link`` at ``points_to`` in one rename, durably."""
    staged = link.with_name(f".{link.name}.new")
    staged.unlink(missing_ok=True)
    os.symlink(points_to, staged)
    faults.crash_point(f"link {link.name} staged")
    os.replace(staged, link)
    fsync_path(link.parent)


def remove(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink(missing_ok=True)
    elif path.exists():
        shutil.rmtree(path)


_HINTS = {
    errno.EROFS: "the filesystem is read-only",
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is exhausted",
    errno.EACCES: "permission denied",
    errno.EPERM: "operation not permitted",
    errno.EXDEV: "the folders are on different filesystems",
}


def explain(exc: OSError, doing: str) -> PublishError:
    """An OS error as one line naming the file and the likely cause, instead of a traceback."""
    where = exc.filename or "?"
    hint = _HINTS.get(exc.errno or 0, exc.strerror or str(exc))
    return PublishError(f"cannot {doing}: {where}: {hint} ({errno.errorcode.get(exc.errno or 0, exc.errno)})")
