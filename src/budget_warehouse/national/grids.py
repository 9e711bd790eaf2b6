"""Turning the ruled tables of a national-template PDF into long seed records, one per cell.

The national tables come in four shapes, and the columns of each are found by their header
labels, never by position, because publishers add, drop, merge and reorder columns:

- ``ledger``: two sides, 收入 and 支出, each an item column and amount columns (总表).
- ``function``: 功能分类 code (one column, or split into 类 | 款 | 项), name, amounts.
- ``economic``: 经济分类 code (类 | 款 or one column), name, amounts; final accounts print two
  such column groups side by side.
- ``three_public``: one row of amounts under a header that names each “三公” item.

Every amount cell becomes one record with the page, the row on that page, the column and its
header label, so any figure in the warehouse can be found in the PDF.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from budget_warehouse.errors import ExtractionError
from budget_warehouse.national.families import ColumnRoles, Rules, label_key
from budget_warehouse.national.subject_names import CLASSIFICATIONS, NamePath, subject_names
from budget_warehouse.numbers import Amount, NotANumber, is_amount, parse_amount, unglued_amount
from budget_warehouse.pdf import Grid
from budget_warehouse.records import Record

_ENUMERATED = re.compile(r"^(?:[一二三四五六七八九十]+、|\d+\s*[.．、]|[（(][一二三四五六七八九十\d]+[)）])")
_TOTAL = re.compile(r"(合计|总计)$")
_DIGITS = re.compile(r"^\d+$")
_HEADER_YEAR = re.compile(r"(20\d{2})\s*年")
# Where a blank template prints its placeholders instead of numbers.
PLACEHOLDER = re.compile(r"^(?:[Xx×＊*]{1,}(?:[.,][Xx×]+)*|…+|\.{3,})$")


@dataclass(frozen=True)
class Column:
    number: int  # 1-based position in the rows as read
    parts: tuple[str, ...]  # header labels from the top down, merged cells repeated once
    # 1-based position in the PDF where columns were left out or split (备注, 2040601-行政运行)
    published_number: int | None = None

    @property
    def source_number(self) -> int:
        """The column's number as published, for provenance."""
        return self.published_number or self.number

    @property
    def label(self) -> str:
        return "|".join(self.parts)

    def measure(self, rules: Rules) -> str | None:
        """The role of the first ``anywhere`` rule found in any header label; else of the first rule
        matched by the lowest header label that matches any. Where that is a generic rule (小计, 合计),
        a label above it that is exactly a specific rule's label names the part instead (基本支出 |
        小计 is basic spending; 一般公共预算基本支出 | 合计 stays the total). A label a text layer
        split over header rows is read as one: the labels below the match, read as one, that hold a
        specific rule's label name the column (三公经费 | 因 | 公 | 出 | 国); runs of labels above it
        count as one label; and where no label matches, all of them read as one."""
        keys = [label_key(part) for part in self.parts]
        for rule in rules:
            if rule.anywhere and any(rule.label in key for key in keys):
                return rule.role
        for depth in range(len(keys) - 1, -1, -1):
            matched = next((r for r in rules if not r.anywhere and r.label in keys[depth]), None)
            if matched is None:
                continue
            split = _specific_role(rules, "".join(keys[depth + 1 :]))
            if split is not None or not matched.generic:
                return split or matched.role
            # the labels above, nearest first; then runs of them read as one (公务用车购置及运行维护 | 费)
            spans = [*reversed(keys[:depth]), *("".join(keys[start:depth]) for start in range(depth - 2, -1, -1))]
            above = (r.role for span in spans for r in rules if not r.generic and r.label == span)
            return next(above, matched.role)
        return _specific_role(rules, "".join(keys))


def _specific_role(rules: Rules, text: str) -> str | None:
    """The role of the first specific rule found in labels read as one: a label a text layer split
    over header rows (2022年 | 会议 | 费, 因 | 公 | 出 | 国) under a group label such as “三公”经费."""
    return next((r.role for r in rules if not r.anywhere and not r.generic and r.label in text), None) if text else None


