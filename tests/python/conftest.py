from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from budget_warehouse.cli import main
from budget_warehouse.document import ExtractedDocument, extract_document

REPO = Path(__file__).resolve().parents[2]
SEED_DOCUMENT = REPO / "disclosures" / "000_e2c6e97a9772fe89.txt"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED_DOCUMENT.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_document() -> ExtractedDocument:
    return extract_document(SEED_DOCUMENT)


@pytest.fixture
def rows(seed_document: ExtractedDocument):
    def _rows(seed_name: str, **where: str) -> list[dict[str, str | None]]:
        return [r for r in seed_document.rows[seed_name] if all(r.get(k) == v for k, v in where.items())]

    return _rows


PROJECT_FILES = (
    ".dbtignore",
    "dbt_project.yml",
    "profiles.yml",
    "models",
    "docs",
    "macros",
    "tests/dbt",
    "seeds/reference",
    "disclosures",
)


def copy_project(root: Path, documents: dict[str, str | bytes] | None = None) -> Path:
    """A scratch copy of the dbt project; with ``documents``, its disclosures/ holds exactly those."""
    for name in PROJECT_FILES:
        if documents is not None and name == "disclosures":
            (root / name).mkdir()
            for file_name, content in documents.items():
                if isinstance(content, bytes):
                    (root / name / file_name).write_bytes(content)
                else:
                    (root / name / file_name).write_text(content, encoding="utf-8")
            continue
        source, target = REPO / name, root / name
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    return root


@pytest.fixture(scope="session")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("project"))
    assert main(["build", "--project-dir", str(root), "--no-progress"]) == 0
    # Later tests rebuild this project (some on purpose with a failing document): keep the
    # candidate of the good build, which holds the staging and intermediate relations.
    (root / "build" / "good").mkdir()
    shutil.copy(root / "build" / "warehouse.duckdb", root / "build" / "good" / "warehouse.duckdb")
    return root


@pytest.fixture(scope="session")
def candidate(project: Path):
    """The good build's candidate: the marts and, unlike the published file, every debugging
    relation (raw seeds, staging, intermediate, stored test failures)."""
    with duckdb.connect(str(project / "build" / "good" / "warehouse.duckdb"), read_only=True) as connection:
        yield connection


@pytest.fixture(scope="session")
def warehouse(project: Path):
    with duckdb.connect(str(project / "warehouse.duckdb"), read_only=True) as connection:
        yield connection
