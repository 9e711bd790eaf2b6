"""Synthetic disclosures in the 15-table template, for tests and benchmarks.

A random budget is drawn first, in integer units of the published precision, and every
table is rendered from it, so all identities hold exactly. The layout varies the way real
conversions do: where tables break across pages, whether continuation pages repeat their
header, wrapped names, two-decimal amounts, a non-empty 表8 and extra 经济分类 classes.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import pairwise

# Real 2020 功能分类 subjects: 类 -> 款 -> 项. The 表8 (政府性基金) subjects are kept apart.
FUNCTION_TREE: dict[tuple[str, str], dict[tuple[str, str], list[tuple[str, str]]]] = {
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
FUND_TREE = {
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
EXTRA_ECONOMIC_CLASSES = {
    ("303", "对个人和家庭的补助"): [("30302", "退休费"), ("30305", "生活补助"), ("30309", "奖励金")],
    ("310", "资本性支出"): [("31002", "办公设备购置"), ("31007", "信息网络及软件购置更新")],
}
PROJECT_CATEGORIES = ["履职类项目一般性项目", "一次性项目支出", "专项资金", "政府投资项目"]
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


@dataclass
class Layout:
    """How the document is laid out: the things real conversions vary."""

    page_rows: int = 20
    repeat_headers: bool = True
    decimals: int = 0
    wrap_names: bool = False


@dataclass
class Budget:
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
    return [b - a for a, b in pairwise(bounds)]


def _leaves(tree) -> list[tuple[str, str]]:
    return [leaf for sections in tree.values() for leaves in sections.values() for leaf in leaves]


def draw_budget(
    rng: random.Random,
    *,
    government_fund: bool = False,
    extra_classes: bool = False,
    decimals: int = 0,
    department: str | None = None,
    year: int | None = None,
) -> Budget:
    """A random, internally consistent budget, in integer units of the published precision."""
    unit = 10**decimals
    leaves = rng.sample(_leaves(FUNCTION_TREE), rng.randint(4, 9))
    basic_leaves = leaves[: max(2, len(leaves) // 2)]
    project_leaves = leaves[len(basic_leaves) - 1 :]
    basic = rng.randint(800, 5000) * unit
    project = rng.randint(500, 15000) * unit
    basic_by_leaf = dict(zip([c for c, _ in basic_leaves], _split(rng, basic, len(basic_leaves)), strict=True))
    project_by_leaf = dict(zip([c for c, _ in project_leaves], _split(rng, project, len(project_leaves)), strict=True))
    fund_by_leaf: dict[str, int] = {}
    if government_fund:
        fund_leaves = _leaves(FUND_TREE)
        fund_by_leaf = dict(
            zip([c for c, _ in fund_leaves], _split(rng, rng.randint(100, 3000) * unit, len(fund_leaves)), strict=True)
        )

    classes = dict(ECONOMIC_CLASSES)
    if extra_classes:
        classes.update(EXTRA_ECONOMIC_CLASSES)
    items = [code for subjects in classes.values() for code, _ in subjects]
    economic = dict(zip(items, _split(rng, basic, len(items)), strict=True))

    vehicle_purchase = rng.choice([0, rng.randint(10, 40) * unit])
    special_funds = min(rng.randint(10, 60) * unit, project // 4)
    other_projects = project - special_funds - vehicle_purchase
    categories: list[tuple[str, list[tuple[str, int]]]] = []
    first, second = _split(rng, other_projects, 2)
    categories.append(
        (PROJECT_CATEGORIES[0], list(zip(rng.sample(PROJECT_ITEMS[:-1], 3), _split(rng, first, 3), strict=True)))
    )
    one_off = [(PROJECT_ITEMS[-1], second)]
    if vehicle_purchase:
        one_off.append(("公务用车购置费", vehicle_purchase))
    categories.append((PROJECT_CATEGORIES[1], one_off))
    categories.append((PROJECT_CATEGORIES[2], [("人才工作专项资金", special_funds)]))
    if fund_by_leaf:
        categories.append(("政府性基金项目", [("土地整备项目", sum(fund_by_leaf.values()))]))

    procurement_total = rng.randint(50, 2000) * unit
    procurement = dict(
        zip([c for c, _ in PROCUREMENT_LEAVES], _split(rng, procurement_total, len(PROCUREMENT_LEAVES)), strict=True)
    )
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
        projects=categories,
        procurement=procurement,
        procurement_prior_years=rng.randint(0, 500) * unit,
        vehicle_purchase=vehicle_purchase,
        special_funds=special_funds,
    )
    task_names = ["综合管理", "信息化建设", "公共服务", "政务公开", "监督检查"]
    shares = _split(rng, budget.total, rng.randint(3, 5))
    budget.tasks = [(task_names[i], f"完成{task_names[i]}相关工作", share) for i, share in enumerate(shares)]
    return budget


# --- rendering ---------------------------------------------------------------------------


@dataclass
class _Renderer:
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
        pages = [body[i : i + size] for i in range(0, len(body), size)] or [[]]
        parts = []
        for index, page in enumerate(pages):
            if index == 0 or self.layout.repeat_headers:
                parts += [f"表 {number}", f"## {title}", f"单位名称：{self.budget.department}", f"单位：{unit}"]
                parts.append(_pipe_table(header + page))
            else:
                parts.append(_pipe_table([[""] * width, *page]))
        return "\n\n".join(parts)

    def form(self, number: int, rows: list[list[str]]) -> str:
        size = self.layout.page_rows
        pages = [rows[i : i + size] for i in range(0, len(rows), size)]
        parts = [f"表 {number}"]
        for index, page in enumerate(pages):
            width = max(len(r) for r in page)
            page = [r + [""] * (width - len(r)) for r in page]
            parts.append(_pipe_table(page if index == 0 else [[""] * width, *page]))
        return "\n\n".join(parts)


def _pipe_table(rows: list[list[str]]) -> str:
    width = max(len(r) for r in rows)
    lines = ["| " + " | ".join(r + [""] * (width - len(r))) + " |" for r in rows]
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
    return [(code, names[code], *amounts[code]) for code in sorted(amounts)]


def render(budget: Budget, layout: Layout, rng: random.Random) -> str:
    """The disclosure as the PDF converter would have written it."""
    r = _Renderer(budget, layout, rng)
    a = r.amount
    year = budget.year
    lines = _function_lines(budget)
    gp, fund, total, s = budget.general_public, budget.fund_project, budget.total, budget.special_funds
    tables: list[str] = []

    def ledger(number: int, title: str, revenue: list[tuple[str, int | None]], tail_left, tail_right, subjects) -> str:
        left = list(revenue)
        right = [(r.name(name), b + p + f) for _, name, b, p, f in subjects]
        height = max(len(left), len(right))
        left += [("", None)] * (height - len(left))
        right += [("", None)] * (height - len(right))
        left += tail_left
        right += tail_right
        right += [("", None)] * (len(left) - len(right))
        left += [("", None)] * (len(right) - len(left))
        header = [["收 入", "", "支 出", ""], ["项 目", f"{year} 年预算数", "项 目", f"{year} 年预算数"]]
        body = [[ln, a(la), rn, a(ra)] for (ln, la), (rn, ra) in zip(left, right, strict=True)]
        return r.table(number, title, header, body)

    fund_or_none = fund or None
    tables.append(
        ledger(
            1,
            "部门收支预算总表",
            [
                ("一、财政预算拨款", total),
                ("一般公共预算拨款", gp),
                ("一般性经费拨款", gp - s),
                ("财政专项资金拨款", s or None),
                ("政府投资项目拨款", None),
                ("政府性基金预算拨款", fund_or_none),
                ("国有资本经营预算拨款", None),
                ("财政专户拨款", None),
                ("二、事业收入", None),
                ("三、事业单位经营收入", None),
                ("四、其他收入", None),
            ],
            [
                ("本年收入合计", total),
                ("上级补助收入", None),
                ("附属单位上缴收入", None),
                ("用事业基金弥补收支差额", None),
                ("上年结余、结转", None),
                ("收入总计", total),
            ],
            [
                ("本年支出合计", total),
                ("对附属单位补助支出", None),
                ("上缴上级支出", None),
                ("结转下年", None),
                ("", None),
                ("支出总计", total),
            ],
            lines,
        )
    )
    funding_row = lambda name, tot, general, special, fund_part: [  # noqa: E731
        name,
        a(tot),
        a(tot),
        a(general + special or None),
        a(general or None),
        a(special or None),
        "",
        a(fund_part or None),
        *[""] * 9,
    ]
    revenue_header = [
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
    tables.append(
        r.table(2, "部门收入预算总表", revenue_header, [funding_row(budget.department, total, gp - s, s, fund)])
    )
    procurement_total = sum(budget.procurement.values())
    tables.append(
        r.table(
            3,
            "部门支出预算总表",
            [
                ["预算单位", "支出总计", "基本支出", "项目支出", "其中", ""],
                ["", "", "", "", f"{year} 年政府采购项目", "待支付以前年度政府采购项目"],
            ],
            [
                [
                    budget.department,
                    a(total),
                    a(budget.basic),
                    a(budget.general_project + fund),
                    a(procurement_total - budget.procurement_prior_years),
                    a(budget.procurement_prior_years),
                ]
            ],
        )
    )
    basic_rows = [funding_row(budget.department, budget.basic, budget.basic, 0, 0)]
    for (_, class_name), subjects in budget.economic_classes.items():
        class_total = sum(budget.economic[code] for code, _ in subjects)
        basic_rows.append(funding_row(class_name, class_total, class_total, 0, 0))
        basic_rows += [
            funding_row(r.name(name), budget.economic[code], budget.economic[code], 0, 0) for code, name in subjects
        ]
    tables.append(r.table(4, "基本支出预算表", FUNDING_HEADER, basic_rows))
    project_total = budget.general_project + fund
    project_rows = [funding_row(budget.department, project_total, budget.general_project - s, s, fund)]
    for category, items in budget.projects:
        special = category == PROJECT_CATEGORIES[2]
        fund_category = category == "政府性基金项目"
        cat_total = sum(units for _, units in items)

        def row(name: str, units: int, special=special, fund_category=fund_category) -> list[str]:
            if fund_category:
                return funding_row(name, units, 0, 0, units)
            return funding_row(name, units, 0 if special else units, units if special else 0, 0)

        project_rows.append(row(category, cat_total))
        project_rows += [row(name, units) for name, units in items]
    tables.append(r.table(5, "项目支出预算表", FUNDING_HEADER, project_rows))
    tables.append(
        ledger(
            6,
            "财政拨款收支总体情况表",
            [
                ("一、一般公共预算拨款", gp),
                ("一般性经费拨款", gp - s),
                ("财政专项资金拨款", s or None),
                ("政府投资项目拨款", None),
                ("二、政府性基金预算拨款", fund_or_none),
                ("三、国有资本经营预算拨款", None),
                ("四、教育收费资金", None),
            ],
            [("本年收入合计", total), ("上年结余、结转", None), ("收入总计", total)],
            [("本年支出合计", total), ("结转下年", None), ("支出总计", total)],
            lines,
        )
    )
    function_header = [["预算单位", "科目编码", "科目名称", "支出总计", "基本支出", "项目支出"]]

    def function_table(number: int, title: str, position: int) -> str:
        rows = []
        for code, name, basic, project, fund_project in lines:
            b, p = (basic, project) if position == 7 else (0, fund_project)
            if b or p:
                rows.append(["", code, r.name(name), a(b + p) if len(code) == 3 else "", a(b or None), a(p or None)])
        if not rows:
            return r.table(number, title, function_header, [["", "", "", a(0), a(0), a(0)]])
        b_total = budget.basic if position == 7 else 0
        p_total = budget.general_project if position == 7 else fund
        return r.table(
            number,
            title,
            function_header,
            [[budget.department, "", "", a(b_total + p_total), a(b_total), a(p_total)], *rows],
        )

    tables.append(function_table(7, "一般公共预算支出情况表", 7))
    tables.append(function_table(8, "政府性基金预算支出情况表", 8))
    tables.append(r.table(9, "国有资本经营预算支出情况表", function_header, [["", "", "", a(0), a(0), a(0)]]))
    tables.append(
        r.table(
            10,
            "上级专项转移支付支出预算表",
            [["预算单位", "科目编码", "科目名称", "项目名称", "项目金额"]],
            [["", "", "", "", a(0)]],
        )
    )
    procurement: dict[str, int] = {}
    for code, units in budget.procurement.items():
        for prefix in {code[:1], code[:3], code[:5], code}:
            if prefix and (prefix in PROCUREMENT_NAMES or prefix == code):
                procurement[prefix] = procurement.get(prefix, 0) + units
    names = {**PROCUREMENT_NAMES, **dict(PROCUREMENT_LEAVES)}
    tables.append(
        r.table(
            11,
            "政府采购项目支出预算表",
            [["单位", "编号", "采购品目", "金额"]],
            [[budget.department, "", "", a(procurement_total)]]
            + [["", code, names[code], a(units)] for code, units in sorted(procurement.items())],
        )
    )
    reception, operation = budget.economic.get("30217", 0), budget.economic.get("30231", 0)
    purchase = budget.vehicle_purchase
    three_public = [
        [budget.department, str(year - 1), a(reception + operation), "", a(reception), a(operation), "", a(operation)],
        [
            budget.department,
            str(year),
            a(reception + operation + purchase),
            "",
            a(reception),
            a(operation + purchase),
            a(purchase or None),
            a(operation),
        ],
    ]
    tables.append(
        r.table(
            12,
            "“三公”经费财政拨款预算情况表",
            [
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
            ],
            three_public,
        )
    )
    projects = [
        (name, units, category == "政府性基金项目") for category, items in budget.projects for name, units in items
    ]
    period = f"{year}.01.01-{year}.12.31"
    tables.append(
        r.table(
            13,
            "部门预算绩效项目情况表",
            [
                ["实施单位", "项目名称", "预算金额", "", "", "预算执行时间"],
                ["", "", "合计", "一般公共预算<br>拨款", "其他资金", ""],
            ],
            [[budget.department, "", a(project_total), a(budget.general_project), a(fund or None), ""]]
            + [
                ["", name, a(units), "" if from_fund else a(units), a(units) if from_fund else "", period]
                for name, units, from_fund in projects
            ],
        )
    )
    name, units, _ = projects[0]
    yuan = Decimal(units).scaleb(4 - layout.decimals)
    money = f"{yuan:,.0f}"
    tables.append(
        r.form(
            14,
            [
                ["项目支出绩效目标表", "", "", ""],
                ["项目名称", name, "主管单位", budget.department],
                ["项目类型", "一般性项目", "资金用途", "公共管理类"],
                ["计划开始日期", f"{year}-01-01", "计划完成日期", f"{year}-12-31"],
                ["项目总金额（元）", money, "本年度项目金额（元）", money],
                ["财政拨款资金（元）", money, "其他资金（元）", "0"],
                ["中央转移支付资金（元）", "0", "政府购买服务资金（元）", money],
                ["项目概况", f"{name}的实施内容。", "", ""],
                ["项目用途", f"保障{name}。", "", ""],
                ["固定资产采购金额", "0.00", "采购品目", ""],
                ["项目总(中期)目标", "按期完成。", "", ""],
                ["<b>年度绩效目标</b>", "<p>按计划推进。</p>", "", ""],
                ["一级指标", "二级指标", "指标内容", "目标值", "目标值来源"],
                ["产出目标", "数量", "完成事项", "10 项", "工作计划"],
                ["", "质量", "验收合格率", "100%", ""],
                ["效果目标", "满意度", "群众满意度", "85%", "调查"],
            ],
        )
    )
    task_rows = [["", task, content, a(units, 2), a(units, 2), "0.00"] for task, content, units in budget.tasks]
    tables.append(
        r.form(
            15,
            [
                ["部门（单位）整体支出绩效目标表", "", "", "", "", ""],
                [f"({year} 年度)", "", "", "", "", ""],
                ["部门（单位）名称", "", budget.department, "主管部门", budget.department, ""],
                ["年度主要任务", "任务名称", "主要内容", "预算金额（万元）", "", ""],
                ["", "", "", "总额", "财政拨款", "其他资金"],
                *task_rows,
                ["", "金额合计", "", a(total, 2), a(total, 2), "0.00"],
                ["年度总体目标", "<p>完成年度各项工作。</p>", "", "", "", ""],
                ["年度绩效指标", "一级指标", "二级指标", "三级指标", "目标值", ""],
                ["", "产出指标", "数量指标", "完成任务数", "5 项", ""],
                ["", "", "时效指标", "按时完成率", "98%", ""],
                ["", "满意度指标", "服务对象满意度指标", "群众满意度", "85%", ""],
            ],
        )
    )
    return "\n\n".join(tables) + "\n"


def generate(seed: int, *, layout: Layout | None = None, **budget_options: bool | str | int) -> str:
    """One synthetic disclosure, the same for the same seed and options. A corpus should name
    its departments (``department=``): random ones repeat, and a repeated department and year
    is a duplicate document."""
    rng = random.Random(seed)
    layout = layout or Layout(
        page_rows=rng.randint(6, 25), repeat_headers=rng.random() < 0.5, wrap_names=rng.random() < 0.3
    )
    budget = draw_budget(rng, decimals=layout.decimals, **budget_options)
    return render(budget, layout, rng)