@dataclass
class ParsedGrids:
    records: list[Record] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    placeholders: int = 0


@dataclass(frozen=True)
class TableContext:
    """Where a table sits, for records and for errors that point at the cell."""

    path: Path
    table_number: int
    title: str
    roles: ColumnRoles
    unit: str | None = None

    def error(
        self, message: str, *, page: int | None = None, row: int | None = None, column: str | None = None
    ) -> ExtractionError:
        where = f"page {page}, " if page is not None else ""
        return ExtractionError(
            self.path,
            f"{where}{self.title}: {message}",
            table_number=self.table_number,
            row_number=row,
            column=column,
        )


def _is_blank(row: Sequence[str]) -> bool:
    return all(not cell for cell in row)


_COLUMN_NUMBER_MARKS = {"栏次", "行次", "**", "*"}


def is_column_number_row(row: Sequence[str]) -> bool:
    """The column numbers some families print under the header (栏次 | 1 | 2 | 3, ** | ** | 1 | 2,
    or 1 | 2 | … | 12 alone): marks, then 1, 2, 3 … in order; without a mark, at least three,
    from 1 (no row of money reads 1, 2, 3 …)."""
    cells = [label_key(cell) for cell in row if cell]
    numbers = [cell for cell in cells if cell not in _COLUMN_NUMBER_MARKS]
    if not numbers or not all(_DIGITS.match(cell) for cell in numbers):
        return False
    start = int(numbers[0])
    in_order = [int(cell) for cell in numbers] == list(range(start, start + len(numbers)))
    marked = len(cells) > len(numbers)
    return in_order and (marked or (start == 1 and len(numbers) >= 3))


def _is_data_row(row: Sequence[str]) -> bool:
    """A row of figures or codes, or one that opens with an item (一、…), a total or 无; a header
    row holds labels only (合计 as a column label comes after other labels), and the column numbers
    printed under it belong to it."""
    cells = [cell for cell in row if cell]
    if (cells and label_key(cells[0]) == "栏次") or is_column_number_row(row):
        return False
    if any(_DIGITS.match(c.replace(",", "").replace(".", "").replace(" ", "")) or PLACEHOLDER.match(c) for c in cells):
        return True
    if not cells:
        return False
    key = label_key(cells[0])
    if key in {"合计", "总计", "无"} or key.endswith(("合计", "总计")):
        # A total row has nothing but its label; 合计 heading a column header has other labels beside it.
        return all(cell == cells[0] for cell in cells)
    return bool(_ENUMERATED.match(cells[0]))


def _header_length(rows: Sequence[Sequence[str]]) -> int:
    for index, row in enumerate(rows):
        if _is_data_row(row):
            return index
    return len(rows)


def is_total_only(grid: Grid) -> bool:
    """A table of total rows only (合计 and its figures)."""
    rows = [row for row in grid.cells if not _is_blank(row)]
    return bool(rows) and all(_TOTAL.search(label_key(next(c for c in row if c))) for row in rows)


def _widened(row: tuple[str, ...], width: int) -> tuple[str, ...]:
    """A total row printed with fewer columns: its label first, its figures in the last columns."""
    if len(row) >= width:
        return row
    return (row[0], *([""] * (width - len(row))), *row[1:])


def columns_of(header: Sequence[Sequence[str]], width: int) -> list[Column]:
    columns = []
    for j in range(width):
        parts: list[str] = []
        for row in header:
            cell = row[j] if j < len(row) else ""
            if cell and (not parts or parts[-1] != cell):
                parts.append(cell)
        columns.append(Column(j + 1, tuple(parts)))
    return columns


@dataclass(frozen=True)
class BodyRow:
    page: int
    row: int  # 1-based row of the ruled table on that page, header rows included
    cells: tuple[str, ...]


