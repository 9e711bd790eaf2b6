"""Text normalisation: what every reader of a document removes before reading it (markup the
converter leaves, invisible marks), and the keys used to *match* labels."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# The converter's markup, in one place: lines_of removes it from every line of a document before
# it is read, so no seed holds any and the models' clean_text needs no list of its own.
MARKUP_TAGS = ("br", "p", "b", "strong", "span")
_TAG = re.compile(r"</?\s*(?:" + "|".join(MARKUP_TAGS) + r")\s*/?>", re.IGNORECASE)
# Byte-order marks (also mid-file, where two files were concatenated), zero-width characters, and
# the Unicode line and paragraph separators, which editors do not show as line breaks: inside a
# line they are in-cell wraps, like <br>.
_INVISIBLE = re.compile("[\ufeff\u200b\u200c\u200d\u2060\u2028\u2029\x85]")
_NOISE = re.compile(r"[\s、“”\"‘’'：:]")


def lines_of(text: str) -> list[str]:
    """A document's lines as an editor numbers them (at \\n only, not at the Unicode separators
    str.splitlines also breaks at), each without markup or invisible characters."""
    return [_TAG.sub("", _INVISIBLE.sub("", line)).rstrip("\r") for line in text.split("\n")]


def strip_markup(cell: str) -> str:
    """Drop the HTML tags the PDF converter leaves inside cells (MARKUP_TAGS)."""
    return _TAG.sub("", cell).strip()


@lru_cache(maxsize=1 << 16)
def normalise_label(cell: str) -> str:
    """Reduce a header or label cell to a comparison key.

    NFKC folds full-width brackets and digits; whitespace, enumeration commas and quotes are
    dropped because the converter inserts and loses them at line wraps. Cached: a corpus
    repeats the same few thousand labels in every document, and this ran once a cell.
    """
    folded = unicodedata.normalize("NFKC", strip_markup(cell))
    return _NOISE.sub("", folded)
