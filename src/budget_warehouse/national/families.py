"""Table families as data: which tables a family of PDFs prints, under which titles, in which
shape, and what each header label means.

A family is one TOML file in ``budget_warehouse/families/`` (the README's "Adding a family"
says how to write one); ``_column_roles.toml`` beside them maps header labels to column roles
for every family. Python holds the shapes and the rules; the wording of a family lives only in
its file.
"""

from __future__ import annotations

import functools
import re
import tomllib
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Literal, get_args

# How a table is laid out, so which parser reads it: a typed name, so that mypy checks that
# every shape has a parser (national.templates.parse_shape).
Shape = Literal["ledger", "function", "economic", "three_public"]
SHAPES: tuple[str, ...] = get_args(Shape)

# The concepts a table may be: the Ministry of Finance's nine, which the canonical layer reads
# by these names (the seed's table_key).
CONCEPTS = (
    "revenue_expenditure_overview",
    "revenue_by_function",
    "expenditure_by_function",
    "fiscal_appropriation_overview",
    "general_public_budget_expenditure",
    "government_fund_expenditure",
    "state_capital_expenditure",
    "basic_expenditure_by_economic_class",
    "three_public_expenses",
)
PHASES = ("预算", "决算")
UNITS = ("元", "万元")
# The rule lists of _column_roles.toml: one per group of shapes, and which figure a column holds.
RoleGroup = Literal["coded", "ledger", "three_public", "figure_kinds", "ignored"]
ROLE_GROUPS: tuple[str, ...] = get_args(RoleGroup)

_LABEL_NOISE = re.compile(r"[\s“”\"‘’'：:]")
# What may follow a title on its line: the preparer or the unit (…预算总表编制单位：XX 单位：元).
_AFTER_TITLE = re.compile(r"(?:编制部门|编制单位|部门名称|单位名称|金额单位|单位)\s*[:：]")
# A table of contents line (title …… page): never a title.
TOC = re.compile(r"…|\.{3,}|·{3,}")


def label_key(text: str) -> str:
    """A label as compared: full-width forms folded (（ is (), spaces, quotes and colons gone."""
    return _LABEL_NOISE.sub("", unicodedata.normalize("NFKC", text))


class FamilyError(ValueError):
    """A family file that does not say what the reader needs: names the file and the entry."""

    def __init__(self, path: Path | str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path


@dataclass(frozen=True)
class Rule:
    """A header label and the role of a column labelled with it. The label is looked for in the
    column's lowest header label that matches any rule; an ``anywhere`` rule is looked for first,
    in every header label of the column (a 政府采购 group's 小计 is not the table's 合计)."""

    label: str
    role: str
    anywhere: bool = False
    # A label that names no part by itself (小计, 合计): the column is what the label above it
    # names where one is a rule's (基本支出 | 小计 is basic), else this role.
    generic: bool = False


Rules = tuple[Rule, ...]


@dataclass(frozen=True)
class ColumnRoles:
    """Header label → role rules, first match wins, per group of shapes."""

    coded: Rules
    ledger: Rules
    three_public: Rules
    figure_kinds: Rules
    ignored: Rules  # columns read by no shape (备注, 序号, 行次): matched by the whole lowest label


@dataclass(frozen=True)
class FamilyTable:
    number: int  # position in the family, 1-based, as the family numbers it
    concept: str  # the table's meaning, shared by every family that prints it (the seed's table_key)
    titles: tuple[str, ...]  # every title the family prints it under
    shape: Shape
    required: bool = True  # a document without it is refused; an optional one missing is a note

    @property
    def title(self) -> str:
        return self.titles[0]


@dataclass(frozen=True)
class Family:
    name: str
    phase: str  # 预算 or 决算
    description: str
    tables: tuple[FamilyTable, ...]
    default_unit: str
    roles: ColumnRoles

    @functools.cached_property
    def _titles_longest_first(self) -> tuple[tuple[str, FamilyTable], ...]:
        pairs = [(label_key(title), table) for table in self.tables for title in table.titles]
        return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))

    def title_match(self, line: str) -> FamilyTable | None:
        """The table whose title this heading line ends with, longest title first (财政拨款收入支出决算总表
        before 收入支出决算总表), so a number or year before the title (表1, 2026年) is allowed, and
        the preparer or unit after it on the same line."""
        if TOC.search(line):
            return None
        key = label_key(_AFTER_TITLE.split(line, maxsplit=1)[0])
        for title, table in self._titles_longest_first:
            if key.endswith(title):
                return table
        return None

    @property
    def required(self) -> tuple[FamilyTable, ...]:
        return tuple(table for table in self.tables if table.required)


def _rules(path: Path | str, group: str, entries: object) -> Rules:
    if not isinstance(entries, list):
        raise FamilyError(path, f"{group} must be a list of {{ label = …, role = … }}")
    rules = []
    for index, entry in enumerate(entries, 1):
        if not isinstance(entry, dict) or not {"label", "role"} <= set(entry) <= {
            "label",
            "role",
            "anywhere",
            "generic",
        }:
            raise FamilyError(
                path,
                f"{group}, entry {index}: expected {{ label = …, role = …[, anywhere = true][, generic = true] }}, "
                f"got {entry!r}",
            )
        rules.append(
            Rule(
                label_key(str(entry["label"])),
                str(entry["role"]),
                anywhere=bool(entry.get("anywhere", False)),
                generic=bool(entry.get("generic", False)),
            )
        )
    return tuple(rules)