def _without_ignored(
    columns: list[Column], body: list[BodyRow], context: TableContext
) -> tuple[list[Column], list[BodyRow]]:
    """The table without the columns no shape reads (备注, 序号, 行次: the column roles' ignored)."""
    ignored = {rule.label for rule in context.roles.ignored}
    # the lowest label, or the header read top-down where a text layer split it (序 | 号)
    kept = [
        c for c in columns if not c.parts or {label_key(c.parts[-1]), label_key("".join(c.parts))}.isdisjoint(ignored)
    ]
    if len(kept) == len(columns):
        return columns, body
    rows = [BodyRow(row.page, row.row, tuple(row.cells[c.number - 1] for c in kept)) for row in body]
    return _renumbered(kept), rows


def _renumbered(columns: Sequence[Column]) -> list[Column]:
    """Columns numbered by their position in the rows as read, each keeping its published number."""
    return [Column(number, column.parts, column.source_number) for number, column in enumerate(columns, 1)]


def prior_year_columns(columns: Sequence[Column]) -> set[int]:
    """The columns whose header names an earlier year than another column's (2025年预算数 beside
    2026年预算数): the previous year's figures, printed for comparison."""
    years = {c.number: [int(y) for y in _HEADER_YEAR.findall("".join(c.parts))] for c in columns}
    latest = max((year for found in years.values() for year in found), default=None)
    return {number for number, found in years.items() if found and latest is not None and max(found) < latest}


def stitch(grids: Sequence[Grid], context: TableContext) -> tuple[list[Column], list[BodyRow]]:
    """One table from its pages: the header of the first page labels every page's columns; a
    continuation page that repeats the header has it skipped, one that does not is all body.
    Columns no shape reads are left out."""
    columns, body = _stitched(grids, context)
    return _without_ignored(columns, body, context)


def split_column_groups(grid: Grid) -> list[list[int]] | None:
    """The columns (0-based) of a table's first page that are one column the ruling split in
    several (Xi'an's 2022 收支总表: every column three times over, merged cells repeated, the
    label under one of them): a column that repeats the one to its left in every body row, under
    the same header labels or some of them, joins it. None where no column repeats another."""
    header_length = _header_length(grid.cells)
    header = [row for row in grid.cells[:header_length] if not is_column_number_row(row)]
    columns = columns_of(header, grid.column_count)
    body = grid.cells[header_length:]
    groups: list[list[int]] = []
    for column in columns:
        if groups and body and _repeats(body, columns[groups[-1][0]], column):
            groups[-1].append(column.number - 1)
        else:
            groups.append([column.number - 1])
    return groups if len(groups) < len(columns) else None


def joined_columns(grid: Grid, groups: list[list[int]]) -> Grid:
    """The grid with each group of split columns read as one: its first cell that is not blank."""
    cells = tuple(tuple(next((row[i] for i in group if row[i]), "") for group in groups) for row in grid.cells)
    return dataclasses.replace(grid, cells=cells)


def _repeats(body: Sequence[Sequence[str]], left: Column, column: Column) -> bool:
    mine, theirs = set(column.parts), set(left.parts)
    if not (mine <= theirs or theirs <= mine):
        return False
    return all(row[left.number - 1] == row[column.number - 1] for row in body)


def _stitched(grids: Sequence[Grid], context: TableContext) -> tuple[list[Column], list[BodyRow]]:
    first = grids[0]
    header_length = _header_length(first.cells)
    header = [list(row) for row in first.cells[:header_length]]
    # the column numbers under the header (栏次 | 1 | 2) label no column
    columns = columns_of([row for row in header if not is_column_number_row(row)], first.column_count)
    body = [BodyRow(first.page_number, i + 1, row) for i, row in enumerate(first.cells) if i >= header_length]
    for grid in grids[1:]:
        if grid.column_count != first.column_count and is_total_only(grid):
            body.extend(
                BodyRow(grid.page_number, i + 1, _widened(row, first.column_count)) for i, row in enumerate(grid.cells)
            )
            continue
        if grid.column_count != first.column_count:
            raise context.error(
                f"a continuation table has {grid.column_count} columns where the table has {first.column_count}",
                page=grid.page_number,
            )
        skip = 0
        if [list(row) for row in grid.cells[:header_length]] == header:
            skip = header_length
        body.extend(BodyRow(grid.page_number, i + 1, row) for i, row in enumerate(grid.cells) if i >= skip)
    return columns, [row for row in body if not _is_blank(row.cells)]


