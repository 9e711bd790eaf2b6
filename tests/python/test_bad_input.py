"""Bad input fails with a message that names the file, table, row and column, and leaves the
published seeds as they were."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from budget_warehouse.cli import main
from budget_warehouse.document import extract_document
from budget_warehouse.records import ExtractedDocument
from conftest import SEED_DOCUMENT


def _mutate(text: str, old: str, new: str, count: int = 1) -> str:
    assert text.count(old) >= count, f"fixture text {old!r} not found"
    return text.replace(old, new, count)


def _drop_table(text: str, number: int) -> str:
    # Remove every fragment of the table: from its marker to the next marker.
    return re.sub(rf"\n表 ?{number}\n.*?(?=\n表 ?\d+\n)", "\n", text, flags=re.S)


def _drop_last_cell(text: str, first: str, last: str) -> str:
    """Cut the last column off a headerless continuation page, from the row starting with
    ``first`` to the one starting with ``last``, and off its blank header line."""
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith(first)) - 2
    end = next(i for i, line in enumerate(lines) if line.startswith(last))
    for index in range(start, end + 1):
        lines[index] = lines[index].rstrip().rstrip("|").rsplit("|", 1)[0] + "|"
    return "\n".join(lines)


CASES = {
    "unreadable number": (
        lambda t: _mutate(
            t,
            "| 20103   | 政府办公厅（室）及相关机构事务     |        | 2,236 |",
            "| 20103   | 政府办公厅（室）及相关机构事务     |        | 2,2X6 |",
        ),
        r"bad\.txt, 表7, row 3, line 220, column 基本支出: expected an amount, found '2,2X6'",
    ),
    "amount more precise than the warehouse stores": (
        lambda t: _mutate(
            t,
            "| 20103   | 政府办公厅（室）及相关机构事务     |        | 2,236 |",
            "| 20103   | 政府办公厅（室）及相关机构事务     |        | 30.00000001 |",
        ),
        r"bad\.txt, 表7, row 3, line 220, column 基本支出: '30\.00000001' has 8 decimals: an amount in 万元 may "
        r"have at most 6",
    ),
    "amount too large for any budget": (
        lambda t: _mutate(
            t,
            "| 20103   | 政府办公厅（室）及相关机构事务     |        | 2,236 |",
            "| 20103   | 政府办公厅（室）及相关机构事务     |        | 123456789012345678901234567890123456789 |",
        ),
        r"bad\.txt, 表7, row 3, line 220, column 基本支出: '1234567890\d+' has 39 digits",
    ),
    "missing table": (lambda t: _drop_table(t, 13), r"bad\.txt: missing required tables 表13"),
    "wrong title": (
        lambda t: _mutate(t, "## 部门支出预算总表", "## 部门支出总表"),
        r"bad\.txt, 表3, line \d+: expected the title '部门支出预算总表', found '部门支出总表'",
    ),
    "not a disclosure": (
        lambda t: "会议纪要\n\n今天开会。\n",
        r"bad\.txt: not a disclosure: no '表 N' table markers found",
    ),
    "unknown table number": (
        lambda t: t + "\n表 16\n\n## 附表\n",
        r"bad\.txt, line \d+: 表16 is not a table of the 15-table template",
    ),
    "page with too few columns": (
        lambda t: _drop_last_cell(t, "|  | A1022   |", "| 本表只反映"),
        r"bad\.txt, 表11: page at line 311 has 3 columns, the template expects 4 \(单位, 编号, 采购品目, 金额\)",
    ),
    "row with a missing cell": (
        lambda t: _mutate(t, "| 水费             | 5     |", "| 水费             |"),
        r"bad\.txt, 表4, row 14, line 110: row has 16 cells where its page has 17",
    ),
    "unmatched header label": (
        lambda t: _mutate(
            t,
            "| 单位              | 编号        | 采购品目     | 金额    |",
            "| 单位              | 编号        | 品目名称     | 金额    |",
        ),
        r"bad\.txt, 表11, column 采购品目: header has no column '采购品目'",
    ),
    "bad function code": (
        lambda t: _mutate(t, "|                 | 20805   |", "|                 | 208O5   |"),
        r"bad\.txt, 表7, row 8, line 225, column 科目编码: expected a 功能分类 code of 3, 5 or 7 digits, found '208O5'",
    ),
    "project items that do not add up": (
        lambda t: _mutate(t, "| 政务服务管理工作        | 822    |", "| 政务服务管理工作        | 922    |"),
        r"bad\.txt, 表5, row 2, line 139, column 总计: cannot split the rows into categories followed by items "
        r"that add up to them \(first category '履职类项目一般性项目', 总计 8121\)",
    ),
    "amount without a name": (
        lambda t: _mutate(t, "| 四、其他收入     |           |", "|            | 5         |"),
        r"bad\.txt, 表1, row 11, line 24, column revenue 项目: revenue amount 5 has no item name",
    ),
    "two department names": (
        lambda t: _mutate(
            t,
            "单位名称：深圳市龙华区政务服务数据管理局\n\n单位：万元\n\n| 预算单位            | 支出总计",
            "单位名称：深圳市龙华区某局\n\n单位：万元\n\n| 预算单位            | 支出总计",
        ),
        r"bad\.txt: expected one 单位名称 across the tables, "
        r"found \['深圳市龙华区政务服务数据管理局', '深圳市龙华区某局'\]",
    ),
}


@pytest.fixture
def published(tmp_path: Path) -> Path:
    """A seed folder as a previous good run left it."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "documents.csv").write_text("previous run\n", encoding="utf-8")
    return seeds


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_fails_precisely_and_writes_nothing(case: str, tmp_path: Path, published: Path, capsys) -> None:
    mutate, expected = CASES[case]
    folder = tmp_path / "disclosures"
    folder.mkdir()
    (folder / "bad.txt").write_text(mutate(SEED_DOCUMENT.read_text(encoding="utf-8")), encoding="utf-8")

    status = main(["extract", "--input", str(folder), "--output", str(published), "--no-progress"])

    error = capsys.readouterr().err
    assert status == 1
    assert re.search(expected, error), error
    assert [p.name for p in published.iterdir()] == ["documents.csv"]
    assert (published / "documents.csv").read_text(encoding="utf-8") == "previous run\n"


