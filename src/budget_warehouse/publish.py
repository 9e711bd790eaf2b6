"""Publishing a tested candidate: verify it, copy it and its exports into a new release, and
flip one pointer, so that the warehouse and its exports change together or not at all.

Layout, relative to the project root::

    published/releases/<id>/warehouse.duckdb   one complete release: the warehouse,
    published/releases/<id>/exports/            its exports (parquet/, csv/)
    published/releases/<id>/release.json        and what was verified (row count of every mart)
    published/current  -> releases/<id>         the pointer a publish flips, in one rename
    published/previous -> releases/<id>         the release current pointed at before
    warehouse.duckdb          -> published/current/warehouse.duckdb
    exports                   -> published/current/exports
    warehouse.previous.duckdb -> published/previous/warehouse.duckdb

A release's warehouse is a new file holding only the BI surface (:mod:`budget_warehouse.surface`).
It is never changed once ``current`` points at it and never shares an inode with another, so a
client that opens the published file read-write writes only into its own release (DuckDB follows
the links and keeps its write-ahead log beside the release's file): new readers, who open the new
release, never see its log.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from budget_warehouse import faults
from budget_warehouse.changes import compare, read_release, snapshot
from budget_warehouse.durable import (
    PublishError,
    explain,
    fsync_path,
    fsync_tree,
    make_folder,
    remove,
    replace_link,
)
from budget_warehouse.exports import export_marts
from budget_warehouse.report import write_report
from budget_warehouse.surface import write_surface
from budget_warehouse.timings import phase

WAREHOUSE_FILE = "warehouse.duckdb"
MARTS_SCHEMA = "marts"


@dataclass(frozen=True)
class Layout:
    """Where a project's releases and the links readers open live."""

    root: Path

    @property
    def folder(self) -> Path:
        return self.root / "published"

    @property
    def releases(self) -> Path:
        return self.folder / "releases"

    @property
    def current(self) -> Path:
        return self.folder / "current"

    @property
    def previous(self) -> Path:
        return self.folder / "previous"

    @property
    def reader_links(self) -> dict[Path, str]:
        """The paths readers open, and where each points."""
        return {
            self.root / WAREHOUSE_FILE: f"published/current/{WAREHOUSE_FILE}",
            self.root / "exports": "published/current/exports",
            self.root / "warehouse.previous.duckdb": f"published/previous/{WAREHOUSE_FILE}",
        }

    def release_of(self, pointer: Path) -> Path | None:
        """The release a pointer names, if it names one that exists."""
        if not pointer.is_symlink():
            return None
        release = pointer.parent / os.readlink(pointer)
        return release if (release / WAREHOUSE_FILE).is_file() else None


def wal_of(database: Path) -> Path:
    return database.with_name(database.name + ".wal")


def verify_candidate(candidate: Path, marts: list[str]) -> dict[str, int]:
    """Make the candidate self-contained and prove it: checkpoint and close it, refuse it while it
    still has a write-ahead log (a checkpoint that failed, for example on a full disk, leaves the
    tables only in the log), then reopen it alone, read-only, and check that every mart the
    build made is there with the rows the build saw. Returns the row count of every mart."""
    try:
        with duckdb.connect(str(candidate)) as connection:
            built = _row_counts(connection, marts)
            connection.execute("checkpoint")
    except duckdb.Error as exc:
        raise PublishError(f"cannot checkpoint the candidate {candidate}: {exc}") from None
    if wal_of(candidate).exists():
        raise PublishError(
            f"the candidate {candidate} still has a write-ahead log after its checkpoint "
            "(was the disk full?); its tables are not all in the file, so it was not published"
        )
    try:
        with duckdb.connect(str(candidate), read_only=True) as connection:
            present = {
                name
                for (name,) in connection.execute(
                    "select table_name from information_schema.tables where table_schema = ?", [MARTS_SCHEMA]
                ).fetchall()
            }
            missing = sorted(set(marts) - present)
            if missing:
                raise PublishError(f"the candidate {candidate} lacks the marts {', '.join(missing)}")
            reopened = _row_counts(connection, marts)
    except duckdb.Error as exc:
        raise PublishError(f"the candidate {candidate} does not reopen read-only: {exc}") from None
    if reopened != built:
        changed = sorted(name for name in marts if reopened.get(name) != built.get(name))
        raise PublishError(f"the candidate {candidate} reopened with other row counts in {', '.join(changed)}")
    return built