def _amount(parsed: ParsedGrids, context: TableContext, body: BodyRow, column: Column) -> str | None:
    cell = body.cells[column.number - 1]
    if PLACEHOLDER.match(cell):
        parsed.placeholders += 1
        return None
    if column.number > 1 and cell and cell == body.cells[column.number - 2] and not is_amount(cell):
        # a label merged across into the amount column (公用经费合计 over two column groups): no figure
        return None
    try:
        amount = parse_amount(cell, context.unit)
    except NotANumber as exc:
        unglued = unglued_amount(cell)
        if unglued is None:
            raise context.error(str(exc), page=body.page, row=body.row, column=column.label) from None
        parsed.warnings.append(
            f"{context.path}: page {body.page}, {context.title}, row {body.row}, column {column.label}: "
            f"{cell!r} read as {unglued} (the label beside it runs into the amount in the text layer)"
        )
        amount = parse_amount(unglued, context.unit)
    if amount is None:
        return None
    parsed.amounts.append(amount)
    return amount.text


def _record(body: BodyRow, column: Column, **values: str | None) -> Record:
    return {
        "page_number": str(body.page),
        "source_row_number": str(body.row),
        "source_column_number": str(column.source_number),
        "column_label": column.label,
        **values,
    }


def _groups(columns: list[Column], context: TableContext) -> Iterator[tuple[list[Column], Column, list[Column]]]:
    """(code columns, name column, amount columns) for each column group, left to right."""
    names = [c for c in columns if any("名称" in label_key(part) for part in c.parts)]
    if not names:
        # 功能科目 / 经济科目 under no 名称: the subject column that is not its code
        names = [
            c
            for c in columns
            if c.parts and label_key(c.parts[-1]).endswith("科目") and not any("编码" in p for p in c.parts)
        ]
    if not names:
        raise context.error("no 科目名称 column in the header", page=None, column=None)
    code_width = names[0].number - 1
    for index, name in enumerate(names):
        start = name.number - 1 - code_width
        end = names[index + 1].number - 1 - code_width if index + 1 < len(names) else len(columns)
        yield columns[start : name.number - 1], name, columns[name.number : end]


def _groups_of_classification(
    columns: list[Column], body: list[BodyRow], context: TableContext, leading_digit: str
) -> list[tuple[list[Column], Column, list[Column]]]:
    """The column groups whose codes are of the table's classification: a group of another one
    printed beside it (政府经济分类 5xx beside 部门经济分类 3xx) is left out, its amounts with it."""
    groups = list(_groups(columns, context))
    if len(groups) < 2:
        return groups

    def first_code(codes: list[Column]) -> str:
        cells = (row.cells[codes[0].number - 1].replace(" ", "") for row in body) if codes else iter(())
        return next((cell for cell in cells if _DIGITS.match(cell) and len(cell) >= 3), "")

    own = [group for group in groups if first_code(group[0]).startswith(leading_digit)]
    if not own or len(own) == len(groups):
        return groups
    if len(own) == 1 and not own[0][2]:
        # the two classifications' codes first, then the amounts of the row: they are its amounts
        return [(own[0][0], own[0][1], [column for group in groups for column in group[2]])]
    return own


# A code and its name in one cell: 2040601-行政运行, [2010501]行政运行, 30101 基本工资.
_CODE_NAME = re.compile(r"^[\[【(（]?(\d{3,7})[\]】)）]?\s*[-－—:：]?\s*([\u4e00-\u9fff].*)$")


