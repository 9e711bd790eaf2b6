from decimal import Decimal

import pytest

from budget_warehouse.numbers import NotANumber, parse_amount, unglued_amount


@pytest.mark.parametrize(
    ("cell", "text", "decimals"),
    [
        ("17,109", "17109", 0),
        ("1,555.01", "1555.01", 2),
        ("17,109.00", "17109.00", 2),
        ("０", "0", 0),
        ("１２，３４５", "12345", 0),
        (" 30 ", "30", 0),
        ("-", "0", 0),
        ("—", "0", 0),
        ("-12.5", "-12.5", 1),
    ],
)
def test_published_amounts_normalise(cell: str, text: str, decimals: int) -> None:
    amount = parse_amount(cell)
    assert amount is not None
    assert (amount.text, amount.decimals) == (text, decimals)


def test_blank_is_not_zero() -> None:
    assert parse_amount("") is None
    assert parse_amount("   ") is None
    assert parse_amount("0").value == Decimal(0)


@pytest.mark.parametrize("cell", ["17,1O9", "5 万条", "n/a", "1.2.3"])
def test_text_in_an_amount_cell_is_an_error(cell: str) -> None:
    with pytest.raises(NotANumber, match="expected an amount"):
        parse_amount(cell)


@pytest.mark.parametrize(
    ("cell", "amount"),
    [
        # Xi'an 气象局 2022 表1 p.18: the label beside each cell runs into it in the text layer
        ("算0的.0项0 目", "0.00"),
        ("费0.00", "0.00"),
        ("0设.0)0", "0.00"),
        ("助1839311.66", "1839311.66"),
        ("出 1090.22", "1090.22"),
        # nothing else is read as an amount: a count, a note, a bare integer, an amount already clean
        ("3项", None),
        ("详见附表1", None),
        ("合计", None),
        ("0.00", None),
    ],
)
def test_an_amount_glued_to_its_label_s_overflow(cell: str, amount: str | None) -> None:
    assert unglued_amount(cell) == amount
