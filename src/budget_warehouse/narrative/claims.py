"""Numeric statements in a document's running text: each figure with its unit, what it is about
(its subject, from ``claims.toml`` and the 功能分类 / 经济分类 names), the year it speaks of, and
the comparison that follows it (比上年增加 X 万元，增长 Y%).

The reader sees prose only: the lines of a PDF page outside its ruled tables (headings, the
编制说明, notes under tables), and a markdown document's lines outside its pipe tables. A
paragraph's wrapped lines are joined, a paragraph is cut into sentences at 。；！？, and a figure is
a number followed by a unit. A figure the reader cannot place is kept with subject
``unclassified``, never dropped.
"""

from __future__ import annotations

import csv
import re
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources

from budget_warehouse.national.subject_names import NamePath, subject_names
from budget_warehouse.records import Record

CLAIM_SEED = "narrative_claims"
UNCLASSIFIED = "unclassified"

_MONEY = "亿元|万元|千元|元"
_COUNTS = "辆|个|家|人|名|项|次|台|套|户|所|座|批|件|平方米|公里"
# A number (thousands separators allowed) and its unit. Not a figure: a number inside a longer
# number, a code in brackets (（06款）（01项）), an ordinal (第3项).
_FIGURE = re.compile(
    r"(?<![\d.,，第表])(?P<number>\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*"
    rf"(?P<unit>{_MONEY}|%|％|{_COUNTS})(?![)）])"
)
_SENTENCE_END = re.compile(r"(?<=[。；;！？!?])")
# A figure qualified by one of these, with nothing but its clause between, is a change.
_CHANGE = re.compile(r"(增加|增长|上升|提高|减少|下降|降低|减|增)(?:了)?(?:约)?$")
_LEVEL = re.compile(r"(持平|相同|一致|不变)")
_COMPARED = re.compile(r"(比|较|同比|与|相比|对比)")
_DIRECTIONS = {"增": "增加", "上": "增加", "提": "增加", "减": "减少", "下": "减少", "降": "减少"}
_YEAR = re.compile(r"(20\d\d)\s*年(?!度?[初末]?结转)")
_PREVIOUS_YEAR = re.compile(r"(?<![比较与])(上年|去年|上一年)(?!结转|结余|末)")
# A 功能分类 path: 公共安全支出（204类）司法（06款）行政运行（01项）, or names only,
# “一般公共服务支出（类）统计信息事务（款）专项普查活动（项）”.
_NAME = r"[^（()）“”\"'：:，,。；、.．\d\s]+"
_ITEM = r"(?:\d+[.．、]|[（(][一二三四五六七八九十\d]+[)）])?"
_PATH = re.compile(
    rf"(?:(?P<n1>{_NAME})\s*[（(]\s*(?P<c1>\d{{3}})?\s*类\s*[)）]\s*{_ITEM})?"
    rf"(?:\s*(?P<n2>{_NAME})\s*[（(]\s*(?P<c2>\d{{2}})?\s*款\s*[)）]"
    rf"(?:\s*{_ITEM}(?P<n3>{_NAME})\s*[（(]\s*(?P<c3>\d{{2}})?\s*项\s*[)）])?)?"
)
# A code printed before its name: 2013850-事业运行, 30216 培训费; or in brackets after it:
# 行政单位离退休（2080501）.
_PRINTED_CODE = re.compile(
    r"(?<![\d.])(?P<code>[23]\d{2}(?:\d{2}){0,2})\s*[-－—]?\s*(?=[\u4e00-\u9fff])"
    r"|(?<=[\u4e00-\u9fff])\s*[（(](?P<bracketed>[23]\d{2}(?:\d{2}){0,2})[)）]"
)
_CLAUSE = re.compile(r"[，,：:；;。、]")
_SPACES = re.compile(r"[ \t\u3000]+")
_ECONOMIC_NAME = re.compile(r"(费|支出|补助|工资|补贴|保险|缴费|公积金|奖金)$")
_HEADING_LENGTH = 24
# A heading's number: （二）支出预算。 is a heading of 支出预算, which names the total at its start.
_ENUMERATOR = re.compile(r"^(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+[.．、])")
# What a sentence says of a subject before its figure: 公务接待费|支出决算为 X万元.
_TAIL = r"(?:财政拨款)?(?:支出|收入)?(?:年初|全年|调整)?(?:预算|决算)?(?:总额|金额|数)?(?:共|合计)?(?:为|是)?"
# Whether a figure is a budget or what was spent: the nearest of these before it in its clause.
_BASIS = re.compile(
    r"(?P<budget>年初预算|调整预算|全年预算|预算数|预算为|预算安排|预算(?=\s*$))"
    r"|(?P<actual>决算|执行数|执行为|实际支出|完成数|实际完成)"
)
# A clause naming a spending or revenue line: its figure is that line's, known or not.
_OWN_LINE = re.compile(r"(支出|收入|经费|费用?|结余|结转|资金)")
# Subjects a count (辆, 个, 人) may be about; any other subject's figure is money or a share.
_COUNTED = frozenset({"assets", "performance", "procurement", "procurement_part"})
# Subjects the next sentence of a numbered item may speak of without naming them again.
_INHERITED = frozenset({"function_subject", "economic_subject"})
# A sentence that breaks down the line named before it (社会福利（20810）18,571.74万元… 具体为：人员经费
# X万元；公用经费 Y万元；…): its 人员经费 and 公用经费 are that line's parts, not the document's.
_BREAKDOWN = re.compile(r"^具体(?:为|是|包括)")
_PARTS = frozenset({"basic_expenditure", "project_expenditure", "personnel_expenditure", "public_expenditure"})