def test_duplicate_document_is_an_error(tmp_path: Path, published: Path, capsys) -> None:
    folder = tmp_path / "disclosures"
    folder.mkdir()
    text = SEED_DOCUMENT.read_text(encoding="utf-8")
    (folder / "a.txt").write_text(text, encoding="utf-8")
    (folder / "b.txt").write_text(text + "\n", encoding="utf-8")

    assert main(["extract", "--input", str(folder), "--output", str(published), "--no-progress"]) == 1
    error = capsys.readouterr().err
    assert "b.txt: duplicates a.txt: both are the 预算 of 深圳市龙华区政务服务数据管理局 for 2020" in error
    assert (published / "documents.csv").read_text(encoding="utf-8") == "previous run\n"


def test_non_utf8_file_is_an_error(tmp_path: Path, published: Path, capsys) -> None:
    folder = tmp_path / "disclosures"
    folder.mkdir()
    (folder / "gbk.txt").write_bytes("表 1\n部门收支预算总表".encode("gbk"))
    assert main(["extract", "--input", str(folder), "--output", str(published), "--no-progress"]) == 1
    assert "gbk.txt: cannot read as UTF-8 text" in capsys.readouterr().err


def test_good_input_replaces_the_seed_folder(tmp_path: Path, published: Path, capsys) -> None:
    folder = tmp_path / "disclosures"
    folder.mkdir()
    (folder / "good.txt").write_text(SEED_DOCUMENT.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["extract", "--input", str(folder), "--output", str(published), "--no-progress"]) == 0
    assert "extracted 1 documents, 15 tables" in capsys.readouterr().out
    assert (published / "table_cells.csv").exists()
    assert not list(published.parent.glob(".seeds.*"))


def _folder(tmp_path: Path, **files: str) -> Path:
    folder = tmp_path / "disclosures"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_every_file_is_read_refused_or_reported(tmp_path: Path, published: Path, seed_text: str, capsys) -> None:
    """B.TXT is read like a.txt (here it is a second copy of one document: refused as a duplicate,
    so it was read); hidden files, folders and other types are passed over with a warning."""
    folder = _folder(tmp_path, **{"a.txt": seed_text, ".a.txt.swp": "x", "notes.docx": "x"})
    (folder / "drafts").mkdir()
    assert main(["extract", "--input", str(folder), "--output", str(published), "--no-progress"]) == 0
    err = capsys.readouterr().err
    assert f"warning: {folder / '.a.txt.swp'}: hidden, not read" in err
    assert f"warning: {folder / 'notes.docx'}: not a disclosure" in err
    assert f"warning: {folder / 'drafts'}: a folder, not read" in err
    (folder / "B.TXT").write_text(seed_text, encoding="utf-8")
    assert main(["extract", "--input", str(folder), "--output", str(published), "--no-progress"]) == 1
    assert "a.txt: duplicates B.TXT" in capsys.readouterr().err


