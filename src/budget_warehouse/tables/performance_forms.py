"""表14 项目支出绩效目标表 and 表15 部门整体支出绩效目标表: forms of label/value pairs followed by
indicator grids, with the seed columns each writes.

A form is read top to bottom. Which part of the form a row belongs to is decided by the
section headings seen so far, so each parser keeps that part in a small typed state and hands
every row to the reader of its part."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum, auto

from budget_warehouse.markdown import Row
from budget_warehouse.numbers import is_amount
from budget_warehouse.tables.base import BodyRow, ParsedTable, TableSource, blank_to_none, read_amount
from budget_warehouse.text import normalise_label

# A non-blank cell and its 0-based column.
Cell = tuple[int, str]


def _form_rows(source: TableSource) -> Iterator[BodyRow]:
    """Non-blank rows of every page, numbered across pages."""
    number = 0
    for fragment in source.fragments:
        for page in fragment.pages:
            for row in page:
                if not row.is_blank:
                    number += 1
                    yield BodyRow(number, row)


def _non_blank(row: Row, skip_first_if: frozenset[str] = frozenset()) -> list[Cell]:
    cells = [(i, c) for i, c in enumerate(row.cells) if c.strip()]
    if cells and cells[0][0] == 0 and normalise_label(cells[0][1]) in skip_first_if:
        cells = cells[1:]
    return cells


def _label_value_pairs(source: TableSource, body: BodyRow, labels: frozenset[str]) -> list[tuple[int, str, str | None]]:
    """Read a row of "label | value | label | value" cells; blank cells fall out, so a value is
    whatever non-label cell follows its label."""
    pairs: list[tuple[int, str, str | None]] = []
    for index, cell in _non_blank(body.row):
        if normalise_label(cell) in labels:
            pairs.append((index, cell, None))
        elif pairs and pairs[-1][2] is None:
            column, label, _ = pairs[-1]
            pairs[-1] = (column, label, cell)
        else:
            raise source.error(f"found {cell!r} where a form label was expected", row=body, column=str(index + 1))
    return pairs


def _flag(value: bool) -> str:
    return "true" if value else "false"


# --- 表14 ------------------------------------------------------------------------------------

PROJECT_FORM_TITLE = "项目支出绩效目标表"
PROJECT_TARGET_COLUMNS = (
    "form_number",
    "row_kind",
    "source_column_number",
    "label",
    "value_text",
    "amount",
    "is_continuation",
    "indicator_level_1",
    "indicator_level_2",
    "indicator_name",
    "target_value",
    "target_source",
)
_PROJECT_AMOUNT_LABELS = frozenset(
    {
        "项目总金额(元)",
        "本年度项目金额(元)",
        "财政拨款资金(元)",
        "其他资金(元)",
        "中央转移支付资金(元)",
        "政府购买服务资金(元)",
        "固定资产采购金额",
    }
)
PROJECT_LABELS = _PROJECT_AMOUNT_LABELS | frozenset(
    {
        "项目名称",
        "主管单位",
        "项目类型",
        "资金用途",
        "计划开始日期",
        "计划完成日期",
        "项目概况",
        "项目用途",
        "采购品目",
        "项目总(中期)目标",
        "年度绩效目标",
    }
)
_PROJECT_INDICATOR_HEADER = ("一级指标", "二级指标", "指标内容", "目标值", "目标值来源")


class ProjectPart(Enum):
    """The part of a 表14 form a row belongs to; the value is the seed's ``row_kind``."""

    ATTRIBUTES = "attribute"
    INDICATORS = "indicator"


@dataclass
class _ProjectForm:
    """Where the reader is in 表14: which form, which part of it, the label a continuation row
    belongs to, and the indicator levels a row inherits when it leaves them blank."""

    number: int = 0
    part: ProjectPart = ProjectPart.ATTRIBUTES
    last_label: str | None = None
    level_1: str | None = None
    level_2: str | None = None

    def start_next(self) -> None:
        self.number += 1
        self.part = ProjectPart.ATTRIBUTES
        self.last_label = None

    def start_indicators(self) -> None:
        self.part = ProjectPart.INDICATORS
        self.level_1 = self.level_2 = None


def parse_project_targets(source: TableSource) -> ParsedTable:
    """表14. One document may publish several project forms; each starts at its title or at a
    new 项目名称 after indicators. Text that runs over a page break lands as a continuation row
    of the label above it."""
    parsed = ParsedTable(unit="元")
    form = _ProjectForm()
    for body in _form_rows(source):
        cells = _non_blank(body.row)
        keys = [normalise_label(c) for _, c in cells]
        if keys == [PROJECT_FORM_TITLE]:
            form.start_next()
            continue
        if keys and keys[0] == "项目名称" and form.part is ProjectPart.INDICATORS:
            form.start_next()
        # Rows before any title belong to the first form.
        form.number = max(form.number, 1)
        if tuple(keys) == _PROJECT_INDICATOR_HEADER:
            form.start_indicators()
        elif form.part is ProjectPart.INDICATORS:
            _add_project_indicator(parsed, body, form)
        elif keys and keys[0] not in PROJECT_LABELS:
            _add_project_continuation(source, parsed, body, cells, form)
        else:
            _add_project_attributes(source, parsed, body, form)
    return parsed


