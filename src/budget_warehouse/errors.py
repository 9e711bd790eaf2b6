"""Errors that point at the exact place in a disclosure that could not be read."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass
class ExtractionError(Exception):
    """A disclosure that cannot be turned into seed rows.

    Every field that is known is part of the message, so an operator can open the file at the
    right line without rerunning anything.
    """

    path: Path | str
    message: str
    table_number: int | None = None
    row_number: int | None = None
    line_number: int | None = None
    column: str | None = None

    def __str__(self) -> str:
        where = [str(self.path)]
        if self.table_number is not None:
            where.append(f"表{self.table_number}")
        if self.row_number is not None:
            where.append(f"row {self.row_number}")
        if self.line_number is not None:
            where.append(f"line {self.line_number}")
        if self.column is not None:
            where.append(f"column {self.column}")
        return f"{', '.join(where)}: {self.message}"


class EngineUnavailable(RuntimeError):
    """An extraction engine that cannot run on this machine (pyspark or Java missing, a Spark
    Connect client without its libraries); the message says what installs it."""


class ProjectNotFound(RuntimeError):
    """The dbt project the extractor takes its shared declarations from (dbt_project.yml's vars)
    is not where the package was installed from, and no BUDGET_WAREHOUSE_PROJECT_DIR names it."""
