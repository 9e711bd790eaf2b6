"""Synthetic disclosures in the 15-table template, for tests and benchmarks.

A random budget is drawn first, in integer units of the published rounding step, and every
table is rendered from it, so all identities hold exactly. The layout varies the way real
conversions do: where tables break across pages, whether continuation pages repeat their
header, wrapped names, two-decimal amounts, a non-empty 表8 and extra 经济分类 classes.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import pairwise

# 类 -> 款 -> 项, each a (code, name) pair.
SubjectTree = dict[tuple[str, str], dict[tuple[str, str], list[tuple[str, str]]]]

# Real 2020 功能分类 subjects. The 表8 (政府性基金) subjects are kept apart.
FUNCTION_TREE: SubjectTree = {
    ("201", "一般公共服务支出"): {
        ("20101", "人大事务"): [("2010101", "行政运行"), ("2010102", "一般行政管理事务")],
        ("20103", "政府办公厅（室）及相关机构事务"): [
            ("2010301", "行政运行"),
            ("2010302", "一般行政管理事务"),
            ("2010350", "事业运行"),
            ("2010399", "其他政府办公厅（室）及相关机构事务支出"),
        ],
        ("20106", "财政事务"): [("2010601", "行政运行"), ("2010699", "其他财政事务支出")],
    },
    ("205", "教育支出"): {("20502", "普通教育"): [("2050201", "学前教育"), ("2050202", "小学教育")]},
    ("208", "社会保障和就业支出"): {
        ("20805", "行政事业单位养老支出"): [
            ("2080505", "机关事业单位基本养老保险缴费支出"),
            ("2080506", "机关事业单位职业年金缴费支出"),
        ]
    },
    ("210", "卫生健康支出"): {
        ("21007", "计划生育事务"): [("2100799", "其他计划生育事务支出")],
        ("21011", "行政事业单位医疗"): [("2101101", "行政单位医疗"), ("2101102", "事业单位医疗")],
    },
    ("212", "城乡社区支出"): {
        ("21201", "城乡社区管理事务"): [("2120101", "行政运行"), ("2120199", "其他城乡社区管理事务支出")],
        ("21299", "其他城乡社区支出"): [("2129901", "其他城乡社区支出")],
    },
    ("221", "住房保障支出"): {("22102", "住房改革支出"): [("2210201", "住房公积金"), ("2210203", "购房补贴")]},
}
FUND_TREE: SubjectTree = {
    ("212", "城乡社区支出"): {
        ("21208", "国有土地使用权出让收入安排的支出"): [("2120801", "征地和拆迁补偿支出"), ("2120802", "土地开发支出")]
    }
}
ECONOMIC_CLASSES: dict[tuple[str, str], list[tuple[str, str]]] = {
    ("301", "工资福利支出"): [
        ("30101", "基本工资"),
        ("30102", "津贴补贴"),
        ("30103", "奖金"),
        ("30108", "机关事业单位基本养老保险缴费"),
        ("30109", "职业年金缴费"),
        ("30110", "职工基本医疗保险缴费"),
        ("30113", "住房公积金"),
        ("30199", "其他工资福利支出"),
    ],
    ("302", "商品和服务支出"): [
        ("30201", "办公费"),
        ("30205", "水费"),
        ("30206", "电费"),
        ("30209", "物业管理费"),
        ("30211", "差旅费"),
        ("30214", "租赁费"),
        ("30217", "公务接待费"),
        ("30228", "工会经费"),
        ("30231", "公务用车运行维护费"),
        ("30299", "其他商品和服务支出"),
    ],
}
EXTRA_ECONOMIC_CLASSES: dict[tuple[str, str], list[tuple[str, str]]] = {
    ("303", "对个人和家庭的补助"): [("30302", "退休费"), ("30305", "生活补助"), ("30309", "奖励金")],
    ("310", "资本性支出"): [("31002", "办公设备购置"), ("31007", "信息网络及软件购置更新")],
}
SPECIAL_FUND_CATEGORY = "专项资金"  # paid from 财政专项资金拨款
FUND_PROJECT_CATEGORY = "政府性基金项目"  # paid from 政府性基金预算拨款
PROJECT_CATEGORIES = ["履职类项目一般性项目", "一次性项目支出", SPECIAL_FUND_CATEGORY, "政府投资项目"]
PROJECT_ITEMS = [
    "一般管理事务",
    "信息化建设",
    "宣传事务管理工作",
    "政务公开事务",
    "大数据管理工作",
    "日常管理事务",
    "专项审计",
]
PROCUREMENT_LEAVES = [
    ("A030201", "台式计算机"),
    ("A030202", "打印机"),
    ("A030206", "投影仪"),
    ("A9900", "其他货物"),
    ("C9900", "其他服务"),
]
PROCUREMENT_NAMES = {
    "A": "货物类",
    "A03": "一般设备",
    "A0302": "办公自动化设备",
    "A11": "交通工具",
    "A1101": "轿车",
    "A110101": "普通轿车",
    "C": "服务类",
}
DEPARTMENTS = [
    f"深圳市龙华区{n}局" for n in ("教育", "卫生健康", "城市管理", "统计", "财政", "住房和建设", "文化广电旅游体育")
]

FUNDING_HEADER = [
    [
        "支出项目类别",
        "总计",
        "财政预算拨款",
        *[""] * 7,
        "事业收入",
        "事业单位经营收入",
        "其他收入",
        "上级补助收入",
        "附属单位上缴收入",
        "用事业基金弥补收支差额",
        "上年结余、结转",
    ],
    [
        "",
        "",
        "小计",
        "一般公共预算拨款",
        "",
        "",
        "",
        "政府性基金预算拨款",
        "国有资本经营预算拨款",
        "财政专户拨款",
        *[""] * 7,
    ],
    ["", "", "", "小计", "一般性经费拨款", "财政专项资金拨款", "政府投资项目拨款", *[""] * 10],
]
REVENUE_HEADER = [
    [
        "预算单位",
        "收入总计",
        "本年收入",
        *[""] * 10,
        "上级补助收入",
        "附属单位上缴收入",
        "用事业基金弥补收支差额",
        "上年结余、结转",
    ],
    ["", "", "财政预算拨款", *[""] * 7, "事业收入", "事业单位经营收入", "其他收入", *[""] * 4],
    *FUNDING_HEADER[1:],
]
FUNCTION_HEADER = [["预算单位", "科目编码", "科目名称", "支出总计", "基本支出", "项目支出"]]
THREE_PUBLIC_HEADER = [
    [
        "预算单位",
        "年度",
        "“三公”经费<br>财政拨款预<br>算总额",
        "因公出国(境)<br>费",
        "公务接待费",
        "公务用车购置及运行维护费",
        "",
        "",
    ],
    ["", "", "", "", "", "小计", "公务用车购<br>置费", "公务用车运<br>行维护费"],
]


@dataclass
class Layout:
    """How the document is laid out: the things real conversions vary."""

    page_rows: int = 20
    repeat_headers: bool = True
    decimals: int = 0
    wrap_names: bool = False


@dataclass
class Budget:
    """A department's budget, amounts in integer units of the published rounding step."""

    department: str
    year: int
    basic_by_leaf: dict[str, int]
    project_by_leaf: dict[str, int]
    fund_project_by_leaf: dict[str, int]
    economic: dict[str, int]
    economic_classes: dict[tuple[str, str], list[tuple[str, str]]]
    projects: list[tuple[str, list[tuple[str, int]]]]
    procurement: dict[str, int]
    procurement_prior_years: int
    vehicle_purchase: int
    tasks: list[tuple[str, str, int]] = field(default_factory=list)
    special_funds: int = 0

    @property
    def basic(self) -> int:
        return sum(self.basic_by_leaf.values())

    @property
    def general_project(self) -> int:
        return sum(self.project_by_leaf.values())

    @property
    def fund_project(self) -> int:
        return sum(self.fund_project_by_leaf.values())

    @property
    def general_public(self) -> int:
        return self.basic + self.general_project

    @property
    def total(self) -> int:
        return self.general_public + self.fund_project


