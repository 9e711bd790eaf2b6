"""Reading a published PDF into pages of text lines and ruled tables, with pdfplumber.

A table comes back as a :class:`Grid`: one text per row and column, where a merged cell's text
is repeated in every position it covers. Headers that span columns (收入 over 项目 and 预算数)
or rows (合计 over two header rows) therefore label every column beneath them, whatever the
publisher merged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from budget_warehouse.errors import ExtractionError

if TYPE_CHECKING:
    import pdfplumber

_SPACES = re.compile(r"[ \t\u3000]+")


@dataclass(frozen=True)
class Grid:
    """One ruled table on one page: cells[row][column], merged cells repeated."""

    page_number: int
    top: float
    cells: tuple[tuple[str, ...], ...]
    # Text lines between the table above (or the top of the page) and this one: title, 编制部门, 单位.
    heading: tuple[str, ...] = ()
    # Text lines between this table and the next (or the end of the page): notes (注：…).
    footer: tuple[str, ...] = ()
    # Each column's left and right edge on the page (its narrowest cell).
    column_spans: tuple[tuple[float, float], ...] = ()

    @property
    def column_count(self) -> int:
        return len(self.cells[0]) if self.cells else 0


@dataclass(frozen=True)
class Page:
    number: int
    lines: tuple[str, ...]
    grids: tuple[Grid, ...]
    char_count: int
    # The lines outside every ruled table: headings, paragraphs, notes (the running text).
    prose: tuple[str, ...] = ()


def clean_cell(text: str | None) -> str:
    """Join a cell's wrapped lines; spaces inside CJK text are layout, not content."""
    if not text:
        return ""
    return _SPACES.sub(" ", text.replace("\n", "")).strip()


def _centres(boxes: list[tuple[float, float] | None]) -> list[float]:
    return [(box[0] + box[1]) / 2 if box else float("nan") for box in boxes]


def _grid(table: pdfplumber.table.Table, page_number: int) -> Grid:
    texts = table.extract()
    rows = table.rows
    width = max(len(row.cells) for row in rows)
    # The narrowest cell of a column (shortest of a row) gives the centre of one grid line.
    column_spans: list[tuple[float, float] | None] = [None] * width
    row_spans: list[tuple[float, float] | None] = [None] * len(rows)
    for i, row in enumerate(rows):
        for j, cell in enumerate(row.cells):
            if cell is None:
                continue
            x0, top, x1, bottom = cell
            span = column_spans[j]
            if span is None or x1 - x0 < span[1] - span[0]:
                column_spans[j] = (x0, x1)
            vertical = row_spans[i]
            if vertical is None or bottom - top < vertical[1] - vertical[0]:
                row_spans[i] = (top, bottom)
    xs, ys = _centres(column_spans), _centres(row_spans)
    filled = [["" for _ in range(width)] for _ in rows]
    for i, row in enumerate(rows):
        for j, cell in enumerate(row.cells):
            if cell is None:
                continue
            text = clean_cell(texts[i][j] if j < len(texts[i]) else "")
            x0, top, x1, bottom = cell
            for covered_i, y in enumerate(ys):
                if top <= y <= bottom:
                    for covered_j, x in enumerate(xs):
                        if x0 <= x <= x1 and not filled[covered_i][covered_j]:
                            filled[covered_i][covered_j] = text
    spans = tuple(span for span in column_spans if span is not None)
    cells = tuple(tuple(row) for row in filled)
    return Grid(page_number, float(table.bbox[1]), cells, column_spans=spans if len(spans) == width else ())


def _is_caption(row: tuple[str, ...]) -> bool:
    texts = [cell for cell in row if cell]
    return all(text.endswith("表") or "：" in text or ":" in text for text in texts)


def _caption_rows(cells: tuple[tuple[str, ...], ...]) -> tuple[list[str], tuple[tuple[str, ...], ...]]:
    """Some publishers draw the title and 编制单位 line inside the table's ruling: those leading
    rows are the table's heading, not its header."""
    caption: list[str] = []
    index = 0
    while index < len(cells) and _is_caption(cells[index]):
        caption.extend(dict.fromkeys(cell for cell in cells[index] if cell))
        index += 1
    return caption, cells[index:]


