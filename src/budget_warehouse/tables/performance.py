"""Performance tables: 表13 绩效项目 (a grid), 表14 项目支出绩效目标表 and 表15 部门整体支出绩效目标表
(forms of label/value pairs, followed by indicator grids)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from budget_warehouse.markdown import Row
from budget_warehouse.numbers import is_amount
from budget_warehouse.tables.base import BodyRow, ParsedTable, Record, TableSource, blank_to_none, read_amount
from budget_warehouse.tables.grid import Column, GridSpec, as_record, read_grid
from budget_warehouse.text import normalise_label

PROJECTS_SPEC = GridSpec(
    columns=(
        Column("implementing_unit", ("实施单位",)),
        Column("project_name", ("项目名称",)),
        Column("total_amount", ("合计",), "amount"),
        Column("general_public_budget_amount", ("一般公共预算拨款",), "amount"),
        Column("other_funds_amount", ("其他资金",), "amount"),
        Column("execution_period", ("预算执行时间",)),
    ),
    group_labels=frozenset({"预算金额"}),
)


def parse_projects(source: TableSource) -> ParsedTable:
    parsed = ParsedTable()
    for row in read_grid(source, PROJECTS_SPEC, parsed):
        kind = "project" if row["project_name"].strip() else "unit_total"
        parsed.add(row.body, row_kind=kind, **as_record(row))
    return parsed


def _form_rows(source: TableSource) -> Iterator[tuple[BodyRow, int]]:
    """Non-blank rows of every page, numbered across pages, with the page's width."""
    number = 0
    for fragment in source.fragments:
        for page in fragment.pages:
            width = max(len(row.cells) for row in page)
            for row in page:
                if not row.is_blank:
                    number += 1
                    yield BodyRow(number, row), width


def _non_blank(row: Row, skip_first_if: frozenset[str] = frozenset()) -> list[tuple[int, str]]:
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


# --- 表14 ------------------------------------------------------------------------------------

PROJECT_FORM_TITLE = "项目支出绩效目标表"
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


def parse_project_targets(source: TableSource) -> ParsedTable:
    """表14. One document may publish several project forms; each starts at its title or at a
    new 项目名称 after indicators. Text that runs over a page break lands as a continuation row
    of the label above it."""
    parsed = ParsedTable(unit="元")
    form, mode, last_label = 0, "attribute", None
    level_1 = level_2 = None
    for body, _width in _form_rows(source):
        cells = _non_blank(body.row)
        keys = [normalise_label(c) for _, c in cells]
        if keys == [PROJECT_FORM_TITLE]:
            form, mode, last_label = form + 1, "attribute", None
            continue
        if keys and keys[0] == "项目名称" and mode == "indicator":
            form, mode, last_label = form + 1, "attribute", None
        form = max(form, 1)
        if tuple(keys) == _PROJECT_INDICATOR_HEADER:
            mode, level_1, level_2 = "indicator", None, None
            continue
        if mode == "indicator":
            level_1 = blank_to_none(body.row.cell(0)) or level_1
            level_2 = blank_to_none(body.row.cell(1)) or level_2
            parsed.add(
                body,
                form_number=str(form),
                section="indicator",
                source_column_number=None,
                indicator_level_1=level_1,
                indicator_level_2=level_2,
                indicator_name=blank_to_none(body.row.cell(2)),
                target_value=blank_to_none(body.row.cell(3)),
                target_source=blank_to_none(body.row.cell(4)),
            )
            continue
        if keys and keys[0] not in PROJECT_LABELS:
            if last_label is None or len(cells) != 1:
                raise source.error(f"found {cells[0][1]!r} where a 表14 label was expected", row=body)
            parsed.add(
                body,
                form_number=str(form),
                section="attribute",
                source_column_number=str(cells[0][0] + 1),
                label=last_label,
                value_text=cells[0][1],
                is_continuation="true",
            )
            continue
        for column, label, value in _label_value_pairs(source, body, PROJECT_LABELS):
            amount = None
            if normalise_label(label) in _PROJECT_AMOUNT_LABELS:
                amount = read_amount(source, parsed, body, value or "", label)
            parsed.add(
                body,
                form_number=str(form),
                section="attribute",
                source_column_number=str(column + 1),
                label=label,
                value_text=value,
                amount=amount,
                is_continuation="false",
            )
            last_label = label
    return parsed


# --- 表15 ------------------------------------------------------------------------------------

