"""The house rules CONTRIBUTING.md states that a reviewer would otherwise have to check by eye."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from conftest import REPO

MAX_FUNCTION_LINES = 60
# What a YAML dumper writes for a repeated value; a description used twice is a doc block instead.
YAML_ANCHOR = re.compile(r"(^|[\s\[{,:-])[&*]id\d+\b|^\s*-\s*&\w+", re.MULTILINE)


def _long_functions(path: Path, root: Path = REPO) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        f"{path.relative_to(root)}:{node.lineno} {node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno is not None
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]


def test_no_function_in_the_package_is_over_60_lines() -> None:
    found = [entry for path in sorted((REPO / "src").rglob("*.py")) for entry in _long_functions(path)]
    assert found == []


def test_the_line_count_sees_a_long_function(tmp_path: Path) -> None:
    body = "\n".join(f"    x{index} = {index}" for index in range(MAX_FUNCTION_LINES))
    module = tmp_path / "probe.py"
    module.write_text(f"def too_long() -> None:\n{body}\n", encoding="utf-8")
    assert _long_functions(module, tmp_path) == [f"probe.py:1 too_long ({MAX_FUNCTION_LINES + 1} lines)"]


def _yaml_files() -> list[Path]:
    roots = ("models", "seeds", "macros", "docs")
    files = [path for root in roots for path in (REPO / root).rglob("*.yml")]
    return sorted([*files, REPO / "dbt_project.yml", REPO / "profiles.yml", REPO / ".pre-commit-config.yaml"])


def test_no_yaml_anchors_or_aliases() -> None:
    found = [
        f"{path.relative_to(REPO)}: {match.group(0).strip()}"
        for path in _yaml_files()
        for match in YAML_ANCHOR.finditer(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_the_anchor_check_sees_a_dumped_anchor() -> None:
    dumped = "columns:\n- &id001\n  name: document_id\n- *id001\n"
    assert len(YAML_ANCHOR.findall(dumped)) == 2
