"""The published file opens in DuckDB 1.4, the version BI drivers bundle, although the build
runs DuckDB 2.x (a 2.x file with default settings is refused by 1.x: "version number 999")."""

from __future__ import annotations

import subprocess
import venv
from pathlib import Path

import pytest

from conftest import REPO

OLDEST_READER = "1.4.4"
READER = """
import sys, duckdb
connection = duckdb.connect(sys.argv[1], read_only=True)
total = connection.execute(
    "select sum(basic_amount) from marts.fct_expenditure_by_function where document_id = '8f1cd10f246847df'"
).fetchone()[0]
print(duckdb.__version__, total)
"""


@pytest.fixture(scope="session")
def old_duckdb() -> Path:
    """A virtualenv with DuckDB 1.4, kept under build/ between runs."""
    home = REPO / "build" / f"duckdb-{OLDEST_READER}"
    python = home / "bin" / "python"
    if not (home / ".installed").exists():
        venv.EnvBuilder(with_pip=True, clear=True).create(home)
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", f"duckdb=={OLDEST_READER}"],
            check=True,
        )
        (home / ".installed").touch()
    return python


def test_duckdb_1_4_reads_the_published_warehouse(project: Path, old_duckdb: Path) -> None:
    result = subprocess.run(
        [str(old_duckdb), "-c", READER, str(project / "warehouse.duckdb")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [OLDEST_READER, "2589.000000"]