DEPARTMENT_FORM_TITLE = "部门(单位)整体支出绩效目标表"
_YEAR_LINE = re.compile(r"\(?(\d{4})年度\)?")
_DEPARTMENT_LABELS = frozenset({"部门(单位)名称", "主管部门"})
_TASK_SECTION, _GOAL_SECTION, _INDICATOR_SECTION = "年度主要任务", "年度总体目标", "年度绩效指标"
_TASK_HEADER_CELLS = frozenset(
    {"任务名称", "主要内容", "预算金额(万元)", "总额", "财政拨款", "其他资金", _TASK_SECTION}
)
_INDICATOR_HEADER_CELLS = frozenset({"一级指标", "二级指标", "三级指标", "目标值", _INDICATOR_SECTION})
TASK_TOTAL_NAME = "金额合计"


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


def _indicator_cells(row: Row) -> tuple[list[str | None], str | None, bool]:
    """Levels 1–3 and the target value. Read by position when the target is where the
    template puts it; otherwise from the right, because a shifted row keeps its lowest levels
    and its target and drops the blank cells of the levels it shares with the row above."""
    if row.cell(4).strip():
        return [blank_to_none(row.cell(i)) for i in (1, 2, 3)], row.cell(4), False
    cells = [c for _, c in _non_blank(row, frozenset({_INDICATOR_SECTION}))]
    *levels, target = cells
    return [None] * (3 - len(levels)) + list(levels), target, True


def _realigned(body: BodyRow, what: str) -> str:
    return f"表15 row {body.row_number} (line {body.row.line_number}): {what} cells were shifted; read from the right"


def parse_department_targets(source: TableSource) -> ParsedTable:
    """表15: the department's tasks with their budgets, its overall goal and its indicators."""
    parsed = ParsedTable(unit="万元")
    mode = "attribute"
    levels: list[str | None] = [None, None, None]
    for body, _width in _form_rows(source):
        cells = _non_blank(body.row)
        keys = [normalise_label(c) for _, c in cells]
        base: Record = {"source_column_number": None}
        if keys == [DEPARTMENT_FORM_TITLE]:
            continue
        if len(keys) == 1 and _YEAR_LINE.fullmatch(keys[0]):
            parsed.add(body, section="attribute", label="年度", value_text=cells[0][1], **base)
            continue
        if keys and keys[0] in _DEPARTMENT_LABELS:
            for column, label, value in _label_value_pairs(source, body, _DEPARTMENT_LABELS):
                parsed.add(
                    body, section="attribute", source_column_number=str(column + 1), label=label, value_text=value
                )
            continue
        if keys and keys[0] == _GOAL_SECTION:
            text = " ".join(c for _, c in cells[1:])
            parsed.add(body, section="overall_goal", label=cells[0][1], value_text=text or None, **base)
            mode = "goal"
            continue
        if keys and set(keys) <= _TASK_HEADER_CELLS:
            mode = "task"
            continue
        if keys and set(keys) <= _INDICATOR_HEADER_CELLS:
            mode, levels = "indicator", [None, None, None]
            continue
        if mode == "task":
            texts, amounts, realigned = _task_cells(body.row)
            name = texts[0] if texts else ""
            columns = ("总额", "财政拨款", "其他资金")
            total, fiscal, other = (
                read_amount(source, parsed, body, a, c) for a, c in zip(amounts, columns, strict=True)
            )
            is_total = normalise_label(name) == TASK_TOTAL_NAME
            if realigned:
                parsed.warnings.append(_realigned(body, "task"))
            parsed.add(
                body,
                section="task_total" if is_total else "task",
                task_name=blank_to_none(name),
                task_content=blank_to_none(texts[1]) if len(texts) > 1 else None,
                total_amount=total,
                fiscal_amount=fiscal,
                other_amount=other,
                is_realigned="true" if realigned else "false",
                **base,
            )
            continue
        if mode == "indicator":
            published, target, realigned = _indicator_cells(body.row)
            if realigned:
                parsed.warnings.append(_realigned(body, "indicator"))
            if published[0]:
                levels = [published[0], None, None]
            if published[1]:
                levels = [levels[0], published[1], None]
            levels[2] = published[2]
            parsed.add(
                body,
                section="indicator",
                indicator_level_1=levels[0],
                indicator_level_2=levels[1],
                indicator_level_3=levels[2],
                target_value=blank_to_none(target or ""),
                is_realigned="true" if realigned else "false",
                **base,
            )
            continue
        raise source.error(f"cannot place row {[c for _, c in cells]} in any section of 表15", row=body)
    return parsed
