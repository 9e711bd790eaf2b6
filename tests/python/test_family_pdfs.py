"""One real PDF of each of six table families, built together: what each says about itself and
its figures, hand-checked against the printed pages (cited beside each figure), come out in the
marts; every hard identity holds; and one number changed in a copy breaks the right identity at
the right page and row, for each shape (功能分类 outline codes, 经济分类 cross-tab, ledger)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from budget_warehouse.cli import main
from conftest import copy_project
from pdf_mutations import replace_number

FAMILY_PDFS = Path(__file__).parent / "data" / "families"
SHENZHEN = "shenzhen-shenjiju-2026-yusuan.pdf"
BEIJING = "北京城市副中心工程建设管理办公室2026年度部门预算报表.pdf"
YANTAI = "yantai-shenjiju-2026-yusuan.pdf"
FUJIAN = "fuzhou-gonganjuzhianguanlizhidui-2026-yusuan.pdf"
JIANGSU = "wuxi-yingjiguanlizonghexingzhengz-2026-yusuan.pdf"
GUANGDONG = "guangzhou-xinfangju-2026-yusuan.pdf"
CHANGSHA = "changsha-zhiyejiaoyujidizonghexietiao-2026-yusuan.pdf"
CHONGQING = "chongqing-shuiliju-2026-yusuan.pdf"
ZHEJIANG = "huzhou-caizhengju-2026-yusuan.pdf"
XIAN = "xian-bangongtinghuizong-2026-yusuan.pdf"
CENTRAL = "wuhan-guojiaxinfangju-2024-juesuan.pdf"
# Zhejiang's tables as Hangzhou prints them: names only, no codes
HANGZHOU = "hangzhou-gonganju-2026-yusuan.pdf"

# (department as printed, year, phase, family): Beijing's table file names its department only in
# its file name; Fujian's on the cover.
DOCUMENTS = {
    SHENZHEN: ("深圳市审计局", 2026, "预算", "shenzhen_budget"),
    BEIJING: ("北京城市副中心工程建设管理办公室", 2026, "预算", "beijing_budget"),
    YANTAI: ("烟台市审计局", 2026, "预算", "yantai_budget"),
    FUJIAN: ("福州市公安局治安管理支队", 2026, "预算", "fujian_budget"),
    JIANGSU: ("无锡市应急管理综合行政执法监督局", 2026, "预算", "jiangsu_budget"),
    GUANGDONG: ("广州市信访局", 2026, "预算", "guangdong_budget"),
    CHANGSHA: ("长沙职业教育基地综合协调办公室", 2026, "预算", "changsha_budget"),
    CHONGQING: ("重庆市水利局", 2026, "预算", "changsha_budget"),
    ZHEJIANG: ("湖州市财政局", 2026, "预算", "zhejiang_budget"),
    HANGZHOU: ("杭州市公安局", 2026, "预算", "zhejiang_budget"),
    XIAN: ("西安市人民政府办公厅（汇总）", 2026, "预算", "xian_budget"),
    # a central ministry's final account, read by the national final-account family
    CENTRAL: ("国家信访局", 2024, "决算", "national_final_account"),
}

# 一般公共预算 spending by 功能分类, its 合计 row as printed: (page, basic, project), 万元.
GENERAL_PUBLIC_BUDGET = {
    SHENZHEN: (29, "9206.23", "1531.45"),  # 表7, the total row labelled 深圳市审计局
    BEIJING: (5, "921.324552", "30017.791918"),  # 预算05表
    YANTAI: (15, "2772.25", "4.50"),  # 公开表5
    FUJIAN: (13, "2507.88", "288.26"),  # 五、
    JIANGSU: (13, "1136.23", None),  # 公开07表: no project spending
    GUANGDONG: (11, "3204.78", "739.30"),  # 表5; its leaves add to 3,204.79
    CHANGSHA: (17, "386.73", "270.00"),  # 2026年一般公共预算支出情况表
    CHONGQING: (22, "33325.21", "94823.35"),
    ZHEJIANG: (23, "5571.66", "1266.75"),  # 表05
    HANGZHOU: (26, "293191.86", "77027.38"),  # 表5, 基本支出 小计
    # 表5 in 元: 人员经费支出 60,272,768.69 + 公用经费支出 4,389,765.30; 专项业务经费支出 27,502,600.00
    XIAN: (24, "6466.253399", "2750.26"),
    CENTRAL: (11, "10234.37", "3499.42"),  # 一般公共预算财政拨款支出决算表
}

# Basic spending by 经济分类 class 301 and 302, 万元.
ECONOMIC = {
    # 表8 p.31 prints basic and project side by side: 302 is 1,055.83 basic of 2,567.28.
    SHENZHEN: ("7168.15", "1055.83"),
    # 公开表6 p.17-18 prints each 部门 class once per 政府 class: 301 = 1,812.81 + 509.37.
    YANTAI: ("2322.18", "235.33"),
    FUJIAN: ("2064.67", "211.99"),  # 九、 p.19
    JIANGSU: ("1058.54", "58.44"),  # 公开08表 p.14
    GUANGDONG: ("2577.42", "272.21"),  # 表6 p.12, codes printed [301]工资福利支出
    CHANGSHA: ("330.93", "34.98"),  # p.18
    CHONGQING: ("22242.59", "10051.03"),  # p.24-25, with 7-digit items (3010201 规范性津补贴)
    ZHEJIANG: ("4644.80", "592.77"),  # 表06 p.25-26
    HANGZHOU: ("243449.87", "42896.41"),  # 表6 p.27, 工资福利支出 and 商品和服务支出 by name
    XIAN: ("5641.328669", "660.548130"),  # 表8 p.28 in 元, each 部门 row paired with a 政府 one
    CENTRAL: ("6982.75", "2239.41"),  # p.12, 人员经费 and 公用经费 groups side by side
}


def _build(root: Path, documents: dict[str, bytes]) -> Path:
    project = copy_project(root, documents)
    assert main(["build", "--project-dir", str(project), "--no-progress"]) == 0
    return project


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    documents = {name: (FAMILY_PDFS / name).read_bytes() for name in DOCUMENTS}
    return _build(tmp_path_factory.mktemp("families"), documents)


@pytest.fixture(scope="module")
def warehouse(project: Path):
    with duckdb.connect(str(project / "warehouse.duckdb"), read_only=True) as connection:
        yield connection


def _document(warehouse: duckdb.DuckDBPyConnection, source_file: str) -> str:
    row = warehouse.execute(
        "select document_id from marts.dim_document where source_file = ?", [source_file]
    ).fetchone()
    assert row is not None, f"{source_file} is not in dim_document"
    return str(row[0])


@pytest.mark.parametrize("source_file", sorted(DOCUMENTS))
def test_each_family_document_says_who_published_it(warehouse, source_file: str) -> None:
    row = warehouse.execute(
        "select department_name, fiscal_year, phase, template from marts.dim_document where source_file = ?",
        [source_file],
    ).fetchone()
    assert row == DOCUMENTS[source_file]


@pytest.mark.parametrize("source_file", sorted(GENERAL_PUBLIC_BUDGET))
def test_general_public_budget_basic_and_project(warehouse, source_file: str) -> None:
    page, basic, project = GENERAL_PUBLIC_BUDGET[source_file]
    printed = warehouse.execute(
        "select basic_amount, project_amount from reconciliation.published_totals where document_id = ? "
        "and classification = 'function' and row_kind = 'total' and source_page_number = ?",
        [_document(warehouse, source_file), page],
    ).fetchall()
    assert printed == [(Decimal(basic), None if project is None else Decimal(project))]


@pytest.mark.parametrize("source_file", sorted(ECONOMIC))
def test_basic_spending_by_economic_class(warehouse, source_file: str) -> None:
    printed = dict(
        warehouse.execute(
            "select code, total_amount from reconciliation.published_totals where document_id = ? "
            "and classification = 'economic' and code in ('301', '302')",
            [_document(warehouse, source_file)],
        ).fetchall()
    )
    personnel, public = ECONOMIC[source_file]
    assert printed == {"301": Decimal(personnel), "302": Decimal(public)}


def test_beijing_three_public_expenses(warehouse) -> None:
    # 预算09表 p.9: 44.796055 in all, 因公出国（境）费用 43.352803, 公务接待费 1.443252 (the 30217
    # 公务接待费 of 预算06表), nothing for vehicles.
    row = warehouse.execute(
        "select total_amount, overseas_travel_amount, official_reception_amount, official_vehicle_subtotal_amount "
        "from marts.fct_three_public_expenses where document_id = ?",
        [_document(warehouse, BEIJING)],
    ).fetchone()
    assert row == (Decimal("44.796055"), Decimal("43.352803"), Decimal("1.443252"), None)


def test_a_final_accounts_three_public_expenses(warehouse) -> None:
    # p.15, under a row of column numbers 1 … 12: 预算数 76.43 | 决算数 46.21 (因公出国 4.69, 公务用车
    # 40.61, 公务接待 0.90); the mart holds the document's own figure, the 决算数.
    rows = warehouse.execute(
        "select total_amount, overseas_travel_amount, official_vehicle_subtotal_amount, official_reception_amount "
        "from marts.fct_three_public_expenses where document_id = ?",
        [_document(warehouse, CENTRAL)],
    ).fetchall()
    assert rows == [(Decimal("46.21"), Decimal("4.69"), Decimal("40.61"), Decimal("0.90"))]


# The “三公” table of each family that prints one, as printed for the document's own year: (page,
# 合计, 因公出国（境）, 公务接待, 公务用车购置及运行), 万元; None where the cell is printed blank.
THREE_PUBLIC = {
    # 表9: a column per item split by fund, a row per year; the 2026年 row (2025年: 40.31)
    SHENZHEN: (34, "35.10", "28.00", "3.50", "3.60"),
    # 表8, items down the page under 项目 | 合计 | 一般公共预算 | …
    GUANGDONG: (15, "4.80", "0.00", "2.30", "2.50"),
    # 十、 items down the page under 项目 | 预算数
    FUJIAN: (23, "27.31", "0.00", "2.00", "25.31"),
    # 公开表7: 2025年预算数 (11.90) beside 2026年预算数
    YANTAI: (19, "3.40", None, "3.40", None),
    JIANGSU: (15, "0.00", "0.00", "0.00", "0.00"),  # 公开09表, with 会议费 and 培训费
    # the 合计 row above the units' rows
    CHANGSHA: (20, "0.50", None, "0.50", None),
    CHONGQING: (28, "308.00", "20.00", "39.50", "248.50"),
    ZHEJIANG: (28, "9.30", None, "5.80", "3.50"),  # 表08: 合计, then the units' rows
    # 表13 in 元, the 当年 group (上年: 4.00) of the 合计 row; its 合计 column (26.00) adds 会议费 and 培训费
    XIAN: (33, "3.00", None, "3.00", None),
    # 预算09表: 公务用车 printed blank
    BEIJING: (9, "44.796055", "43.352803", "1.443252", None),
    # 公开09表: the 决算数 group (its 预算数, 76.43, is budgeted_total_amount)
    CENTRAL: (15, "46.21", "4.69", "0.90", "40.61"),
}

# 会议费 and 培训费 printed beside the “三公” items: (meeting, training), 万元
MEETINGS_AND_TRAINING = {
    JIANGSU: ("0.00", "0.00"),  # 公开09表 p.15
    XIAN: (None, "23.00"),  # 表13 p.33: 230,000.00 元 of 培训费, 会议费 blank
    SHENZHEN: (None, None),  # 表9 prints neither
}


@pytest.mark.parametrize("source_file", sorted(THREE_PUBLIC))
def test_each_family_s_three_public_table(warehouse, source_file: str) -> None:
    row = warehouse.execute(
        "select source_page_number, total_amount, overseas_travel_amount, official_reception_amount, "
        "official_vehicle_subtotal_amount from marts.fct_three_public_expenses where document_id = ?",
        [_document(warehouse, source_file)],
    ).fetchone()
    page, *amounts = THREE_PUBLIC[source_file]
    assert row == (page, *(None if amount is None else Decimal(amount) for amount in amounts))


@pytest.mark.parametrize("source_file", sorted(MEETINGS_AND_TRAINING))
def test_meetings_and_training_beside_the_three_public_items(warehouse, source_file: str) -> None:
    row = warehouse.execute(
        "select meeting_amount, training_amount from marts.fct_three_public_expenses where document_id = ?",
        [_document(warehouse, source_file)],
    ).fetchone()
    assert row == tuple(None if amount is None else Decimal(amount) for amount in MEETINGS_AND_TRAINING[source_file])


def test_a_final_account_s_three_public_budget_is_beside_what_it_spent(warehouse) -> None:
    # 国家信访局 2024 公开09表 p.15: 预算数 76.43 (30.00 + 40.63 + 5.80) beside 决算数 46.21
    row = warehouse.execute(
        "select total_amount, budgeted_total_amount, budgeted_overseas_travel_amount, "
        "budgeted_official_vehicle_subtotal_amount, budgeted_official_reception_amount "
        "from marts.fct_three_public_expenses where document_id = ?",
        [_document(warehouse, CENTRAL)],
    ).fetchone()
    assert row == (Decimal("46.21"), Decimal("76.43"), Decimal("30.00"), Decimal("40.63"), Decimal("5.80"))


def test_guangdong_s_administrative_expenses_are_its_office_operation(warehouse) -> None:
    # 表8 p.15: 行政经费 444.39, what the family's text calls 机关运行经费
    row = warehouse.execute(
        "select office_operation_amount from marts.fct_three_public_expenses where document_id = ?",
        [_document(warehouse, GUANGDONG)],
    ).fetchone()
    assert row == (Decimal("444.39"),)


def test_names_without_codes_land_under_their_resolved_codes(warehouse, project: Path) -> None:
    # 表5 p.26 and 表8 p.30 of 杭州市公安局, names only: 事业运行 under 公安, 科技成果转化与扩散
    # under 技术研究与开发, 城市公共设施 under 城市基础设施配套费安排的支出 (政府性基金)
    rows = warehouse.execute(
        "select function_code, total_amount from marts.fct_expenditure_by_function where document_id = ? "
        "and function_code in ('2040250', '2060404', '2121301') order by function_code",
        [_document(warehouse, HANGZHOU)],
    ).fetchall()
    assert rows == [
        ("2040250", Decimal("2254.47")),
        ("2060404", Decimal("32240.98")),
        ("2121301", Decimal("7600.00")),
    ]
    # the seed says how each code was found
    resolutions = warehouse.execute(
        "select distinct code_resolution from read_csv(?, all_varchar = true) where document_id = ? and code <> ''",
        [str(project / "seeds" / "disclosure" / "table_cells.csv"), _document(warehouse, HANGZHOU)],
    ).fetchall()
    assert resolutions == [("by_name",)]


def test_every_hard_identity_holds_in_each_family_document(warehouse) -> None:
    broken = warehouse.execute(
        "select source_file, identity_name, subject, expected, actual from marts.fct_identity_checks "
        "inner join marts.dim_document using (document_id) where status = 'broken'"
    ).fetchall()
    assert broken == []
    statuses = dict(warehouse.execute("select source_file, identity_status from marts.dim_document").fetchall())
    assert set(statuses.values()) == {"holds"}


# --- one number changed, per shape ------------------------------------------------------------------------------------
# Yantai's 审计局 with one number changed in each of three tables (the first digit that differs
# is the first of its kind in the number: the edit swaps that glyph).
CHANGES = (
    # 公开表1 收支总体情况表 p.8: 五、其他收入 781.60 printed as 881.60 (a ledger).
    (8, "781.60", "881.60"),
    # 公开表5 p.15: 2010850 事业运行 合计 414.44 printed as 514.44 (功能分类 codes as an outline).
    (15, "414.44", "514.44"),
    # 公开表6 p.17: 30101 基本工资 (under 政府 501) 442.38 printed as 542.38 (an 经济分类 cross-tab;
    # a change of 0.10 would hide in the tolerance of 301, a sum of 22 rounded figures).
    (17, "442.38", "542.38"),
)


@pytest.fixture(scope="module")
def mistaken(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, str, Decimal, Decimal]]:
    scratch = tmp_path_factory.mktemp("mistaken-families")
    source = FAMILY_PDFS / YANTAI
    for step, (page, old, new) in enumerate(CHANGES):
        target = scratch / f"step{step}.pdf"
        replace_number(source, target, page, old, new)
        source = target
    project = _build(scratch / "project", {YANTAI: source.read_bytes()})
    with duckdb.connect(str(project / "warehouse.duckdb"), read_only=True) as connection:
        return connection.execute(
            "select identity_name, subject, expected, actual from marts.fct_identity_checks "
            "where status = 'broken' order by identity_name, subject, expected"
        ).fetchall()


def test_a_changed_ledger_figure_breaks_the_balance(mistaken) -> None:
    # 收入总计 3,558.35 = 2,776.75 (一般公共预算收入) + 781.60; the changed line adds 100 more.
    assert (
        "balance__national_revenue_total_equals_sources",
        "收入总计 = Σ revenue sources (with 结转和结余) revenue_expenditure_overview",
        Decimal("3558.35"),
        Decimal("3658.35"),
    ) in mistaken


def test_a_changed_function_figure_breaks_its_parent_and_its_row(mistaken) -> None:
    table5 = "表5 一般公共预算支出情况表 p.15"
    # 20108 审计事务 1,950.19 against 1,531.26 + 4.50 + 514.44
    assert (
        "hierarchy__national_function_subjects",
        f"{table5} row 5: 20108 审计事务",
        Decimal("1950.19"),
        Decimal("2050.20"),
    ) in mistaken
    # 2010850's 合计 against its 基本支出 小计 (its 项目支出 is blank)
    assert (
        "row__national_function_total_equals_basic_plus_project",
        f"{table5} row 8: 2010850 事业运行",
        Decimal("514.44"),
        Decimal("414.44"),
    ) in mistaken


def test_a_changed_economic_figure_breaks_its_class_and_its_row(mistaken) -> None:
    table6 = "表6 一般公共预算基本支出情况表 p.17"
    # 301, both of its printings (under 501 and 505) added up at the first: 1,812.81 + 509.37,
    # against its items, 30101 now 542.38 + 128.46
    assert (
        "hierarchy__national_economic_subjects",
        f"{table6} row 4: 301 工资福利支出",
        Decimal("2322.18"),
        Decimal("2422.18"),
    ) in mistaken
    # 30101 小计 (542.38 + 128.46) against its 人员支出 (442.38 + 128.46)
    assert (
        "row__national_economic_total_equals_personnel_plus_public",
        f"{table6} row 5: 30101 基本工资",
        Decimal("670.84"),
        Decimal("570.84"),
    ) in mistaken


def test_each_change_breaks_only_its_own_identities(mistaken) -> None:
    assert {row[0] for row in mistaken} == {
        "balance__national_revenue_total_equals_sources",
        "hierarchy__national_function_subjects",
        "row__national_function_total_equals_basic_plus_project",
        "hierarchy__national_economic_subjects",
        "row__national_economic_total_equals_personnel_plus_public",
    }


def _changed_figure_checks(
    factory: pytest.TempPathFactory, source_file: str, page: int, old: str, new: str
) -> list[tuple[str, str, str, Decimal, Decimal]]:
    """The identity checks that break or differ in a build of one family PDF with one number on one
    page printed otherwise: (identity, family, subject, expected, actual)."""
    scratch = factory.mktemp("changed-figure")
    changed = scratch / source_file
    replace_number(FAMILY_PDFS / source_file, changed, page, old, new)
    project = _build(scratch / "project", {source_file: changed.read_bytes()})
    with duckdb.connect(str(project / "warehouse.duckdb"), read_only=True) as connection:
        return connection.execute(
            "select identity_name, family, subject, expected, actual from marts.fct_identity_checks "
            "where status in ('broken', 'differs') order by identity_name"
        ).fetchall()


@pytest.fixture(scope="module")
def mistaken_three_public(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, str, str, Decimal, Decimal]]:
    """Beijing's 预算09表 p.9 with 公务接待费 1.443252 printed as 2.443252 (the “三公” shape)."""
    return _changed_figure_checks(tmp_path_factory, BEIJING, 9, "1.443252", "2.443252")


