"""A report page analysts would rather look at than read: one self-contained HTML file (Plotly's
script and every figure inside it, nothing fetched when it is opened), written into each release
beside the exports, from the release's own warehouse. Chinese first, for a Chinese audience.

One section per department, year and phase, its 部门 and 单位 documents side by side: each with
its headline figures (fct_document_headlines), spending by 功能分类 as a sunburst (类 → 款 → 项,
类 under 2 % of the total grouped as 其他), basic spending by 经济分类 类 (人员经费 301 + 303 against
公用经费 302 + 310), and the identity board (per table, in the document's order: holds green,
within rounding or a soft check that differs amber, red only where an identity is broken), and
what its text claims against its tables (fct_narrative_claims: each figure that differs, with both
figures and the sentence; the unverifiable ones counted by subject).
Across documents: the corpus (documents by family, year and status) and the year-over-year view.
The page fits a 390 px phone: charts take the width they are given.
"""

from __future__ import annotations

import html
import re
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import duckdb
import plotly.graph_objects as go
from plotly.offline import get_plotlyjs

from budget_warehouse.durable import umask

STYLE = """
body { font-family: "WenQuanYi Zen Hei", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 1rem auto;
       padding: 0 1rem; color: #222; max-width: 1200px; }
h1 { font-size: 1.5rem; } h2 { margin-top: 2.5rem; border-bottom: 1px solid #ccc; font-size: 1.25rem; }
h3 { font-size: 1.05rem; } small, .en { color: #666; font-size: 0.8em; font-weight: normal; }
.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; } td, th { border: 1px solid #ddd; padding: 2px 8px; }
th { background: #f4f4f4; white-space: nowrap; } td.num { text-align: right; white-space: nowrap; }
.broken { color: #b00020; font-weight: bold; } .holds { color: #1b5e20; } .amber { color: #a66a00; }
.muted { color: #999; }
.documents { display: flex; flex-wrap: wrap; gap: 1.5rem; } .document { flex: 1 1 360px; min-width: 0; }
.chart { width: 100%; min-width: 0; }
@media (max-width: 600px) { body { padding: 0 0.5rem; } h1 { font-size: 1.25rem; } td, th { padding: 2px 4px; } }
"""


@dataclass(frozen=True)
class Document:
    document_id: str
    department_name: str
    fiscal_year: int
    phase: str
    scope: str
    identity_status: str


def _documents(connection: duckdb.DuckDBPyConnection) -> list[Document]:
    rows = connection.execute(
        "select document_id, department_name, fiscal_year, phase, scope, identity_status from marts.dim_document "
        "where is_current order by department_name, fiscal_year, phase, scope"
    ).fetchall()
    return [Document(*row) for row in rows]


def _figure_html(figure: go.Figure, element_id: str) -> str:
    """A chart as wide as its container (a phone's 390 px or a column of the desktop layout)."""
    figure.update_layout(
        margin={"t": 40, "l": 10, "r": 10, "b": 10}, autosize=True, height=400, font={"family": "WenQuanYi Zen Hei"}
    )
    return str(
        figure.to_html(
            full_html=False,
            include_plotlyjs=False,
            div_id=element_id,
            default_width="100%",
            config={"displaylogo": False, "responsive": True},
        )
    )


def function_sunburst(connection: duckdb.DuckDBPyConnection, document: Document) -> go.Figure | None:
    """Spending by 功能分类 as published, each ring one level: 类, 款, 项."""
    rows = connection.execute(
        "select class_code, class_name, subclass_code, subclass_name, item_code, item_name, sum(total_amount) "
        "from marts.wide_expenditure_by_function where document_id = ? "
        "group by all having sum(total_amount) > 0",
        [document.document_id],
    ).fetchall()
    if not rows:
        return None
    # a 类 under 2 % of the total is a sliver nobody can read: grouped as one 其他 sector
    total = sum(float(row[6]) for row in rows)
    by_class: dict[str, float] = defaultdict(float)
    for row in rows:
        by_class[row[0]] += float(row[6])
    small = {code for code, amount in by_class.items() if amount < 0.02 * total}
    if len(small) > 1:
        other = sum(by_class[code] for code in small)
        rows = [row for row in rows if row[0] not in small]
        rows.append(("其他", f"其他 ({len(small)} 类)", None, None, None, None, Decimal(str(other))))
    ids: list[str] = []
    labels: list[str] = []
    parents: list[str] = []
    values: list[float] = []
    seen: set[str] = set()
    for class_code, class_name, subclass_code, subclass_name, item_code, item_name, amount in rows:
        path = [(class_code, class_name), (subclass_code, subclass_name), (item_code, item_name)]
        levels = [(code, name or code) for code, name in path if code]
        for depth, (code, name) in enumerate(levels):
            if code in seen:
                continue
            seen.add(code)
            ids.append(code)
            labels.append(name)
            parents.append(levels[depth - 1][0] if depth else "")
            values.append(0.0)
        values[ids.index(levels[-1][0])] += float(amount)
    figure = go.Figure(go.Sunburst(ids=ids, labels=labels, parents=parents, values=values, branchvalues="remainder"))
    figure.update_layout(title="支出功能分类（万元）")
    return figure


