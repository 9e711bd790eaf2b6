"""Text normalisation used to *match* labels. Stored text is never normalised here."""

from __future__ import annotations

import re
import unicodedata

_TAG = re.compile(r"</?\s*(?:br|p|b|strong|span)\s*/?>", re.IGNORECASE)
_NOISE = re.compile(r"[\s、“”\"‘’'：:]")


def strip_markup(cell: str) -> str:
    """Drop the HTML tags the PDF converter leaves inside cells (<br>, <p>, <b>)."""
    return _TAG.sub("", cell).strip()


def normalise_label(cell: str) -> str:
    """Reduce a header or label cell to a comparison key.

    NFKC folds full-width brackets and digits; whitespace, enumeration commas and quotes are
    dropped because the converter inserts and loses them at line wraps.
    """
    folded = unicodedata.normalize("NFKC", strip_markup(cell))
    return _NOISE.sub("", folded)
