"""One document's extraction as the engines pass it around: the function every engine runs per
document (a local process pool, a Spark executor) and the plain data it sends back. Its own
module, so that the engines import it and not each other."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Generator
from dataclasses import dataclass, field
from pathlib import Path

from budget_warehouse.errors import ExtractionError
from budget_warehouse.records import Record
from budget_warehouse.seeds import format_rows, seed_schemas
from budget_warehouse.templates import extract_any


@dataclass
class DocumentRows:
    """What extracting one document sends back, from a worker process or a Spark executor.

    Its rows arrive already formatted as CSV text per seed, so the process writing the files
    only appends them, and with them the little that resolving revisions and the summary need.
    Plain data, so that it pickles for a process pool and round-trips through JSON for Spark.
    """

    path: str
    document: Record | None = None
    texts: dict[str, str] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    row_count: int = 0
    warnings: list[str] = field(default_factory=list)
    error: dict[str, str | int | None] | None = None

    def to_json(self) -> str:
        return json.dumps(dataclasses.asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> DocumentRows:
        return cls(**json.loads(text))

    def refusal(self) -> ExtractionError | None:
        """The error this document was refused with, rebuilt (the error itself may not pickle)."""
        return None if self.error is None else ExtractionError(**self.error)  # type: ignore[arg-type]


def extract_rows(path: str, display_path: str) -> DocumentRows:
    """Read one document into seed text: the one function every engine runs per document, so
    the local pool and Spark executors give the same bytes and the same errors."""
    try:
        extracted = extract_any(Path(path), display_path=display_path)
    except ExtractionError as error:
        fields = dataclasses.asdict(error)
        fields["path"] = str(error.path)
        return DocumentRows(display_path, error=fields)
    schemas = seed_schemas()
    # The documents seed is written last, once revisions are resolved (is_current may change).
    tables = {name: records for name, records in extracted.rows.items() if name != "documents"}
    return DocumentRows(
        path=display_path,
        document=extracted.document,
        texts={name: format_rows(schemas[name], records) for name, records in tables.items()},
        counts={name: len(records) for name, records in tables.items()},
        row_count=extracted.row_count,
        warnings=extracted.warnings,
    )


Results = Generator[tuple[Path, DocumentRows], None, None]