def economic_bars(connection: duckdb.DuckDBPyConnection, document: Document) -> go.Figure | None:
    """Basic spending by 经济分类 类; 人员经费 (301 + 303) and 公用经费 (302 + 310) coloured apart."""
    rows = connection.execute(
        "select class_code, class_name, sum(total_amount) from marts.wide_basic_expenditure_by_economic_class "
        "where document_id = ? group by all order by class_code",
        [document.document_id],
    ).fetchall()
    if not rows:
        return None
    kinds = {"301": "人员经费", "303": "人员经费", "302": "公用经费", "310": "公用经费"}
    figure = go.Figure()
    for kind in ("人员经费", "公用经费", "其他"):
        chosen = [row for row in rows if kinds.get(row[0], "其他") == kind]
        if chosen:
            figure.add_bar(
                name=kind, x=[f"{code} {name}" for code, name, _ in chosen], y=[float(v or 0) for *_, v in chosen]
            )
    figure.update_layout(title="基本支出经济分类（万元）", barmode="group", legend={"orientation": "h"})
    return figure


def _table_order(tables: str) -> tuple[tuple[int, str], ...]:
    """表1, 表2 … 表10 in the document's order, not as text sorts them (表1, 表10, 表11, 表2)."""
    return tuple((int(part), "") if part.isdigit() else (0, part) for part in re.split(r"(\d+)", tables))


def identity_board(connection: duckdb.DuckDBPyConnection, document: Document) -> str:
    """Per table (or tables, for a cross-table identity), in the document's order: how many
    identity instances hold, hold only within rounding, differ (soft checks) or are broken."""
    rows = connection.execute(
        """
        select
            tables_involved,
            sum(case when status = 'holds' then 1 else 0 end),
            sum(case when status = 'rounding' then 1 else 0 end),
            sum(case when status = 'differs' then 1 else 0 end),
            sum(case when status = 'broken' then 1 else 0 end)
        from marts.fct_identity_checks where document_id = ? group by tables_involved
        """,
        [document.document_id],
    ).fetchall()
    broken = connection.execute(
        "select identity_name, subject, expected, actual, difference, status from marts.fct_identity_checks "
        "where document_id = ? and status in ('broken', 'differs') "
        "order by status = 'differs', identity_name, subject limit 20",
        [document.document_id],
    ).fetchall()

    def count(value: int, colour: str) -> str:
        return f"<td class='num {colour if value else 'muted'}'>{value}</td>"

    body = "".join(
        f"<tr><td>{html.escape(tables)}</td>{count(exact, 'holds')}{count(rounding, 'amber')}"
        f"{count(differs, 'amber')}{count(breaks, 'broken')}</tr>"
        for tables, exact, rounding, differs, breaks in sorted(rows, key=lambda row: _table_order(row[0]))
    )
    text = (
        "<div class='scroll'><table class='identity-board'><tr><th>表</th><th>成立</th><th>舍入误差内</th>"
        f"<th>参考核对不一致</th><th>不成立</th></tr>{body}</table></div>"
    )
    if broken:
        text += (
            "<div class='scroll'><table><tr><th>勾稽关系</th><th>位置</th><th>印刷数</th><th>计算数</th>"
            "<th>差额</th></tr>"
        )
        text += "".join(
            f"<tr><td>{html.escape(name)}</td><td>{html.escape(subject)}</td><td class='num'>{_number(e)}</td>"
            f"<td class='num'>{_number(a)}</td>"
            f"<td class='num {'broken' if status == 'broken' else 'amber'}'>{_number(d)}</td></tr>"
            for name, subject, e, a, d, status in broken
        )
        text += "</table></div>"
    return text


