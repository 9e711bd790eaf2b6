"""One document's extraction as the engines pass it around: the function every engine runs per
document (a local process pool, a Spark executor) and the plain data it sends back. Its own
module, so that the engines import it and not each other."""

from __future__ import annotations

import dataclasses
import json
import resource
import signal
import threading
from collections.abc import Generator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

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
    # refused for a limit of this run, not for what the document is: not to be kept in the cache
    transient: bool = False

    def to_json(self) -> str:
        return json.dumps(dataclasses.asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> DocumentRows:
        return cls(**json.loads(text))

    def refusal(self) -> ExtractionError | None:
        """The error this document was refused with, rebuilt (the error itself may not pickle)."""
        return None if self.error is None else ExtractionError(**self.error)  # type: ignore[arg-type]


# A document's bounds, unless --document-seconds / --document-memory-mb say otherwise: the
# largest real PDF of the corpus reads in about 30 s and 600 MB; a crafted one can loop or
# balloon (a 10 KB PDF of 400,000 drawn rectangles takes a minute and 4.8 GB to read).
DEFAULT_SECONDS = 300.0
DEFAULT_MEMORY_MB = 2048


@dataclass(frozen=True)
class Limits:
    """How long one document may take to read, and how much memory (a worker process's heap)."""

    seconds: float | None = DEFAULT_SECONDS
    memory_mb: int | None = DEFAULT_MEMORY_MB


class _TooLong(BaseException):
    """Raised in the reading thread when a document's time is up (a BaseException, so that no
    handler for a reader's own errors takes it for one)."""


def limit_memory(memory_mb: int | None) -> None:
    """A worker process's heap limit (the process pool's initializer): past it, allocation fails
    with MemoryError in that worker, and the document is refused; the build goes on."""
    if memory_mb is not None:
        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))


@contextmanager
def _time_limit(seconds: float | None) -> Iterator[None]:
    if seconds is None or threading.current_thread() is not threading.main_thread():
        yield  # signals reach the main thread only (a Spark task's thread runs unbounded)
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise _TooLong

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def extract_rows(path: str, display_path: str, limits: Limits | None = None) -> DocumentRows:
    """Read one document into seed text: the one function every engine runs per document, so
    the local pool and Spark executors give the same bytes and the same errors. A document
    that exceeds ``limits`` is refused by name with the limit it hit."""
    limits = limits or Limits(seconds=None, memory_mb=None)
    try:
        with _time_limit(limits.seconds):
            extracted = extract_any(Path(path), display_path=display_path)
    except ExtractionError as error:
        fields = dataclasses.asdict(error)
        fields["path"] = str(error.path)
        return DocumentRows(display_path, error=fields)
    except _TooLong:
        message = f"took longer than the limit of {limits.seconds:g} s to read (--document-seconds)"
        return DocumentRows(display_path, error={"path": display_path, "message": message}, transient=True)
    except MemoryError:
        limit = f"{limits.memory_mb} MB" if limits.memory_mb is not None else "the memory there is"
        message = f"needed more than {limit} to read (--document-memory-mb)"
        return DocumentRows(display_path, error={"path": display_path, "message": message}, transient=True)
    except Exception as error:  # a library failing inside, often for want of memory
        limit = f"; its memory limit is {limits.memory_mb} MB (--document-memory-mb)" if limits.memory_mb else ""
        message = f"the PDF library failed reading it ({type(error).__name__}: {error}){limit}"
        return DocumentRows(display_path, error={"path": display_path, "message": message}, transient=True)
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
