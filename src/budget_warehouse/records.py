"""What every template's extractor produces, whatever it reads: which document a file is, and the
seed records it contributes. The markdown reader (``document.py``) and the PDF families
(``national/``) both build these; this module depends on neither."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

# One seed row: column name → its text as extracted (None for a blank cell).
Record = dict[str, str | None]


@dataclass(frozen=True)
class DocumentIdentity:
    """Which document a file is, fixed once its template has recognised it: every seed row of
    the document is keyed by it, so nothing may change it afterwards. Two files with the same
    department, fiscal year, phase and scope are revisions of one document (``revision`` says
    which is newer); ``document_id`` tells the files apart by their bytes."""

    document_id: str
    department_name: str
    fiscal_year: int
    phase: str
    scope: str
    revision: int

    def key(self) -> Record:
        """The columns every seed row of the document starts with."""
        return {
            "document_id": self.document_id,
            "department_name": self.department_name,
            "fiscal_year": str(self.fiscal_year),
        }

    def record(self) -> Record:
        """The identity as the documents seed writes it."""
        return {**self.key(), "phase": self.phase, "scope": self.scope, "revision": str(self.revision)}

    def same_document_key(self) -> tuple[str, int, str, str]:
        """What revisions of one document share: department, fiscal year, phase and scope (a 部门
        document and the 单位 document of the same unit are two documents)."""
        return (self.department_name, self.fiscal_year, self.phase, self.scope)

    @classmethod
    def from_record(cls, record: Record) -> DocumentIdentity:
        """The identity back from its row of the documents seed (what :meth:`record` wrote): all a
        worker process or a Spark executor sends back is that row. The one place it is parsed.
        A row without scope or revision is a department's first publication."""

        def required(column: str) -> str:
            value = record.get(column)
            if value is None:
                raise ValueError(f"a documents row without {column}: {record}")
            return value

        return cls(
            document_id=required("document_id"),
            department_name=required("department_name"),
            fiscal_year=int(required("fiscal_year")),
            phase=required("phase"),
            scope=record.get("scope") or "部门",
            revision=int(record.get("revision") or 0),
        )


@dataclass
class ExtractedDocument:
    """Everything one file contributes to the seeds, keyed by seed name.

    ``document`` is the file's row of the documents seed: its identity columns plus what
    resolving revisions fills in later (``is_current``, ``superseded_by_document_id``).
    ``identity`` is which document it is, for every template."""

    path: Path
    document: Record
    identity: DocumentIdentity
    rows: dict[str, list[Record]] = field(default_factory=dict)
    # The markdown template's tables as parsed, a typed row each, before they are written as
    # cells (the PDF families write cells directly): what the parsers' tests read.
    tables: dict[str, list[Record]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    @property
    def row_count(self) -> int:
        return sum(len(rows) for name, rows in self.rows.items() if not name.startswith("document"))
