"""Finding a family's tables in a PDF's pages and reading what the document says about itself.

The families are data (:mod:`budget_warehouse.national.families`). Tables are found by their
titles in the text above each ruled table; a table that runs on to later pages takes every
following table with the same columns until the next title. The document's department, year,
phase and scope are read from the document itself.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import assert_never

from budget_warehouse.errors import ExtractionError
from budget_warehouse.national.families import TOC, Family, FamilyTable, Shape, label_key
from budget_warehouse.national.grids import (
    ParsedGrids,
    TableContext,
    is_total_only,
    joined_columns,
    parse_coded,
    parse_ledger,
    parse_three_public,
    split_column_groups,
)
from budget_warehouse.pdf import Grid, Page
from budget_warehouse.records import Record
from budget_warehouse.sidecar import read_sidecar

FUNCTION_CODE_LENGTHS = (3, 5, 7)
# 类, 款, and the 7-digit sub-items some provinces print (3021101 差旅费 under 30211).
ECONOMIC_CODE_LENGTHS = (3, 5, 7)


def parse_shape(shape: Shape, grids: Sequence[Grid], context: TableContext) -> ParsedGrids:
    match shape:
        case "ledger":
            return parse_ledger(grids, context)
        case "function":
            return parse_coded(grids, context, FUNCTION_CODE_LENGTHS, "2")
        case "economic":
            return parse_coded(grids, context, ECONOMIC_CODE_LENGTHS, "3")
        case "three_public":
            return parse_three_public(grids, context)
        case _:
            assert_never(shape)


_UNIT = re.compile(r"单位\s*[:：]\s*(万元|元)")
# Who prepared the table, above it: 编制部门：, 编制单位：, 部门名称：, 部门（单位）：, 部门：, or a bare
# 单位： that names no unit of amounts (单位：苏州市水务局 金额单位：万元, never 单位：万元).
_PREPARER = re.compile(
    r"(?:编制部门|编制单位|预算单位|部门名称|单位名称|部门[(（]单位[)）]|(?<![编制金额计量])(?:部门|单位))"
    r"(?:\s*[:：]\s*|(?<=名称)\s+)(?!万?元\s*$)(.+?)(?:\s+(?:金额)?单位(?:\s*[:：].*|\s+万?元\s*))?$"
)
# The cover, its lines joined: 2026年度 泉州市市场监管综合监测 与技术保障中心 单位预算.
_COVER = re.compile(r"20\d{2}年度?(.+?)(部门|单位)(预算|决算)")
# or its first line, the year after it: 西安市司法局（汇总） 2026年部门预算公开说明.
_COVER_NAME_FIRST = re.compile(r"^(\D+?)20\d{2}年度?(部门|单位)(?:综合)?(预算|决算)")
_OVERVIEW = re.compile(r"^第一部分\s*(.+?)(?:\d{4}\s*年度?)?概况$")
_FINAL_HEADING = re.compile(r"^(?:第二部分\s*)?(.+?)\s*(\d{4})\s*年度\s*部门决算")
# A template's placeholder where a department's name belongs (上海市XX局, ××单位).
_PLACEHOLDER_NAME = re.compile(r"[XxＸｘ×]{2,}")
# A line that titles a table: it ends with 表, or with 表 and a bracketed qualifier.
_TABLE_TITLE = re.compile(r"表(?:\([^)]*\))?$")
_YEAR = re.compile(r"(20\d{2})\s*年")


@dataclass
class LocatedTable:
    table: FamilyTable
    title_line: str
    grids: list[Grid] = field(default_factory=list)
    # the first page's columns as printed, where the ruling split some (split_column_groups): a
    # following page printed as wide is read through the same groups
    split: list[list[int]] | None = None
    printed_width: int = 0

    def as_read(self, grid: Grid) -> Grid:
        """A following page's grid with the first page's split columns joined."""
        if self.split is not None and grid.column_count == self.printed_width:
            return joined_columns(grid, self.split)
        return grid

    @property
    def heading(self) -> tuple[str, ...]:
        return self.grids[0].heading

    @property
    def pages(self) -> list[int]:
        return sorted({grid.page_number for grid in self.grids})


def locate(family: Family, pages: Sequence[Page]) -> dict[int, LocatedTable]:
    """Each of the family's tables found, with all its pages. The first occurrence of a title wins; a
    table continues over following tables with the same column count and either no title of their
    own or its own title again (families that repeat the title on every page)."""
    found: dict[int, LocatedTable] = {}
    current: LocatedTable | None = None
    for page in pages:
        if not page.grids:
            current = None
            continue
        for printed in page.grids:
            titled = next(
                ((t, line) for line in _title_lines(printed.heading) if (t := family.title_match(line))), None
            )
            grid = _without_empty_first_column(printed) if titled is not None else printed
            grid = current.as_read(grid) if current is not None else grid
            if titled is None and current is not None and not _continues(current.grids[0], grid):
                # a continuation page may print the margin column too, or a real column left empty
                grid = current.as_read(_without_empty_first_column(printed))
            if titled is not None:
                table, line = titled
                if table.number in found:
                    repeated = current is not None and current.table.number == table.number
                    if repeated and current is not None and grid.column_count == current.grids[0].column_count:
                        current.grids.append(grid)
                    else:
                        current = None  # printed again elsewhere: the first printing is read
                    continue
                current = found[table.number] = _first_page(table, line, grid)
            elif current is not None and _continues(current.grids[0], grid):
                current.grids.append(grid)
            else:
                current = None
    return found


def _first_page(table: FamilyTable, line: str, grid: Grid) -> LocatedTable:
    split = split_column_groups(grid)
    read = joined_columns(grid, split) if split is not None else grid
    return LocatedTable(table, line, [read], split, grid.column_count)


def _title_lines(heading: Sequence[str]) -> list[str]:
    """The heading's lines, then each two consecutive lines joined: a long title wraps (…“三公”经费及 /
    会议费、培训费支出预算表（不含上年结转）)."""
    return [*heading, *(first + second for first, second in itertools.pairwise(heading))]


def _without_empty_first_column(grid: Grid) -> Grid:
    """A ruled margin column, empty in every row, that some families print on a table's first page
    only: dropped, so the continuation pages line up with the first. A continuation page's empty
    first column is dropped only where that lines it up: it may be a real column with nothing in
    it on that page (the 收入 side of a 收支总表's last pages)."""
    if grid.column_count > 1 and all(not row[0] for row in grid.cells):
        return dataclasses.replace(grid, cells=tuple(row[1:] for row in grid.cells))
    return grid


def _continues(first: Grid, grid: Grid) -> bool:
    """A following table carries on the current one: same columns, or a lone total row that lost
    its merged label cells (合计 alone at the top of a page), and no title of its own."""
    if _foreign_title(grid):
        return False
    return grid.column_count == first.column_count or is_total_only(grid)


def _foreign_title(grid: Grid) -> bool:
    """A heading that titles some other table (绩效目标表, 一般公共预算支出情况表（按功能分类科目）…)
    ends the one being read."""
    return any(_TABLE_TITLE.search(label_key(line)) and not TOC.search(line) for line in grid.heading)


# A file named as published, where the document names itself nowhere (Beijing's table files):
# 北京市司法局2026年度部门预算报表.pdf. Read last: crawled copies' names may lie.
_FILE_NAME = re.compile(r"^(\D+?)(20\d{2})年度?(?:部门|单位)?(?:预算|决算)")


def _named_in_file(path: Path) -> re.Match[str] | None:
    return _FILE_NAME.match(path.stem)


@dataclass(frozen=True)
class DocumentFacts:
    department_name: str
    fiscal_year: int
    scope: str


def _department(path: Path, headings: list[str], pages: Sequence[Page], final_headings: list[re.Match[str]]) -> str:
    """The department as the document names itself (above its tables, in its overview, in a final
    account's heading, on its cover), else as its file is named; empty where nothing names it."""
    preparers = Counter(m.group(1).strip() for line in headings if (m := _PREPARER.search(line)))
    overview = [
        name
        for page in pages
        for line in page.lines
        if (m := _OVERVIEW.match(line.replace(" ", ""))) and (name := m.group(1).strip(" ：:")) not in ("部门", "单位")
    ]
    cover_text = "".join(pages[0].lines).replace(" ", "") if pages else ""
    cover = _COVER_NAME_FIRST.match(cover_text) or _COVER.search(cover_text)
    named = _named_in_file(path)
    if preparers:
        return preparers.most_common(1)[0][0]
    if overview:
        return overview[0]
    if final_headings:
        return final_headings[0].group(1).strip()
    if cover:
        return cover.group(1)
    if (said := read_sidecar(path).department) is not None:
        return said
    return named.group(1) if named else ""


def document_facts(path: Path, family: Family, pages: Sequence[Page], found: dict[int, LocatedTable]) -> DocumentFacts:
    headings = [line for located in found.values() for line in located.heading]
    every_line = [line for page in pages for line in page.lines]
    final_headings = [m for line in every_line if (m := _FINAL_HEADING.match(line))]
    department = _department(path, headings, pages, final_headings)
    if _PLACEHOLDER_NAME.search(department):
        raise ExtractionError(
            path, f"a blank template: the department reads {department!r}, a placeholder, not a department's name"
        )
    if not department:
        raise ExtractionError(
            path,
            "no department: expected '编制部门：…' above a table or '第一部分 …概况', a sidecar "
            f'({path.name}.identity.toml: department = "…", fiscal_year = 2026), or a file named as '
            "published ('北京市司法局2026年度部门预算报表.pdf': department, year, 部门预算 or 决算)",
        )
    years = Counter(
        int(m.group(1)) for line in (located.title_line for located in found.values()) if (m := _YEAR.search(line))
    )
    if not years:
        years = Counter(int(m.group(2)) for m in final_headings)
    if not years:
        years = Counter(int(m.group(1)) for line in pages[0].lines if (m := _YEAR.search(line.replace(" ", ""))))
    if not years and (said := read_sidecar(path).fiscal_year) is not None:
        years = Counter([said])
    if not years and (named := _named_in_file(path)):
        years = Counter([int(named.group(2))])
    if not years:
        # A bare year on the cover, never the digits of an amount (22,690.203143).
        first = " ".join(pages[0].lines).replace(" ", "")
        years = Counter(
            int(y) for y in re.findall(r"(20\d{2})年度", first) or re.findall(r"(?<![\d.,])(20\d{2})(?![\d.,])", first)
        )
    if not years:
        raise ExtractionError(path, "no fiscal year: expected 'YYYY年' in a table title or on the cover")
    unit_scope = any(
        "单位预算" in label_key(line)
        or "预算单位" in label_key(line)
        or "编制单位" in label_key(line)
        or re.search(r"\d{4}年单位", label_key(line))
        for line in headings
    )
    scope = "单位" if unit_scope else read_sidecar(path).scope or "部门"
    return DocumentFacts(department, years.most_common(1)[0][0], scope)


def table_unit(located: LocatedTable) -> str | None:
    for line in located.heading:
        if m := _UNIT.search(line.replace(" ", "")):
            return m.group(1)
    return None


def table_notes(located: LocatedTable) -> list[tuple[int, str]]:
    notes: list[tuple[int, str]] = []
    for grid in located.grids:
        notes.extend((grid.page_number, line) for line in grid.footer if line.startswith(("注", "说明")))
    return notes


def parse_table(path: Path, family: Family, located: LocatedTable) -> ParsedGrids:
    context = TableContext(path, located.table.number, located.table.title, family.roles, table_unit(located))
    return parse_shape(located.table.shape, located.grids, context)


def seed_records(
    records: list[Record], key: Record, table: FamilyTable, title: str, unit: str, published_rounding_step: str
) -> list[Record]:
    return [
        {
            **key,
            "table_number": str(table.number),
            "table_key": table.concept,
            "table_title": title,
            **record,
            "published_unit": unit,
            "published_rounding_step": published_rounding_step,
        }
        for record in records
    ]
