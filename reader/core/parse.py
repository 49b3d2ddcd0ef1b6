"""Parse the decoded text of an issue into its items: articles, photos and fragments.

The text is read as a sequence of non-blank lines ("units"); lines hard-wrapped at a
column width (PDF text) are rejoined first. Where titles stand flush left over indented
bodies, each run of flush lines opens an item; elsewhere bylines and photo credits anchor
items and the short lines before them are titles. Subheads, column breaks, duplicated
articles and misplaced tails are resolved afterwards, so that every character of the
input ends up in exactly one item (docs/parsing.md).
"""

from __future__ import annotations

import gc
import logging
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields
from itertools import accumulate, chain, compress, count, pairwise
from operator import attrgetter
from pathlib import PurePath
from typing import cast

from reader.core import textrules as rules
from reader.core.decode import Decoded
from reader.core.issue_details import read_details, set_details
from reader.core.model import Issue, Item, ItemKind, Paragraph, ParagraphKind, Source

MAX_TITLE_LINES = 4
MAX_FLUSH_TITLE = 160
"""Longest flush-left line read as a title line where bodies are indented and titles not."""
MIN_COPY_CHARS = 20
"""A headless block repeats another article only if at least this much text matches."""
COPY_KEY = 12
"""Characters (whitespace removed) that a copy and its original must share at the start."""
COPY_CANDIDATES = 4
"""Places remembered per key: enough for real copies, and no quadratic search on repeats."""
MIN_COLUMN = 20
"""Narrowest column (display width: ten Chinese characters) that hard-wrapped text has."""
WRAPPED_LINE_MIN = 24
"""A line cut by a hard wrap is a full line: at least this wide (twelve Chinese characters,
its indent included)."""
PHOTO_STORY_MAX = 3
"""A credit closes the item it ends if that item has at most this many paragraphs."""


@dataclass(slots=True, eq=False)
class _Unit:
    """One non-blank line of the input (or, in hard-wrapped text, one rejoined line).

    Lines that are the same, after the same number of blank lines, share one unit: it
    is read, never changed, once made (``_join_wrapped`` changes its own copies). Units
    compare and hash by identity: the census of a file's units is a Counter of them."""

    gap: int
    text: str
    indent: bool
    width: int = 0
    byline: list[str] | None = None
    credit: list[str] | None = None
    furniture: bool = False
    finished: bool = False
    """The line ends a paragraph (rules.is_finished)."""
    titlish: bool = False
    """The line can be a title line (rules.is_title_text)."""
    subheadish: bool = False
    """The line can be (one line of) a subhead (rules.is_subhead_text)."""
    clause: bool = False
    """The line holds a comma or a full stop (rules.has_clause_punctuation)."""
    note: bool = False
    """The line is a closing note (rules.is_closing_note)."""
    anchor: bool = False
    """A byline, a credit or page furniture: a line that anchors an item."""

    def copy(self) -> _Unit:
        return _Unit(*_unit_fields(self))


_unit_fields = attrgetter(*(f.name for f in fields(_Unit)))
_line_of = attrgetter(*[f.name for f in fields(_Unit)][1:])
"""A unit's fields but its gap: what every unit of the same line shares."""
_NONE: list[_Unit] = cast(list[_Unit], ())
"""An empty title or body that is never added to (see ``_Draft``)."""


class _Draft:
    """An item under construction: the units that belong to it, by role.

    A plain slotted class with every list passed in: a file of tiny items makes one a
    line, and a dataclass's default factories cost half of its construction. An empty
    title or body is ``_NONE`` (an empty tuple, not a list): lines are never added to
    it, it is replaced (``_walk`` gives a draft its first body line as a new list)."""

    __slots__ = ("body", "byline", "credit", "duplicate_of", "furniture", "tail", "title")

    def __init__(self, title: list[_Unit], byline: _Unit | None, body: list[_Unit],
                 credit: _Unit | None = None, tail: bool = False,
                 furniture: bool = False) -> None:
        self.title = title
        self.byline = byline
        self.body = body
        self.credit = credit
        self.duplicate_of: _Draft | None = None
        self.tail = tail
        self.furniture = furniture

    @property
    def closed(self) -> bool:
        """A photo or page furniture takes no more body text after it."""
        return self.credit is not None or self.furniture

    @property
    def photo(self) -> bool:
        return self.credit is not None

    @property
    def headless(self) -> bool:
        return not self.title and self.credit is None

    @property
    def headed(self) -> bool:
        return bool(self.title) or self.byline is not None

    def open_end(self) -> bool:
        """True if the last paragraph stops mid-sentence (a column or page break)."""
        return bool(self.body) and not self.body[-1].finished

    def __repr__(self) -> str:  # a short, readable form for error messages and debugging
        lines = self.title or self.body
        first = lines[0].text[:16] if lines else ""
        return f"_Draft({first!r}…, {len(self.body)} units)"


class _Shared(_Draft):
    """A draft that stands for every item of one unit alone (a credit, page furniture, a
    byline with no title line): a file of tiny items makes one draft per distinct line,
    not per item. It is never changed: the walk gives an item its own draft (``own``)
    when a body line comes, and a credit or page furniture takes none."""

    __slots__ = ()

    def own(self, body: list[_Unit]) -> _Draft:
        """A draft of this item's own, with ``body``."""
        return _Draft(self.title, self.byline, body, self.credit, self.tail, self.furniture)


