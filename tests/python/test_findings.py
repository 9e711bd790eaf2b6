"""A finding prints whatever the identity compared, a blank published total included (a family
that leaves a row's total empty beside its parts): printing it must not stop the build."""

from __future__ import annotations

from decimal import Decimal

from budget_warehouse.warehouse import Finding


def test_a_finding_with_a_blank_published_figure_prints() -> None:
    finding = Finding(
        "central.pdf",
        "row__national_economic_total_equals_personnel_plus_public",
        "row",
        "表6 p.12 row 6: 310 资本性支出",
        None,
        Decimal("27.24"),
        None,
        Decimal("0.005"),
    )
    assert str(finding) == (
        "central.pdf: identity broken: row__national_economic_total_equals_personnel_plus_public: "
        "表6 p.12 row 6: 310 资本性支出: published blank against 27.24 万元 "
        "(difference blank, rounding allows 0.005)"
    )
