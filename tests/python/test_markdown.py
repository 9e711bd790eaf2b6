from budget_warehouse.markdown import parse_fragments

PAGES = """
表 4

## 基本支出预算表

单位名称：某局

单位：万元

| 支出项目类别 | 总计 |
|---|---|
| 某局 | 1 |

|  |  |
|--|--|
| 工资福利支出 | 1 |

表 4

## 基本支出预算表

| 支出项目类别 | 总计 |
|---|---|
| 基本工资 | 1 |

注：一条说明。
"""


def test_fragments_keep_pages_metadata_and_notes() -> None:
    fragments, preamble = parse_fragments(PAGES)
    assert preamble == []
    assert [f.table_number for f in fragments] == [4, 4]
    first, second = fragments
    assert (first.title, first.unit_name, first.unit) == ("基本支出预算表", "某局", "万元")
    # A blank line between pipe tables starts a new page, even without a new 表 marker.
    assert len(first.pages) == 2
    assert first.pages[1][0].is_blank
    assert [row.cells for row in first.pages[1][1:]] == [("工资福利支出", "1")]
    assert second.notes == [(26, "注：一条说明。")]


def test_separator_rows_are_dropped_and_cells_trimmed() -> None:
    fragments, _ = parse_fragments("表 1\n| a | b |\n|---|:--:|\n|  x  |y|\n")
    assert [row.cells for row in fragments[0].rows] == [("a", "b"), ("x", "y")]
    assert fragments[0].rows[1].line_number == 4