def _code_name_split(
    columns: list[Column], body: list[BodyRow], context: TableContext, leading_digit: str
) -> tuple[list[Column], list[BodyRow]]:
    """A table that prints code and name in one cell: that column split in two (科目编码 | 科目名称).
    Where several columns hold codes (政府 and 部门 经济分类 side by side), the one whose codes are
    of the table's classification (功能分类 2xx, 部门经济分类 3xx) is read and the others are left
    out."""

    def codes(column: Column) -> list[str]:
        return [m.group(1) for row in body if (m := _CODE_NAME.match(row.cells[column.number - 1]))]

    combined = [c for c in columns if codes(c)]
    if not combined:
        return columns, body
    chosen = next((c for c in reversed(combined) if codes(c)[0].startswith(leading_digit)), combined[-1])
    kept = [c for c in columns if c not in combined or c is chosen]
    split: list[Column] = []
    for column in kept:
        if column is chosen:
            split += [Column(0, ("科目编码",), column.source_number), Column(0, ("科目名称",), column.source_number)]
        else:
            split.append(column)

    def cells(row: BodyRow) -> tuple[str, ...]:
        out: list[str] = []
        for column in kept:
            cell = row.cells[column.number - 1]
            if column is chosen:
                m = _CODE_NAME.match(cell)
                out += [m.group(1), m.group(2)] if m else ["", cell]
            else:
                out.append(cell)
        return tuple(out)

    return _renumbered(split), [BodyRow(row.page, row.row, cells(row)) for row in body]


@dataclass
class _Outline:
    """The codes a table has printed so far, to resolve a row that prints only its own part (205,
    then 08 under 款, then 03 under 项 in split columns; 201, then 10 for 20110 in one column) or
    a 类 that contradicts its parents (a 项 row reading 7 | 11 | 02 under 210 | 11 is 2101102)."""

    class_code: str = ""  # the last 类 (3 digits)
    subclass_code: str = ""  # the last 类款 (5 digits)

    def resolve(self, cells: Sequence[str]) -> tuple[str, str]:
        """(code, how it was resolved): printed (one code column), split_columns (类 | 款 | 项 as
        printed) or from_parent (a part taken from the rows above)."""
        digits = [cell if _DIGITS.match(cell) else "" for cell in cells]
        if not any(digits):
            return "", "printed"
        head, parts = digits[0], [part.zfill(2) for part in digits[1:] if part]
        if len(cells) == 1 and len(head) == 2 and self.class_code:
            code, how = self.class_code + head, "from_parent"  # a 款 printed alone under its 类
        elif len(cells) == 1:
            code, how = head, "printed"
        elif len(head) == 3:
            code, how = head + "".join(parts), "split_columns"
        elif len(digits) == 3 and not head and not digits[1] and self.subclass_code:
            code, how = self.subclass_code + "".join(parts), "from_parent"  # 项 only
        elif self.class_code and parts:
            code, how = self.class_code + "".join(parts), "from_parent"  # 款 (and 项), 类 missing or wrong
        else:
            return head + "".join(parts), "split_columns"
        if len(code) == 3:
            self.class_code = code
        elif len(code) >= 5:
            self.class_code, self.subclass_code = code[:3], code[:5]
        return code, how


@dataclass
class _CodedLine:
    row: BodyRow
    group: int  # which column group of the row (final accounts print two side by side)
    kind: str
    code: str
    name: str
    values: dict[Column, str | None]
    printed_code: str = ""
    code_resolution: str = ""


def _unit_label(code_cells: Sequence[str]) -> str:
    """Text in the code columns that is no code: a unit's name on its total row (预算单位:
    深圳市XX局（本级）), which some families print instead of 合计."""
    label = next((cell for cell in code_cells if cell and not _DIGITS.match(cell)), "")
    return "" if _TOTAL.search(label_key(label)) else label


def _coded_kind(
    parsed: ParsedGrids, context: TableContext, row: BodyRow, code: str, name: str, published: bool
) -> str | None:
    """subject or total; None for a row that holds nothing, or text only (skipped with a warning).
    A row with amounts and neither a code nor a total's label is an error."""
    if code:
        return "subject"
    if _TOTAL.search(label_key(name)) or (not name and published):
        return "total"
    if published and any(_TOTAL.search(label_key(cell)) for cell in row.cells if cell and not is_amount(cell)):
        return "total"  # 合计 printed in another group's cell, the header's text bled into this row's
    if not published and (not name or label_key(name) == "无"):
        return None  # an empty row, or the publisher's marker of an empty table
    if published:
        raise context.error(
            f"a row with amounts but no 科目编码: {name!r}, and no subject of that name under the rows above it "
            "(classifications/*_subjects.csv in the package)",
            page=row.page,
            row=row.row,
            column="科目编码",
        )
    parsed.warnings.append(f"{context.path}: page {row.page}, {context.title}, row {row.row}: {name!r} skipped")
    return None


