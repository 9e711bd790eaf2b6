"""Tests of the identity tests: perturb copies of the seed document and build.

A change that rounding cannot explain must fail the build and name the broken identity and
the document; a change that rounding can explain must pass. Every family is mutated. All
mutated documents of one outcome go through a single build, as distinct departments, which
also shows that one set-based test covers many documents: the strict build of the broken ones
beside a clean one, and the default build of the same documents together with the changes that
rounding explains (it publishes every one of them)."""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import pytest

from budget_warehouse.cli import main
from conftest import SEED_DOCUMENT, copy_project

DEPARTMENT = "深圳市龙华区政务服务数据管理局"


def _document(department: str, *replacements: tuple[str, str]) -> str:
    text = SEED_DOCUMENT.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    return text.replace(DEPARTMENT, department)


# Each mutation: (department, the identity it must break, replacements). Line numbers refer to
# the seed document.
BREAKING = {
    "hierarchy": (
        "深圳市测试层级局",
        "hierarchy__t07_function_subjects",
        # 表7 line 222: 2010302 一般行政管理事务 project spending 2,333 -> 2,433.
        [
            (
                "| 2010302 | 一般行政管理事务            |        |       | 2,333  |",
                "| 2010302 | 一般行政管理事务            |        |       | 2,433  |",
            )
        ],
    ),
    "balance": (
        "深圳市测试平衡局",
        "balance__t01_revenue_total_equals_expenditure_total",
        # 表1 line 52: 收入总计 17,109 -> 17,209.
        [
            (
                "| 收入总计        | 17,109    | 支出总计 | 17,109    |",
                "| 收入总计        | 17,209    | 支出总计 | 17,109    |",
            )
        ],
    ),
    "row": (
        "深圳市测试行局",
        "row__t12_total_equals_its_three_parts",
        # 表12 line 334: this year's “三公” total 29 -> 39, its parts unchanged.
        [("| 2020 | 29                     |", "| 2020 | 39                     |")],
    ),
    "cross_table": (
        "深圳市测试跨表局",
        "cross_table__t14_project_amount_equals_t13",
        # 表14 line 388: 本年度项目金额 3,600,900 元 -> 4,600,900 元, against 360 万元 in 表13.
        [("| 本年度项目金额（元）  | 3,600,900       |", "| 本年度项目金额（元）  | 4,600,900       |")],
    ),
}
CLEAN_DEPARTMENT = "深圳市测试无误局"
ROUNDING_DEPARTMENT = "深圳市测试舍入局"
SOFT_DEPARTMENT = "深圳市测试软关系局"
# Changes that rounding explains, or that only a soft relation sees: they pass.
WITHIN_ROUNDING = {
    # 2,333 -> 2,334: 20103's children now add up to 8,032 against 8,031, within rounding.
    "rounding.txt": (
        ROUNDING_DEPARTMENT,
        [
            (
                "| 2010302 | 一般行政管理事务            |        |       | 2,333  |",
                "| 2010302 | 一般行政管理事务            |        |       | 2,334  |",
            )
        ],
    ),
    # Move 13 万元 from 住房公积金 to 购房补贴 consistently in 表1, 表6 and 表7: every identity
    # still holds, but 表4's 30113 住房公积金 (113) no longer matches 2210201 (100), a soft relation.
    "soft.txt": (
        SOFT_DEPARTMENT,
        [
            (
                "|           | 住房公积金               | 113       |",
                "|           | 住房公积金               | 100       |",
            ),
            (
                "|           | 购房补贴                | 87        |",
                "|           | 购房补贴                | 100       |",
            ),
            ("| 2210201 | 住房公积金 |      | 113  |", "| 2210201 | 住房公积金 |      | 100  |"),
            ("| 2210203 | 购房补贴  |      | 87   |", "| 2210203 | 购房补贴  |      | 100  |"),
        ],
    ),
}


def _document_ids(project: Path) -> dict[str, str]:
    with (project / "seeds" / "disclosure" / "documents.csv").open(encoding="utf-8") as handle:
        return {row["department_name"]: row["document_id"] for row in csv.DictReader(handle)}


def _build_mutated(scratch: Path, *options: str, within_rounding: bool = False) -> tuple[Path, int]:
    """Every broken document beside the clean one (and, ``within_rounding``, the documents whose
    changes rounding explains), built with ``options``."""
    documents = {
        f"{family}.txt": _document(department, *changes) for family, (department, _, changes) in BREAKING.items()
    }
    documents["clean.txt"] = _document(CLEAN_DEPARTMENT)
    if within_rounding:
        documents |= {name: _document(department, *changes) for name, (department, changes) in WITHIN_ROUNDING.items()}
    project = copy_project(scratch, documents)
    return project, main(["build", "--project-dir", str(project), "--no-progress", *options])


@pytest.fixture(scope="module")
def broken_build(tmp_path_factory: pytest.TempPathFactory):
    # Strict: a department checking its own documents wants the build to fail on a broken identity.
    return _build_mutated(tmp_path_factory.mktemp("broken"), "--strict")


@pytest.fixture(scope="module")
def flagged_build(tmp_path_factory: pytest.TempPathFactory):
    """The same documents without --strict, and those whose changes rounding explains: every
    document is published, the broken ones flagged."""
    return _build_mutated(tmp_path_factory.mktemp("flagged"), within_rounding=True)


