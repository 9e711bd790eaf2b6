"""Turn one disclosure file into seed records for every table, plus its identity."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from budget_warehouse.cells import TABLE_CELLS, row_cells
from budget_warehouse.errors import ExtractionError
from budget_warehouse.markdown import Fragment, parse_fragments
from budget_warehouse.narrative.claims import CLAIM_SEED, ProseLine, claim_records, read_claims
from budget_warehouse.records import DocumentIdentity, ExtractedDocument, Record
from budget_warehouse.registry import BY_NUMBER, TABLES, TEMPLATE_NAME, TableKind
from budget_warehouse.tables.base import ParsedTable, TableSource
from budget_warehouse.tables.ledgers import published_year
from budget_warehouse.text import normalise_label

_YEAR_ATTRIBUTE = re.compile(r"(\d{4})年度")
# A corrected re-publication says so before its first table: "修订版本：2" or "revision: 2".
_REVISION = re.compile(r"^(?:修订版本|修订|revision)\s*[:：]\s*(\d+)\s*$", re.IGNORECASE)


def _title(fragment: Fragment) -> str:
    if fragment.title:
        return fragment.title
    # 表14 and 表15 carry their title in the first cell of the table instead of a heading.
    for row in fragment.rows:
        for cell in row.cells:
            if cell.strip():
                return cell.strip()
    return ""


def _group(path: Path, fragments: list[Fragment]) -> dict[int, TableSource]:
    sources: dict[int, TableSource] = {}
    for fragment in fragments:
        kind = BY_NUMBER.get(fragment.table_number)
        if kind is None:
            raise ExtractionError(
                path,
                f"表{fragment.table_number} is not a table of the 15-table template",
                line_number=fragment.line_number,
            )
        if fragment.table_number not in sources:
            title = _title(fragment)
            if normalise_label(kind.title) not in normalise_label(title):
                raise ExtractionError(
                    path,
                    f"expected the title {kind.title!r}, found {title!r}",
                    table_number=kind.number,
                    line_number=fragment.line_number,
                )
            sources[fragment.table_number] = TableSource(path, kind.number, [])
        sources[fragment.table_number].fragments.append(fragment)
    missing = [kind.number for kind in TABLES if kind.number not in sources]
    if missing:
        raise ExtractionError(path, f"missing required tables {', '.join(f'表{n}' for n in missing)}")
    return sources


def _department(path: Path, sources: dict[int, TableSource]) -> str:
    names = {f.unit_name.strip() for s in sources.values() for f in s.fragments if f.unit_name and f.unit_name.strip()}
    if len(names) != 1:
        found = sorted(names) or "none"
        raise ExtractionError(path, f"expected one 单位名称 across the tables, found {found}")
    return names.pop()


def _fiscal_year(path: Path, parsed: dict[int, ParsedTable]) -> int:
    year = published_year(parsed[1])
    if year is None:
        for record in parsed[15].records:
            match = _YEAR_ATTRIBUTE.search((record.get("value_text") or "").replace(" ", ""))
            if record.get("label") == "年度" and match:
                year = int(match.group(1))
    if year is None:
        raise ExtractionError(path, "no fiscal year: expected 'YYYY 年预算数' in the header", table_number=1)
    return year


def _phase(sources: dict[int, TableSource]) -> str:
    return "决算" if "决算" in (sources[1].fragments[0].title or "") else "预算"


def extract_document(path: Path, display_path: str | None = None) -> ExtractedDocument:
    shown = Path(display_path) if display_path else path
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ExtractionError(shown, f"cannot read as UTF-8 text: {exc}") from None
    fragments, preamble = parse_fragments(text)
    if not fragments:
        raise ExtractionError(shown, "not a disclosure: no '表 N' table markers found")
    revision = next((int(m.group(1)) for _, line in preamble if (m := _REVISION.match(line))), 0)
    sources = _group(shown, fragments)
    parsed = {number: BY_NUMBER[number].parse(source) for number, source in sources.items()}
    digest = hashlib.sha256(raw).hexdigest()
    identity = DocumentIdentity(
        document_id=digest[:16],
        department_name=_department(shown, sources),
        fiscal_year=_fiscal_year(shown, parsed),
        phase=_phase(sources),
        # The Shenzhen template is a department's budget.
        scope="部门",
        revision=revision,
    )
    document: Record = {
        **identity.record(),
        "is_current": "true",
        "superseded_by_document_id": None,
        "source_file": shown.name,
        "source_sha256": digest,
        "table_count": str(len(sources)),
        "template": TEMPLATE_NAME,
        # In 万元, though 表14 alone is in 元.
        "published_unit": "万元",
        "page_count": None,
    }
    extracted = ExtractedDocument(path=shown, document=document, identity=identity)
    extracted.rows["documents"] = [document]
    extracted.rows["document_tables"] = []
    extracted.rows["document_notes"] = []
    extracted.rows[TABLE_CELLS] = []
    for kind in TABLES:
        _add_table(extracted, identity, kind, sources[kind.number], parsed[kind.number])
        extracted.warnings.extend(f"{shown}: {warning}" for warning in parsed[kind.number].warnings)
    # The running text: what precedes the first table and what follows each (notes, explanations).
    prose = sorted([*preamble, *(note for fragment in fragments for note in fragment.notes)])
    extracted.rows[CLAIM_SEED] = claim_records(
        identity.document_id, read_claims(ProseLine(None, number, text) for number, text in prose)
    )
    return extracted


def _add_table(
    extracted: ExtractedDocument, identity: DocumentIdentity, kind: TableKind, source: TableSource, parsed: ParsedTable
) -> None:
    unit = parsed.unit or next((f.unit for f in source.fragments if f.unit), None) or kind.default_unit
    unit = unit.strip()
    published_rounding_step = str(parsed.rounding_step)
    extracted.tables[kind.table_key] = parsed.records
    table: Record = {
        **identity.key(),
        "table_number": str(kind.number),
        "table_key": kind.table_key,
        "table_title": _title(source.fragments[0]),
        "figure_kind": "budget" if identity.phase == "预算" else "actual",
        "published_unit": unit,
        "published_rounding_step": published_rounding_step,
    }
    for record in parsed.records:
        unknown = set(record) - kind.row_columns
        if unknown:
            raise ValueError(f"表{kind.number} parsed columns it does not declare: {sorted(unknown)}")
        extracted.rows[TABLE_CELLS].extend(row_cells(record, table))
    extracted.rows["document_tables"].append(
        {
            "document_id": identity.document_id,
            "table_number": str(kind.number),
            "seed_name": TABLE_CELLS,
            "table_title": _title(source.fragments[0]),
            "published_unit": unit,
            "published_rounding_step": published_rounding_step,
            "page_count": str(sum(len(f.pages) for f in source.fragments)),
            "row_count": str(len(parsed.records)),
            "source_line_number": str(source.fragments[0].line_number),
            "table_key": kind.table_key,
        }
    )
    notes = [note for fragment in source.fragments for note in fragment.notes] + parsed.notes
    for line_number, note in sorted(notes):
        extracted.rows["document_notes"].append(
            {
                "document_id": identity.document_id,
                "table_number": str(kind.number),
                "source_line_number": str(line_number),
                "note_text": note,
            }
        )