def _unit_blocks(lines: list[_CodedLine], unit_rows: set[tuple[int, int, int]]) -> None:
    """A department that prints one block per unit (a unit-name row, then that unit's subjects):
    the first unit-name row is the department's total, each later one a unit's total
    (``unit_total``), and every subject under them is a unit's (``unit_subject``); the canonical
    layer adds the units' subjects up by code. A table with one unit-name row is unchanged."""
    for group in {line.group for line in lines}:
        in_group = [line for line in lines if line.group == group]
        labelled = [line for line in in_group if (line.row.page, line.row.row, line.group) in unit_rows]
        if len(labelled) < 2:
            continue
        for line in labelled[1:]:
            line.kind = "unit_total"
        for line in in_group:
            if line.kind == "subject":
                line.kind = "unit_subject"


def _coded_lines(
    parsed: ParsedGrids,
    context: TableContext,
    body: list[BodyRow],
    columns: list[Column],
    code_lengths: tuple[int, ...],
    leading_digit: str,
) -> list[_CodedLine]:
    lines: list[_CodedLine] = []
    unit_rows: set[tuple[int, int, int]] = set()
    groups = _groups_of_classification(columns, body, context, leading_digit)
    outlines = [_Outline() for _ in groups]
    names = subject_names(CLASSIFICATIONS[leading_digit])
    paths = [NamePath(names, code_lengths) for _ in groups]
    for row in body:
        for group, (codes, name_column, amounts) in enumerate(groups):
            code_cells = [row.cells[c.number - 1].replace(" ", "") for c in codes]
            code, how = outlines[group].resolve(code_cells)
            name = row.cells[name_column.number - 1]
            if code:
                paths[group].follow(code, name)
            elif name and not _TOTAL.search(label_key(name)) and not _unit_label(code_cells):
                code, how = paths[group].resolve(name), "by_name"
            values = {c: _amount(parsed, context, row, c) for c in amounts}
            if code and len(code) not in code_lengths:
                raise context.error(
                    f"code {code!r} has {len(code)} digits; expected {' or '.join(map(str, code_lengths))}",
                    page=row.page,
                    row=row.row,
                    column=codes[0].label if codes else name_column.label,
                )
            published = any(v is not None for v in values.values())
            kind = _coded_kind(parsed, context, row, code, name, published)
            if kind is None:
                continue
            label = _unit_label(code_cells) if not code and not name else ""
            if label:
                unit_rows.add((row.page, row.row, group))
            printed = " | ".join(code_cells) if code and how != "by_name" else ""
            lines.append(_CodedLine(row, group, kind, code, name or label, values, printed, how if code else ""))
    _unit_blocks(lines, unit_rows)
    return lines


def parse_coded(
    grids: Sequence[Grid], context: TableContext, code_lengths: tuple[int, ...], leading_digit: str
) -> ParsedGrids:
    """The function and economic shapes; ``leading_digit`` is the classification's (2 for 功能分类,
    3 for 部门经济分类), to tell its codes from another classification's printed beside them."""
    columns, body = _code_name_split(*stitch(grids, context), context, leading_digit)
    parsed = ParsedGrids()
    earlier = prior_year_columns(columns)
    for line in _coded_lines(parsed, context, body, columns, code_lengths, leading_digit):
        for column, amount in line.values.items():
            measure = column.measure(context.roles.coded)
            if measure is None:
                raise context.error(
                    f"header {column.label!r} names no known amount column", page=line.row.page, column=column.label
                )
            if column.number in earlier:
                measure = f"prior_year_{measure}"
            parsed.records.append(
                _record(
                    line.row,
                    column,
                    side=None,
                    row_kind=line.kind,
                    code=line.code or None,
                    printed_code=line.printed_code or None,
                    code_resolution=line.code_resolution or None,
                    item_name=line.name,
                    measure=measure,
                    figure_kind=None,
                    amount=amount,
                )
            )
    return parsed