def test_a_changed_three_public_figure_breaks_its_total(mistaken_three_public) -> None:
    broken = [row for row in mistaken_three_public if row[1] != "soft"]
    # 44.796055 printed against 43.352803 (因公出国) + 2.443252 (公务接待, changed); 公务用车 blank
    assert broken == [
        (
            "row__national_three_public_total",
            "row",
            "表9 预算09表 财政拨款“三公”经费支出表 p.9 row 4: budget",
            Decimal("44.796055"),
            Decimal("45.796055"),
        )
    ]


@pytest.fixture(scope="module")
def mistaken_meetings_and_training(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, str, Decimal, Decimal]]:
    """Xi'an's 表13 p.33 with the 合计 row's 当年 培训费 230,000.00 printed as 231,000.00: its broken
    identities (identity, subject, expected, actual)."""
    checks = _changed_figure_checks(tmp_path_factory, XIAN, 33, "230,000.00", "231,000.00")
    return [(name, subject, expected, actual) for name, family, subject, expected, actual in checks if family != "soft"]


def test_a_changed_training_figure_breaks_the_total_with_meetings_and_training(mistaken_meetings_and_training) -> None:
    # 260,000.00 printed against 30,000.00 (“三公” 小计) + 231,000.00 (培训费, changed), in 万元
    assert mistaken_meetings_and_training == [
        (
            "row__national_three_public_with_meetings_and_training",
            "表13 部门综合预算一般公共预算拨款“三公”经费及会议费、培训费支出预算表 p.33 row 5: budget",
            Decimal("26.000000"),
            Decimal("26.100000"),
        )
    ]
