"""Reading published amounts: thousands separators, full-width digits, blanks and dashes."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from budget_warehouse.text import strip_markup

_DASHES = {"-", "—", "–", "－", "——", "―", "‐"}
_NUMBER = re.compile(r"^-?\d+(?:\.\d+)?$")


class NotANumber(ValueError):
    """The cell holds text where the template has an amount, or an amount the warehouse cannot
    store exactly."""


# Staging stores amounts in 万元 as DECIMAL(28,6), and never rounds: an amount is refused when
# converting it to 万元 would need more than 6 decimals, or more digits than any budget has.
STORED_DECIMALS = 6
MAX_INTEGER_DIGITS = 18
# How many decimals a unit's amounts gain on the way to 万元.
_DECIMALS_GAINED = {"元": 4, "万元": 0}


@dataclass(frozen=True)
class Amount:
    """A published amount, as a plain decimal string with the published number of decimals."""

    text: str
    decimals: int

    @property
    def value(self) -> Decimal:
        return Decimal(self.text)


@lru_cache(maxsize=1 << 16)
def parse_amount(cell: str, unit: str | None = None) -> Amount | None:
    """Parse one amount cell, published in ``unit`` (万元 if unknown).

    A blank cell is None (not published), which stays distinct from 0. A lone dash is how the
    template writes "nothing", so it reads as 0. Cached (an Amount is immutable; a refusal is
    raised anew each time): totals and zeros repeat throughout a document.
    """
    text = unicodedata.normalize("NFKC", strip_markup(cell)).strip()
    if text == "":
        return None
    if text in _DASHES:
        return Amount("0", 0)
    compact = text.replace(",", "").replace(" ", "")
    if not _NUMBER.match(compact):
        raise NotANumber(f"expected an amount, found {cell.strip()!r}")
    whole, _, fraction = compact.lstrip("-").partition(".")
    if len(whole.lstrip("0")) > MAX_INTEGER_DIGITS:
        raise NotANumber(f"{cell.strip()!r} has {len(whole.lstrip('0'))} digits: no budget amount is this large")
    allowed = STORED_DECIMALS - _DECIMALS_GAINED.get((unit or "万元").strip(), 0)
    if len(fraction) > allowed:
        raise NotANumber(
            f"{cell.strip()!r} has {len(fraction)} decimals: an amount in {unit or '万元'} may have at most "
            f"{allowed}, which are stored exactly in 万元 to {STORED_DECIMALS} decimals; the warehouse never rounds"
        )
    return Amount(compact, len(fraction))


# What a text layer interleaves with an amount when the label beside it runs into the amount's cell
# (其中：专项资金列入部门预 | 算0的.0项0 目 for 0.00): CJK characters, brackets and spaces.
_GLUED_LABEL = re.compile(r"[\u4e00-\u9fff（）()\s]")


def unglued_amount(cell: str) -> str | None:
    """The amount in a cell whose text layer interleaves it with the overflow of the label beside
    it (费0.00, 0设.0)0), or None where the cell holds anything else: what is left without the
    label's characters must be a decimal with a point, so a count (3项) or a note is never read."""
    text = unicodedata.normalize("NFKC", strip_markup(cell))
    left = _GLUED_LABEL.sub("", text)
    if left == text or not re.fullmatch(r"-?\d+\.\d+", left.replace(",", "")):
        return None
    return left


def is_amount(cell: str) -> bool:
    try:
        return parse_amount(cell) is not None
    except NotANumber:
        return False


def rounding_step(amounts: list[Amount]) -> Decimal:
    """The rounding step of a table's published amounts, in its own unit.

    The coarsest step among non-zero amounts is used: zeros are often written without
    decimals even in tables published to the cent, so they say nothing about rounding.
    """
    decimals = [amount.decimals for amount in amounts if amount.value != 0]
    return Decimal(1).scaleb(-min(decimals)) if decimals else Decimal(1)