# The side of the item column an amount column of each side may follow.
_SIDES_AN_AMOUNT_FOLLOWS = {
    "revenue": ("revenue",),
    "expenditure": ("expenditure", "expenditure_other_view"),
}


def _ledger_sides(columns: list[Column], context: TableContext) -> list[tuple[str, Column, list[Column]]]:
    """Each side's item column and the amount columns after it, left to right."""
    sides: list[tuple[str, Column, list[Column]]] = []
    for column in columns:
        top = label_key(column.parts[0]) if column.parts else ""
        side = "expenditure" if "支出" in top else "revenue" if "收入" in top else None
        if side is None:
            raise context.error(
                f"header {column.label!r} is on neither the 收入 nor the 支出 side", column=column.label
            )
        if column.measure(context.roles.ledger) is None:
            if side == "expenditure" and any(s == "expenditure" for s, _, _ in sides):
                # The same spending again by another classification (Xi'an prints 支出 by 功能分类,
                # 部门经济分类 and 政府经济分类 side by side): kept, apart from the side that balances.
                side = "expenditure_other_view"
            sides.append((side, column, []))
        elif not sides or sides[-1][0] not in _SIDES_AN_AMOUNT_FOLLOWS[side]:
            raise context.error(f"amount column {column.label!r} has no 项目 column before it", column=column.label)
        else:
            sides[-1][2].append(column)
    for _, item_column, amounts in sides:
        if not amounts:
            raise context.error(
                f"no amount column after {item_column.label!r}: its header labels name no role "
                "(families/_column_roles.toml, ledger)",
                column=item_column.label,
            )
    return sides


def parse_ledger(grids: Sequence[Grid], context: TableContext) -> ParsedGrids:
    """收支总表: every row gives up to one 收入 line and one 支出 line (and, where the 支出 side is
    printed again by other classifications, one line of each, as side expenditure_other_view)."""
    columns, body = stitch(grids, context)
    sides = _ledger_sides(columns, context)
    parsed = ParsedGrids()
    earlier = prior_year_columns(columns)
    for row in body:
        for side, item_column, amounts in sides:
            item = row.cells[item_column.number - 1]
            values = {c: _amount(parsed, context, row, c) for c in amounts}
            if not item and all(v is None for v in values.values()):
                continue
            if not item:
                # The text layer lost the label (it is drawn as an image or outlines): the amount
                # lands with no name, and the warning says where.
                parsed.warnings.append(
                    f"{context.path}: page {row.page}, {context.title}, row {row.row}, column "
                    f"{item_column.label}: an amount without its 项目 (no text in the cell); kept unnamed"
                )
            kind = "total" if _TOTAL.search(label_key(item)) else "item"
            for column, amount in values.items():
                parsed.records.append(
                    _record(
                        row,
                        column,
                        side=side,
                        row_kind=kind,
                        code=None,
                        item_name=item,
                        measure=("prior_year_" if column.number in earlier else "")
                        + (column.measure(context.roles.ledger) or ""),
                        figure_kind=None,
                        amount=amount,
                    )
                )
    return parsed


def _row_label_columns(columns: list[Column], body: list[BodyRow], context: TableContext) -> list[Column]:
    """The leading columns that name each row rather than an item (项目: 预算数 / 决算数; 预算单位 |
    年度; 单位编码 | 单位名称): no cell of theirs is an amount, unless its header says it holds codes."""
    labels: list[Column] = []
    for column in columns:
        if column.measure(context.roles.three_public) is not None:
            break
        is_code = "编码" in label_key("".join(column.parts))  # 单位编码, or 单|位|编|码 stacked
        if not is_code and any(is_amount(row.cells[column.number - 1]) for row in body):
            break
        labels.append(column)
    return labels


@dataclass
class _ThreePublicRow:
    """What a row of a “三公” table's label columns say."""

    name: str  # the first label cell with text: a unit (or 合计), an item down the page, or a figure
    figure: str | None  # 预算数 / 决算数 / a change (增减: derived, not read)
    item: str | None  # the item a table printed down the page names in the row
    year: int | None  # 2025年 beside 2026年: the year before's figures