def _row_counts(connection: duckdb.DuckDBPyConnection, marts: list[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for mart in marts:
        try:
            row = connection.execute(f'select count(*) from {MARTS_SCHEMA}."{mart}"').fetchone()
        except duckdb.CatalogException:
            raise PublishError(f"the build made marts.{mart} but the candidate does not hold it") from None
        counts[mart] = int(row[0]) if row else 0
    return counts


def publish(
    root: Path,
    candidate: Path,
    marts: list[str],
    refused: Sequence[tuple[str, str]] = (),
    docs_site: Path | None = None,
) -> tuple[Path, list[str]]:
    """Verify the candidate, write it and its exports as a new release, then flip ``current``.
    ``refused`` lists the documents the build left out (file, reason), for the report page;
    ``docs_site`` is the build's dbt documentation page, copied to exports/docs/index.html.
    Returns the new release and warnings about clients of the old one. Any failure before the
    flip leaves what readers see as it was."""
    layout = Layout(root)
    with phase("publish: verify"):
        counts = verify_candidate(candidate, marts)
    faults.crash_point("candidate verified")
    warnings = careless_clients(layout)
    try:
        release = _write_release(layout, candidate, counts, Extras(tuple(refused), docs_site))
        _flip(layout, release)
    except OSError as exc:
        raise explain(exc, f"publish into {layout.folder}") from None
    except duckdb.Error as exc:  # writing the release's warehouse
        cause = "the disk is full: " if "No space left on device" in str(exc) else ""
        raise PublishError(f"cannot write the release in {layout.releases}: {cause}{exc}") from None
    return release, warnings


@dataclass(frozen=True)
class Extras:
    """What a release carries besides the warehouse and its exports: the documents the build
    left out (for the report page) and the build's documentation page."""

    refused: tuple[tuple[str, str], ...] = ()
    docs_site: Path | None = None


def _write_release(layout: Layout, candidate: Path, counts: dict[str, int], extras: Extras) -> Path:
    for folder in (layout.folder, layout.releases):
        if not folder.exists():
            make_folder(folder)
    release_id = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime()) + f"-{os.getpid()}"
    while (layout.releases / release_id).exists():  # a second publish within the second
        release_id += "b"
    partial = make_folder(layout.releases / f".{release_id}.partial")
    try:
        return _fill_release(layout, partial, candidate, counts, extras)
    except BaseException:
        remove(partial)
        raise


def _fill_release(layout: Layout, partial: Path, candidate: Path, counts: dict[str, int], extras: Extras) -> Path:
    release_id = partial.name.removeprefix(".").removesuffix(".partial")
    # The published file and the exports are both read from the verified candidate, so they are
    # written side by side: the file is DuckDB's work, which lets go of Python's lock, and the
    # exports mostly Python's (0.3 s of a one-document build on two cores). Leaving the block
    # waits for the file, also when the exports fail, so nothing writes into a removed release.
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="publish-surface") as pool:
        surface = pool.submit(_write_surface, candidate, partial / WAREHOUSE_FILE, counts)
        with phase("publish: exports"):
            exported = export_marts(candidate, make_folder(partial / "exports"), sorted(counts))
        if exported != counts:
            raise PublishError(f"the exports of {partial} do not hold the rows the candidate was verified with")
        with phase("publish: report"):
            write_report(candidate, partial / "exports" / "report" / "index.html", list(extras.refused))
        if extras.docs_site is not None and extras.docs_site.exists():
            make_folder(partial / "exports" / "docs")
            shutil.copyfile(extras.docs_site, partial / "exports" / "docs" / "index.html")
        surface.result()
    faults.crash_point("release exported")
    with phase("publish: changes"):
        after = snapshot(candidate)
        previous = layout.release_of(layout.current)
        before = _snapshot_of(previous) if previous is not None else None
        changes = compare(before or {}, after)
        since = previous.name if previous is not None and before is not None else "nothing"
        (partial / "exports" / "CHANGES.md").write_text(changes.markdown(since, release_id), encoding="utf-8")
    manifest = {
        "release": release_id,
        "published_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "mart_rows": counts,
        "previous_release": previous.name if previous is not None else None,
        "changes": changes.as_dict(),
        "snapshot": after,
    }
    (partial / "release.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    with phase("publish: fsync"):
        fsync_tree(partial)
    release = layout.releases / release_id
    partial.rename(release)
    fsync_path(layout.releases)
    faults.crash_point("release complete")
    return release


def _snapshot_of(release: Path) -> dict[str, Any] | None:
    """The snapshot a release recorded; None for a release from before snapshots, or one whose
    release.json cannot be read (the new release then lists everything as added)."""
    try:
        recorded = read_release(release).get("snapshot")
    except (OSError, ValueError):
        return None
    return recorded if isinstance(recorded, dict) else None


def _write_surface(candidate: Path, target: Path, counts: dict[str, int]) -> None:
    """The release's warehouse file, reopened to check that it holds the verified rows."""
    with phase("publish: surface"):
        write_surface(candidate, target)
        with duckdb.connect(str(target), read_only=True) as connection:
            written = _row_counts(connection, sorted(counts))
    if written != counts:
        raise PublishError(f"{target} does not hold the rows the candidate was verified with")
    faults.crash_point("release copied")


def _flip(layout: Layout, release: Path) -> None:
    """``previous`` takes what ``current`` named, then ``current`` takes the new release: each one
    rename, so a crash between them leaves both naming the old release, which is still whole."""
    _adopt_unversioned(layout)
    old = layout.release_of(layout.current)
    if old is not None:
        replace_link(layout.previous, f"releases/{old.name}")
    faults.crash_point("previous flipped")
    replace_link(layout.current, f"releases/{release.name}")
    faults.crash_point("current flipped")
    ensure_reader_links(layout)
    _prune(layout)


def ensure_reader_links(layout: Layout) -> list[str]:
    """Create the links readers open where they are missing."""
    done: list[str] = []
    for link, points_to in layout.reader_links.items():
        if link.is_symlink() and os.readlink(link) == points_to:
            continue
        if not (link.parent / points_to).exists():
            continue  # no previous release yet: no link that leads nowhere
        if link.exists() and not link.is_symlink():
            continue  # an unversioned file of an older build: _adopt_unversioned moves it first
        replace_link(link, points_to)
        done.append(f"linked {link.name} -> {points_to}")
    return done


def _adopt_unversioned(layout: Layout) -> None:
    """Builds before releases published ``warehouse.duckdb`` and ``exports/`` as plain files: the
    first release makes them the previous one, so nothing a reader has is lost."""
    warehouse, exports, previous = layout.reader_links
    if not warehouse.exists() or warehouse.is_symlink():
        if exports.is_dir() and not exports.is_symlink():
            remove(exports)  # exports of a warehouse that is gone: stale, and in the link's way
        return
    release = layout.releases / "unversioned"
    if not release.exists():
        make_folder(release)
    if not (release / WAREHOUSE_FILE).exists():  # else a crash came after the link: adopt it again
        os.link(warehouse, release / WAREHOUSE_FILE)
    if exports.is_dir() and not exports.is_symlink():
        exports.rename(release / "exports")
    fsync_tree(release)
    replace_link(layout.current, "releases/unversioned")
    for link in (warehouse, exports):
        replace_link(link, layout.reader_links[link])
    if previous.exists() and not previous.is_symlink():
        previous.unlink()


def _prune(layout: Layout) -> None:
    keep = {layout.release_of(layout.current), layout.release_of(layout.previous)}
    for release in layout.releases.iterdir():
        if release not in keep:
            remove(release)
    fsync_path(layout.releases)


def recover(root: Path) -> list[str]:
    """Undo what an interrupted publish left: half-written releases, staged links, releases
    nothing points at, a ``previous`` link to a release that is gone, missing reader links."""
    layout = Layout(root)
    done: list[str] = []
    if not layout.releases.is_dir():
        return done
    staged_links = [
        *layout.folder.glob(".*.new"),
        *(link.with_name(f".{link.name}.new") for link in layout.reader_links),
    ]
    for staged in staged_links:
        if staged.is_symlink():
            remove(staged)
            done.append(f"removed the staged link {staged}")
    if layout.previous.is_symlink() and layout.release_of(layout.previous) is None:
        remove(layout.previous)
        done.append(f"removed {layout.previous}, which named a release that is gone")
    keep = {layout.release_of(layout.current), layout.release_of(layout.previous)}
    for release in sorted(layout.releases.iterdir()):
        if release not in keep:
            remove(release)
            done.append(f"removed {release}, a release an interrupted publish left unused")
    if layout.release_of(layout.current) is not None:
        done.extend(ensure_reader_links(layout))
    return done


def careless_clients(layout: Layout) -> list[str]:
    """Clients that opened the published warehouse read-write. They cannot harm the new release,
    but their writes stay in the old one: say so, naming the file."""
    release = layout.release_of(layout.current)
    if release is None:
        return []
    database = release / WAREHOUSE_FILE
    warnings: list[str] = []
    if has_writer(database):
        warnings.append(
            f"a client has {database} open for writing; new readers get the new release, and that "
            "client's writes stay in the old one. Open the warehouse read-only."
        )
    elif wal_of(database).exists():
        warnings.append(
            f"a client wrote to {database} and left {wal_of(database).name}; new readers get the new "
            "release, which does not hold those writes. Open the warehouse read-only."
        )
    return warnings


def has_writer(database: Path) -> bool:
    """Whether a process holds DuckDB's write lock on ``database``. DuckDB locks the whole file
    with fcntl: exclusively to write, shared to read, so a shared lock is refused only while a
    writer has it open."""
    descriptor = os.open(database, os.O_RDONLY)
    try:
        fcntl.lockf(descriptor, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError:
        return True
    else:
        fcntl.lockf(descriptor, fcntl.LOCK_UN)
        return False
    finally:
        os.close(descriptor)
