"""A document's sidecar: ``<document file>.identity.toml`` beside it in disclosures/, saying who
published it where the document itself does not (a table file with no 编制部门 line, a crawled
copy whose file name lies). The order is the document, then its sidecar, then its file name as
published:

    # 北京市某局-tables.pdf.identity.toml
    department = "北京市某局"
    fiscal_year = 2026
    scope = "部门"       # or 单位

A sidecar with an unknown key, or a value of the wrong kind, is refused by name.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from budget_warehouse.errors import ExtractionError

SUFFIX = ".identity.toml"
SCOPES = ("部门", "单位")


@dataclass(frozen=True)
class Sidecar:
    department: str | None = None
    fiscal_year: int | None = None
    scope: str | None = None


def sidecar_path(document: Path) -> Path:
    return document.with_name(document.name + SUFFIX)


def read_sidecar(document: Path) -> Sidecar:
    """The sidecar of ``document``; an empty one where there is none."""
    path = sidecar_path(document)
    if not path.is_file():
        return Sidecar()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ExtractionError(path, f"cannot read the sidecar: {exc}") from None
    unknown = sorted(set(data) - {"department", "fiscal_year", "scope"})
    if unknown:
        raise ExtractionError(path, f"unknown key {unknown[0]!r}: a sidecar says department, fiscal_year and scope")
    department, year, scope = data.get("department"), data.get("fiscal_year"), data.get("scope")
    if department is not None and (not isinstance(department, str) or not department.strip()):
        raise ExtractionError(path, "department must be the department's name, as text")
    if year is not None and (not isinstance(year, int) or not 1990 <= year <= 2100):
        raise ExtractionError(path, f"fiscal_year must be a year such as 2026, not {year!r}")
    if scope is not None and scope not in SCOPES:
        raise ExtractionError(path, f"scope must be 部门 or 单位, not {scope!r}")
    return Sidecar(department.strip() if department else None, year, scope)