def test_by_default_every_document_is_published_and_the_broken_ones_flagged(flagged_build) -> None:
    project, status = flagged_build
    assert status == 0
    with duckdb.connect(str(project / "warehouse.duckdb"), read_only=True) as connection:
        flags = dict(connection.execute("select department_name, identity_status from marts.dim_document").fetchall())
        broken = {
            (department, identity)
            for department, identity in connection.execute(
                "select department_name, identity_name from marts.fct_identity_checks "
                "inner join marts.dim_document using (document_id) where status = 'broken'"
            ).fetchall()
        }
    assert flags == {
        **{department: "broken" for department, _, _ in BREAKING.values()},
        CLEAN_DEPARTMENT: "holds",
        ROUNDING_DEPARTMENT: "holds",
        SOFT_DEPARTMENT: "holds",
    }
    for department, identity, _ in BREAKING.values():
        assert (department, identity) in broken


def _failures(project: Path, identity: str) -> list[tuple[str, str, str]]:
    """The failing rows the identity's family test stored, for this identity."""
    family = identity.split("__")[0]
    with duckdb.connect(str(project / "build" / "warehouse.duckdb"), read_only=True) as connection:
        return connection.execute(
            f"select document_id, subject, status from test_failures.identities_hold_int_{family}_identities_checked_ "
            "where identity_name = ?",
            [identity],
        ).fetchall()


def test_a_broken_identity_fails_the_build_and_keeps_nothing(broken_build) -> None:
    project, status = broken_build
    assert status == 1
    assert not (project / "warehouse.duckdb").exists()


@pytest.mark.parametrize("family", sorted(BREAKING))
def test_each_family_names_the_broken_identity_and_document(broken_build, family: str) -> None:
    project, _ = broken_build
    department, identity, _ = BREAKING[family]
    documents = _document_ids(project)
    failing = {document for document, _, status in _failures(project, identity) if status == "broken"}
    assert documents[department] in failing
    assert documents[CLEAN_DEPARTMENT] not in failing


def test_the_hierarchy_failure_names_the_parent(broken_build) -> None:
    project, _ = broken_build
    documents = _document_ids(project)
    subjects = {
        subject
        for document, subject, _ in _failures(project, "hierarchy__t07_function_subjects")
        if document == documents[BREAKING["hierarchy"][0]]
    }
    assert subjects == {"20103 政府办公厅（室）及相关机构事务"}


def test_the_clean_document_breaks_nothing(broken_build) -> None:
    project, _ = broken_build
    clean = _document_ids(project)[CLEAN_DEPARTMENT]
    with duckdb.connect(str(project / "build" / "warehouse.duckdb"), read_only=True) as connection:
        stored = connection.execute(
            "select table_name from duckdb_columns() "
            "where schema_name = 'test_failures' and column_name = 'document_id'"
        ).fetchall()
        hits = [
            name
            for (name,) in stored
            if connection.execute(
                f"select count(*) from test_failures.{name} where document_id = ?", [clean]
            ).fetchone()[0]
        ]
    assert hits == []


def test_changes_within_rounding_pass_and_are_reported(flagged_build) -> None:
    # Built beside the broken documents: these documents, and the clean one, break nothing.
    project, status = flagged_build
    assert status == 0
    documents = _document_ids(project)
    passing = [documents[department] for department in (ROUNDING_DEPARTMENT, SOFT_DEPARTMENT, CLEAN_DEPARTMENT)]
    with duckdb.connect(str(project / "warehouse.duckdb"), read_only=True) as connection:
        statuses = connection.execute(
            """
            select identity_name, subject, measure, difference, tolerance, status
            from marts.fct_identity_checks
            where document_id = ? and identity_name = 'hierarchy__t07_function_subjects' and subject like '20103 %'
            """,
            [documents[ROUNDING_DEPARTMENT]],
        ).fetchall()
        soft = connection.execute(
            "select status, severity from marts.fct_identity_checks where document_id = ? and family = 'soft' "
            "and identity_name = 'soft__t04_housing_fund_matches_t07_2210201'",
            [documents[SOFT_DEPARTMENT]],
        ).fetchall()
        broken_errors = connection.execute(
            "select count(*) from marts.fct_identity_checks where status = 'broken' and severity = 'error'"
            " and document_id in (?, ?, ?)",
            passing,
        ).fetchone()
        broken_elsewhere = connection.execute(
            "select count(*) from marts.fct_identity_checks where status = 'broken' and family != 'soft'"
            " and document_id in (?, ?, ?)",
            passing,
        ).fetchone()
    assert ("hierarchy__t07_function_subjects", "20103 政府办公厅（室）及相关机构事务", "project_amount") in [
        row[:3] for row in statuses if row[5] == "rounding"
    ]
    assert soft == [("differs", "warn")]
    assert broken_errors == (0,)
    assert broken_elsewhere == (0,)


def test_seed_document_reports_the_t03_rounding_case(warehouse) -> None:
    row = warehouse.execute(
        """
        select expected, actual, difference, tolerance, status
        from marts.fct_identity_checks
        where identity_name = 'row__t03_total_equals_basic_plus_project'
        """
    ).fetchall()
    assert [tuple(str(v) for v in r) for r in row] == [
        ("17109.000000", "17110.000000", "1.000000", "1.500000", "rounding")
    ]
    assert warehouse.execute(
        "select count(*) from marts.fct_identity_checks where status = 'broken' and family != 'soft'"
    ).fetchone() == (0,)