def _split(rng: random.Random, total: int, parts: int) -> list[int]:
    """``total`` as ``parts`` positive integers (or zeros when the total is too small)."""
    if parts <= 1:
        return [total]
    cuts = sorted(rng.sample(range(1, max(total, parts)), parts - 1)) if total >= parts else []
    if not cuts:
        return [total] + [0] * (parts - 1)
    bounds = [0, *cuts, total]
    return [high - low for low, high in pairwise(bounds)]


def _leaves(tree: SubjectTree) -> list[tuple[str, str]]:
    return [leaf for sections in tree.values() for leaves in sections.values() for leaf in leaves]


def _spread(rng: random.Random, total: int, subjects: list[tuple[str, str]]) -> dict[str, int]:
    """``total`` split over the codes of ``subjects``."""
    return dict(zip([code for code, _ in subjects], _split(rng, total, len(subjects)), strict=True))


# The draws below consume the random stream in a fixed order: a seed's document stays the same
# only as long as that order does.
def draw_budget(
    rng: random.Random,
    *,
    government_fund: bool = False,
    extra_classes: bool = False,
    decimals: int = 0,
    department: str | None = None,
    year: int | None = None,
) -> Budget:
    """A random, internally consistent budget, in integer units of the published rounding step."""
    unit = 10**decimals
    basic_by_leaf, project_by_leaf, fund_by_leaf = _draw_function_subjects(rng, unit, government_fund)
    basic, project = sum(basic_by_leaf.values()), sum(project_by_leaf.values())
    classes = dict(ECONOMIC_CLASSES)
    if extra_classes:
        classes.update(EXTRA_ECONOMIC_CLASSES)
    economic = _spread(rng, basic, [item for items in classes.values() for item in items])
    projects, vehicle_purchase, special_funds = _draw_projects(rng, unit, project, sum(fund_by_leaf.values()))
    procurement = _spread(rng, rng.randint(50, 2000) * unit, PROCUREMENT_LEAVES)
    if vehicle_purchase:
        procurement["A110101"] = vehicle_purchase
    budget = Budget(
        department=department or rng.choice(DEPARTMENTS),
        year=year or rng.randint(2019, 2024),
        basic_by_leaf=basic_by_leaf,
        project_by_leaf=project_by_leaf,
        fund_project_by_leaf=fund_by_leaf,
        economic=economic,
        economic_classes=classes,
        projects=projects,
        procurement=procurement,
        procurement_prior_years=rng.randint(0, 500) * unit,
        vehicle_purchase=vehicle_purchase,
        special_funds=special_funds,
    )
    budget.tasks = _draw_tasks(rng, budget.total)
    return budget