def _three_public_row(
    row: BodyRow, labels: list[Column], down_the_page: bool, context: TableContext
) -> _ThreePublicRow:
    cells = [row.cells[c.number - 1] for c in labels]
    label = label_key("".join(cells))
    figure = next((r.role for r in context.roles.figure_kinds if r.label in label), None)
    # only where the columns name no item: a unit's name may hold 接待 or 运行
    rules = context.roles.three_public if down_the_page else ()
    item = next((r.role for r in rules if not r.anywhere and r.label in label), None)
    years = [int(y) for y in _HEADER_YEAR.findall("".join(cells))]
    # the first label that is not a year (单位编码 is blank on the 合计 row, 单位名称 says 合计)
    names = (label_key(cell) for cell in cells if cell.strip() and not _HEADER_YEAR.search(cell))
    name = next(names, "") if figure is None else ""
    return _ThreePublicRow(name, figure, item, max(years) if years else None)


def parse_three_public(grids: Sequence[Grid], context: TableContext) -> ParsedGrids:
    """“三公”经费: a column per item and a row of amounts (final accounts: a row or column each for
    预算数 and 决算数; Shenzhen: a row each for the year before, the year and the change); or the items
    down the page, a row each under 项目 | 合计 (its funds beside it, parts of the 合计). A row per unit
    under the department's first row (合计, or its name) is not read: the first is the document's."""
    columns, body = stitch(grids, context)
    parsed = ParsedGrids()
    labels = _row_label_columns(columns, body, context)
    amounts = [c for c in columns if c not in labels]
    measures = {c.number: c.measure(context.roles.three_public) for c in amounts}
    down_the_page = bool(labels) and all(m in (None, "total_amount") for m in measures.values())
    if down_the_page and "total_amount" in measures.values():
        amounts = [c for c in amounts if measures[c.number] is not None]  # the funds are the 合计's parts
    earlier = prior_year_columns(columns)
    rows = [(row, _three_public_row(row, labels, down_the_page, context)) for row in body]
    latest = max((said.year for _, said in rows if said.year is not None), default=None)
    first: str | None = None
    current = ""
    for row, said in rows:
        current = said.name or current
        first = first or current or None
        skipped = _three_public_row_skipped(row, said, down_the_page, first, current, context)
        if skipped is not None:
            if skipped:
                parsed.warnings.append(skipped)
            continue
        for column in amounts:
            measure = said.item if down_the_page else measures[column.number]
            if measure is None:
                raise context.error(f"header {column.label!r} names no “三公” item", column=column.label)
            keys = [label_key(part) for part in column.parts]
            figure = said.figure or next(
                (r.role for r in context.roles.figure_kinds if any(r.label in k for k in keys)), None
            )
            if figure == "change":
                continue
            earlier_year = said.year is not None and latest is not None and said.year < latest
            if column.number in earlier or earlier_year or figure == "prior_year":
                measure, figure = f"prior_year_{measure}", None if figure == "prior_year" else figure
            parsed.records.append(
                _record(
                    row,
                    column,
                    side=None,
                    row_kind="item",
                    code=None,
                    item_name=column.parts[-1] if column.parts else "",
                    measure=measure,
                    figure_kind=figure,
                    amount=_amount(parsed, context, row, column),
                )
            )
    return parsed


def _three_public_row_skipped(
    row: BodyRow, said: _ThreePublicRow, down_the_page: bool, first: str | None, current: str, context: TableContext
) -> str | None:
    """Why a row is not read ('' when it needs no warning: a change row), or None to read it."""
    where = f"{context.path}: page {row.page}, {context.title}, row {row.row}: {row.cells[0]!r}"
    if said.figure == "change":
        return ""
    if down_the_page and said.item is None and said.figure is None:
        return f"{where} names no “三公” item, not read"
    if not down_the_page and current and current != first:
        # warned once per unit, on the row that names it
        return f"{where}, a unit's rows under the department's ({first}), not read" if said.name else ""
    return None
