"""What a release changed: every release keeps a snapshot of what readers care about (its
documents, its findings, each document's headline figures) in ``release.json``, and the difference
from the release before it, also in ``release.json`` and as ``CHANGES.md`` beside the exports.
``budget-warehouse releases`` lists the releases and ``budget-warehouse diff A B`` compares any two.

A document is followed by what it is (department, year, phase, scope), not by its bytes: a new
document_id for the same department, year, phase and scope is a revision that replaced the old one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb

# what identifies a document across releases
DocumentKey = tuple[str, int, str, str]


def snapshot(database: Path) -> dict[str, Any]:
    """The current documents, the findings (identities broken, soft checks that differ) and the
    headline figures as printed, from a built warehouse."""
    with duckdb.connect(str(database), read_only=True) as connection:
        documents = [
            {
                "document_id": document_id,
                "department_name": department,
                "fiscal_year": year,
                "phase": phase,
                "scope": scope,
                "source_file": source_file,
            }
            for document_id, department, year, phase, scope, source_file in connection.execute(
                "select document_id, department_name, fiscal_year, phase, scope, source_file from marts.dim_document "
                "where is_current order by all"
            ).fetchall()
        ]
        findings = [
            {"document_id": document_id, "identity_name": name, "subject": subject, "status": status}
            for document_id, name, subject, status in connection.execute(
                "select document_id, identity_name, subject, status from marts.fct_identity_checks "
                "where status in ('broken', 'differs') order by all"
            ).fetchall()
        ]
        headlines = [
            {"document_id": document_id, "headline": code, "name": name, "printed": str(amount)}
            for document_id, code, name, amount in connection.execute(
                "select document_id, headline_code, headline_name, printed_amount from marts.fct_document_headlines "
                "where printed_amount is not null order by document_id, sort_order"
            ).fetchall()
        ]
    return {"documents": documents, "findings": findings, "headlines": headlines}


def _key(document: dict[str, Any]) -> DocumentKey:
    return (document["department_name"], int(document["fiscal_year"]), document["phase"], document["scope"])


def _label(key: DocumentKey) -> str:
    department, year, phase, scope = key
    return f"{department} {year} {phase} ({scope})"


@dataclass
class Changes:
    """The difference between two snapshots."""

    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    new_findings: list[str] = field(default_factory=list)
    resolved_findings: list[str] = field(default_factory=list)
    moved: list[dict[str, str]] = field(default_factory=list)
    added_figures: list[dict[str, str]] = field(default_factory=list)  # the added documents' headlines

    def as_dict(self) -> dict[str, Any]:
        return {
            "documents_added": self.added,
            "documents_removed": self.removed,
            "documents_replaced": self.replaced,
            "findings_new": self.new_findings,
            "findings_resolved": self.resolved_findings,
            "headlines_moved": self.moved,
            "headlines_of_documents_added": self.added_figures,
        }

    @classmethod
    def from_dict(cls, recorded: dict[str, Any]) -> Changes:
        return cls(
            added=recorded.get("documents_added", []),
            removed=recorded.get("documents_removed", []),
            replaced=recorded.get("documents_replaced", []),
            new_findings=recorded.get("findings_new", []),
            resolved_findings=recorded.get("findings_resolved", []),
            moved=recorded.get("headlines_moved", []),
            added_figures=recorded.get("headlines_of_documents_added", []),
        )

    def is_empty(self) -> bool:
        return not any(self.as_dict().values())

    def markdown(self, before: str, after: str) -> str:
        lines = [f"# Changes from release {before} to {after}", ""]
        if self.is_empty():
            return "\n".join([*lines, "Nothing changed: the same documents, findings and headline figures.", ""])
        sections = (
            ("Documents added", self.added),
            ("Documents removed", self.removed),
            ("Documents replaced by a revision", self.replaced),
            ("New findings", self.new_findings),
            ("Findings resolved", self.resolved_findings),
        )
        for title, items in sections:
            if items:
                lines += [f"## {title} ({len(items)})", "", *(f"- {item}" for item in items), ""]
        if self.added_figures:
            lines += [
                "## Headline figures of the documents added",
                "",
                "| document | figure | as printed (万元) |",
                "|---|---|---:|",
                *(f"| {f['document']} | {f['figure']} | {f['printed']} |" for f in self.added_figures),
                "",
            ]
        if self.moved:
            lines += [
                f"## Headline figures that moved ({len(self.moved)})",
                "",
                "| document | figure | before (万元) | after (万元) |",
                "|---|---|---:|---:|",
                *(f"| {m['document']} | {m['figure']} | {m['before']} | {m['after']} |" for m in self.moved),
                "",
            ]
        return "\n".join(lines)

    def summary(self) -> str:
        return (
            f"{len(self.added)} documents added, {len(self.removed)} removed, {len(self.replaced)} replaced by a "
            f"revision; {len(self.new_findings)} new findings, {len(self.resolved_findings)} resolved; "
            f"{len(self.moved)} headline figures moved"
        )


def compare(before: dict[str, Any], after: dict[str, Any]) -> Changes:
    """What changed from the ``before`` snapshot to the ``after`` one."""
    old = {_key(d): d for d in before.get("documents", [])}
    new = {_key(d): d for d in after.get("documents", [])}
    changes = Changes(
        added=[f"{_label(k)}: {new[k]['source_file']}" for k in sorted(new.keys() - old.keys())],
        removed=[f"{_label(k)}: {old[k]['source_file']}" for k in sorted(old.keys() - new.keys())],
        replaced=[
            f"{_label(k)}: {old[k]['source_file']} → {new[k]['source_file']}"
            for k in sorted(old.keys() & new.keys())
            if old[k]["document_id"] != new[k]["document_id"]
        ],
    )
    keys = {d["document_id"]: _key(d) for d in [*before.get("documents", []), *after.get("documents", [])]}

    def findings(snap: dict[str, Any]) -> set[str]:
        return {
            f"{_label(keys[f['document_id']])}: {f['identity_name']} {f['status']} at {f['subject']}"
            for f in snap.get("findings", [])
            if f["document_id"] in keys
        }

    old_findings, new_findings = findings(before), findings(after)
    changes.new_findings = sorted(new_findings - old_findings)
    changes.resolved_findings = sorted(old_findings - new_findings)

    def figures(snap: dict[str, Any]) -> dict[tuple[DocumentKey, str], tuple[str, str]]:
        return {
            (keys[h["document_id"]], h["headline"]): (h["name"], h["printed"])
            for h in snap.get("headlines", [])
            if h["document_id"] in keys
        }

    old_figures, new_figures = figures(before), figures(after)
    added_keys = new.keys() - old.keys()
    changes.added_figures = [
        {"document": _label(key[0]), "figure": name, "printed": _amount(printed)}
        for key, (name, printed) in new_figures.items()  # in the order a reader asks for them
        if key[0] in added_keys
    ]
    for key in sorted(old_figures.keys() & new_figures.keys()):
        (name, was), (_, now) = old_figures[key], new_figures[key]
        if Decimal(was) != Decimal(now):
            changes.moved.append(
                {"document": _label(key[0]), "figure": name, "before": _amount(was), "after": _amount(now)}
            )
    return changes


def _amount(text: str) -> str:
    return f"{Decimal(text):,.2f}"


def read_release(release: Path) -> dict[str, Any]:
    manifest = release / "release.json"
    if not manifest.exists():
        raise FileNotFoundError(f"{release} is no release (no release.json)")
    data: dict[str, Any] = json.loads(manifest.read_text(encoding="utf-8"))
    return data


def _releases(root: Path) -> list[Path]:
    folder = root / "published" / "releases"
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if not p.name.startswith(".") and (p / "release.json").exists())


def _named(root: Path, name: str) -> Path:
    """A release by its id, or ``current`` / ``previous``."""
    if name in ("current", "previous"):
        pointer = root / "published" / name
        if pointer.is_symlink():
            return pointer.parent / pointer.readlink()
        raise FileNotFoundError(f"no {name} release in {root / 'published'}")
    release = root / "published" / "releases" / name
    if not (release / "release.json").exists():
        known = ", ".join(p.name for p in _releases(root)) or "none"
        raise FileNotFoundError(f"no release {name!r} in {root / 'published' / 'releases'} (releases: {known})")
    return release


def list_releases(root: Path) -> str:
    """One line per release kept, oldest first: id, when, documents, what changed; the current marked."""
    current = (root / "published" / "current").resolve() if (root / "published" / "current").exists() else None
    lines = []
    for release in _releases(root):
        recorded = read_release(release)
        documents = len((recorded.get("snapshot") or {}).get("documents", []))
        mark = "*" if current is not None and release.resolve() == current else " "
        changes = Changes.from_dict(recorded.get("changes") or {}).summary()
        lines.append(f"{mark} {release.name}  {recorded.get('published_at', '')}  {documents} documents; {changes}")
    return "\n".join(lines) if lines else f"no releases in {root / 'published' / 'releases'}"


def diff_releases(root: Path, before: str = "previous", after: str = "current") -> str:
    """CHANGES.md between any two releases kept."""
    old, new = _named(root, before), _named(root, after)
    changes = compare(read_release(old).get("snapshot") or {}, read_release(new).get("snapshot") or {})
    return changes.markdown(old.name, new.name)
