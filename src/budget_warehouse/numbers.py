"""Reading published amounts: thousands separators, full-width digits, blanks and dashes."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

_DASHES = {"-", "—", "–", "－", "——", "―", "‐"}
_NUMBER = re.compile(r"^-?\d+(?:\.\d+)?$")


class NotANumber(ValueError):
    """The cell holds text where the template has an amount."""


@dataclass(frozen=True)
class Amount:
    """A published amount, as a plain decimal string with the published number of decimals."""

    text: str
    decimals: int

    @property
    def value(self) -> Decimal:
        return Decimal(self.text)


def parse_amount(cell: str) -> Amount | None:
    """Parse one amount cell.

    A blank cell is None (not published), which stays distinct from 0. A lone dash is how the
    template writes "nothing", so it reads as 0.
    """
    text = unicodedata.normalize("NFKC", cell).strip()
    text = re.sub(r"</?\s*(?:br|p|b)\s*/?>", "", text, flags=re.IGNORECASE).strip()
    if text == "":
        return None
    if text in _DASHES:
        return Amount("0", 0)
    compact = text.replace(",", "").replace(" ", "")
    if not _NUMBER.match(compact):
        raise NotANumber(f"expected an amount, found {cell.strip()!r}")
    decimals = len(compact.split(".", 1)[1]) if "." in compact else 0
    return Amount(compact, decimals)


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
