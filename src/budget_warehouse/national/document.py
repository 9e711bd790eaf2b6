"""One PDF into seed records: which table family it is, what it says about itself, and every cell
of the family's tables it prints."""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

from budget_warehouse.cells import TABLE_CELLS
from budget_warehouse.errors import ExtractionError
from budget_warehouse.narrative.claims import CLAIM_SEED, ProseLine, claim_records, read_claims
from budget_warehouse.national.families import Family
from budget_warehouse.national.grids import PLACEHOLDER, ParsedGrids, is_column_number_row
from budget_warehouse.national.templates import (
    LocatedTable,
    document_facts,
    locate,
    parse_table,
    seed_records,
    table_notes,
    table_unit,
)
from budget_warehouse.numbers import is_amount, rounding_step
from budget_warehouse.pdf import Grid, Page, read_pdf
from budget_warehouse.records import DocumentIdentity, ExtractedDocument, Record


def choose_family(
    path: Path, pages: list[Page], families: tuple[Family, ...]
) -> tuple[Family, dict[int, LocatedTable]]:
    """The family all of whose required tables the document prints, the one with most tables
    found where several do; else an error naming the closest and the required tables it lacks."""
    if sum(page.char_count for page in pages) == 0:
        raise ExtractionError(path, "no text layer: the PDF is a scan (images only); OCR is not supported")
    located = [(family, locate(family, pages)) for family in families]

    def rank(pair: tuple[Family, dict[int, LocatedTable]]) -> tuple[bool, int]:
        family, found = pair
        return all(t.number in found for t in family.required), len(found)

    best, found = max(located, key=rank)  # max keeps the first of equals: the families' file order
    missing = [f"{t.number}. {t.title}" for t in best.required if t.number not in found]
    if not missing:
        return best, found
    textless = [page.number for page in pages if page.char_count == 0]
    hint = f"; pages {textless} have no text layer (scanned?)" if textless else ""
    raise ExtractionError(
        path,
        f"matches no table family: closest is {best.name}, the {best.description} ({len(found)} of "
        f"{len(best.tables)} tables found), missing the required {', '.join(missing)}{hint}",
    )


def _refuse_blank(path: Path, family: Family, grids: list[Grid]) -> None:
    """A blank template prints every table with XX placeholders, or no numbers at all. Checked
    before the tables are read, since a blank table has no codes to tell its header from its body."""
    cells = [cell for grid in grids for row in grid.cells if not is_column_number_row(row) for cell in row]
    placeholders = sum(1 for cell in cells if PLACEHOLDER.match(cell))
    amounts = sum(1 for cell in cells if is_amount(cell))
    if amounts == 0:
        detail = f" ({placeholders} XX placeholders)" if placeholders else ""
        raise ExtractionError(
            path, f"a blank {family.description}: every table is found but no cell holds a number{detail}"
        )
    if placeholders:
        raise ExtractionError(
            path, f"{placeholders} cells hold XX placeholders instead of numbers: a template that was not filled in"
        )


def extract_pdf(path: Path, shown: Path, families: tuple[Family, ...]) -> ExtractedDocument:
    raw = path.read_bytes()
    pages = read_pdf(path, shown)
    family, found = choose_family(shown, pages, families)
    _refuse_blank(shown, family, [grid for located in found.values() for grid in located.grids])
    parsed_tables = {number: parse_table(shown, family, found[number]) for number in sorted(found)}
    facts = document_facts(shown, family, pages, found)
    digest = hashlib.sha256(raw).hexdigest()
    identity = DocumentIdentity(
        document_id=digest[:16],
        department_name=facts.department_name,
        fiscal_year=facts.fiscal_year,
        phase=family.phase,
        scope=facts.scope,
        revision=0,
    )
    key = identity.key()
    extracted = ExtractedDocument(path=shown, document={}, identity=identity)
    extracted.rows = {"documents": [], "document_tables": [], "document_notes": [], TABLE_CELLS: []}
    units: Counter[str] = Counter()
    for number in sorted(found):
        units[_add_table(extracted, family, key, found[number], parsed_tables[number])] += 1
    extracted.document = {
        **identity.record(),
        "is_current": "true",
        "superseded_by_document_id": None,
        "source_file": shown.name,
        "source_sha256": digest,
        "table_count": str(len(found)),
        "template": family.name,
        "published_unit": units.most_common(1)[0][0],
        "page_count": str(len(pages)),
    }
    extracted.rows["documents"] = [extracted.document]
    extracted.rows["document_notes"] += _absent_tables(family, found, identity.document_id)
    prose = (ProseLine(page.number, None, text) for page in pages for text in page.prose)
    extracted.rows[CLAIM_SEED] = claim_records(identity.document_id, read_claims(prose))
    return extracted


def _add_table(
    extracted: ExtractedDocument, family: Family, key: Record, located: LocatedTable, parsed: ParsedGrids
) -> str:
    """One table's cells, manifest row, notes and warnings added to ``extracted``; its unit."""
    unit = table_unit(located)
    if unit is None:
        unit = family.default_unit
        extracted.warnings.append(
            f"{extracted.path}: page {located.pages[0]}, {located.table.title}: no '单位：' line; read as {unit}"
        )
    published_rounding_step = str(rounding_step(parsed.amounts))
    for record in parsed.records:
        if record.get("figure_kind") is None:
            record["figure_kind"] = "budget" if family.phase == "预算" else "actual"
    extracted.rows[TABLE_CELLS].extend(
        seed_records(parsed.records, key, located.table, located.title_line, unit, published_rounding_step)
    )
    extracted.warnings.extend(parsed.warnings)
    document_id, number = key["document_id"], str(located.table.number)
    extracted.rows["document_tables"].append(
        {
            "document_id": document_id,
            "table_number": number,
            "seed_name": TABLE_CELLS,
            "table_title": located.title_line,
            "published_unit": unit,
            "published_rounding_step": published_rounding_step,
            "page_count": str(len(located.pages)),
            "row_count": str(len({(r["page_number"], r["source_row_number"]) for r in parsed.records})),
            "source_line_number": None,
            "table_key": located.table.concept,
            "page_number": str(located.pages[0]),
        }
    )
    extracted.rows["document_notes"] += [
        {
            "document_id": document_id,
            "table_number": number,
            "source_line_number": None,
            "note_text": note,
            "page_number": str(page_number),
        }
        for page_number, note in table_notes(located)
    ]
    return unit


def _absent_tables(family: Family, found: dict[int, LocatedTable], document_id: str) -> list[Record]:
    """An optional table the document leaves out (a department with no 国有资本经营 spending prints
    none) is a note on the document, not a refusal."""
    return [
        {
            "document_id": document_id,
            "table_number": str(table.number),
            "source_line_number": None,
            "note_text": f"not printed: {table.title} (optional in the {family.name} family)",
            "page_number": None,
        }
        for table in family.tables
        if table.number not in found
    ]