def headlines(connection: duckdb.DuckDBPyConnection, document: Document) -> str:
    """The document's headline figures as printed, with the sum of their parts where it differs."""
    rows = connection.execute(
        "select headline_name, printed_amount, parts_amount, difference_amount, source_page_number "
        "from marts.fct_document_headlines where document_id = ? order by sort_order",
        [document.document_id],
    ).fetchall()
    if not rows:
        return ""
    body = "".join(
        f"<tr><td>{html.escape(name)}</td><td class='num'>{_money(printed)}</td>"
        f"<td class='num {'amber' if difference else 'muted'}'>{_money(parts) if difference else ''}</td>"
        f"<td class='num muted'>{page or ''}</td></tr>"
        for name, printed, parts, difference, page in rows
    )
    return (
        "<div class='scroll'><table class='headlines'><tr><th>主要数字（万元）</th><th>印刷数</th>"
        f"<th>分项合计（不同时）</th><th>页</th></tr>{body}</table></div>"
    )


def text_claims(connection: duckdb.DuckDBPyConnection, document: Document) -> str:
    """What the document's text states against its tables: each figure that differs, with both
    figures and the sentence, and how many could not be checked, by subject."""
    counts = dict(
        connection.execute(
            "select status, count(*) from marts.fct_narrative_claims where document_id = ? group by status",
            [document.document_id],
        ).fetchall()
    )
    if not counts:
        return ""
    differing = connection.execute(
        "select page_number, source_line_number, subject_name, figure, figure_unit, table_amount, table_page_number, "
        "sentence from marts.fct_narrative_claims where document_id = ? and status = 'differs' order by claim_number",
        [document.document_id],
    ).fetchall()
    unverifiable = connection.execute(
        "select subject_name, count(*) from marts.fct_narrative_claims where document_id = ? "
        "and status = 'unverifiable' group by subject_name order by count(*) desc, subject_name",
        [document.document_id],
    ).fetchall()
    by_subject = "、".join(f"{html.escape(name)} {count}" for name, count in unverifiable)
    summary = (
        f"<p>正文中的数字 {sum(counts.values())} 个：与表格一致 <span class='holds'>{counts.get('agrees', 0)}</span>，"
        f"不一致 <span class='{'broken' if differing else 'muted'}'>{counts.get('differs', 0)}</span>，"
        f"表中未印 {counts.get('unverifiable', 0)}（{by_subject}）。</p>"
    )
    rows = "".join(
        f"<tr><td class='num'>{page or f'行 {line}'}</td><td>{html.escape(subject)}</td>"
        f"<td class='num broken'>{html.escape(figure)} {html.escape(unit)}</td>"
        f"<td class='num'>{_money(table)}{f'（第 {table_page} 页）' if table_page else ''}</td>"
        f"<td>{html.escape(sentence)}</td></tr>"
        for page, line, subject, figure, unit, table, table_page, sentence in differing
    )
    table = (
        "<div class='scroll'><table class='claims'><tr><th>页</th><th>关于</th><th>正文</th><th>表格（万元）</th>"
        f"<th>原句</th></tr>{rows}</table></div>"
        if differing
        else ""
    )
    return f"<h3>正文与表格 <span class='en'>what the text claims</span></h3>{summary}{table}"


def _money(value: Decimal | None) -> str:
    return "" if value is None else f"{value:,.2f}"


def _number(value: Decimal | None) -> str:
    return "" if value is None else f"{value.normalize():,f}"


def year_over_year(connection: duckdb.DuckDBPyConnection) -> go.Figure | None:
    """Spending by 功能分类 类 of every department with more than one year loaded, year by year."""
    rows = connection.execute(
        """
        select department_name || ' ' || phase || ' (' || scope || ')', class_name, fiscal_year, amount
        from marts.fct_year_over_year_by_class
        where classification = 'function' and current_department_id in (
            select current_department_id from marts.fct_year_over_year_by_class
            where previous_year_amount is not null
        )
        order by 1, 2, 3
        """
    ).fetchall()
    if not rows:
        return None
    figure = go.Figure()
    for series in sorted({(department, name) for department, name, _, _ in rows}):
        points = [(year, amount) for department, name, year, amount in rows if (department, name) == series]
        figure.add_scatter(
            name=f"{series[0]}: {series[1]}",
            x=[str(year) for year, _ in points],
            y=[float(amount or 0) for _, amount in points],
            mode="lines+markers",
        )
    figure.update_layout(title="各年支出（功能分类 类，万元）", xaxis={"type": "category"}, legend={"orientation": "h"})
    return figure


