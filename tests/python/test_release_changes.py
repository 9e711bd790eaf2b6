"""Every release says what changed since the one before: documents added, removed and replaced by
a revision, findings new and resolved, headline figures that moved (release.json, CHANGES.md);
`budget-warehouse releases` lists them and `budget-warehouse diff` compares any two."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from budget_warehouse.cli import main
from conftest import REPO, copy_project
from pdf_mutations import replace_number

SEED = "000_e2c6e97a9772fe89.txt"
SIFAJU = "shanghai-putuo-sifaju-2026-budget.pdf"
ADDED = "shanghai-putuo-shangwuwei-2025-budget.pdf"
SIFAJU_KEY = "上海市普陀区司法局 2026 预算 (部门)"


@pytest.fixture(scope="module")
def releases(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict, dict, str, str]:
    """Release 1: the seed and 司法局. Release 2: 司法局 revised (its 一般公共预算 合计 96,282,213.44
    元 printed 96,382,213.44 on p.16) and 商务委 added."""
    root = copy_project(
        tmp_path_factory.mktemp("changes"),
        {
            SEED: (REPO / "disclosures" / SEED).read_text(encoding="utf-8"),
            SIFAJU: (REPO / "disclosures" / SIFAJU).read_bytes(),
        },
    )
    assert main(["build", "--project-dir", str(root), "--no-progress"]) == 0
    first = json.loads((root / "published" / "current" / "release.json").read_text(encoding="utf-8"))
    replace_number(REPO / "disclosures" / SIFAJU, root / "disclosures" / SIFAJU, 16, "96282213.44", "96382213.44")
    shutil.copy2(REPO / "disclosures" / ADDED, root / "disclosures" / ADDED)
    assert main(["build", "--project-dir", str(root), "--no-progress"]) == 0
    second = json.loads((root / "published" / "current" / "release.json").read_text(encoding="utf-8"))
    changes_md = (root / "exports" / "CHANGES.md").read_text(encoding="utf-8")
    return root, first, second, changes_md, str(second["previous_release"])


def test_the_first_release_lists_everything_as_added(releases) -> None:
    _, first, *_ = releases
    assert first["previous_release"] is None
    assert len(first["changes"]["documents_added"]) == 2


def test_a_revision_an_addition_and_a_moved_figure(releases) -> None:
    _, first, second, _, previous = releases
    assert previous == first["release"]
    changes = second["changes"]
    assert changes["documents_added"] == [f"上海市普陀区商务委员会 2025 预算 (部门): {ADDED}"]
    assert changes["documents_removed"] == []
    assert changes["documents_replaced"] == [f"{SIFAJU_KEY}: {SIFAJU} → {SIFAJU}"]
    assert {"document": SIFAJU_KEY, "figure": "一般公共预算支出", "before": "9,628.22", "after": "9,638.22"} in changes[
        "headlines_moved"
    ]
    # the revision breaks its own 合计: new findings at p.16, none resolved
    assert changes["findings_resolved"] == []
    assert any(SIFAJU_KEY in finding and "p.16" in finding for finding in changes["findings_new"])


def test_changes_md_is_readable_beside_the_exports(releases) -> None:
    _, _, second, changes_md, previous = releases
    assert changes_md.startswith(f"# Changes from release {previous} to {second['release']}")
    assert "## Documents replaced by a revision (1)" in changes_md
    assert f"| {SIFAJU_KEY} | 一般公共预算支出 | 9,628.22 | 9,638.22 |" in changes_md
    # the document added, with its headline figures as printed (商务委 2025: basic 19,830,655.00 元)
    assert "## Headline figures of the documents added" in changes_md
    assert "| 上海市普陀区商务委员会 2025 预算 (部门) | 一般公共预算基本支出 | 1,983.07 |" in changes_md


def test_releases_and_diff_on_the_command_line(releases, capsys) -> None:
    root, first, second, changes_md, _ = releases
    capsys.readouterr()
    assert main(["releases", "--project-dir", str(root)]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert [line[2:].split()[0] for line in listed] == [first["release"], second["release"]]
    assert listed[1].startswith("* ") and "1 documents added" in listed[1] and "1 replaced" in listed[1]
    assert main(["diff", "--project-dir", str(root)]) == 0
    assert capsys.readouterr().out.strip() == changes_md.strip()
    # the other way round, the addition is a removal
    assert main(["diff", second["release"], first["release"], "--project-dir", str(root)]) == 0
    assert f"- 上海市普陀区商务委员会 2025 预算 (部门): {ADDED}" in capsys.readouterr().out
    assert main(["diff", "no-such-release", "--project-dir", str(root)]) == 2
    assert "no release 'no-such-release'" in capsys.readouterr().err