def parse_decoded(decoded: Decoded) -> Issue:
    """Parse a decoded file into an Issue; the file name gives its title, the name and the
    page headers its date, edition and number."""
    issue = parse_text(decoded.text, decoded.name)
    issue.source = Source(decoded.name, decoded.sha256, decoded.encoding)
    issue.warnings[:0] = decoded.warnings
    return issue


def parse_text(text: str, name: str = "issue.txt") -> Issue:
    """Parse the text of one issue; ``name`` is the file name it came from."""
    with _no_cycle_collection():
        return _parse(text, name)


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Parsing allocates many small objects and makes no reference cycles: the cyclic
    garbage collector, run again and again over them, took half of the time on inputs
    of many tiny items. It runs again (if it was on) when parsing is done."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _parse(text: str, name: str) -> Issue:
    units, census = _join_wrapped(_units(text))
    layout = _Layout.of(units, census)
    warnings: list[str] = []
    drafts = _drafts_by_indent(units) if layout.flush_heads else _drafts(units, layout)
    drafts, copies = _resolve_copies_and_tails(drafts, layout, warnings)
    if _HTML_TAG.search(text[:5000]):
        warnings.append("the file looks like HTML; its markup was kept as plain text")
    items = _build_items(drafts, layout, warnings, copies)
    issue = Issue(issue_title(name), None, Source(name, "", ""), items, warnings)
    set_details(issue, read_details(name, text, warnings))
    return issue


# ---------------------------------------------------------------- units


def _units(text: str) -> list[_Unit]:
    """The non-blank lines, each with the number of blank lines before it. Each distinct
    line is read once (``_Reader``), and repeated lines (bylines, credits, page headers)
    share their unit (one per number of blank lines before it): a repeated line costs a
    lookup in the table of the units after as many blank lines as it has."""
    lines = text.split("\n")
    reader = _Reader()
    if text.count("\n\n") * 8 < len(lines):  # few blank lines (one at the end, say)
        base = {line: reader.read(line, 0) for line in dict.fromkeys(lines)}
        reader.measure()
        return _units_between_few_blanks(lines, base)
    tables: list[dict[str, _Unit]] = [{} for _ in range(_SHARED_GAPS)]
    far: dict[str, _Unit] = {}  # lines after more blank lines: never shared
    first: dict[str, _Unit] = {}  # each line's first unit (_BLANK for a blank line)
    units: list[_Unit] = []
    append = units.append
    gap = 0
    table = base = tables[0]
    for line in lines:
        unit = table.get(line)
        if unit is None:  # not seen after this many blank lines
            unit = first.get(line)
            if unit is None:
                unit = first[line] = reader.read(line, gap)
            elif unit.gap != gap and unit is not _BLANK:
                unit = reader.regap(unit, line, gap)
            if table is not far:
                table[line] = unit
        if unit is _BLANK:
            gap += 1
            table = tables[gap] if gap < _SHARED_GAPS else far
            continue
        append(unit)
        if gap:
            gap = 0
            table = base
    reader.measure()
    return units


def _units_between_few_blanks(lines: list[str], base: dict[str, _Unit]) -> list[_Unit]:
    """``_units`` for lines with few blank lines among them, given the unit of each
    line after no blank line: every line mapped to its unit at once, then each run of
    blank lines dropped and the unit after it given its gap."""
    mapped = list(map(base.__getitem__, lines))
    try:
        blank = mapped.index(_BLANK)
    except ValueError:
        return mapped
    tables: list[dict[str, _Unit]] = [{} for _ in range(_SHARED_GAPS)]
    units = mapped[:blank]
    end = len(mapped)
    while True:
        after = blank + 1
        while after < end and mapped[after] is _BLANK:
            after += 1
        if after == end:
            return units
        gap, line = after - blank, lines[after]
        table = tables[gap] if gap < _SHARED_GAPS else {}
        unit = table.get(line)
        if unit is None:
            unit = table[line] = _Unit(gap, *_line_of(mapped[after]))
        units.append(unit)
        try:
            blank = mapped.index(_BLANK, after + 1)
        except ValueError:
            units += mapped[after + 1:]
            return units
        units += mapped[after + 1:blank]


_SHARED_GAPS = 4
"""Lines after up to this many blank lines less one share units (longer gaps are rare)."""


_Kind = rules.LineKind
"""A line's kind: a unit's fields after its text, indent and width."""
_BLANK = _Unit(-1, "", False)
"""A blank line in a table of units (a sentinel, never a unit of the issue)."""


