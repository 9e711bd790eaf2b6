"""Every template the warehouse reads, and which one a document is.

A template is recognised from the document itself: markdown documents are the Shenzhen 15-table
budget; a PDF is matched against every table family (``budget_warehouse/families/*.toml``) by
the table titles it prints. To add a PDF family, add its file there (README, "Adding a family").
"""

from __future__ import annotations

from pathlib import Path

from budget_warehouse.document import extract_document
from budget_warehouse.national.document import extract_pdf
from budget_warehouse.national.families import load_families
from budget_warehouse.records import ExtractedDocument

MARKDOWN_SUFFIXES = (".txt", ".md")
PDF_SUFFIXES = (".pdf",)
DISCLOSURE_SUFFIXES = MARKDOWN_SUFFIXES + PDF_SUFFIXES


def extract_any(path: Path, display_path: str | None = None) -> ExtractedDocument:
    """Extract one document with the template it matches; a mismatch names the closest one."""
    shown = Path(display_path) if display_path else path
    if path.suffix.lower() in PDF_SUFFIXES:
        return extract_pdf(path, shown, load_families())
    return extract_document(path, display_path)
