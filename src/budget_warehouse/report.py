"""A report page analysts would rather look at than read: one self-contained HTML file (Plotly's
script and every figure inside it, nothing fetched when it is opened), written into each release
beside the exports, from the release's own warehouse.

Per document: spending by 功能分类 as a sunburst (类 → 款 → 项), basic spending by 经济分类 类 (人员经费
301 + 303 against 公用经费 302 + 310), and the identity board (holds / within rounding / broken
per table, with the figures of what broke). Across documents: the year-over-year view.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import duckdb
import plotly.graph_objects as go
from plotly.offline import get_plotlyjs

from budget_warehouse.durable import umask

STYLE = """
body { font-family: "WenQuanYi Zen Hei", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 2rem;
       color: #222; max-width: 1200px; }
h1 { font-size: 1.6rem; } h2 { margin-top: 2.5rem; border-bottom: 1px solid #ccc; } h3 { font-size: 1.05rem; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; } td, th { border: 1px solid #ddd; padding: 2px 8px; }
th { background: #f4f4f4; } td.num { text-align: right; } .broken { color: #b00020; } .holds { color: #1b5e20; }
.charts { display: flex; flex-wrap: wrap; gap: 1rem; } .chart { flex: 0 0 560px; }
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


def _figure_html(figure: go.Figure, element_id: str, width: int = 560) -> str:
    figure.update_layout(
        margin={"t": 40, "l": 10, "r": 10, "b": 10}, width=width, height=420, font={"family": "WenQuanYi Zen Hei"}
    )
    return str(
        figure.to_html(
            full_html=False,
            include_plotlyjs=False,
            div_id=element_id,
            default_width=f"{width}px",
            config={"displaylogo": False},
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
    figure.update_layout(title="功能分类 支出 (万元)")
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
    figure.update_layout(title="基本支出 by 经济分类 类 (万元)", barmode="group")
    return figure


def identity_board(connection: duckdb.DuckDBPyConnection, document: Document) -> str:
    """Per table (or tables, for a cross-table identity): how many identity instances hold, hold
    only within rounding, or are broken (a soft check: differs)."""
    rows = connection.execute(
        """
        select
            tables_involved,
            sum(case when status = 'holds' then 1 else 0 end),
            sum(case when status = 'rounding' then 1 else 0 end),
            sum(case when status in ('broken', 'differs') then 1 else 0 end)
        from marts.fct_identity_checks where document_id = ? group by tables_involved order by tables_involved
        """,
        [document.document_id],
    ).fetchall()
    broken = connection.execute(
        "select identity_name, subject, expected, actual, difference from marts.fct_identity_checks "
        "where document_id = ? and status in ('broken', 'differs') order by identity_name, subject limit 20",
        [document.document_id],
    ).fetchall()
    body = "".join(
        f"<tr><td>{html.escape(tables)}</td><td class='num holds'>{exact}</td><td class='num'>{rounding}</td>"
        f"<td class='num broken'>{breaks}</td></tr>"
        for tables, exact, rounding, breaks in rows
    )
    text = (
        "<table class='identity-board'><tr><th>tables</th><th>holds</th><th>within rounding</th><th>broken</th></tr>"
        f"{body}</table>"
    )
    if broken:
        text += "<table><tr><th>identity</th><th>where</th><th>published</th><th>computed</th><th>difference</th></tr>"
        text += "".join(
            f"<tr><td>{html.escape(name)}</td><td>{html.escape(subject)}</td><td class='num'>{_number(e)}</td>"
            f"<td class='num'>{_number(a)}</td><td class='num broken'>{_number(d)}</td></tr>"
            for name, subject, e, a, d in broken
        )
        text += "</table>"
    return text


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
    figure.update_layout(title="功能分类 类, year over year (万元)", xaxis={"type": "category"})
    return figure


def render(database: Path) -> str:
    """The whole page for the warehouse in ``database``."""
    sections: list[str] = []
    with duckdb.connect(str(database), read_only=True) as connection:
        documents = _documents(connection)
        for number, document in enumerate(documents, start=1):
            charts = [
                _figure_html(figure, f"chart-{number}-{kind}")
                for kind, figure in (
                    ("function", function_sunburst(connection, document)),
                    ("economic", economic_bars(connection, document)),
                )
                if figure is not None
            ]
            title = f"{document.department_name} · {document.fiscal_year} {document.phase} · {document.scope}"
            sections.append(
                f"<section class='document' id='document-{number}'><h2>{html.escape(title)}</h2>"
                f"<p>identities: <span class='{document.identity_status}'>{document.identity_status}</span></p>"
                f"<div class='charts'>{''.join(f'<div class=chart>{chart}</div>' for chart in charts)}</div>"
                f"<h3>Identity board</h3>{identity_board(connection, document)}</section>"
            )
        trend = year_over_year(connection)
    across = "<p>Only one year is loaded.</p>"
    if trend is not None:
        across = _figure_html(trend, "chart-year-over-year", width=1140)
    return (
        "<!DOCTYPE html><html lang='zh-CN'><head><meta charset='utf-8'>"
        "<title>预算与决算 · budget disclosures</title>"
        f"<style>{STYLE}</style><script>{get_plotlyjs()}</script></head><body>"
        f"<h1>预算与决算 · {len(documents)} documents</h1>"
        "<p>Amounts in 万元, as published. Generated from the published warehouse; nothing on this page "
        "is fetched from the network.</p>"
        f"<section id='across'><h2>Across years</h2>{across}</section>{''.join(sections)}</body></html>"
    )


def write_report(database: Path, target: Path) -> Path:
    target.parent.mkdir(mode=0o777 & ~umask(), parents=True, exist_ok=True)
    target.write_text(render(database), encoding="utf-8")
    return target