@dataclass(frozen=True)
class ProseLine:
    """One line of running text: its page (a PDF) or its line (markdown), and its text."""

    page_number: int | None
    line_number: int | None
    text: str


@dataclass(frozen=True)
class Claim:
    page_number: int | None
    line_number: int | None
    sentence: str
    figure: str
    unit: str
    subject: str
    subject_phrase: str
    subject_code: str | None
    stated_year: str | None
    change_direction: str | None = None
    change_amount: str | None = None
    change_amount_unit: str | None = None
    change_percent: str | None = None
    # budget or actual, where the clause says which (年初预算为X，支出决算为Y)
    basis: str | None = None
    # the figure is itself a change ("收入预算减少1,226.81万元"), not an amount, share or count
    is_change: bool = False

    @property
    def kind(self) -> str:
        """amount (money), share (%), count (辆, 个 …) or change (a change stated alone)."""
        if self.is_change:
            return "change"
        if self.unit == "%":
            return "share"
        return "amount" if self.unit in _MONEY.split("|") else "count"


@dataclass(frozen=True)
class _Phrase:
    subject: str
    pattern: re.Pattern[str]
    code: str | None
    rank: int  # a named subject (claims.toml) before a classification name of the same span


@cache
def _phrases() -> tuple[_Phrase, ...]:
    package = resources.files("budget_warehouse")
    data = tomllib.loads(package.joinpath("narrative", "claims.toml").read_text(encoding="utf-8"))
    phrases = [
        _Phrase(entry["code"], re.compile(phrase + _TAIL), entry.get("subject_code"), 0)
        for entry in data["subject"]
        for phrase in entry["phrases"]
    ]
    for classification, subject in (("function", "function_subject"), ("economic", "economic_subject")):
        names: dict[str, set[str]] = {}
        source = package.joinpath("classifications", f"{classification}_subjects.csv")
        with source.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                names.setdefault(row["name"], set()).add(row["code"])
        for name, codes in names.items():
            # A name that several codes share (行政运行) says nothing alone; a short one (其他) too.
            # A function name alone must say it is spending (社会保障和就业支出): shorter names
            # (应急管理, 司法) are also in departments' names; with （204类）（06款） codes they resolve.
            telling = name.endswith("支出") if classification == "function" else _ECONOMIC_NAME.search(name)
            if len(codes) == 1 and len(name) >= 3 and telling and not name.startswith("其他"):
                phrases.append(_Phrase(subject, re.compile(re.escape(name) + _TAIL), next(iter(codes)), 1))
    return tuple(phrases)


def subject_codes() -> tuple[str, ...]:
    """Every subject a claim may have, ``unclassified`` last."""
    return (*dict.fromkeys(phrase.subject for phrase in _phrases()), UNCLASSIFIED)