def _place_lines(grids: list[Grid], bottoms: list[float], lines: list[dict[str, Any]]) -> tuple[Grid, ...]:
    """Give each table the text lines above it (down from the previous table) and below it."""
    placed = []
    for index, grid in enumerate(grids):
        upper = bottoms[index - 1] if index else float("-inf")
        lower = grids[index + 1].top if index + 1 < len(grids) else float("inf")
        above = _lines_between(lines, upper, grid.top)
        footer = [str(line["text"]) for line in _lines_between(lines, bottoms[index], lower)]
        caption, cells = _caption_rows(grid.cells)
        lost = _lost_row(grid, above[-1]) if above and not caption else None
        if lost is not None:
            above, cells = above[:-1], (lost, *cells)
        heading = [str(line["text"]) for line in above]
        placed.append(
            Grid(
                grid.page_number,
                grid.top,
                cells,
                tuple(clean_cell(text) for text in [*heading, *caption] if clean_cell(text)),
                tuple(clean_cell(text) for text in footer if clean_cell(text)),
                grid.column_spans,
            )
        )
    return tuple(placed)


def _lines_between(lines: list[dict[str, Any]], upper: float, lower: float) -> list[dict[str, Any]]:
    """The text lines from ``upper`` down to ``lower`` (a point of slack either way)."""
    return [line for line in lines if upper - 1 <= float(line["top"]) and float(line["bottom"]) <= lower + 1]


_DECIMAL = re.compile(r"^-?[\d,]+\.\d+$")


def _lost_row(grid: Grid, line: dict[str, Any]) -> tuple[str, ...] | None:
    """A table row printed just above the ruling pdfplumber found (Xi'an's 2022 continuation pages
    lose their first row so): the line right above the table, its characters each under one of the
    table's columns, holding two or more amounts with decimals. Else None: a title or unit line."""
    height = float(line["bottom"]) - float(line["top"])
    if not grid.column_spans or grid.top - float(line["bottom"]) > height:
        return None
    texts = ["" for _ in grid.column_spans]
    for char in line.get("chars", []):
        if not str(char["text"]).strip():
            continue
        centre = (float(char["x0"]) + float(char["x1"])) / 2
        column = next((j for j, (x0, x1) in enumerate(grid.column_spans) if x0 <= centre <= x1), None)
        if column is None:
            return None
        texts[column] += str(char["text"])
    row = tuple(clean_cell(text) for text in texts)
    return row if sum(1 for cell in row if _DECIMAL.match(cell)) >= 2 else None


def _outside(tables: list[pdfplumber.table.Table], lines: list[dict[str, Any]]) -> tuple[str, ...]:
    """The lines no table of two or more columns covers. Some publishers box a paragraph (a
    one-column "table"): that is running text all the same."""
    boxes = [table.bbox for table in tables if len(table.rows) > 1 and max(len(row.cells) for row in table.rows) > 1]
    return tuple(
        clean_cell(line["text"])
        for line in lines
        if clean_cell(line["text"])
        and not any(
            x0 - 1 <= (float(line["x0"]) + float(line["x1"])) / 2 <= x1 + 1
            and top - 1 <= (float(line["top"]) + float(line["bottom"])) / 2 <= bottom + 1
            for x0, top, x1, bottom in boxes
        )
    )


def read_pdf(path: Path, shown: Path | None = None) -> list[Page]:
    """Every page's text and tables. An unreadable, encrypted or text-less PDF is refused."""
    # pdfplumber and pdfminer take a tenth of a second to import: only builds with PDFs pay it.
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfplumber.utils.exceptions import PdfminerException

    shown = shown or path
    pages: list[Page] = []
    try:
        with pdfplumber.open(path) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                tables = sorted((t for t in page.find_tables() if t.rows), key=lambda table: table.bbox[1])
                lines = page.extract_text_lines()
                grids = _place_lines([_grid(t, number) for t in tables], [float(t.bbox[3]) for t in tables], lines)
                pages.append(
                    Page(
                        number=number,
                        lines=tuple(clean_cell(line["text"]) for line in lines),
                        grids=grids,
                        char_count=len(page.chars),
                        prose=_outside(tables, lines),
                    )
                )
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise ExtractionError(
            shown, f"the PDF is encrypted and cannot be read without its password ({exc!r})"
        ) from None
    except (PdfminerException, PDFSyntaxError) as exc:
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError):
            raise ExtractionError(shown, "the PDF is encrypted and cannot be read without its password") from None
        raise ExtractionError(shown, f"not a readable PDF (truncated or damaged?): {cause!r}") from None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ExtractionError(shown, f"not a readable PDF (truncated or damaged?): {exc!r}") from None
    if not pages:
        raise ExtractionError(shown, "the PDF has no pages")
    return pages