def corpus_view(connection: duckdb.DuckDBPyConnection, refused: list[tuple[str, str]]) -> str:
    """Documents by family, year and status; and the documents the build left out, with why."""
    rows = connection.execute(
        "select template, fiscal_year, phase, count(*), count(*) filter (where identity_status = 'holds'), "
        "count(*) filter (where identity_status = 'broken') from marts.dim_document where is_current "
        "group by all order by template, fiscal_year, phase"
    ).fetchall()
    body = "".join(
        f"<tr><td>{html.escape(template)}</td><td>{year}</td><td>{html.escape(phase)}</td><td class='num'>{count}</td>"
        f"<td class='num holds'>{holds}</td><td class='num {'broken' if broken else 'muted'}'>{broken}</td></tr>"
        for template, year, phase, count, holds, broken in rows
    )
    text = (
        "<div class='scroll'><table><tr><th>表格族 <span class='en'>family</span></th><th>年度</th><th>阶段</th>"
        f"<th>文件</th><th>勾稽全部成立</th><th>有不成立</th></tr>{body}</table></div>"
    )
    if refused:
        text += "<h3>未载入的文件 <span class='en'>refused</span></h3><div class='scroll'><table>"
        text += "<tr><th>文件</th><th>原因</th></tr>"
        text += "".join(
            f"<tr><td>{html.escape(name)}</td><td>{html.escape(reason)}</td></tr>" for name, reason in refused
        )
        text += "</table></div>"
    return text


def _document_block(connection: duckdb.DuckDBPyConnection, document: Document, number: int) -> str:
    charts = [
        _figure_html(figure, f"chart-{number}-{kind}")
        for kind, figure in (
            ("function", function_sunburst(connection, document)),
            ("economic", economic_bars(connection, document)),
        )
        if figure is not None
    ]
    status = {"holds": "勾稽关系全部成立", "broken": "有勾稽关系不成立"}.get(document.identity_status, "")
    return (
        f"<section class='document' id='document-{number}'>"
        f"<h3>{html.escape(document.scope)}文件 <span class='{document.identity_status}'>{status}</span></h3>"
        f"{headlines(connection, document)}"
        f"{''.join(f'<div class=chart>{chart}</div>' for chart in charts)}"
        f"<h3>勾稽关系 <span class='en'>identity board</span></h3>{identity_board(connection, document)}"
        f"{text_claims(connection, document)}</section>"
    )


def render(database: Path, refused: list[tuple[str, str]] | None = None) -> str:
    """The whole page for the warehouse in ``database``; ``refused`` lists the documents the build
    left out (file, reason)."""
    groups: dict[tuple[str, int, str], list[Document]] = defaultdict(list)
    sections: list[str] = []
    with duckdb.connect(str(database), read_only=True) as connection:
        documents = _documents(connection)
        for document in documents:
            groups[(document.department_name, document.fiscal_year, document.phase)].append(document)
        number = 0
        for (department, year, phase), members in groups.items():
            blocks = []
            for document in sorted(members, key=lambda d: d.scope != "部门"):
                number += 1
                blocks.append(_document_block(connection, document, number))
            title = f"{department} · {year}年{phase}"
            sections.append(
                f"<section class='department'><h2>{html.escape(title)}</h2>"
                f"<div class='documents'>{''.join(blocks)}</div></section>"
            )
        trend = year_over_year(connection)
        corpus = corpus_view(connection, refused or [])
    across = "<p>只载入了一个年度。</p>"
    if trend is not None:
        across = _figure_html(trend, "chart-year-over-year")
    return (
        "<!DOCTYPE html><html lang='zh-CN'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        "<title>预算与决算公开</title>"
        f"<style>{STYLE}</style><script>{get_plotlyjs()}</script></head><body>"
        f"<h1>预算与决算公开 · {len(documents)} 份文件 <small class='en'>budget disclosures</small></h1>"
        "<p>金额单位：万元，按发布数。本页由发布的数据仓库生成，打开时不联网。"
        "汇总时只计 counts_in_totals 的文件，预算与决算分开。"
        "每列的含义与模型说明见 <a href='../docs/index.html'>数据文档</a>"
        "（<a href='../warehouse.xlsx'>Excel 工作簿</a>的“说明”表亦有）。</p>"
        f"<section id='corpus'><h2>文件一览 <span class='en'>corpus</span></h2>{corpus}</section>"
        f"<section id='across'><h2>各年对比 <span class='en'>across years</span></h2>{across}</section>"
        f"{''.join(sections)}</body></html>"
    )


def write_report(database: Path, target: Path, refused: list[tuple[str, str]] | None = None) -> Path:
    target.parent.mkdir(mode=0o777 & ~umask(), parents=True, exist_ok=True)
    target.write_text(render(database, refused), encoding="utf-8")
    return target