def _add_project_indicator(parsed: ParsedTable, body: BodyRow, form: _ProjectForm) -> None:
    form.level_1 = blank_to_none(body.row.cell(0)) or form.level_1
    form.level_2 = blank_to_none(body.row.cell(1)) or form.level_2
    parsed.add(
        body,
        form_number=str(form.number),
        row_kind=ProjectPart.INDICATORS.value,
        source_column_number=None,
        indicator_level_1=form.level_1,
        indicator_level_2=form.level_2,
        indicator_name=blank_to_none(body.row.cell(2)),
        target_value=blank_to_none(body.row.cell(3)),
        target_source=blank_to_none(body.row.cell(4)),
    )


def _add_project_continuation(
    source: TableSource, parsed: ParsedTable, body: BodyRow, cells: list[Cell], form: _ProjectForm
) -> None:
    """A lone unlabelled cell continues the value of the label above it."""
    if form.last_label is None or len(cells) != 1:
        raise source.error(f"found {cells[0][1]!r} where a 表14 label was expected", row=body)
    column, text = cells[0]
    parsed.add(
        body,
        form_number=str(form.number),
        row_kind=ProjectPart.ATTRIBUTES.value,
        source_column_number=str(column + 1),
        label=form.last_label,
        value_text=text,
        is_continuation="true",
    )


def _add_project_attributes(source: TableSource, parsed: ParsedTable, body: BodyRow, form: _ProjectForm) -> None:
    for column, label, value in _label_value_pairs(source, body, PROJECT_LABELS):
        amount = None
        if normalise_label(label) in _PROJECT_AMOUNT_LABELS:
            amount = read_amount(source, parsed, body, value or "", label)
        parsed.add(
            body,
            form_number=str(form.number),
            row_kind=ProjectPart.ATTRIBUTES.value,
            source_column_number=str(column + 1),
            label=label,
            value_text=value,
            amount=amount,
            is_continuation="false",
        )
        form.last_label = label


# --- 表15 ------------------------------------------------------------------------------------

DEPARTMENT_FORM_TITLE = "部门(单位)整体支出绩效目标表"
DEPARTMENT_TARGET_COLUMNS = (
    "row_kind",
    "source_column_number",
    "label",
    "value_text",
    "task_name",
    "task_content",
    "total_amount",
    "fiscal_amount",
    "other_amount",
    "indicator_level_1",
    "indicator_level_2",
    "indicator_level_3",
    "target_value",
    "is_realigned",
)
_YEAR_LINE = re.compile(r"\(?(\d{4})年度\)?")
_DEPARTMENT_LABELS = frozenset({"部门(单位)名称", "主管部门"})
_TASK_SECTION, _GOAL_SECTION, _INDICATOR_SECTION = "年度主要任务", "年度总体目标", "年度绩效指标"
_TASK_HEADER_CELLS = frozenset(
    {"任务名称", "主要内容", "预算金额(万元)", "总额", "财政拨款", "其他资金", _TASK_SECTION}
)
_INDICATOR_HEADER_CELLS = frozenset({"一级指标", "二级指标", "三级指标", "目标值", _INDICATOR_SECTION})
_TASK_AMOUNT_COLUMNS = ("总额", "财政拨款", "其他资金")
TASK_TOTAL_NAME = "金额合计"


class DepartmentPart(Enum):
    """The part of a 表15 form the rows below a heading belong to. Only tasks and indicators
    are grids; a row under the other parts must be a heading the form knows. Unlike 表14 a part
    is not a seed ``row_kind``: one part writes several (``task`` and ``task_total``)."""

    ATTRIBUTES = auto()
    GOAL = auto()
    TASKS = auto()
    INDICATORS = auto()


@dataclass
class _DepartmentForm:
    """Where the reader is in 表15, and the indicator levels a row inherits when it leaves
    them blank."""

    part: DepartmentPart = DepartmentPart.ATTRIBUTES
    levels: list[str | None] = field(default_factory=lambda: [None, None, None])


def parse_department_targets(source: TableSource) -> ParsedTable:
    """表15: the department's tasks with their budgets, its overall goal and its indicators."""
    parsed = ParsedTable(unit="万元")
    form = _DepartmentForm()
    for body in _form_rows(source):
        cells = _non_blank(body.row)
        keys = [normalise_label(c) for _, c in cells]
        if keys == [DEPARTMENT_FORM_TITLE] or _read_heading(source, parsed, body, cells, form):
            continue
        if form.part is DepartmentPart.TASKS:
            _add_task(source, parsed, body)
        elif form.part is DepartmentPart.INDICATORS:
            _add_department_indicator(parsed, body, form)
        else:
            raise source.error(f"cannot place row {[c for _, c in cells]} in any section of 表15", row=body)
    return parsed