def _draw_function_subjects(
    rng: random.Random, unit: int, government_fund: bool
) -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
    """Basic, general project and government fund project amounts by 功能分类 leaf. One leaf
    has both basic and project spending."""
    leaves = rng.sample(_leaves(FUNCTION_TREE), rng.randint(4, 9))
    basic_leaves = leaves[: max(2, len(leaves) // 2)]
    project_leaves = leaves[len(basic_leaves) - 1 :]
    basic = rng.randint(800, 5000) * unit
    project = rng.randint(500, 15000) * unit
    basic_by_leaf = _spread(rng, basic, basic_leaves)
    project_by_leaf = _spread(rng, project, project_leaves)
    fund_by_leaf = _spread(rng, rng.randint(100, 3000) * unit, _leaves(FUND_TREE)) if government_fund else {}
    return basic_by_leaf, project_by_leaf, fund_by_leaf


def _draw_projects(
    rng: random.Random, unit: int, project: int, fund_project: int
) -> tuple[list[tuple[str, list[tuple[str, int]]]], int, int]:
    """The projects by category, the vehicle purchase among them and the special funds."""
    vehicle_purchase = rng.choice([0, rng.randint(10, 40) * unit])
    special_funds = min(rng.randint(10, 60) * unit, project // 4)
    ongoing, one_off = _split(rng, project - special_funds - vehicle_purchase, 2)
    ongoing_items = list(zip(rng.sample(PROJECT_ITEMS[:-1], 3), _split(rng, ongoing, 3), strict=True))
    one_off_items = [(PROJECT_ITEMS[-1], one_off)]
    if vehicle_purchase:
        one_off_items.append(("公务用车购置费", vehicle_purchase))
    categories = [
        (PROJECT_CATEGORIES[0], ongoing_items),
        (PROJECT_CATEGORIES[1], one_off_items),
        (SPECIAL_FUND_CATEGORY, [("人才工作专项资金", special_funds)]),
    ]
    if fund_project:
        categories.append((FUND_PROJECT_CATEGORY, [("土地整备项目", fund_project)]))
    return categories, vehicle_purchase, special_funds


def _draw_tasks(rng: random.Random, total: int) -> list[tuple[str, str, int]]:
    """The department's main tasks of the year (表15), sharing the total."""
    names = ["综合管理", "信息化建设", "公共服务", "政务公开", "监督检查"]
    shares = _split(rng, total, rng.randint(3, 5))
    return [(name, f"完成{name}相关工作", share) for name, share in zip(names[: len(shares)], shares, strict=True)]


# --- rendering ---------------------------------------------------------------------------


@dataclass
class _Writer:
    """Amounts, names and tables written in the document's layout. Wrapping a name draws from
    ``rng``, so tables are written in their order and rows in theirs."""

    budget: Budget
    layout: Layout
    rng: random.Random

    def amount(self, units: int | None, decimals: int | None = None) -> str:
        if units is None:
            return ""
        places = self.layout.decimals if decimals is None else decimals
        value = Decimal(units).scaleb(-self.layout.decimals)
        return f"{value:,.{places}f}"

    def name(self, text: str) -> str:
        if self.layout.wrap_names and len(text) > 7 and self.rng.random() < 0.5:
            cut = self.rng.randint(3, len(text) - 2)
            return text[:cut] + "<br>" + text[cut:]
        return text

    def table(self, number: int, title: str, header: list[list[str]], body: list[list[str]], unit: str = "万元") -> str:
        width = len(header[0]) if header else len(body[0])
        size = self.layout.page_rows
        pages = [body[start : start + size] for start in range(0, len(body), size)] or [[]]
        parts = []
        for index, page in enumerate(pages):
            if index == 0 or self.layout.repeat_headers:
                parts += [f"表 {number}", f"## {title}", f"单位名称：{self.budget.department}", f"单位：{unit}"]
                parts.append(_pipe_table(header + page))
            else:
                parts.append(_pipe_table([[""] * width, *page]))
        return "\n\n".join(parts)

    def form(self, number: int, rows: list[list[str]]) -> str:
        """A form (表14, 表15): no title or unit lines, and no header repeated on a new page."""
        size = self.layout.page_rows
        pages = [rows[start : start + size] for start in range(0, len(rows), size)]
        parts = [f"表 {number}"]
        for index, page in enumerate(pages):
            width = max(len(row) for row in page)
            padded = [row + [""] * (width - len(row)) for row in page]
            parts.append(_pipe_table(padded if index == 0 else [[""] * width, *padded]))
        return "\n\n".join(parts)


def _pipe_table(rows: list[list[str]]) -> str:
    width = max(len(row) for row in rows)
    lines = ["| " + " | ".join(row + [""] * (width - len(row))) + " |" for row in rows]
    lines.insert(1, "|" + "|".join(["---"] * width) + "|")
    return "\n".join(lines)


def _function_lines(budget: Budget) -> list[tuple[str, str, int, int, int]]:
    """Every published 功能分类 subject in code order: code, name, basic, general project, fund project."""
    names: dict[str, str] = {}
    for tree in (FUNCTION_TREE, FUND_TREE):
        for (class_code, class_name), sections in tree.items():
            names[class_code] = class_name
            for (section_code, section_name), leaves in sections.items():
                names[section_code] = section_name
                names.update(dict(leaves))
    amounts: dict[str, list[int]] = {}
    for position, by_leaf in enumerate((budget.basic_by_leaf, budget.project_by_leaf, budget.fund_project_by_leaf)):
        for leaf, units in by_leaf.items():
            for code in (leaf[:3], leaf[:5], leaf):
                amounts.setdefault(code, [0, 0, 0])[position] += units
    lines = []
    for code in sorted(amounts):
        basic, project, fund = amounts[code]
        lines.append((code, names[code], basic, project, fund))
    return lines


def _project_lines(budget: Budget) -> list[tuple[str, int, bool]]:
    """Every project in category order: name, amount, and whether the government fund pays it."""
    return [
        (name, units, category == FUND_PROJECT_CATEGORY) for category, items in budget.projects for name, units in items
    ]


Ledger = list[tuple[str, int | None]]


def _ledger(
    writer: _Writer, number: int, title: str, revenue: Ledger, revenue_tail: Ledger, spending_tail: Ledger
) -> str:
    """A two-sided 收支 table (表1, 表6): revenue lines on the left, the 功能分类 subjects on the
    right, each side's totals at the bottom, side by side."""
    left = list(revenue)
    right: Ledger = [
        (writer.name(name), basic + project + fund) for _, name, basic, project, fund in _function_lines(writer.budget)
    ]
    height = max(len(left), len(right))
    left += [("", None)] * (height - len(left))
    right += [("", None)] * (height - len(right))
    left += revenue_tail
    right += spending_tail
    right += [("", None)] * (len(left) - len(right))
    left += [("", None)] * (len(right) - len(left))
    year = writer.budget.year
    header = [["收 入", "", "支 出", ""], ["项 目", f"{year} 年预算数", "项 目", f"{year} 年预算数"]]
    body = [
        [left_name, writer.amount(left_units), right_name, writer.amount(right_units)]
        for (left_name, left_units), (right_name, right_units) in zip(left, right, strict=True)
    ]
    return writer.table(number, title, header, body)


def _funding_row(writer: _Writer, name: str, total: int, general: int, special: int, fund: int) -> list[str]:
    """A row under FUNDING_HEADER: all of it 财政预算拨款, as 一般性经费 (``general``),
    财政专项资金 (``special``) and 政府性基金 (``fund``); the other sources empty."""
    amount = writer.amount
    return [
        name,
        amount(total),
        amount(total),
        amount(general + special or None),
        amount(general or None),
        amount(special or None),
        "",
        amount(fund or None),
        *[""] * 9,
    ]


def _table1_budget_summary(writer: _Writer) -> str:
    budget = writer.budget
    total, general_public, special = budget.total, budget.general_public, budget.special_funds
    revenue = [
        ("一、财政预算拨款", total),
        ("一般公共预算拨款", general_public),
        ("一般性经费拨款", general_public - special),
        ("财政专项资金拨款", special or None),
        ("政府投资项目拨款", None),
        ("政府性基金预算拨款", budget.fund_project or None),
        ("国有资本经营预算拨款", None),
        ("财政专户拨款", None),
        ("二、事业收入", None),
        ("三、事业单位经营收入", None),
        ("四、其他收入", None),
    ]
    revenue_tail = [
        ("本年收入合计", total),
        ("上级补助收入", None),
        ("附属单位上缴收入", None),
        ("用事业基金弥补收支差额", None),
        ("上年结余、结转", None),
        ("收入总计", total),
    ]
    spending_tail = [
        ("本年支出合计", total),
        ("对附属单位补助支出", None),
        ("上缴上级支出", None),
        ("结转下年", None),
        ("", None),
        ("支出总计", total),
    ]
    return _ledger(writer, 1, "部门收支预算总表", revenue, revenue_tail, spending_tail)


def _table2_revenue(writer: _Writer) -> str:
    budget = writer.budget
    special = budget.special_funds
    row = _funding_row(
        writer, budget.department, budget.total, budget.general_public - special, special, budget.fund_project
    )
    return writer.table(2, "部门收入预算总表", REVENUE_HEADER, [row])


def _table3_expenditure(writer: _Writer) -> str:
    budget, amount = writer.budget, writer.amount
    procurement = sum(budget.procurement.values())
    header = [
        ["预算单位", "支出总计", "基本支出", "项目支出", "其中", ""],
        ["", "", "", "", f"{budget.year} 年政府采购项目", "待支付以前年度政府采购项目"],
    ]
    row = [
        budget.department,
        amount(budget.total),
        amount(budget.basic),
        amount(budget.general_project + budget.fund_project),
        amount(procurement - budget.procurement_prior_years),
        amount(budget.procurement_prior_years),
    ]
    return writer.table(3, "部门支出预算总表", header, [row])


def _table4_basic_expenditure(writer: _Writer) -> str:
    """Basic expenditure by 经济分类 class and item, all of it 一般性经费."""
    budget = writer.budget
    rows = [_funding_row(writer, budget.department, budget.basic, budget.basic, 0, 0)]
    for (_, class_name), items in budget.economic_classes.items():
        class_total = sum(budget.economic[code] for code, _ in items)
        rows.append(_funding_row(writer, class_name, class_total, class_total, 0, 0))
        for code, name in items:
            rows.append(_funding_row(writer, writer.name(name), budget.economic[code], budget.economic[code], 0, 0))
    return writer.table(4, "基本支出预算表", FUNDING_HEADER, rows)


def _project_row(writer: _Writer, category: str, name: str, units: int) -> list[str]:
    """A project or category row of 表5, in the funding column its category is paid from."""
    if category == FUND_PROJECT_CATEGORY:
        return _funding_row(writer, name, units, 0, 0, units)
    if category == SPECIAL_FUND_CATEGORY:
        return _funding_row(writer, name, units, 0, units, 0)
    return _funding_row(writer, name, units, units, 0, 0)


def _table5_project_expenditure(writer: _Writer) -> str:
    budget = writer.budget
    special = budget.special_funds
    project_total = budget.general_project + budget.fund_project
    rows = [
        _funding_row(
            writer, budget.department, project_total, budget.general_project - special, special, budget.fund_project
        )
    ]
    for category, items in budget.projects:
        rows.append(_project_row(writer, category, category, sum(units for _, units in items)))
        rows += [_project_row(writer, category, name, units) for name, units in items]
    return writer.table(5, "项目支出预算表", FUNDING_HEADER, rows)


def _table6_appropriations(writer: _Writer) -> str:
    budget = writer.budget
    total, general_public, special = budget.total, budget.general_public, budget.special_funds
    revenue = [
        ("一、一般公共预算拨款", general_public),
        ("一般性经费拨款", general_public - special),
        ("财政专项资金拨款", special or None),
        ("政府投资项目拨款", None),
        ("二、政府性基金预算拨款", budget.fund_project or None),
        ("三、国有资本经营预算拨款", None),
        ("四、教育收费资金", None),
    ]
    revenue_tail = [("本年收入合计", total), ("上年结余、结转", None), ("收入总计", total)]
    spending_tail = [("本年支出合计", total), ("结转下年", None), ("支出总计", total)]
    return _ledger(writer, 6, "财政拨款收支总体情况表", revenue, revenue_tail, spending_tail)


def _empty_function_table(writer: _Writer, number: int, title: str) -> str:
    return writer.table(number, title, FUNCTION_HEADER, [["", "", "", *[writer.amount(0)] * 3]])


def _function_table(writer: _Writer, number: int, title: str, government_fund: bool) -> str:
    """Expenditure by 功能分类 subject of one budget (表7 general public, 表8 government fund),
    basic and project; a 类 row carries its total."""
    budget, amount = writer.budget, writer.amount
    rows = []
    for code, name, basic, general_project, fund_project in _function_lines(budget):
        shown_basic, shown_project = (0, fund_project) if government_fund else (basic, general_project)
        if shown_basic or shown_project:
            class_total = amount(shown_basic + shown_project) if len(code) == 3 else ""
            rows.append(
                ["", code, writer.name(name), class_total, amount(shown_basic or None), amount(shown_project or None)]
            )
    if not rows:
        return _empty_function_table(writer, number, title)
    basic_total, project_total = (0, budget.fund_project) if government_fund else (budget.basic, budget.general_project)
    unit_row = [
        budget.department,
        "",
        "",
        amount(basic_total + project_total),
        amount(basic_total),
        amount(project_total),
    ]
    return writer.table(number, title, FUNCTION_HEADER, [unit_row, *rows])


def _table7_general_public(writer: _Writer) -> str:
    return _function_table(writer, 7, "一般公共预算支出情况表", government_fund=False)


def _table8_government_fund(writer: _Writer) -> str:
    return _function_table(writer, 8, "政府性基金预算支出情况表", government_fund=True)


def _table9_state_capital(writer: _Writer) -> str:
    return _empty_function_table(writer, 9, "国有资本经营预算支出情况表")


def _table10_special_transfers(writer: _Writer) -> str:
    header = [["预算单位", "科目编码", "科目名称", "项目名称", "项目金额"]]
    return writer.table(10, "上级专项转移支付支出预算表", header, [["", "", "", "", writer.amount(0)]])


def _table11_procurement(writer: _Writer) -> str:
    """Procurement by 品目, every named level of a leaf's code carrying its amount."""
    budget = writer.budget
    by_code: dict[str, int] = {}
    for code, units in budget.procurement.items():
        # A leaf code can be its own prefix (A9900): counted once.
        for prefix in dict.fromkeys((code[:1], code[:3], code[:5], code)):
            if prefix in PROCUREMENT_NAMES or prefix == code:
                by_code[prefix] = by_code.get(prefix, 0) + units
    names = {**PROCUREMENT_NAMES, **dict(PROCUREMENT_LEAVES)}
    rows = [[budget.department, "", "", writer.amount(sum(budget.procurement.values()))]]
    rows += [["", code, names[code], writer.amount(units)] for code, units in sorted(by_code.items())]
    return writer.table(11, "政府采购项目支出预算表", [["单位", "编号", "采购品目", "金额"]], rows)


def _table12_three_public(writer: _Writer) -> str:
    """The 三公 expenses of last year and this one; only this year buys a vehicle."""
    budget, amount = writer.budget, writer.amount
    reception, operation = budget.economic.get("30217", 0), budget.economic.get("30231", 0)
    purchase = budget.vehicle_purchase
    last_year = [
        budget.department,
        str(budget.year - 1),
        amount(reception + operation),
        "",
        amount(reception),
        amount(operation),
        "",
        amount(operation),
    ]
    this_year = [
        budget.department,
        str(budget.year),
        amount(reception + operation + purchase),
        "",
        amount(reception),
        amount(operation + purchase),
        amount(purchase or None),
        amount(operation),
    ]
    return writer.table(12, "“三公”经费财政拨款预算情况表", THREE_PUBLIC_HEADER, [last_year, this_year])


def _table13_performance_projects(writer: _Writer) -> str:
    budget, amount = writer.budget, writer.amount
    period = f"{budget.year}.01.01-{budget.year}.12.31"
    header = [
        ["实施单位", "项目名称", "预算金额", "", "", "预算执行时间"],
        ["", "", "合计", "一般公共预算<br>拨款", "其他资金", ""],
    ]
    project_total = budget.general_project + budget.fund_project
    rows = [
        [
            budget.department,
            "",
            amount(project_total),
            amount(budget.general_project),
            amount(budget.fund_project or None),
            "",
        ]
    ]
    for name, units, from_fund in _project_lines(budget):
        general, other = ("", amount(units)) if from_fund else (amount(units), "")
        rows.append(["", name, amount(units), general, other, period])
    return writer.table(13, "部门预算绩效项目情况表", header, rows)


def _table14_project_goals(writer: _Writer) -> str:
    """The performance goals of the first project, amounts in yuan."""
    budget, year = writer.budget, writer.budget.year
    name, units, _ = _project_lines(budget)[0]
    yuan = f"{Decimal(units).scaleb(4 - writer.layout.decimals):,.0f}"
    rows = [
        ["项目支出绩效目标表", "", "", ""],
        ["项目名称", name, "主管单位", budget.department],
        ["项目类型", "一般性项目", "资金用途", "公共管理类"],
        ["计划开始日期", f"{year}-01-01", "计划完成日期", f"{year}-12-31"],
        ["项目总金额（元）", yuan, "本年度项目金额（元）", yuan],
        ["财政拨款资金（元）", yuan, "其他资金（元）", "0"],
        ["中央转移支付资金（元）", "0", "政府购买服务资金（元）", yuan],
        ["项目概况", f"{name}的实施内容。", "", ""],
        ["项目用途", f"保障{name}。", "", ""],
        ["固定资产采购金额", "0.00", "采购品目", ""],
        ["项目总(中期)目标", "按期完成。", "", ""],
        ["<b>年度绩效目标</b>", "<p>按计划推进。</p>", "", ""],
        ["一级指标", "二级指标", "指标内容", "目标值", "目标值来源"],
        ["产出目标", "数量", "完成事项", "10 项", "工作计划"],
        ["", "质量", "验收合格率", "100%", ""],
        ["效果目标", "满意度", "群众满意度", "85%", "调查"],
    ]
    return writer.form(14, rows)


def _table15_department_goals(writer: _Writer) -> str:
    """The department's performance goals: its tasks, in 万元 with two decimals whatever the layout."""
    budget, amount = writer.budget, writer.amount
    tasks = [["", task, content, amount(units, 2), amount(units, 2), "0.00"] for task, content, units in budget.tasks]
    rows = [
        ["部门（单位）整体支出绩效目标表", "", "", "", "", ""],
        [f"({budget.year} 年度)", "", "", "", "", ""],
        ["部门（单位）名称", "", budget.department, "主管部门", budget.department, ""],
        ["年度主要任务", "任务名称", "主要内容", "预算金额（万元）", "", ""],
        ["", "", "", "总额", "财政拨款", "其他资金"],
        *tasks,
        ["", "金额合计", "", amount(budget.total, 2), amount(budget.total, 2), "0.00"],
        ["年度总体目标", "<p>完成年度各项工作。</p>", "", "", "", ""],
        ["年度绩效指标", "一级指标", "二级指标", "三级指标", "目标值", ""],
        ["", "产出指标", "数量指标", "完成任务数", "5 项", ""],
        ["", "", "时效指标", "按时完成率", "98%", ""],
        ["", "满意度指标", "服务对象满意度指标", "群众满意度", "85%", ""],
    ]
    return writer.form(15, rows)


TABLES = (
    _table1_budget_summary,
    _table2_revenue,
    _table3_expenditure,
    _table4_basic_expenditure,
    _table5_project_expenditure,
    _table6_appropriations,
    _table7_general_public,
    _table8_government_fund,
    _table9_state_capital,
    _table10_special_transfers,
    _table11_procurement,
    _table12_three_public,
    _table13_performance_projects,
    _table14_project_goals,
    _table15_department_goals,
)


def render(budget: Budget, layout: Layout, rng: random.Random) -> str:
    """The disclosure as the PDF converter would have written it, its tables in order."""
    writer = _Writer(budget, layout, rng)
    return "\n\n".join(table(writer) for table in TABLES) + "\n"


def generate(
    seed: int,
    *,
    layout: Layout | None = None,
    government_fund: bool = False,
    extra_classes: bool = False,
    department: str | None = None,
    year: int | None = None,
) -> str:
    """One synthetic disclosure, the same for the same seed and options. A corpus should name
    its departments (``department=``): random ones repeat, and a repeated department and year
    is a duplicate document."""
    rng = random.Random(seed)
    layout = layout or Layout(
        page_rows=rng.randint(6, 25), repeat_headers=rng.random() < 0.5, wrap_names=rng.random() < 0.3
    )
    budget = draw_budget(
        rng,
        government_fund=government_fund,
        extra_classes=extra_classes,
        decimals=layout.decimals,
        department=department,
        year=year,
    )
    return render(budget, layout, rng)