def _subject(context: str) -> Subject | None:
    """The subject whose phrase ends nearest the end of ``context``, the longest of those; a
    功能分类 path (类, 款, 项) ending at least as near names a function_subject."""
    best: tuple[int, int, int, _Phrase, str] | None = None
    for phrase in _phrases():
        for match in phrase.pattern.finditer(context):
            if not match.group(0):
                continue
            key = (match.end(), len(match.group(0)), -phrase.rank)
            if best is None or key > best[:3]:
                best = (*key, phrase, match.group(0))
    # every part of a path is optional, so the pattern also matches nothing: the last that names one
    path = next((m for m in reversed(list(_PATH.finditer(context))) if m.group("n1") or m.group("n2")), None)
    if path is not None and (best is None or best[0] <= path.end()):
        return "function_subject", path.group(0), _path_code(path)
    printed = _last(_PRINTED_CODE, context)
    # a code wins over a phrase that starts before its end, or inside the name printed after it
    # (2069999-其他科学技术支出: not 科学技术支出, the 类)
    if printed is not None and (best is None or not _CLAUSE.search(context[printed.end() : best[0] - len(best[4])])):
        code = printed.group("code") or printed.group("bracketed")
        subject = "function_subject" if code.startswith("2") else "economic_subject"
        # the code and the name after it, or the name (its clause) and the bracketed code after it
        named = context[printed.start() :] if printed.group("code") else _CLAUSE.split(context)[-1]
        return subject, named.strip(), code
    if best is None:
        return None
    return best[3].subject, best[4], best[3].code


def _path_code(path: re.Match[str]) -> str | None:
    """The code of a printed 功能分类 path: its digits where printed, else each name under the one
    before it in the classification (national.subject_names); a path that starts at its 款
    (2.住房改革支出（款）提租补贴（项）, the 类 named in an earlier item) by the 款's name, where only
    one 款 has it. None where a name cannot be told."""
    names = NamePath(subject_names("function"), (3, 5, 7))
    code = ""
    for level in (1, 2, 3):
        name, digits = path.group(f"n{level}"), path.group(f"c{level}")
        if name is None:
            if level == 1:
                continue
            break
        name = name.strip("“”\"'")
        if digits and (code or level == 1):
            code += digits
            names.follow(code, name)
            continue
        if level == 2 and not code:
            found = names.names.children(name, "", 5) or names.names.children(name + "支出", "", 5)
            if len(found) != 1:
                return None
            code = found.pop()
            names.follow(code[:3], "")
            names.follow(code, name)
            continue
        # 一般公共服务（类）支出: the 类 named without its 支出
        code = names.resolve(name) or names.resolve(name + "支出")
        if not code:
            return None
    return code or None