def _column_roles(path: Path | str, data: Mapping[str, Any], base: ColumnRoles | None) -> ColumnRoles:
    unknown = set(data) - set(ROLE_GROUPS)
    if unknown:
        raise FamilyError(path, f"unknown column-role groups {sorted(unknown)}; known: {', '.join(ROLE_GROUPS)}")
    groups = {}
    for group in ROLE_GROUPS:
        own = _rules(path, group, data.get(group, []))
        inherited = getattr(base, group) if base is not None else ()
        if base is None and not own:
            raise FamilyError(path, f"no rules for {group}")
        groups[group] = own + inherited
    return ColumnRoles(**groups)


def _check_keys(path: Path | str, where: str, entry: Mapping[str, Any], required: set[str], optional: set[str]) -> None:
    """A table of the file has every required key and none it does not know (a misspelt key is
    refused, not ignored)."""
    missing = required - set(entry)
    if missing:
        raise FamilyError(path, f"{where}missing {', '.join(sorted(missing))}")
    unknown = set(entry) - required - optional
    if unknown:
        raise FamilyError(path, f"{where}unknown keys {', '.join(sorted(unknown))}")


def _table(path: Path | str, index: int, entry: Mapping[str, Any]) -> FamilyTable:
    where = f"tables[{index}]"
    _check_keys(path, f"{where}: ", entry, {"number", "concept", "shape", "titles"}, {"required"})
    if entry["concept"] not in CONCEPTS:
        raise FamilyError(path, f"{where}: concept {entry['concept']!r} is none of {', '.join(CONCEPTS)}")
    if entry["shape"] not in SHAPES:
        raise FamilyError(path, f"{where}: shape {entry['shape']!r} is none of {', '.join(SHAPES)}")
    titles = entry["titles"]
    if not isinstance(titles, list) or not titles or not all(isinstance(t, str) and t for t in titles):
        raise FamilyError(path, f"{where}: titles must be a list of one or more titles")
    return FamilyTable(
        number=int(entry["number"]),
        concept=str(entry["concept"]),
        titles=tuple(titles),
        shape=entry["shape"],
        required=bool(entry.get("required", True)),
    )


def parse_family(path: Path | str, data: Mapping[str, Any], roles: ColumnRoles) -> Family:
    """One family file's contents, checked."""
    _check_keys(path, "", data, {"name", "phase", "description", "default_unit", "tables"}, {"column_roles"})
    if data["phase"] not in PHASES:
        raise FamilyError(path, f"phase {data['phase']!r} is neither 预算 nor 决算")
    if data["default_unit"] not in UNITS:
        raise FamilyError(path, f"default_unit {data['default_unit']!r} is neither 元 nor 万元")
    tables = tuple(_table(path, i, entry) for i, entry in enumerate(data["tables"], 1))
    numbers = [table.number for table in tables]
    if len(set(numbers)) != len(numbers):
        raise FamilyError(path, f"table numbers repeat: {numbers}")
    concepts = [table.concept for table in tables]
    if len(set(concepts)) != len(concepts):
        raise FamilyError(path, f"a concept is listed twice: {concepts}")
    if not any(table.required for table in tables):
        raise FamilyError(path, "no required table: a family is recognised by the tables it always prints")
    return Family(
        name=str(data["name"]),
        phase=str(data["phase"]),
        description=str(data["description"]),
        tables=tables,
        default_unit=str(data["default_unit"]),
        roles=_column_roles(path, data.get("column_roles", {}), roles),
    )


def _read(path: Path | str, text: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise FamilyError(path, f"not valid TOML: {exc}") from None


def load_families(folder: Path | None = None) -> tuple[Family, ...]:
    """Every family file of ``folder`` (default: the package's own), sorted by file name."""
    if folder is None:
        return _packaged_families()
    files = {path.name: path.read_text(encoding="utf-8") for path in folder.glob("*.toml")}
    return _families(str(folder), files)


@functools.cache
def _packaged_families() -> tuple[Family, ...]:
    folder = resources.files("budget_warehouse") / "families"
    files = {
        entry.name: entry.read_text(encoding="utf-8") for entry in folder.iterdir() if entry.name.endswith(".toml")
    }
    return _families("budget_warehouse/families", files)


def _families(folder: str, files: Mapping[str, str]) -> tuple[Family, ...]:
    roles_file = f"{folder}/_column_roles.toml"
    if "_column_roles.toml" not in files:
        raise FamilyError(roles_file, "missing: the column roles every family reads")
    roles = _column_roles(roles_file, _read(roles_file, files["_column_roles.toml"]), None)
    families = tuple(
        parse_family(f"{folder}/{name}", _read(f"{folder}/{name}", files[name]), roles)
        for name in sorted(files)
        if not name.startswith("_")
    )
    names = [family.name for family in families]
    if len(set(names)) != len(names):
        raise FamilyError(folder, f"family names repeat: {names}")
    return families


def family(name: str) -> Family:
    """The packaged family of this name."""
    for candidate in _packaged_families():
        if candidate.name == name:
            return candidate
    raise KeyError(f"no family {name!r}; known: {', '.join(f.name for f in _packaged_families())}")
