"""The report page in a real browser: Debian's Chromium, driven by Playwright, with the network
cut off. The page must load without a console error, draw its charts, and render Chinese."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "build" / "test-artifacts"
# The flags that keep a headless Chromium from reaching for the network at start (see the
# machine notes: without them a closed network refuses many connections).
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium and fonts-wqy-zenhei")
        pytest.skip(f"{CHROMIUM} is not installed (`make test` installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield launched
        launched.close()


def test_the_report_loads_offline_and_draws_its_charts(project: Path, browser) -> None:
    report = project / "exports" / "report" / "index.html"
    assert report.exists(), "every release carries its report"
    page = browser.new_page(viewport={"width": 1280, "height": 1800})
    errors: list[str] = []
    fetched: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("request", lambda request: fetched.append(request.url))
    page.route("http*://**", lambda route: route.abort())
    page.goto(report.as_uri())
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=60_000)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "report.png"), full_page=False)

    assert errors == []
    assert [url for url in fetched if not url.startswith(("file:", "data:", "blob:"))] == []
    documents = page.locator("section.document").count()
    assert documents >= 9
    # A sunburst per document with 功能分类 spending, its sectors drawn.
    assert page.locator(".js-plotly-plot").count() >= documents
    assert page.locator("g.slice path.surface").count() > 20
    # Bars of 经济分类 and the year-over-year lines.
    assert page.locator("g.trace.bars g.point path").count() > 10
    assert page.locator("#chart-year-over-year g.scatterlayer g.trace").count() >= 1
    # The identity board of the seed document, and Chinese text laid out with a CJK font.
    assert "一般公共服务支出" in page.inner_text("body")
    assert page.evaluate("document.fonts.check('16px \"WenQuanYi Zen Hei\"')")
    width = page.evaluate(
        "(() => { const c = document.createElement('canvas').getContext('2d');"
        " c.font = '16px \"WenQuanYi Zen Hei\"'; return c.measureText('预算').width; })()"
    )
    assert width > 20, "Chinese glyphs render (two full-width characters are ~32 px at 16 px)"
    page.close()


def test_the_report_fits_a_phone_and_reads_in_chinese(project: Path, browser) -> None:
    """At 390 px nothing is wider than the screen (wide tables scroll inside their box); the
    headings are Chinese; 商务委's 部门 and 单位 documents of 2025 share one section."""
    report = project / "exports" / "report" / "index.html"
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.route("http*://**", lambda route: route.abort())
    page.goto(report.as_uri())
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=60_000)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "report-phone.png"), full_page=False)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert page.locator("meta[name=viewport]").count() == 1
    headings = page.locator("h2").all_inner_texts()
    assert any(text.startswith("文件一览") for text in headings)
    assert any(text.startswith("各年对比") for text in headings)
    commerce = page.locator("section.department", has_text="上海市普陀区商务委员会 · 2025年预算")
    assert commerce.count() == 1
    assert commerce.locator("section.document").count() == 2
    # the headline figures, as printed: 商务委's 一般公共预算基本支出 1,983.07 万元
    assert "1,983.07" in commerce.inner_text()
    page.close()


def test_tables_are_in_the_documents_order() -> None:
    from budget_warehouse.report import _table_order

    tables = ["表10", "表2", "表1", "表1,表6", "表11", "表3"]
    assert sorted(tables, key=_table_order) == ["表1", "表1,表6", "表2", "表3", "表10", "表11"]
