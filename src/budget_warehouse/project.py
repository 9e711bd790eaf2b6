"""The dbt project's own files, and a scratch copy of them for a check, a benchmark or a test."""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from pathlib import Path

# Everything a build reads besides the disclosures and the seeds extraction writes.
PROJECT_FILES = (
    ".dbtignore",
    "dbt_project.yml",
    "profiles.yml",
    "models",
    "macros",
    "docs",
    "tests/dbt",
    "seeds/reference",
)


def copy_project(repo: Path, root: Path, documents: Mapping[str, str | bytes] | None = None) -> Path:
    """A copy of the dbt project in ``repo`` at ``root``, with ``documents`` (file name to text or
    bytes) as its disclosures/, or all of the repository's disclosures when there are none given."""
    root.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        source, target = repo / name, root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            shutil.copy2(source, target)
    disclosures = root / "disclosures"
    if documents is None:
        shutil.copytree(repo / "disclosures", disclosures)
        return root
    disclosures.mkdir()
    for file_name, content in documents.items():
        if isinstance(content, bytes):
            (disclosures / file_name).write_bytes(content)
        else:
            (disclosures / file_name).write_text(content, encoding="utf-8")
    return root