def _last(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    matches = list(pattern.finditer(text))
    return matches[-1] if matches else None


def _number(text: str) -> str:
    return text.replace(",", "").replace("，", "")


@dataclass(frozen=True)
class _Sentence:
    text: str
    starts: tuple[tuple[int, ProseLine], ...]  # each line it runs over, at its offset in ``text``

    def line_at(self, offset: int) -> ProseLine:
        """The line the character at ``offset`` is on: a figure's page, where a sentence runs over two."""
        return [line for start, line in self.starts if start <= offset][-1]


# A page number printed as a line of its own: 3, - 21 -, 第3页, 3/40.
_FOLIO = re.compile(r"^[-—–－\s]*(?:第\s*)?\d{1,4}\s*页?(?:\s*[/／共]\s*\d{1,4}\s*页?)?[-—–－\s]*$")
_ENDS_SENTENCE = re.compile(r"[。；;！？!?]\s*$")
# A line printed at the top or bottom of this many pages is a running header or footer.
_RUNNING_PAGES = 3


def _pages(lines: Iterable[ProseLine]) -> list[list[ProseLine]]:
    """A PDF's lines by page, a markdown line alone; the page numbers and the running headers and
    footers (a line at the top or bottom of several pages: the document's title) left out."""
    pages: list[list[ProseLine]] = []
    for line in lines:
        if pages and line.page_number is not None and pages[-1][0].page_number == line.page_number:
            pages[-1].append(line)
        else:
            pages.append([line])
    edges: dict[str, set[int | None]] = {}
    for page in pages:
        for line in {*page[:2], *page[-2:]}:
            edges.setdefault(_SPACES.sub("", line.text), set()).add(line.page_number)
    running = {text for text, seen in edges.items() if len(seen) >= _RUNNING_PAGES}

    def kept(line: ProseLine) -> bool:
        text = _SPACES.sub("", line.text)
        return line.page_number is None or not (_FOLIO.match(line.text) or text in running)

    return [kept_lines for page in pages if (kept_lines := [line for line in page if kept(line)])]


def _sentences(lines: Iterable[ProseLine]) -> Iterator[_Sentence]:
    """Sentences, each with the lines it runs over: a page's wrapped lines are one text (a figure
    may be cut from its unit by the wrap), and so is the next page's where a sentence runs over the
    page break; cut at sentence ends. A markdown line is a paragraph of its own."""
    block: list[ProseLine] = []
    for page in _pages(lines):
        last = block[-1] if block else None
        runs_on = (
            last is not None
            and last.page_number is not None
            and page[0].page_number == last.page_number + 1
            and not _ENDS_SENTENCE.search(last.text)
        )
        if block and not runs_on:
            yield from _cut(block)
            block = []
        block += page
    if block:
        yield from _cut(block)


def _cut(block: list[ProseLine]) -> Iterator[_Sentence]:
    text = ""
    starts: list[tuple[int, ProseLine]] = []
    for line in block:
        starts.append((len(text), line))
        text += _SPACES.sub("", line.text) if _cjk(line.text) else line.text.strip()
    position = 0
    for sentence in _SENTENCE_END.split(text):
        end = position + len(sentence)
        if sentence.strip():
            lead = len(sentence) - len(sentence.lstrip())
            own = [(start - position - lead, line) for start, line in starts if position < start < end]
            first = [line for start, line in starts if start <= position][-1]
            yield _Sentence(sentence.strip(), ((0, first), *own))
        position = end


def _cjk(text: str) -> bool:
    return any("\u4e00" <= character <= "\u9fff" for character in text)


Subject = tuple[str, str, str | None]  # subject, the words naming it, its code


def read_claims(lines: Iterable[ProseLine]) -> list[Claim]:
    """Every figure of every sentence. A stated figure is a claim; a change (比上年增加 X, 增长 Y%)
    qualifies the claim it follows, or the claim of its sentence whose subject it names
    (收入比2025年增加 X), and is a claim of its own only where it qualifies none."""
    reader = _Reader()
    for sentence in _sentences(lines):
        reader.read(sentence)
    return reader.claims


@dataclass
class _Reader:
    claims: list[Claim] = field(default_factory=list)
    # the last function or economic line named, and its page, for a numbered item's next sentence
    previous: tuple[int | None, Subject] | None = None
    # a heading ("（一）收入预算。") names the subject of the next sentence's first figure
    heading: Subject | None = None
    # the line a breakdown (具体为：…) is of, until the sentence that ends it with 。; the line the
    # sentence before named
    breakdown: Subject | None = None
    line_before: Subject | None = None

    def read(self, said: _Sentence) -> None:
        sentence = said.text
        if _BREAKDOWN.match(sentence):
            self.breakdown = self.line_before
        self.line_before = None
        last_end = 0
        mine: list[int] = []  # this sentence's claims, as indexes of ``claims``
        for match in _FIGURE.finditer(sentence):
            line = said.line_at(match.start())
            before = sentence[last_end : match.start()]
            last_end = match.end()
            figure, unit = _number(match.group("number")), match.group("unit").replace("％", "%")
            change = _CHANGE.search(before.rstrip())
            own = _subject(before)
            if change:
                target = _qualified(self.claims, mine, line, before, own, unit)
                if target is not None:
                    self.claims[target] = _with_change(self.claims[target], _direction(change), figure, unit)
                    continue
            subject = self.subject(line, sentence[: match.start()], before, own, unit, first=not mine)
            name, phrase, code = subject if subject is not None else (UNCLASSIFIED, "", None)
            claim = Claim(
                page_number=line.page_number,
                line_number=line.line_number,
                sentence=sentence,
                figure=figure,
                unit=unit,
                subject=name,
                subject_phrase=phrase,
                subject_code=code,
                stated_year=_stated_year(before),
                basis=_basis(before),
            )
            if change:
                # "收入预算减少1,226.81万元": a change that qualifies no claim is the claim's figure
                claim = replace(_with_change(claim, _direction(change), figure, unit), is_change=True)
            elif _LEVEL.search(clause := re.split(r"[，,：:]", before)[-1]) and _COMPARED.search(clause):
                claim = replace(claim, change_direction="持平")
            mine.append(len(self.claims))
            self.claims.append(claim)
            if subject is not None and claim.kind == "amount" and name in _INHERITED:
                self.previous = (line.page_number, subject)
                self.line_before = subject
        # 与上年持平 after the last figure
        tail = sentence[last_end:]
        if mine and self.claims[mine[-1]].change_direction is None and _LEVEL.search(tail) and _COMPARED.search(tail):
            self.claims[mine[-1]] = replace(self.claims[mine[-1]], change_direction="持平")
        heading = _ENUMERATOR.sub("", sentence)
        self.heading = _subject(heading) if not mine and len(sentence) <= _HEADING_LENGTH else None
        if not sentence.endswith(("；", ";")):
            self.breakdown = None

    def subject(
        self, line: ProseLine, prefix: str, before: str, own: Subject | None, unit: str, *, first: bool
    ) -> Subject | None:
        """What a figure is about: its clause's subject; else the one named earlier in the
        sentence, unless its clause names a line of its own (项目支出1,531.45万元，具体包括：
        1.规划类经费6.50万元); else the numbered item's ("2025年执行数为X万元" after "1、…（204类）…
        （01项）Y万元。"); else a heading's."""
        money = unit in _MONEY.split("|")
        names_own_line = bool(_OWN_LINE.search(before))
        subject = own or (_subject(prefix) if not names_own_line else None)
        previous = self.previous
        if (
            subject is None
            and money
            and previous is not None
            and previous[0] == line.page_number
            and not names_own_line
        ):
            subject = previous[1]
        if subject is None and first and self.heading is not None:
            subject = self.heading
        if subject is not None and "绩效" in prefix and subject[0] not in _INHERITED:
            # 绩效目标管理，涉及一般公共预算财政拨款X万元: the funds a performance target covers
            subject = ("performance", subject[1], None)
        if subject is not None and not money and unit != "%" and subject[0] not in _COUNTED:
            subject = None  # 下属1家机关 is not a figure of 机关运行经费
        if subject is not None and subject[0] in _PARTS and self.breakdown is not None:
            subject = (subject[0], subject[1], self.breakdown[2])  # the part of the line it breaks down
        return subject


def _qualified(
    claims: list[Claim],
    mine: list[int],
    line: ProseLine,
    before: str,
    own: tuple[str, str, str | None] | None,
    unit: str,
) -> int | None:
    """The claim a change qualifies: the last of its sentence when the change names no subject of
    its own ("，比上年增加X万元，增长Y%"); the last of the page when its sentence begins with it
    ("与上年相比增加X万元"); the sentence's claim of the subject it names ("收入比2025年增加X")."""
    if own is not None:
        named = [index for index in mine if claims[index].subject == own[0] and not _changed(claims[index], unit)]
        return named[-1] if named else None
    if mine:
        last = claims[mine[-1]]
        compared = _COMPARED.search(before) or last.change_amount or unit == "%"
        return mine[-1] if compared and not _changed(last, unit) else None
    if claims and claims[-1].page_number == line.page_number and not _changed(claims[-1], unit):
        return len(claims) - 1
    return None


def _changed(claim: Claim, unit: str) -> bool:
    return (claim.change_percent if unit == "%" else claim.change_amount) is not None


def _direction(change: re.Match[str]) -> str:
    return _DIRECTIONS.get(change.group(1)[0], change.group(1))


def _with_change(claim: Claim, direction: str, figure: str, unit: str) -> Claim:
    if unit == "%":
        return replace(claim, change_direction=claim.change_direction or direction, change_percent=figure)
    return replace(claim, change_direction=direction, change_amount=figure, change_amount_unit=unit)


def _basis(before: str) -> str | None:
    """budget or actual, as the figure's clause says (…为完成特定工作任务，其中：教育支出X is neither)."""
    found = _last(_BASIS, _CLAUSE.split(before)[-1])
    if found is None:
        return None
    return "budget" if found.group("budget") else "actual"


def _stated_year(before: str) -> str | None:
    """The year a figure is about, when its clause says one: 2025年执行数, 上年预算."""
    year = _last(_YEAR, before)
    previous = _last(_PREVIOUS_YEAR, before)
    if previous is not None and (year is None or previous.start() > year.start()):
        return "上年"
    return year.group(1) if year else None


CLAIM_COLUMNS = (
    "document_id",
    "claim_number",
    "page_number",
    "source_line_number",
    "sentence",
    "figure",
    "figure_unit",
    "subject",
    "subject_phrase",
    "subject_code",
    "claim_kind",
    "stated_year",
    "figure_basis",
    "change_direction",
    "change_amount",
    "change_amount_unit",
    "change_percent",
)


def claim_records(document_id: str, claims: Iterable[Claim]) -> list[Record]:
    """The claims as rows of the narrative_claims seed, numbered in reading order."""
    return [
        {
            "document_id": document_id,
            "claim_number": str(number),
            "page_number": None if claim.page_number is None else str(claim.page_number),
            "source_line_number": None if claim.line_number is None else str(claim.line_number),
            "sentence": claim.sentence,
            "figure": claim.figure,
            "figure_unit": claim.unit,
            "subject": claim.subject,
            "subject_phrase": claim.subject_phrase or None,
            "subject_code": claim.subject_code,
            "claim_kind": claim.kind,
            "stated_year": claim.stated_year,
            "figure_basis": claim.basis,
            "change_direction": claim.change_direction,
            "change_amount": claim.change_amount,
            "change_amount_unit": claim.change_amount_unit,
            "change_percent": claim.change_percent,
        }
        for number, claim in enumerate(claims, start=1)
    ]
