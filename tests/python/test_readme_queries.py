"""The README's example queries run against a built warehouse."""

from __future__ import annotations

import re

from conftest import REPO


def test_readme_sql_examples_run(warehouse) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    queries = re.findall(r"```sql\n(.*?)```", readme, flags=re.S)
    assert len(queries) == 5
    for query in queries:
        assert warehouse.execute(query).fetchall(), query
