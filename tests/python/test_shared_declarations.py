"""The funding columns are declared once, in dbt_project.yml, for the extractor and the models."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import yaml

from budget_warehouse.document import extract_document
from budget_warehouse.tables.funding import funding_column_names
from conftest import REPO, SEED_DOCUMENT

FUNDING_TABLES = ("t02_revenue_by_source", "t04_basic_expenditure", "t05_project_expenditure")
# The marts whose enforced contracts declare the funding columns by hand. (The staging models'
# YAML documents none of them, so their SQL is read instead.)
FUNDING_CONTRACTS = {
    "models/marts/_marts__models.yml": ("fct_basic_expenditure_by_economic_class", "fct_project_expenditure"),
    "models/marts/wide/_wide__models.yml": ("wide_basic_expenditure_by_economic_class",),
}


def _parsed_funding_columns(table_key: str, expected: list[str]) -> list[str]:
    """A funding table's amounts, as the markdown reader parses the seed document: its funding
    columns, in order (each becomes a cell of table_cells with the column as its measure)."""
    parsed = extract_document(SEED_DOCUMENT).tables[table_key]
    amounts = [column for column in parsed[0] if column.endswith("_amount")]
    assert amounts == expected, f"{table_key}: funding columns differ"
    return amounts


def assert_funding_columns_everywhere(expected: list[str]) -> None:
    for table_key in FUNDING_TABLES:
        funding = _parsed_funding_columns(table_key, expected)
        # The staging model pivots and types them through the macros that read the list, and names
        # none by hand (a hand list would drift from it, or select a column twice).
        model = REPO / "models" / "staging" / "disclosure" / f"stg_disclosure__{table_key}.sql"
        sql = model.read_text(encoding="utf-8")
        assert sql.count("{{ staged_funding_source_columns() }}") == 1, model.name
        assert re.search(r"template_table_rows\([^)]*\+ funding_source_columns\(\)", sql, re.S), model.name
        assert not [name for name in funding if re.search(rf"\b{name}\b", sql)], model.name
    for file, models in FUNDING_CONTRACTS.items():
        declared = yaml.safe_load((REPO / file).read_text(encoding="utf-8"))["models"]
        columns = {model["name"]: [column["name"] for column in model["columns"]] for model in declared}
        for name in models:
            # Every one, in order; a contract may put other amounts among them (the wide mart puts
            # the 人员经费 / 公用经费 split after total_amount).
            assert [column for column in columns[name] if column in funding] == expected, f"{file}: {name}"


def test_the_funding_columns_are_the_seeds_the_staging_models_and_the_contracts() -> None:
    """The list the extractor reads (dbt_project.yml's funding_columns) is what the markdown reader
    parses, what the staging models pivot and select and what the marts' contracts declare."""
    assert len(funding_column_names()) == 16
    assert_funding_columns_everywhere(list(funding_column_names()))


def test_a_package_away_from_its_project_says_where_to_point(tmp_path: Path) -> None:
    environment = {**os.environ, "BUDGET_WAREHOUSE_PROJECT_DIR": str(tmp_path)}
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import budget_warehouse.tables.funding as f; import budget_warehouse.registry; f.funding_column_names()",
        ],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )
    assert result.returncode != 0
    assert "ProjectNotFound" in result.stderr
    assert f"{tmp_path / 'dbt_project.yml'} not found" in result.stderr
    assert "BUDGET_WAREHOUSE_PROJECT_DIR" in result.stderr


def test_importing_the_package_reads_no_project_file(tmp_path: Path) -> None:
    """Every module imports with no dbt project in reach: the funding columns are read on first
    use (a Spark executor or a PDF-only run need no dbt_project.yml to import the extractor)."""
    environment = {**os.environ, "BUDGET_WAREHOUSE_PROJECT_DIR": str(tmp_path)}
    code = (
        "import importlib, pkgutil, budget_warehouse\n"
        "for m in pkgutil.walk_packages(budget_warehouse.__path__, 'budget_warehouse.'):\n"
        "    importlib.import_module(m.name)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=environment, check=False)
    assert result.returncode == 0, result.stderr