class _Reader:
    """Reads distinct lines into units. ``kinds`` holds the kind of each stripped text,
    which lines indented differently share; display widths (wide characters count two)
    are counted for all the lines read at once, by ``measure``."""

    __slots__ = ("kinds", "made", "raws")

    def __init__(self) -> None:
        self.kinds: dict[str, _Kind] = {}
        self.made: list[_Unit] = []
        self.raws: list[str] = []

    def read(self, line: str, gap: int) -> _Unit:
        """The unit of ``line`` after ``gap`` blank lines (``_BLANK`` if it is blank)."""
        stripped = line.strip()
        if not stripped:
            return _BLANK
        kind = self.kinds.get(stripped)
        if kind is None:
            kind = self.kinds[stripped] = rules.line_kind(stripped)
        if len(stripped) == len(line):
            unit = _Unit(gap, stripped, False, 0, *kind)
            self.raws.append(stripped)
        else:
            unit = _Unit(gap, stripped, _indented(line), 0, *kind)
            self.raws.append(line.rstrip())
        self.made.append(unit)
        return unit

    def regap(self, unit: _Unit, line: str, gap: int) -> _Unit:
        """The unit of ``line`` (read as ``unit``) after ``gap`` blank lines."""
        self.made.append(unit := _Unit(gap, *_line_of(unit)))
        self.raws.append(line.rstrip())
        return unit

    def measure(self) -> None:
        """Give every unit read its display width: 2 * length - ASCII characters."""
        if self.raws:
            ascii_counts = map(len, "\n".join(self.raws).encode("ascii", "ignore").split(b"\n"))
            for unit, raw, ascii in zip(self.made, self.raws, ascii_counts, strict=True):
                unit.width = 2 * len(raw) - ascii


def _indented(line: str) -> bool:
    """A paragraph indent: a full-width space, a tab, or two spaces (one space left at
    the start of a hard-wrapped line is not an indent)."""
    return line[:1] in _INDENTS or line[:2].isspace()


_INDENTS = frozenset("\u3000\t")


# ---------------------------------------------------------------- hard-wrapped text


def _join_wrapped(units: list[_Unit]) -> tuple[list[_Unit], list[tuple[_Unit, int]]]:
    """Rejoin lines hard-wrapped at a column width (text saved from a PDF), across page
    headers and footers; files without such a width are returned as they are. Also
    returns the census of the units returned (``_census``)."""
    census = _census(units)
    full = _column_widths(units, census)
    if not full:
        return units, census
    indent_marks = sum(u.indent for u in units) * 10 >= len(units)
    joined: list[_Unit] = []
    parts: dict[int, list[str]] = {}
    last: _Unit | None = None
    last_at = 0
    crossed = False
    for unit in units:
        if unit.furniture:
            joined.append(unit)
            crossed = True
            continue
        # _continues and _title_cut_mid_word, their first tests here (most lines fail them)
        if (last is not None and not (last.anchor or unit.anchor)
                and (((crossed or not unit.gap) and last.width in full
                      and _continues(last, unit, full, indent_marks, crossed))
                     or (not (crossed or unit.gap) and _title_cut_mid_word(last, unit, crossed)))):
            if id(last) not in parts:  # a unit may be shared: change a copy of it
                last = joined[last_at] = last.copy()
                parts[id(last)] = [last.text]
            pieces = parts[id(last)]
            if _ascii_letter(pieces[-1][-1:]) and _ascii_letter(unit.text[:1]):
                pieces.append(" ")  # an English word wrapped at the line end
            pieces.append(unit.text)
            last.width, last.finished = unit.width, unit.finished  # the last line decides
        else:
            last_at = len(joined)
            joined.append(unit)
            last = unit
        crossed = False
    for unit in joined:
        if id(unit) in parts:
            unit.text = "".join(parts[id(unit)])
            unit.titlish = rules.is_title_text(unit.text)
            unit.subheadish = rules.is_subhead_text(unit.text)
            unit.clause = rules.has_clause_punctuation(unit.text)
            unit.note = rules.is_closing_note(unit.text)
    return joined, _census(joined)


def _census(units: list[_Unit]) -> list[tuple[_Unit, int]]:
    """Each distinct unit of ``units`` with the number of times it stands there: the
    file-wide counts of the layout are summed over these, not over every line."""
    return list(Counter(units).items())


def _title_cut_mid_word(last: _Unit, unit: _Unit, crossed: bool) -> bool:
    """True if two flush title lines of hard-wrapped text are one title line cut inside a
    word (``…部署推进城`` / ``市更新工作``): a dictionary word runs across the break."""
    if crossed or unit.gap or last.indent or unit.indent or last.anchor or unit.anchor:
        return False
    if not (last.titlish and unit.titlish) or not (_han(last.text[-1]) and _han(unit.text[0])):
        return False
    return _word_across(last.text[-4:], unit.text[:4])


