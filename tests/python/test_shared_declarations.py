"""The funding columns are declared once, in dbt_project.yml, for the extractor and the models."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml

from budget_warehouse.tables.funding import FUNDING_COLUMNS
from conftest import REPO


def test_the_extractor_reads_the_funding_columns_the_models_read() -> None:
    declared = yaml.safe_load((REPO / "dbt_project.yml").read_text(encoding="utf-8"))["vars"]["funding_columns"]
    assert [column.name for column in FUNDING_COLUMNS] == [entry["column"] for entry in declared]
    assert len(FUNDING_COLUMNS) == 16


def test_a_package_away_from_its_project_says_where_to_point(tmp_path: Path) -> None:
    environment = {**os.environ, "BUDGET_WAREHOUSE_PROJECT_DIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", "import budget_warehouse.tables.funding"],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )
    assert result.returncode != 0
    assert "ProjectNotFound" in result.stderr
    assert f"{tmp_path / 'dbt_project.yml'} not found" in result.stderr
    assert "BUDGET_WAREHOUSE_PROJECT_DIR" in result.stderr