@pytest.mark.parametrize("link", ["outside", "dangling"])
def test_links_out_of_the_folder_or_to_nothing_are_refused_by_name(
    tmp_path: Path, published: Path, seed_text: str, link: str, capsys
) -> None:
    folder = _folder(tmp_path, **{"a.txt": seed_text})
    outside = tmp_path / "elsewhere.txt"
    if link == "outside":
        outside.write_text(seed_text.replace("2020", "2021"), encoding="utf-8")
    (folder / "b.txt").symlink_to(outside)
    assert main(["extract", "--input", str(folder), "--output", str(published), "--no-progress"]) == 1
    err = capsys.readouterr().err
    expected = "a link out of" if link == "outside" else "which does not exist"
    assert f"error: {folder / 'b.txt'}: " in err and expected in err
    assert (published / "documents.csv").read_text(encoding="utf-8") == "previous run\n"
    # With --skip-bad the link is quarantined and the good document goes on.
    assert (
        main(
            [
                "extract",
                "--input",
                str(folder),
                "--output",
                str(published),
                "--no-progress",
                "--skip-bad",
                "--quarantine-report",
                str(tmp_path / "q.csv"),
            ]
        )
        == 0
    )
    assert "b.txt" in (tmp_path / "q.csv").read_text(encoding="utf-8")


def test_marks_and_markup_are_read_through(seed_text: str, tmp_path: Path) -> None:
    """A byte-order mark before 表 1 (two files concatenated), <br> inside the department name and
    a Unicode line separator inside a cell are read as the plain document."""

    marked = seed_text.replace("表 1\n", "\ufeff表 1\n", 1)
    marked = marked.replace(
        "单位名称：深圳市龙华区政务服务数据管理局", "单位名称：深圳市龙华区<br>政务服务数据管理局", 1
    )
    marked = marked.replace("政府办公厅（室）及相关机构事务", "政府办公厅（室）\u2028及相关机构事务", 1)
    (tmp_path / "a.txt").write_text(marked, encoding="utf-8")
    read = extract_document(tmp_path / "a.txt")
    assert read.document["department_name"] == "深圳市龙华区政务服务数据管理局"
    _assert_same_rows_as_the_seed_document(read)


def test_every_markup_tag_is_removed_before_a_document_is_read(seed_text: str, tmp_path: Path) -> None:
    """The extractor is the one markup cleaner: every tag of MARKUP_TAGS, opening, closing or
    self-closing, in any case and spacing, is gone before a document is read, so the models'
    clean_text only trims (macros/text/clean_text.sql)."""
    from budget_warehouse.text import MARKUP_TAGS, strip_markup

    markup = "".join(f"<{tag}></{tag.upper()}>< {tag} /><{tag}/>" for tag in MARKUP_TAGS)
    assert strip_markup(f"a{markup}b") == "ab"
    name = "政府办公厅（室）及相关机构事务"
    assert name in seed_text
    (tmp_path / "a.txt").write_text(
        seed_text.replace(name, f"政府办公厅{markup}（室）及相关<strong>机构</strong>事务"), encoding="utf-8"
    )
    read = extract_document(tmp_path / "a.txt")
    _assert_same_rows_as_the_seed_document(read)


def test_the_committed_seeds_hold_no_markup() -> None:
    """What clean_text relies on: the seeds the extractor wrote carry none of its markup."""
    from budget_warehouse.text import strip_markup

    seeds = sorted((Path(__file__).resolve().parents[2] / "seeds").rglob("*.csv"))
    assert seeds
    for seed in seeds:
        text = seed.read_text(encoding="utf-8")
        assert strip_markup(text) == text.strip(), seed.name


def _assert_same_rows_as_the_seed_document(read: ExtractedDocument) -> None:
    """Every seed row of ``read`` equals the seed document's, its document_id (the file's hash) aside."""
    plain = extract_document(SEED_DOCUMENT)
    for seed, rows in plain.rows.items():
        if seed == "documents":
            continue
        assert [_without_id(row) for row in read.rows[seed]] == [_without_id(row) for row in rows], seed


def _without_id(row: dict[str, str | None]) -> dict[str, str | None]:
    return {key: value for key, value in row.items() if key != "document_id"}
