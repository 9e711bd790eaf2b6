"""Every template the warehouse reads, and which one a document is.

A template is recognised from the document itself: markdown documents are the Shenzhen 15-table
budget; a PDF is matched against every PDF template by the table titles it prints, and the one
all of whose tables are found is used. To add a template, write its module (a
:class:`~budget_warehouse.national.templates.NationalTemplate` for a PDF set) and list it here.
"""

from __future__ import annotations

from pathlib import Path

from budget_warehouse.document import ExtractedDocument, extract_document
from budget_warehouse.national.document import extract_pdf
from budget_warehouse.national.templates import NATIONAL_BUDGET, NATIONAL_FINAL_ACCOUNT, NationalTemplate

MARKDOWN_SUFFIXES = (".txt", ".md")
PDF_SUFFIXES = (".pdf",)
DISCLOSURE_SUFFIXES = MARKDOWN_SUFFIXES + PDF_SUFFIXES

PDF_TEMPLATES: tuple[NationalTemplate, ...] = (NATIONAL_BUDGET, NATIONAL_FINAL_ACCOUNT)


def extract_any(path: Path, display_path: str | None = None) -> ExtractedDocument:
    """Extract one document with the template it matches; a mismatch names the closest one."""
    shown = Path(display_path) if display_path else path
    if path.suffix.lower() in PDF_SUFFIXES:
        return extract_pdf(path, shown, PDF_TEMPLATES)
    return extract_document(path, display_path)
