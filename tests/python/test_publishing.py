"""What a build guarantees readers when it is killed, the disk fills, or a client misbehaves:
the published warehouse and its exports are the last good release or the new complete one, and
the next build needs nobody's help. Crashes are real SIGKILLs, at named points
(budget_warehouse.faults) and at random times."""

from __future__ import annotations

import csv
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pytest

from budget_warehouse.cli import main
from budget_warehouse.durable import PublishError
from budget_warehouse.faults import CRASH_AT
from budget_warehouse.publish import Layout, publish, verify_candidate
from budget_warehouse.warehouse import Project, build_lock, built_marts, recover
from conftest import SEED_DOCUMENT, copy_project

BIN = Path(sys.executable).parent
NEW = "（新版）"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project with one published release and a tested candidate that differs from it (its
    department is renamed), so a reader can tell the old release from the new one."""
    root = copy_project(tmp_path_factory.mktemp("built"), {"a.txt": SEED_DOCUMENT.read_text(encoding="utf-8")})
    assert main(["build", "--project-dir", str(root), "--no-progress"]) == 0
    with duckdb.connect(str(root / "build" / "warehouse.duckdb")) as connection:
        connection.execute(f"update marts.dim_document set department_name = department_name || '{NEW}'")
    return root


@pytest.fixture
def work(built: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(built, tmp_path / "project", symlinks=True))


def what_readers_see(root: Path) -> tuple[str, str]:
    """The department name in the published warehouse, and in the exports beside it."""
    with duckdb.connect(str(root / "warehouse.duckdb"), read_only=True) as connection:
        (in_warehouse,) = connection.execute("select department_name from marts.dim_document").fetchone()
    with (root / "exports" / "csv" / "dim_document.csv").open(encoding="utf-8-sig") as handle:
        (in_exports,) = [row["department_name"] for row in csv.DictReader(handle)]
    return in_warehouse, in_exports


def assert_one_release(root: Path, new: bool) -> None:
    in_warehouse, in_exports = what_readers_see(root)
    assert in_warehouse == in_exports, "the warehouse and its exports are from different releases"
    assert in_warehouse.endswith(NEW) == new


def assert_tidy(root: Path) -> None:
    layout = Layout(root)
    names = sorted(p.name for p in layout.releases.iterdir())
    assert len(names) <= 2 and not [n for n in names if n.startswith(".")], names
    assert not list(layout.folder.glob(".*")) and not list(root.glob(".*.new"))
    assert not list((root / "seeds").glob(".*"))


def run_publish(root: Path, crash_at: str | None = None) -> subprocess.CompletedProcess[str]:
    script = (
        "import sys; from pathlib import Path; from budget_warehouse.publish import publish; "
        "from budget_warehouse.warehouse import Project, built_marts; p = Project(Path(sys.argv[1])); "
        "publish(p.root, p.candidate, built_marts(p))"
    )
    env = {**os.environ, **({CRASH_AT: crash_at} if crash_at else {})}
    return subprocess.run([sys.executable, "-c", script, str(root)], env=env, capture_output=True, text=True)


PUBLISH_STEPS = [
    ("candidate verified", False),
    ("release copied", False),
    ("release exported", False),
    ("release complete", False),
    ("link previous staged", False),
    ("previous flipped", False),
    ("link current staged", False),
    ("current flipped", True),
]


@pytest.mark.parametrize(("step", "flipped"), PUBLISH_STEPS)
def test_a_publish_killed_at_any_step_leaves_one_whole_release(work: Path, step: str, flipped: bool) -> None:
    crashed = run_publish(work, crash_at=step)
    assert crashed.returncode == -signal.SIGKILL, crashed.stderr
    assert_one_release(work, new=flipped)

    cleaned = recover(Project(work))
    if step not in ("candidate verified",):
        assert cleaned, "the next build says what it cleaned up"
    project = Project(work)
    publish(project.root, project.candidate, built_marts(project))
    assert_one_release(work, new=True)
    assert_tidy(work)
    # The release replaced is kept as the previous one.
    with duckdb.connect(str(work / "warehouse.previous.duckdb"), read_only=True) as connection:
        assert connection.execute("select count(*) from marts.dim_document").fetchone() == (1,)


@pytest.mark.parametrize("step", ["disclosure staged", "disclosure moved aside"])
def test_seeds_killed_half_way_never_block_dbt(work: Path, step: str) -> None:
    env = {**os.environ, CRASH_AT: step}
    command = [str(BIN / "budget-warehouse"), "extract", "--output", "seeds/disclosure", "--no-progress"]
    crashed = subprocess.run(command, cwd=work, env=env, capture_output=True, text=True)
    assert crashed.returncode == -signal.SIGKILL
    assert list((work / "seeds").glob(".disclosure.*")), "the crash left its staging folder"
    if step == "disclosure staged":
        # dbt does not look at the staging folder (.dbtignore): no "found two seeds" error.
        listed = subprocess.run(
            [
                str(BIN / "dbt"),
                "ls",
                "--resource-type",
                "seed",
                "--project-dir",
                str(work),
                "--profiles-dir",
                str(work),
            ],
            cwd=work,
            capture_output=True,
            text=True,
        )
        assert listed.returncode == 0, listed.stdout
        assert listed.stdout.count("budget_warehouse.disclosure.documents") == 1
    recovered = subprocess.run(command, cwd=work, capture_output=True, text=True)
    assert recovered.returncode == 0, recovered.stderr
    assert "recovered: " in recovered.stderr
    assert (work / "seeds" / "disclosure" / "documents.csv").exists()
    assert_tidy(work)


def test_a_build_killed_between_the_seed_renames_is_repaired_by_the_next(work: Path) -> None:
    env = {**os.environ, CRASH_AT: "disclosure moved aside"}
    command = [str(BIN / "budget-warehouse"), "build", "--project-dir", str(work), "--no-progress"]
    assert subprocess.run(command, env=env, capture_output=True).returncode == -signal.SIGKILL
    assert not (work / "seeds" / "disclosure").exists()
    rebuilt = subprocess.run(command, capture_output=True, text=True)
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert "restored" in rebuilt.stderr
    assert_one_release(work, new=False)
    assert_tidy(work)


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_killing_the_build_kills_dbt_and_frees_the_lock(work: Path) -> None:
    """dbt runs inside the build's process (dbtRunner): killed while dbt writes the candidate,
    the build leaves no process behind and no lock held."""
    started = time.time()
    build = subprocess.Popen(
        [str(BIN / "budget-warehouse"), "build", "--project-dir", str(work), "--no-progress"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    candidate = work / "build" / "warehouse.duckdb"
    deadline = time.monotonic() + 120
    while not (candidate.exists() and candidate.stat().st_mtime >= started) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert candidate.exists() and candidate.stat().st_mtime >= started, "dbt never started"
    time.sleep(2)
    started_by_build = _children(build.pid)
    build.kill()
    build.wait()
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in started_by_build) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in started_by_build), "a process outlived the build that started it"
    with build_lock(Project(work), wait_seconds=5):
        pass
    assert_one_release(work, new=False)


def test_builds_killed_at_random_times_never_break_readers_or_the_next_build(work: Path) -> None:
    chance = random.Random(20261130)
    command = [str(BIN / "budget-warehouse"), "build", "--project-dir", str(work), "--no-progress"]
    for _ in range(3):
        build = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            # Killed at a random time, unless it finished before then (killing a finished build
            # changes nothing: the time left is not slept away). A one-document build takes 9 to
            # 20 s here, so the draws (9.3, 7.2 and 1.2 s) land in dbt's models and in its start.
            build.wait(timeout=chance.uniform(0.5, 12))
        except subprocess.TimeoutExpired:
            build.send_signal(signal.SIGKILL)
            build.wait()
        in_warehouse, in_exports = what_readers_see(work)
        assert in_warehouse == in_exports
    finished = subprocess.run(command, capture_output=True, text=True)
    assert finished.returncode == 0, finished.stderr
    assert_tidy(work)


@contextmanager
def tmpfs(folder: Path, size: str, *options: str) -> Iterator[Path]:
    """``folder`` on a small filesystem of its own, keeping what it held."""
    held = folder.with_name(folder.name + ".held")
    if folder.exists():
        folder.rename(held)
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", ",".join([f"size={size}", *options]), "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        if held.exists() and "ro" not in options:
            for item in held.iterdir():
                if item.is_dir():
                    shutil.copytree(item, folder / item.name, symlinks=True)
                else:
                    shutil.copy2(item, folder / item.name)
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)


def fill(folder: Path) -> Path:
    """Fill the filesystem of ``folder`` to the last byte."""
    filler = folder / "filler"
    # unbuffered: a buffered file would still hold the bytes that did not fit when it is closed,
    # and closing it would fail the same way
    with filler.open("wb", buffering=0) as handle:
        try:
            while True:
                handle.write(b"\0" * 65536)
                handle.flush()
        except OSError:
            pass
    return filler


def test_a_full_disk_never_publishes_a_candidate_whose_checkpoint_failed(work: Path) -> None:
    """dbt's tests pass on a candidate whose tables are still in its write-ahead log; with the
    disk full, the checkpoint fails and the candidate is refused, until space is freed."""
    project = Project(work)
    with tmpfs(work / "build", "40m"):
        script = (
            "import duckdb, os, sys; c = duckdb.connect(sys.argv[1]); "
            "c.execute(\"set checkpoint_threshold = '1TB'\"); "
            "c.execute('create table marts.fct_late as select * from range(100000)'); os._exit(0)"
        )
        subprocess.run([sys.executable, "-c", script, str(project.candidate)], check=True)
        assert project.candidate.with_name("warehouse.duckdb.wal").exists()
        filler = fill(work / "build")
        with pytest.raises(PublishError, match="candidate"):
            publish(project.root, project.candidate, built_marts(project))
        assert_one_release(work, new=False)
        filler.unlink()
        publish(project.root, project.candidate, built_marts(project))
        assert not project.candidate.with_name("warehouse.duckdb.wal").exists()
    assert_one_release(work, new=True)


def test_a_full_publishing_disk_leaves_the_last_release_and_says_so(work: Path) -> None:
    project = Project(work)
    layout = Layout(work)
    releases = sorted(layout.releases.iterdir())
    # room for the releases the project holds (about 30 MB each: the file, its exports, report and
    # docs), then filled to the last byte
    with tmpfs(layout.releases, "200m"):
        filler = fill(layout.releases)
        with pytest.raises(PublishError, match="the disk is full"):
            publish(project.root, project.candidate, built_marts(project))
        assert_one_release(work, new=False)
        assert sorted(p.name for p in layout.releases.iterdir()) == sorted([r.name for r in releases] + ["filler"])
        filler.unlink()
        publish(project.root, project.candidate, built_marts(project))
        assert_one_release(work, new=True)


def test_a_read_only_build_folder_is_named_not_a_traceback(work: Path, capsys) -> None:
    with tmpfs(work / "build", "1m", "ro"):
        assert main(["build", "--project-dir", str(work), "--no-progress"]) == 1
    err = capsys.readouterr().err
    assert "read-only" in err and "Traceback" not in err
    assert_one_release(work, new=False)


def careless_client(database: Path) -> subprocess.Popen[bytes]:
    """A client that opens ``database`` read-write, changes a mart without checkpointing (so the
    change sits in a write-ahead log), and stays open."""
    client = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
            "c.execute(\"set checkpoint_threshold = '1TB'\"); "
            "c.execute(\"update marts.dim_document set department_name = 'client'\"); print(1, flush=True); "
            "time.sleep(120)",
            str(database),
        ],
        stdout=subprocess.PIPE,
    )
    assert client.stdout is not None and client.stdout.readline()
    return client


def test_a_careless_client_cannot_break_new_readers(work: Path) -> None:
    """A client opened the published file read-write and was killed, leaving its write-ahead log;
    another holds it open for writing. Each publish goes through, names the problem, and new
    readers read the new release without a "WAL does not match" error."""
    project = Project(work)
    layout = Layout(work)
    killed = careless_client(work / "warehouse.duckdb")
    killed.kill()
    killed.wait()
    written = layout.release_of(layout.current)
    assert written is not None and (written / "warehouse.duckdb.wal").exists()
    _, warnings = publish(project.root, project.candidate, built_marts(project))
    assert any("left warehouse.duckdb.wal" in warning for warning in warnings), warnings
    assert_one_release(work, new=True)

    holding = careless_client(work / "warehouse.duckdb")
    try:
        _, warnings = publish(project.root, project.candidate, built_marts(project))
        assert any("open for writing" in warning for warning in warnings), warnings
        assert_one_release(work, new=True)
        current = layout.release_of(layout.current)
        assert current is not None and not (current / "warehouse.duckdb.wal").exists()
    finally:
        holding.kill()
        holding.wait()
    # The client's change stayed in its own release, now the previous one.
    with duckdb.connect(str(work / "warehouse.previous.duckdb"), read_only=True) as connection:
        assert connection.execute("select department_name from marts.dim_document").fetchone() == ("client",)


def test_published_files_are_readable_by_other_users(work: Path) -> None:
    released = Layout(work).release_of(Layout(work).current)
    assert released is not None
    for path in [work / "published", released, *released.rglob("*"), work / "seeds" / "disclosure"]:
        mode = path.stat().st_mode
        assert mode & 0o004, f"{path} is not readable by other users ({oct(mode)})"
        if path.is_dir():
            assert mode & 0o001, f"{path} cannot be entered by other users ({oct(mode)})"


def test_a_warehouse_published_before_releases_becomes_the_previous_release(work: Path) -> None:
    """Builds before releases left warehouse.duckdb and exports/ as plain files in the root."""
    for name in ("warehouse.duckdb", "exports"):
        target = (work / name).resolve()
        (work / name).unlink()
        if target.is_dir():
            shutil.copytree(target, work / name)
        else:
            shutil.copy2(target, work / name)
    shutil.rmtree(work / "published")
    project = Project(work)
    publish(project.root, project.candidate, built_marts(project))
    assert_one_release(work, new=True)
    assert (work / "exports").is_symlink() and (work / "warehouse.duckdb").is_symlink()
    with duckdb.connect(str(work / "warehouse.previous.duckdb"), read_only=True) as connection:
        (name,) = connection.execute("select department_name from marts.dim_document").fetchone()
    assert not name.endswith(NEW)
    assert_tidy(work)


def test_verification_refuses_a_candidate_without_a_mart(work: Path) -> None:
    project = Project(work)
    with duckdb.connect(str(project.candidate)) as connection:
        connection.execute("drop table marts.fct_project_expenditure")
    with pytest.raises(PublishError, match="fct_project_expenditure"):
        verify_candidate(project.candidate, built_marts(project))


def test_a_build_from_a_path_with_a_quote_and_a_build_folder_on_another_disk(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "the department's budgets", {"a.txt": SEED_DOCUMENT.read_text(encoding="utf-8")})
    with tmpfs(root / "build", "400m"):
        assert main(["build", "--project-dir", str(root), "--no-progress"]) == 0
        assert_one_release(root, new=False)
