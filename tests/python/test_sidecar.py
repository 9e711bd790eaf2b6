"""Who published a document: the document first, then its sidecar
(``<file>.identity.toml``), then its file name as published."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from budget_warehouse.errors import ExtractionError
from budget_warehouse.extract import disclosure_files
from budget_warehouse.templates import extract_any
from conftest import REPO

# Beijing's table file names its department only in its file name as published
BEIJING = Path(__file__).parent / "data" / "families" / "北京城市副中心工程建设管理办公室2026年度部门预算报表.pdf"
SIFAJU = REPO / "disclosures" / "shanghai-putuo-sifaju-2026-budget.pdf"


def _copy(source: Path, folder: Path, name: str, sidecar: str | None = None) -> Path:
    target = folder / name
    shutil.copy2(source, target)
    if sidecar is not None:
        (folder / f"{name}.identity.toml").write_text(sidecar, encoding="utf-8")
    return target


def test_a_crawled_copy_is_named_by_its_sidecar(tmp_path: Path) -> None:
    renamed = _copy(BEIJING, tmp_path, "download-1.pdf")
    with pytest.raises(ExtractionError, match=r"download-1\.pdf\.identity\.toml: department"):
        extract_any(renamed)
    (tmp_path / "download-1.pdf.identity.toml").write_text(
        'department = "北京城市副中心工程建设管理办公室"\nfiscal_year = 2026\nscope = "部门"\n', encoding="utf-8"
    )
    identity = extract_any(renamed).identity
    assert (identity.department_name, identity.fiscal_year, identity.scope) == (
        "北京城市副中心工程建设管理办公室",
        2026,
        "部门",
    )


def test_what_the_document_prints_comes_before_its_sidecar(tmp_path: Path) -> None:
    copy = _copy(SIFAJU, tmp_path, SIFAJU.name, 'department = "上海市某局"\nfiscal_year = 2019\n')
    identity = extract_any(copy).identity
    assert (identity.department_name, identity.fiscal_year) == ("上海市普陀区司法局", 2026)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('departmnet = "x"\n', "unknown key 'departmnet'"),
        ("fiscal_year = 26\n", "fiscal_year must be a year such as 2026"),
        ('scope = "局"\n', "scope must be 部门 or 单位"),
        ("department = \n", "cannot read the sidecar"),
    ],
)
def test_a_bad_sidecar_is_refused_by_name(tmp_path: Path, text: str, message: str) -> None:
    renamed = _copy(BEIJING, tmp_path, "download-2.pdf", text)
    with pytest.raises(ExtractionError, match=message) as raised:
        extract_any(renamed)
    assert "download-2.pdf.identity.toml" in str(raised.value)


def test_a_sidecar_is_no_document_and_an_orphan_one_is_said(tmp_path: Path) -> None:
    _copy(SIFAJU, tmp_path, "a.pdf", 'scope = "部门"\n')
    (tmp_path / "gone.pdf.identity.toml").write_text('scope = "部门"\n', encoding="utf-8")
    inventory = disclosure_files(tmp_path)
    assert [path.name for path in inventory.documents] == ["a.pdf"]
    assert inventory.passed_over == [
        f"{tmp_path / 'gone.pdf.identity.toml'}: a sidecar of no document in the folder, not read"
    ]
