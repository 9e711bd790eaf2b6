"""Names printed without codes (Hangzhou's 功能分类科目名称 column) resolved to their 功能分类 /
经济分类 codes.

The reference is ``classifications/<classification>_subjects.csv`` in the package: every code
with the names it is printed under in coded tables of real documents (``tools/harvest_subject_names.py``
rebuilds it from extracted seeds), each with a document that prints it; a row with no such
document (``printed_in`` blank) is typed from the 政府收支分类科目 itself. Names are compared as
label keys with brackets dropped (维修(护)费, 维修（护）费 and a text layer's 维修护费() are one
name).

A name alone is ambiguous (行政运行 is a 项 of every 款; 其他一般公共服务支出 is a 款 and its own
项), so a row is resolved under the rows above it, deepest first: a child of the last 款, else of
the last 类, else a 类. A name that none of those holds, or two codes at the same depth do, is
not resolved (the caller names the row in an error).

Where the reference has not seen a 项, the classification's own numbering rules place the ones it
gives every administrative 款 (行政运行 01, 一般行政管理事务 02, 机关服务 03, 事业运行 50) and the
one it gives every parent: 其他 + the parent's name (+ 支出) is the parent's 99."""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from budget_warehouse.national.families import label_key

_BRACKETS = re.compile(r"[()\[\]【】〔〕]")

# The 项 the 功能分类 numbers alike under every administrative 款 (20101 人大事务 … 2040201 公安).
GENERIC_ITEMS = {"行政运行": "01", "一般行政管理事务": "02", "机关服务": "03", "事业运行": "50"}

# The classification whose codes begin with each digit (功能分类 2xx, 部门经济分类 3xx).
CLASSIFICATIONS = {"2": "function", "3": "economic"}


def name_key(name: str) -> str:
    return _BRACKETS.sub("", label_key(name))


@dataclass(frozen=True)
class SubjectNames:
    """Codes by the key of each name they are printed under."""

    codes_by_key: dict[str, frozenset[str]]

    @classmethod
    def of(cls, pairs: Iterable[tuple[str, str]]) -> SubjectNames:
        codes: dict[str, set[str]] = defaultdict(set)
        for code, name in pairs:
            codes[name_key(name)].add(code)
        return cls({key: frozenset(found) for key, found in codes.items()})

    def children(self, name: str, parent: str, length: int) -> set[str]:
        """Codes of ``length`` digits under ``parent`` (``""``: a 类) printed under this name."""
        return {c for c in self.codes_by_key.get(name_key(name), ()) if len(c) == length and c.startswith(parent)}


@cache
def subject_names(classification: str) -> SubjectNames:
    source = resources.files("budget_warehouse").joinpath("classifications", f"{classification}_subjects.csv")
    rows = csv.DictReader(io.StringIO(source.read_text(encoding="utf-8"), newline=""))
    return SubjectNames.of((row["code"], row["name"]) for row in rows)


@dataclass
class NamePath:
    """The codes resolved so far by name in one column group: the last 类 and 款."""

    names: SubjectNames
    lengths: tuple[int, ...]
    path: list[tuple[str, str]] = field(default_factory=list)  # (code, name) of the last 类, 款

    def resolve(self, name: str) -> str:
        """The code of ``name`` under the rows above it, or "" when it cannot be told."""
        depths = [depth for depth in range(len(self.path), -1, -1) if depth < len(self.lengths)]
        for depth in depths:
            parent = self.path[depth - 1][0] if depth else ""
            found = self.names.children(name, parent, self.lengths[depth])
            if len(found) > 1:
                return ""
            if found:
                return self._moved(depth, found.pop(), name)
        for depth in depths:
            if depth and (code := self._numbered(name, *self.path[depth - 1])):
                return self._moved(depth, code, name)
        return ""

    def _numbered(self, name: str, parent: str, parent_name: str) -> str:
        """The code the classification's numbering gives ``name`` under ``parent``, or ""."""
        key, parent_key = name_key(name), name_key(parent_name)
        if len(parent) == 5 and key in GENERIC_ITEMS:
            return parent + GENERIC_ITEMS[key]
        stem = parent_key.removeprefix("其他").removesuffix("支出")
        if key == f"其他{stem}支出":
            return parent + "99"
        return ""

    def _moved(self, depth: int, code: str, name: str) -> str:
        # a leaf (项, or an economic 款) is no parent of the rows below it
        self.path = self.path[:depth] + ([(code, name)] if depth + 1 < len(self.lengths) else [])
        return code

    def follow(self, code: str, name: str) -> None:
        """A printed code moves the path too (a table that prints codes on some rows only)."""
        if len(code) in self.lengths[:-1]:
            self.path = [*self.path[: self.lengths.index(len(code))], (code, name)]
