"""Documents laid out differently from the seed go through extraction and the whole build.

The variants come from the synthetic generator, which renders a consistent budget in the
template: different page breaks, continuation pages with and without repeated headers,
wrapped names, extra 经济分类 classes (303, 310), a non-empty 表8, two-decimal amounts, and
other departments and years. They are built together with the seed document in one run."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from benchmarks.synthetic import Layout, generate
from budget_warehouse.cli import main
from budget_warehouse.document import extract_document
from conftest import SEED_DOCUMENT, copy_project

VARIANTS = {
    "page_breaks": dict(layout=Layout(page_rows=5, repeat_headers=True)),
    "bare_continuations": dict(layout=Layout(page_rows=7, repeat_headers=False)),
    "extra_classes": dict(layout=Layout(page_rows=30), extra_classes=True),
    "government_fund": dict(layout=Layout(page_rows=12), government_fund=True),
    "two_decimals": dict(layout=Layout(page_rows=9, decimals=2, wrap_names=True)),
    "everything": dict(
        layout=Layout(page_rows=6, repeat_headers=False, decimals=2, wrap_names=True),
        government_fund=True,
        extra_classes=True,
    ),
}


def _text(name: str) -> str:
    index = sorted(VARIANTS).index(name)
    return generate(100 + index, department=f"深圳市龙华区变体{index}局", year=2021 + index, **VARIANTS[name])


def test_the_generator_is_deterministic() -> None:
    assert generate(7) == generate(7)
    assert generate(7) != generate(8)


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_variant_extracts_every_table(name: str, tmp_path: Path) -> None:
    path = tmp_path / f"{name}.txt"
    path.write_text(_text(name), encoding="utf-8")
    document = extract_document(path)
    manifest = {row["table_number"]: row for row in document.rows["document_tables"]}
    assert len(manifest) == 15
    layout = VARIANTS[name]["layout"]
    assert manifest["4"]["published_rounding_step"] == ("0.01" if layout.decimals == 2 else "1")
    # The unit total row of 表4 matches the sum of its 款 rows, page breaks notwithstanding.
    rows = document.tables["t04_basic_expenditure"]
    codes_seen = len(rows)
    assert codes_seen > 10
    if layout.page_rows < 10:
        assert int(manifest["4"]["page_count"]) > 1


@pytest.fixture(scope="module")
def variants_built(tmp_path_factory: pytest.TempPathFactory):
    documents = {f"{name}.txt": _text(name) for name in VARIANTS}
    documents[SEED_DOCUMENT.name] = SEED_DOCUMENT.read_text(encoding="utf-8")
    project = copy_project(tmp_path_factory.mktemp("variants"), documents)
    # Nothing here looks at publishing: the tests read the candidate, which holds the staging and
    # intermediate relations too.
    status = main(["build", "--project-dir", str(project), "--no-progress", "--no-publish"])
    assert status == 0
    with duckdb.connect(str(project / "build" / "warehouse.duckdb"), read_only=True) as connection:
        yield connection


def _document_id(connection, name: str) -> str:
    return connection.execute(
        "select document_id from marts.dim_document where source_file = ?", [f"{name}.txt"]
    ).fetchone()[0]


def test_every_variant_lands_with_its_identities_checked(variants_built) -> None:
    documents = variants_built.execute(
        "select count(*), count(distinct department_name) from marts.dim_document"
    ).fetchone()
    assert documents[0] == len(VARIANTS) + 1
    checks = variants_built.execute(
        """
        select
            document.source_file,
            count(*),
            count(*) filter (where identity.status = 'broken' and identity.severity = 'error')
        from marts.fct_identity_checks as identity
        inner join marts.dim_document as document using (document_id)
        group by document.source_file
        """
    ).fetchall()
    assert len(checks) == len(VARIANTS) + 1
    for source_file, instances, broken in checks:
        assert instances > 100, source_file
        assert broken == 0, source_file


def test_facts_reconcile_with_table_3_for_every_variant(variants_built) -> None:
    mismatches = variants_built.execute(
        """
        with functions as (
            select document_id, sum(basic_amount) as basic, sum(project_amount) as project
            from marts.fct_expenditure_by_function group by document_id
        )
        select summary.document_id
        from marts.fct_expenditure_summary as summary
        inner join functions using (document_id)
        where abs(summary.basic_amount - functions.basic) > 3 or abs(summary.project_amount - functions.project) > 3
        """
    ).fetchall()
    assert mismatches == []


def test_extra_economic_classes_resolve(variants_built) -> None:
    document = _document_id(variants_built, "extra_classes")
    classes = {
        row[0]
        for row in variants_built.execute(
            "select distinct substr(economic_code, 1, 3) "
            "from marts.fct_basic_expenditure_by_economic_class where document_id = ?",
            [document],
        ).fetchall()
    }
    assert {"303", "310"} <= classes


def test_government_fund_subjects_resolve_in_table_1(variants_built) -> None:
    document = _document_id(variants_built, "government_fund")
    fund_rows = variants_built.execute(
        "select count(*) from marts.fct_expenditure_by_function "
        "where document_id = ? and budget_type = 'government_fund_budget'",
        [document],
    ).fetchone()[0]
    assert fund_rows == 2
    resolved = variants_built.execute(
        "select function_code from intermediate.int_function_names_resolved where document_id = ? and table_number = 1",
        [document],
    ).fetchall()
    assert ("2120801",) in resolved and (None,) not in resolved


def test_two_decimal_amounts_keep_their_precision(variants_built) -> None:
    document = _document_id(variants_built, "two_decimals")
    steps = variants_built.execute(
        "select distinct rounding_step "
        "from staging.stg_disclosure__t07_general_public_budget_expenditure where document_id = ?",
        [document],
    ).fetchall()
    assert steps == [(Decimal("0.010000"),)]