def _han(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff"


def _word_across(before: str, after: str) -> bool:
    """True if a dictionary word runs across ``before|after`` leaving a single character
    on one side (``推进城|市更新``); a compound of two words (``服务|中心``) may be a kicker
    and its headline."""
    import jieba  # loaded only for hard-wrapped files with titles of several lines

    jieba.setLogLevel(logging.WARNING)  # as the analysis does: no loading chatter
    position = 0
    for word in jieba.cut(before + after, HMM=False):
        left = len(before) - position
        if 0 < left < len(word):
            return left == 1 or len(word) - left == 1
        position += len(word)
    return False


def _ascii_letter(char: str) -> bool:
    return char.isascii() and char.isalpha()


def _column_widths(units: list[_Unit], census: list[tuple[_Unit, int]]) -> frozenset[int]:
    """Widths at which many lines stop mid-sentence with the next line right below: the
    columns of hard-wrapped text, if the file has them."""
    counts: Counter[int] = Counter()
    for unit, n in census:
        if unit.width >= MIN_COLUMN and not unit.anchor:
            counts[unit.width] += n
    floor = max(6, len(units) * 0.08)
    columns = frozenset(w for w in counts if counts[w - 1] + counts[w] + counts[w + 1] >= floor)
    if not columns:
        return columns
    full = _full_widths(columns)
    cut = sum(1 for unit, after in pairwise(units)
              if not after.gap and not after.indent and unit.width in full and not unit.finished)
    return full if cut >= max(6, len(units) * 0.15) else frozenset()


def _full_widths(columns: frozenset[int]) -> frozenset[int]:
    """Widths of a full line in one of ``columns`` (a little short of it: ASCII and
    punctuation set narrower)."""
    return frozenset(w for column in columns for w in range(column - 3, column + 3))


def _continues(last: _Unit, unit: _Unit, full: frozenset[int], indent_marks: bool,
               crossed: bool) -> bool:
    """True if ``unit`` goes on with the line ``last``, cut only by the column width."""
    if last.anchor or unit.anchor or (unit.gap and not crossed) or last.width not in full:
        return False
    if not indent_marks:
        return not last.finished
    # A full line that ends a sentence goes on only into a line that is not a title:
    # one that is full itself or ends the paragraph.
    return not unit.indent and (not last.finished or unit.width in full or unit.finished)


# ---------------------------------------------------------------- layout


@dataclass
class _Layout:
    """File-wide habits: the usual gap between paragraphs, whether they are indented and
    whether titles stand flush left above indented bodies."""

    usual_gap: float
    indented: bool
    flush_heads: bool = False

    @classmethod
    def of(cls, units: list[_Unit], census: list[tuple[_Unit, int]]) -> _Layout:
        """The habits of ``units``, counted over their census (``_census``)."""
        gaps: Counter[int] = Counter()
        content = indented = indented_chars = flush = flush_short = flush_chars = 0
        for unit, n in census:
            gaps[unit.gap] += n
            if unit.furniture:
                continue  # page furniture is no habit of the text either
            content += n
            if unit.indent:
                indented += n
                indented_chars += len(unit.text) * n
            elif not unit.anchor:
                flush += n
                flush_chars += len(unit.text) * n
                if len(unit.text) <= MAX_FLUSH_TITLE:
                    flush_short += n
        if units:
            gaps[units[0].gap] -= 1  # the gap before the first line is no habit
        flush_heads = (indented >= 2 and flush > 0 and flush_short * 10 >= flush * 9
                       and (indented * 5 >= content * 2 or indented_chars >= flush_chars))
        return cls(_median(gaps), flush_heads or indented * 2 > content, flush_heads)


def _median(counts: Counter[int]) -> float:
    """``statistics.median`` of the values counted in ``counts`` (1 if there are none),
    without sorting one value per line."""
    total = counts.total()
    if total <= 0:
        return 1

    def at(position: int) -> int:
        seen = 0
        for value in sorted(counts):
            seen += counts[value]
            if position < seen:
                return value
        raise AssertionError("position beyond the counts")

    middle = total // 2
    return at(middle) if total % 2 else (at(middle - 1) + at(middle)) / 2


# ---------------------------------------------------------------- flush titles, indented bodies


def _drafts_by_indent(units: list[_Unit]) -> list[_Draft]:
    """Bodies indented, titles flush left: every run of flush lines that follows the end
    of a paragraph opens an item; bylines and credits join the item they stand in."""
    starts: list[_Draft | None] = [None] * len(units)
    claimed = bytearray(len(units))
    for i in _anchor_indexes(units):
        if units[i].furniture:  # a fragment of its own, never a title or body
            starts[i] = _Draft(_NONE, None, [units[i]], furniture=True)
            claimed[i] = 1
    for run in _flush_runs(units):
        head = run[-MAX_TITLE_LINES:]
        starts[head[0]] = _Draft(_pick(units, head), None, _NONE)
        for i in head:
            claimed[i] = 1
    return _walk(units, starts, claimed, _Layout(0, True, True))


def _flush_runs(units: list[_Unit]) -> list[list[int]]:
    runs: list[list[int]] = []
    run: list[int] = []
    previous: _Unit | None = None
    for i, unit in enumerate(units):
        if unit.furniture:
            continue
        if _is_flush_title(unit) and (run or _after_boundary(unit, previous)):
            run.append(i)
        elif run:
            runs.append(run)
            run = []
        previous = unit
    if run:
        runs.append(run)
    return runs


def _is_flush_title(unit: _Unit) -> bool:
    """A flush-left line that can be a title line: not too long, not a closing credit,
    and not ending a sentence or a clause (``同志们，朋友们：`` opens a speech)."""
    return (not unit.indent and not unit.anchor and len(unit.text) <= MAX_FLUSH_TITLE
            and unit.text[-1] not in "。；;：:，,、" and not unit.note)


def _after_boundary(unit: _Unit, previous: _Unit | None) -> bool:
    """A flush line right after a long unfinished line continues it (a hard wrap);
    elsewhere it is a head: after a finished paragraph, a blank line, a byline, or a
    short line such as a credit (``人民视觉``) or a subhead."""
    if previous is None or unit.gap or previous.anchor:
        return True
    if previous.finished or previous.note:
        return True
    return previous.width < WRAPPED_LINE_MIN


# ---------------------------------------------------------------- heads and drafts


def _drafts(units: list[_Unit], layout: _Layout) -> list[_Draft]:
    """Split the units into drafts: find the heads first, then walk the units. ``starts``
    holds the draft that opens at a unit, ``claimed`` marks the units that heads took
    (title lines and anchors: every start is claimed)."""
    starts: list[_Draft | None] = [None] * len(units)
    claimed = bytearray(len(units))
    _claim_anchors(units, starts, claimed)
    _claim_unbylined(units, starts, claimed, layout)
    return _walk(units, starts, claimed, layout)


def _anchor_indexes(units: list[_Unit]) -> Iterator[int]:
    """Indexes of the bylines, credits and page furniture."""
    return compress(count(), map(_anchor_of, units))


_anchor_of = attrgetter("anchor")


def _claim_anchors(units: list[_Unit], starts: list[_Draft | None], claimed: bytearray) -> None:
    """Page furniture becomes a fragment of its own; a photo credit takes the line above
    it as its caption and up to two short lines above that as the photo's title; a
    byline takes the title lines above it. Anchors are taken in the order they stand:
    each claims only lines between it and the anchor above it, so this is what claiming
    all furniture, then all credits, then all bylines gives.

    Items of one unit alone (a credit, page furniture, a byline with no title line)
    start as one shared draft per unit (``_Shared``)."""
    shared: dict[_Unit, _Draft] = {}
    for i in _anchor_indexes(units):
        unit = units[i]
        claimed[i] = 1
        if unit.furniture:
            draft = shared.get(unit)
            if draft is None:
                draft = shared[unit] = _Shared(_NONE, None, [unit], furniture=True)
            starts[i] = draft
        elif unit.credit is not None:
            above = i - 1
            if i and not units[above].anchor and not claimed[above]:
                claimed[above] = 1
                title = _gather_title(units, above, claimed, 2, True)
                for t in title:
                    claimed[t] = 1
                starts[title[0] if title else above] = _Draft(
                    _pick(units, title), None, [units[above]], unit)
            else:
                draft = shared.get(unit)
                if draft is None:
                    draft = shared[unit] = _Shared(_NONE, None, _NONE, unit)
                starts[i] = draft
        elif not i or units[i - 1].anchor or claimed[i - 1]:  # no title line above it
            draft = shared.get(unit)
            if draft is None:
                draft = shared[unit] = _Shared(_NONE, unit, _NONE)
            starts[i] = draft
        else:
            title = _gather_title(units, i, claimed, MAX_TITLE_LINES, False)
            if not title:
                draft = shared.get(unit)
                if draft is None:
                    draft = shared[unit] = _Shared(_NONE, unit, _NONE)
                starts[i] = draft
                continue
            for t in title:
                claimed[t] = 1
            starts[title[0]] = _Draft(_pick(units, title), unit, _NONE)


def _claim_unbylined(units: list[_Unit], starts: list[_Draft | None], claimed: bytearray,
                     layout: _Layout) -> None:
    """Articles without a byline: a resolution, a notice, a story opening with 本报讯.

    Only the units no head took are looked at (a claim here takes lines above the unit
    looked at, never below it, so the units to look at are known before the loop)."""
    for i in compress(count(), claimed.translate(_UNCLAIMED)):
        unit = units[i]
        if unit.titlish and not rules.is_story_lead(unit.text):
            continue  # a title-like line (not a story lead) opens no body after a title
        above = units[i - 1]  # (units[-1] for the first: then i is 0)
        if not i or claimed[i - 1] or not (above.titlish or rules.is_dateline(above.text)):
            continue  # no title line above it (the first test of _gather_title)
        title = _gather_title(units, i, claimed, MAX_TITLE_LINES, True)
        if not title or not _is_unbylined_head(units, title, i, layout.usual_gap):
            continue
        for t in title:
            claimed[t] = 1
        starts[title[0]] = _Draft(_pick(units, title), None, _NONE)


_UNCLAIMED = bytes([1] + [0] * 255)
"""``claimed.translate(_UNCLAIMED)``: 1 for the units not claimed."""


def _pick(units: list[_Unit], indexes: list[int]) -> list[_Unit]:
    return list(map(units.__getitem__, indexes)) if indexes else _NONE


def _is_unbylined_head(units: list[_Unit], title: list[int], body: int, usual_gap: float) -> bool:
    first = units[title[0]]
    if title[0] == 0 or rules.is_story_lead(units[body].text):
        return True
    if any(rules.is_dateline(units[t].text) for t in title[1:]):
        return True
    if any(rules.is_document_title(units[t].text) for t in title):
        return True
    return first.gap >= 2 and first.gap > usual_gap


def _gather_title(
    units: list[_Unit], anchor: int, claimed: bytearray, limit: int, need_boundary: bool
) -> list[int]:
    """Indexes of the title lines just before ``anchor``, in reading order.

    Titles are short lines that do not end a sentence. With ``need_boundary`` the line
    before the title must end a paragraph (or be a head or the start of the file),
    so that the tail of a paragraph cut by a column break is not taken for a title.
    Right above a byline, a line with an inner comma is a title line too when the line
    before it ends a paragraph (``山东召开动员大会，吹响冲锋号``).
    """
    picked: list[int] = []
    i = anchor - 1
    while i >= 0 and len(picked) < limit and not claimed[i]:
        unit = units[i]
        if unit.anchor or not (unit.titlish or rules.is_dateline(unit.text)):
            break
        if (unit.clause and not rules.ends_like_slogan(unit.text)
                and not (not need_boundary and rules.is_comma_title(unit.text)
                         and _ends_prose(units, i - 1))):
            break  # prose cut short by a column break, not a title line
        picked.append(i)
        i -= 1
    picked.reverse()
    while need_boundary and picked and not _is_boundary(units, picked[0] - 1, claimed):
        picked.pop(0)
    return picked


def _ends_prose(units: list[_Unit], i: int) -> bool:
    """True at the start of the file or after a finished paragraph (not after a byline:
    the line after a byline is the article's first paragraph)."""
    return i < 0 or units[i].furniture or (not units[i].anchor and units[i].finished)


def _is_boundary(units: list[_Unit], i: int, claimed: bytearray) -> bool:
    return i < 0 or bool(claimed[i]) or units[i].anchor or units[i].finished


def _walk(units: list[_Unit], starts: list[_Draft | None], claimed: bytearray,
          layout: _Layout) -> list[_Draft]:
    """Assign every unit to a draft, in order.

    Body text after a photo opens a new draft; after page furniture it goes on with the
    article before it when that article stopped mid-sentence. Where titles stand flush
    left, a byline or credit line joins the item it stands in (see ``_place_anchor``).
    """
    drafts: list[_Draft] = []
    append = drafts.append
    current: _Draft | None = None
    at = 0  # where current stands in drafts
    crossed = False
    flush_heads = layout.flush_heads
    for unit, start, taken in zip(units, starts, claimed, strict=True):
        if start is not None:
            if (start.furniture and current is not None and current.credit is None
                    and not current.furniture):
                append(start)
                crossed = True
                continue  # a page break does not end the article being read
            current, at = start, len(drafts)
            append(current)
            crossed = False
        if taken:
            continue
        if flush_heads and unit.anchor:
            placed = _place_anchor(unit, current, drafts)
            if placed is not None:
                if placed is not current:
                    at = len(drafts) - 1
                current, crossed = placed, False
                continue
        if (current is None or current.credit is not None or current.furniture
                or (crossed and not _continues_across(current, unit, layout))):
            current, at = _Draft(_NONE, None, [unit], tail=True), len(drafts)
            append(current)
        elif current.body:
            current.body.append(unit)
        elif type(current) is _Shared:
            current = drafts[at] = current.own([unit])
        else:
            current.body = [unit]  # its first body line (an empty body is _NONE)
        crossed = False
    return drafts


def _continues_across(draft: _Draft, unit: _Unit, layout: _Layout) -> bool:
    """True if ``unit``, after page furniture, goes on with ``draft``: its title waits
    for its body, titles stand flush left (and ``unit`` is not one), or its last
    paragraph stopped mid-sentence."""
    if not draft.body:
        return draft.headed
    if layout.flush_heads:
        return True  # only a flush title opens a new item in this layout
    return draft.open_end() and not (layout.indented and unit.indent)


def _place_anchor(unit: _Unit, current: _Draft | None, drafts: list[_Draft]) -> _Draft | None:
    """Put a byline or credit line met inside a body where it belongs and return the item
    that goes on; None if the line stays body text. A byline near the top is the item's;
    a credit closes a short item (a photo and its title), or takes the paragraph before
    it as its caption."""
    if unit.byline is not None and (current is None or current.closed or current.tail):
        drafts.append(_Draft(_NONE, unit, _NONE))  # an article without a title
        return drafts[-1]
    if current is None or current.closed:
        drafts.append(_Draft(_NONE, None, _NONE, unit))
        return drafts[-1]
    if unit.byline is not None:
        if current.byline is None and len(current.body) <= PHOTO_STORY_MAX:
            current.byline = unit
            return current
        return None
    if len(current.body) <= PHOTO_STORY_MAX:
        current.credit = unit
        return current
    caption = current.body.pop()
    drafts.append(_Draft(_NONE, None, [caption], unit))
    return drafts[-1]


# ---------------------------------------------------------------- copies and tails


def _resolve_copies_and_tails(drafts: list[_Draft], layout: _Layout,
                              warnings: list[str]) -> tuple[list[_Draft], bool]:
    """Mark repeated articles as duplicates and reattach misplaced tails where
    unambiguous; also say whether any draft was marked a copy.

    Only drafts with body text (no photo, no page furniture) can be copies or take a
    tail: they are found once, and the others cost nothing here."""
    with_text = [d for d in compress(drafts, map(_body_of, drafts))
                 if d.credit is None and not d.furniture]
    texts = _Texts(with_text)
    resolved, copies = drafts, False
    if texts.index:  # else no draft has text enough to be a copy
        tails: dict[int, _Draft] = {}
        for k, draft in enumerate(with_text):
            tail = _mark_copy(k, texts)
            if tail is not None:
                tails[id(draft)] = tail
        copies = any(d.duplicate_of is not None for d in with_text)
        if tails:
            resolved = []
            for draft in drafts:
                resolved.append(draft)
                tail = tails.get(id(draft))
                if tail is not None:
                    resolved.append(tail)
    return _reattach_tails(resolved, with_text, layout, warnings), copies


_body_of = attrgetter("body")


class _Texts:
    """The body text of each draft (``drafts[k]``) with whitespace removed, and where
    each unit starts, indexed by the first characters after every unit start (a bounded
    number of places per key, so repeated items cost no more than different ones)."""

    def __init__(self, drafts: list[_Draft]) -> None:
        self.drafts = drafts
        self.text: list[str] = []
        self.ends: list[list[int]] = []
        self.index: dict[str, list[tuple[int, int]]] = {}
        squeezed: dict[str, str] = {}
        for draft in drafts:
            body = draft.body
            if len(body) == 1:
                piece = squeezed.get(body[0].text)
                if piece is None:
                    piece = squeezed[body[0].text] = _squeeze(body[0].text)
                self.text.append(piece)
                self.ends.append([len(piece)])
                continue
            pieces = []
            for unit in body:
                piece = squeezed.get(unit.text)
                if piece is None:
                    piece = squeezed[unit.text] = _squeeze(unit.text)
                pieces.append(piece)
            self.text.append("".join(pieces))
            self.ends.append(list(accumulate(map(len, pieces))))
        # Only the first characters of a text long enough to be a copy are ever looked
        # up: unit starts with other keys need no place in the index.
        wanted = {text[:COPY_KEY] for text in self.text if len(text) >= MIN_COPY_CHARS}
        if wanted:
            self._index(wanted)

    def _index(self, wanted: set[str]) -> None:
        index = self.index
        for k, (text, ends) in enumerate(zip(self.text, self.ends, strict=True)):
            for start in chain((0,), ends[:-1]):
                key = text[start:start + COPY_KEY]
                if key in wanted:
                    places = index.get(key)
                    if places is None:
                        index[key] = [(k, start)]
                    elif len(places) < COPY_CANDIDATES:
                        places.append((k, start))

    def cut(self, k: int, units: int) -> None:
        """Draft ``k`` now keeps only its first ``units`` body units."""
        ends = self.ends[k][:units]
        self.ends[k] = ends
        self.text[k] = self.text[k][: ends[-1] if ends else 0]


def _squeeze(text: str) -> str:
    return "".join(text.split())


def _mark_copy(k: int, texts: _Texts) -> _Draft | None:
    """If draft ``k`` repeats another article, mark it; return the unmatched remainder."""
    mine = texts.text[k]
    if len(mine) < MIN_COPY_CHARS:
        return None
    draft = texts.drafts[k]
    best: tuple[int, int] | None = None
    for j, start in texts.index.get(mine[:COPY_KEY], ()):
        if (j == k or texts.drafts[j].duplicate_of is draft
                or start >= len(texts.text[j])):
            continue
        matched = _copied_units(mine, texts.ends[k], texts.text[j], start)
        if matched and (best is None or matched > best[0]):
            best = (matched, j)
    if best is None or not _is_copy_of(k, best[1], best[0], texts):
        return None
    matched, j = best
    draft.duplicate_of = texts.drafts[j]
    if matched == len(draft.body):
        return None
    tail = _Draft(_NONE, None, draft.body[matched:], tail=True)
    draft.body = draft.body[:matched]
    texts.cut(k, matched)
    return tail


def _copied_units(mine: str, ends: list[int], other: str, start: int) -> int:
    """How many leading units of ``mine`` repeat ``other`` from ``start``, compared on the
    text without whitespace (so a copy wrapped at another width still matches); the
    last matched unit may stop where the copy was cut short."""
    same = _common_prefix(mine, other, start)
    units = bisect_right(ends, same)
    chars = ends[units - 1] if units else 0
    return units if chars >= MIN_COPY_CHARS else 0


def _common_prefix(mine: str, other: str, start: int) -> int:
    """Length of the common prefix of ``mine`` and ``other[start:]`` (binary search)."""
    low, high = 0, min(len(mine), len(other) - start)
    if mine[:high] == other[start:start + high]:
        return high
    while low < high:
        middle = (low + high + 1) // 2
        if mine[:middle] == other[start:start + middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _is_copy_of(k: int, j: int, matched: int, texts: _Texts) -> bool:
    """A headless repeat is a copy; of two titled ones, the shorter or later is the copy
    (draft ``k`` of draft ``j``)."""
    draft, original = texts.drafts[k], texts.drafts[j]
    if draft.headless and not original.headless:
        return True
    if matched < len(draft.body) or (original.headless and not draft.headless):
        return False
    mine, theirs = len(texts.text[k]), len(texts.text[j])
    return mine < theirs or (mine == theirs and j < k)


def _reattach_tails(drafts: list[_Draft], with_text: list[_Draft], layout: _Layout,
                    warnings: list[str]) -> list[_Draft]:
    """Append headless tails to the one article whose last paragraph is unfinished.

    The join must be unambiguous (exactly one such article in the issue) and plausible:
    a tail that opens a paragraph of its own (indented where bodies are), repeats
    another text or is repeated elsewhere stays a fragment, so that a copy's text never
    lands inside another article. ``with_text`` holds every draft that may be that
    article.
    """
    target = _only_open_end(with_text)
    if target is None:
        return drafts
    copied = {id(d.duplicate_of) for d in drafts if d.duplicate_of is not None}
    result: list[_Draft] = []
    for draft in drafts:
        if (target is not None and draft.tail and draft.body and draft.duplicate_of is None
                and id(draft) not in copied and target.open_end()
                and _plausible_tail(draft, layout)):
            target.body.extend(draft.body)
            warnings.append(_reattached(draft, target))
            continue
        result.append(draft)
    return result


def _only_open_end(drafts: list[_Draft]) -> _Draft | None:
    """The one headed article whose last paragraph stops mid-sentence, if exactly one."""
    found = None
    for draft in drafts:
        body = draft.body
        if (body and not body[-1].finished and draft.credit is None and not draft.furniture
                and not draft.tail and draft.duplicate_of is None
                and (draft.title or draft.byline is not None)):
            if found is not None:
                return None
            found = draft
    return found


def _plausible_tail(tail: _Draft, layout: _Layout) -> bool:
    first = tail.body[0]
    return not (layout.indented and first.indent) and not rules.is_story_lead(first.text)


def _reattached(tail: _Draft, target: _Draft) -> str:
    label = " ".join(u.text for u in target.title) or "(untitled)"
    return (f"a misplaced tail of {len(tail.body)} paragraph(s) starting "
            f"“{tail.body[0].text[:12]}…” was reattached to the end of “{label}”")


# ---------------------------------------------------------------- items


def _build_items(drafts: list[_Draft], layout: _Layout, warnings: list[str],
                 copies: bool) -> list[Item]:
    """The items, in order; articles without text, or none at all, are warned about.

    One loop with no call per item but the Item's own: a file of tiny items (a credit
    every 11 bytes) makes one item a line, and the calls of a helper per item took half
    of this pass."""
    position = {id(d): n for n, d in enumerate(drafts)} if copies else {}
    unmarked: dict[str, str] = {}  # an anchor line's text without its marker
    lead_names, trailing_names = rules.lead_byline_names, rules.trailing_byline_names
    items: list[Item] = []
    append = items.append
    articles = False
    for index, draft in enumerate(drafts):
        byline, credit, body = draft.byline, draft.credit, draft.body
        byline_text = credit_text = ""
        names: list[str] = []
        if credit is not None:
            kind: ItemKind = "photo"
            credit_text = unmarked.get(credit.text) or _unmarked(credit.text, unmarked)
        else:
            kind = "fragment" if draft.tail or draft.furniture else "article"
        if byline is not None:
            byline_text = unmarked.get(byline.text) or _unmarked(byline.text, unmarked)
            if byline.byline:
                names = byline.byline[:]
        if credit is not None:
            names = credit.credit[:] if credit.credit else []
        if body:
            if len(body) > 1:
                paragraphs = _paragraphs(body, "caption" if credit is not None else "text",
                                         layout)
            elif credit is not None:
                paragraphs = [Paragraph("caption", rules.strip_marker(body[0].text))]
            else:  # one line: no break to join, and a subhead needs text after it
                paragraphs = [Paragraph("text", body[0].text)]
            if not names:
                names = lead_names(paragraphs[0].text) or trailing_names(paragraphs[-1].text)
        else:
            paragraphs = []
            if kind == "article":
                warnings.append(f"item {index} has a byline or title but no text")
        if kind == "article":
            articles = True
        dup = draft.duplicate_of
        # entities and figures given, not left to their default factories (half the cost)
        append(Item(index, kind, list(map(_text_of, draft.title)) if draft.title else [],
                    names, byline_text, credit_text, paragraphs,
                    position[id(dup)] if dup is not None else None, [], []))
    if not articles:
        warnings.append("no article with a title or byline was found")
    return items


_text_of = attrgetter("text")


def _unmarked(text: str, known: dict[str, str]) -> str:
    """``text`` without a leading marker; ``known`` remembers it for a repeated line."""
    found = known[text] = rules.strip_marker(text) if text[:1] in _MARKERS else text
    return found


_MARKERS = frozenset(rules.MARKERS)


def _paragraphs(units: list[_Unit], kind: ParagraphKind, layout: _Layout) -> list[Paragraph]:
    """Join column breaks back into paragraphs and recognise subheads."""
    if len(units) == 1:  # one line: no break to join, and a subhead needs text after it
        text = units[0].text
        return [Paragraph(kind, rules.strip_marker(text) if kind == "caption" else text)]
    pieces: list[tuple[ParagraphKind, list[str]]] = []
    open_text = False
    for i, unit in enumerate(units):
        text = rules.strip_marker(unit.text) if kind == "caption" else unit.text
        if open_text and not (layout.indented and unit.indent):
            pieces[-1][1].append(text)
        elif kind == "text" and _is_subhead(units, i, layout):
            if (pieces and pieces[-1][0] == "subhead" and unit.gap == 0
                    and not (layout.indented and unit.indent)):
                pieces[-1][1].extend((" ", text))
            else:
                pieces.append(("subhead", [text]))
            open_text = False
            continue
        else:
            pieces.append((kind, [text]))
        open_text = not (unit.finished if text is unit.text else rules.is_finished(text))
    return [Paragraph(k, "".join(parts)) for k, parts in pieces]


def _is_subhead(units: list[_Unit], i: int, layout: _Layout) -> bool:
    """A short line with no sentence punctuation, between paragraphs, followed by text
    (not by a flush line that goes on with it, where paragraphs are indented)."""
    if not units[i].subheadish:
        return False
    following = units[i + 1 : i + 3]
    if layout.indented and following and not following[0].indent:
        return False
    return any(not u.subheadish for u in following)


# ---------------------------------------------------------------- issue-level


def issue_title(name: str) -> str:
    """The issue's title: the file name without its folder and extension."""
    return PurePath(name).stem or name


_HTML_TAG = re.compile(r"<(?:html|body|p|div|br|span|table)\b[^>]*>", re.IGNORECASE)
