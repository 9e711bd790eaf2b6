"""Names printed without codes resolve to their 功能分类 / 经济分类 codes under the rows above
them (national/subject_names.py), as Hangzhou's tables print them."""

from __future__ import annotations

import csv
import io
from importlib import resources

import pytest

from budget_warehouse.national.subject_names import NamePath, SubjectNames, name_key, subject_names

FUNCTION = (3, 5, 7)


def _resolved(names: SubjectNames, rows: list[str], lengths: tuple[int, ...] = FUNCTION) -> list[str]:
    path = NamePath(names, lengths)
    return [path.resolve(name) for name in rows]


def test_hangzhou_rows_resolve_under_the_rows_above_them() -> None:
    # 表5 of 杭州市公安局's 2026 budget, p.26, in its printed order: 其他一般公共服务支出 is a 款 and
    # then its own 项; 行政运行 is a 项 of every 款.
    rows = [
        "一般公共服务支出",
        "其他一般公共服务支出",
        "其他一般公共服务支出",
        "公共安全支出",
        "公安",
        "行政运行",
        "执法办案",
        "其他公安支出",
        "社会保障和就业支出",
        "行政事业单位养老支出",
        "机关事业单位基本养老保险缴费支出",
        "卫生健康支出",
        "行政事业单位医疗",
        "事业单位医疗",
    ]
    assert _resolved(subject_names("function"), rows) == [
        "201",
        "20199",
        "2019999",
        "204",
        "20402",
        "2040201",
        "2040220",
        "2040299",
        "208",
        "20805",
        "2080505",
        "210",
        "21011",
        "2101102",
    ]


def test_the_classifications_numbering_places_items_the_reference_has_not_seen() -> None:
    names = SubjectNames.of([("204", "公共安全支出"), ("20402", "公安"), ("20499", "其他公共安全支出")])
    rows = ["公共安全支出", "公安", "事业运行", "一般行政管理事务", "其他公安支出", "其他公共安全支出"]
    # 事业运行 is 50 and 一般行政管理事务 02 under any 款; 其他公安支出 is 公安's 99; the 类's own
    # 其他 is the reference's 20499, not a 项 of 公安
    assert _resolved(names, rows) == ["204", "20402", "2040250", "2040202", "2040299", "20499"]


def test_an_unknown_or_ambiguous_name_is_not_resolved() -> None:
    names = SubjectNames.of([("201", "一般公共服务支出"), ("20101", "人大事务"), ("20102", "人大事务")])
    assert _resolved(names, ["一般公共服务支出", "社会工作事务"]) == ["201", ""]
    assert _resolved(names, ["一般公共服务支出", "人大事务"]) == ["201", ""]
    # a generic 项 has no 款 to number under
    assert _resolved(names, ["行政运行"]) == [""]


def test_economic_items_are_leaves_under_their_class() -> None:
    rows = ["工资福利支出", "基本工资", "奖金", "商品和服务支出", "维修（护）费", "对个人和家庭的补助", "退休费"]
    assert _resolved(subject_names("economic"), rows, (3, 5)) == [
        "301",
        "30101",
        "30103",
        "302",
        "30213",
        "303",
        "30302",
    ]


@pytest.mark.parametrize("printed", ["维修(护)费", "维修（护）费", "维修护费()", " 维修 (护) 费"])
def test_brackets_spaces_and_full_width_forms_are_one_name(printed: str) -> None:
    assert name_key(printed) == "维修护费"


@pytest.mark.parametrize("classification", ["function", "economic"])
def test_the_packaged_reference_is_well_formed(classification: str) -> None:
    source = resources.files("budget_warehouse").joinpath("classifications", f"{classification}_subjects.csv")
    rows = list(csv.DictReader(io.StringIO(source.read_text(encoding="utf-8"), newline="")))
    leading, lengths = {"function": ("2", (3, 5, 7)), "economic": ("3", (3, 5))}[classification]
    codes = {row["code"] for row in rows}
    for row in rows:
        assert row["code"].startswith(leading) and len(row["code"]) in lengths, row
        assert row["name"] and row["name"] == row["name"].strip(), row
        # every code's 类 is in the reference too (a 款 may not be: Beijing's files print 项 rows
        # only, and a 项 under an unseen 款 is reached by its printed code, never by name)
        assert row["code"][:3] in codes, row
