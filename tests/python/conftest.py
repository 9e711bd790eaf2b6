from __future__ import annotations

from pathlib import Path

import pytest

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
