"""Change a printed number in a copy of a real PDF, in its content stream, as an editor would.

The Shanghai PDFs draw each digit as one glyph of a subset font, so a number is found by the
glyph codes of its characters. The codes are learned from the page itself: pdfminer tells which
code each character it reads was drawn with.
"""

from __future__ import annotations

import re
from pathlib import Path

import pikepdf
from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LAParams
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage


class _CodeRecorder(PDFPageAggregator):
    """Remembers the glyph code of every character it is asked to draw."""

    def __init__(self, manager: PDFResourceManager) -> None:
        super().__init__(manager, laparams=LAParams())
        self.codes: dict[str, int] = {}

    def render_char(self, matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate):  # type: ignore[no-untyped-def]
        width = super().render_char(matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate)
        text = font.to_unichr(cid) if hasattr(font, "to_unichr") else ""
        if text and text in "0123456789.,":
            self.codes.setdefault(text, cid)
        return width


def glyph_codes(pdf: Path, page_number: int) -> dict[str, int]:
    """Character → glyph code of the page's characters (digits and the decimal point)."""
    with pdf.open("rb") as handle:
        manager = PDFResourceManager()
        device = _CodeRecorder(manager)
        interpreter = PDFPageInterpreter(manager, device)
        for number, page in enumerate(PDFPage.get_pages(handle), start=1):
            if number == page_number:
                interpreter.process_page(page)
                return device.codes
    raise ValueError(f"{pdf} has no page {page_number}")


def _shown(text: str, codes: dict[str, int]) -> bytes:
    """The content-stream pattern drawing ``text`` one glyph per Tj, with any positioning between."""
    glyphs = [re.escape(f"<{codes[c]:04X}>Tj".encode()) for c in text]
    return rb"[^<]*".join(glyphs)


def _drawn_whole(text: str, codes: dict[str, int]) -> bytes:
    """The pattern of ``text`` drawn as one literal string of two-byte glyph codes, (…)Tj: how
    Xi'an's PDFs draw each cell."""
    return re.escape(b"".join(codes[c].to_bytes(2, "big") for c in text))


def replace_number(source: Path, target: Path, page_number: int, old: str, new: str, occurrence: int = 0) -> None:
    """Copy ``source`` to ``target`` with one occurrence of ``old`` on the page (the first drawn,
    or ``occurrence``) drawn as ``new``: same length, so the layout is unchanged. A number is
    found drawn a glyph per Tj (Shanghai) or as one string of glyph codes (Xi'an)."""
    assert len(old) == len(new)
    codes = glyph_codes(source, page_number)
    with pikepdf.open(source) as pdf:
        page = pdf.pages[page_number - 1]
        streams = page.obj.Contents if isinstance(page.obj.Contents, pikepdf.Array) else [page.obj.Contents]
        texts = [stream.read_bytes() for stream in streams]
        found: list[tuple[int, re.Match[bytes]]] = []
        drawn = _glyph_per_tj
        for shown, redraw in ((_shown, _glyph_per_tj), (_drawn_whole, _whole_string)):
            pattern = re.compile(shown(old, codes))
            found = [(index, match) for index, data in enumerate(texts) for match in pattern.finditer(data)]
            if found:
                drawn = redraw
                break
        if len(found) <= occurrence:
            raise AssertionError(
                f"{old!r} is drawn {len(found)} times on page {page_number}; wanted occurrence {occurrence}"
            )
        index, match = found[occurrence]
        data = texts[index]
        piece = drawn(match.group(0), old, new, codes)
        streams[index].write(data[: match.start()] + piece + data[match.end() :])
        pdf.save(target)


def _glyph_per_tj(piece: bytes, old: str, new: str, codes: dict[str, int]) -> bytes:
    # the first character that differs, redrawn
    for old_char, new_char in zip(old, new, strict=True):
        if old_char != new_char:
            before = f"<{codes[old_char]:04X}>Tj".encode()
            after = f"<{codes[new_char]:04X}>Tj".encode()
            return piece.replace(before, after, 1)
    return piece


def _whole_string(piece: bytes, old: str, new: str, codes: dict[str, int]) -> bytes:
    return b"".join(codes[c].to_bytes(2, "big") for c in new)


def blank_numbers(source: Path, target: Path) -> None:
    """A copy with every digit and decimal point erased: the blank template a publisher fills in."""
    with pikepdf.open(source) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            codes = glyph_codes(source, number)
            streams = page.obj.Contents if isinstance(page.obj.Contents, pikepdf.Array) else [page.obj.Contents]
            for stream in streams:
                data = stream.read_bytes()
                for code in codes.values():
                    data = data.replace(f"<{code:04X}>Tj".encode(), b"")
                stream.write(data)
        pdf.save(target)


def without_page(source: Path, target: Path, page_number: int) -> None:
    with pikepdf.open(source) as pdf:
        del pdf.pages[page_number - 1]
        pdf.save(target)


def encrypted(source: Path, target: Path) -> None:
    with pikepdf.open(source) as pdf:
        pdf.save(target, encryption=pikepdf.Encryption(owner="owner", user="reader"))


def scanned(target: Path, pages: int = 3) -> None:
    """A PDF of pages with no text layer, as a scanner makes them."""
    with pikepdf.new() as pdf:
        for _ in range(pages):
            pdf.add_blank_page(page_size=(595, 842))
        pdf.save(target)