def _read_heading(
    source: TableSource, parsed: ParsedTable, body: BodyRow, cells: list[Cell], form: _DepartmentForm
) -> bool:
    """Read a row that is not part of a grid: the year line, the department's labels, the
    overall goal, or a grid's header, which starts its part. False for any other row."""
    keys = [normalise_label(c) for _, c in cells]
    if len(keys) == 1 and _YEAR_LINE.fullmatch(keys[0]):
        parsed.add(body, row_kind="attribute", label="年度", value_text=cells[0][1], source_column_number=None)
    elif keys and keys[0] in _DEPARTMENT_LABELS:
        for column, label, value in _label_value_pairs(source, body, _DEPARTMENT_LABELS):
            parsed.add(body, row_kind="attribute", source_column_number=str(column + 1), label=label, value_text=value)
    elif keys and keys[0] == _GOAL_SECTION:
        text = " ".join(c for _, c in cells[1:])
        parsed.add(body, row_kind="overall_goal", label=cells[0][1], value_text=text or None, source_column_number=None)
        form.part = DepartmentPart.GOAL
    elif keys and set(keys) <= _TASK_HEADER_CELLS:
        form.part = DepartmentPart.TASKS
    elif keys and set(keys) <= _INDICATOR_HEADER_CELLS:
        form.part, form.levels = DepartmentPart.INDICATORS, [None, None, None]
    else:
        return False
    return True


def _task_cells(row: Row) -> tuple[list[str], list[str], bool]:
    """Split a task row into its text cells and its three amounts.

    The template's layout is [section label] name | content | 总额 | 财政拨款 | 其他资金. The
    converter sometimes drops a leading blank cell and shifts the row left, so when the
    amounts are not where the template puts them the row is read from the right instead.
    """
    texts = [row.cell(1), row.cell(2)]
    amounts = [row.cell(3), row.cell(4), row.cell(5)]
    in_place = not any(is_amount(t) for t in texts) and all(a.strip() == "" or is_amount(a) for a in amounts)
    if in_place and any(a.strip() for a in amounts):
        return texts, amounts, False
    cells = [c for _, c in _non_blank(row, frozenset({_TASK_SECTION}))]
    return cells[:-3], cells[-3:], True


def _add_task(source: TableSource, parsed: ParsedTable, body: BodyRow) -> None:
    texts, amounts, realigned = _task_cells(body.row)
    name = texts[0] if texts else ""
    total, fiscal, other = (
        read_amount(source, parsed, body, a, c) for a, c in zip(amounts, _TASK_AMOUNT_COLUMNS, strict=True)
    )
    if realigned:
        parsed.warnings.append(_realigned(body, "task"))
    is_total = normalise_label(name) == TASK_TOTAL_NAME
    parsed.add(
        body,
        row_kind="task_total" if is_total else "task",
        task_name=blank_to_none(name),
        task_content=blank_to_none(texts[1]) if len(texts) > 1 else None,
        total_amount=total,
        fiscal_amount=fiscal,
        other_amount=other,
        is_realigned=_flag(realigned),
        source_column_number=None,
    )


def _indicator_cells(row: Row) -> tuple[list[str | None], str | None, bool]:
    """Levels 1–3 and the target value. Read by position when the target is where the
    template puts it; otherwise from the right, because a shifted row keeps its lowest levels
    and its target and drops the blank cells of the levels it shares with the row above."""
    if row.cell(4).strip():
        return [blank_to_none(row.cell(i)) for i in (1, 2, 3)], row.cell(4), False
    cells = [c for _, c in _non_blank(row, frozenset({_INDICATOR_SECTION}))]
    *levels, target = cells
    return [None] * (3 - len(levels)) + list(levels), target, True


def _add_department_indicator(parsed: ParsedTable, body: BodyRow, form: _DepartmentForm) -> None:
    published, target, realigned = _indicator_cells(body.row)
    if realigned:
        parsed.warnings.append(_realigned(body, "indicator"))
    # A published level replaces the one above and clears the levels below it.
    if published[0]:
        form.levels = [published[0], None, None]
    if published[1]:
        form.levels = [form.levels[0], published[1], None]
    form.levels[2] = published[2]
    parsed.add(
        body,
        row_kind="indicator",
        indicator_level_1=form.levels[0],
        indicator_level_2=form.levels[1],
        indicator_level_3=form.levels[2],
        target_value=blank_to_none(target or ""),
        is_realigned=_flag(realigned),
        source_column_number=None,
    )


def _realigned(body: BodyRow, what: str) -> str:
    return f"表15 row {body.row_number} (line {body.row.line_number}): {what} cells were shifted; read from the right"
