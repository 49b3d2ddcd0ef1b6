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
from datetime import date
from itertools import accumulate, pairwise
from operator import attrgetter
from pathlib import PurePath

from reader.core import textrules as rules
from reader.core.decode import Decoded
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


@dataclass(slots=True)
class _Unit:
    """One non-blank line of the input (or, in hard-wrapped text, one rejoined line).

    Lines that are the same, after the same number of blank lines, share one unit: it
    is read, never changed, once made (``_join_wrapped`` changes its own copies)."""

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
    anchor: bool = False
    """A byline, a credit or page furniture: a line that anchors an item."""

    def copy(self) -> _Unit:
        return _Unit(*_unit_fields(self))


_unit_fields = attrgetter(*(f.name for f in fields(_Unit)))
_line_of = attrgetter(*[f.name for f in fields(_Unit)][1:])
"""A unit's fields but its gap: what every unit of the same line shares."""


class _Draft:
    """An item under construction: the units that belong to it, by role.

    A plain slotted class with every list passed in: a file of tiny items makes one a
    line, and a dataclass's default factories cost half of its construction."""

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


def parse_decoded(decoded: Decoded) -> Issue:
    """Parse a decoded file into an Issue, with the file name giving title and date."""
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
    units = _join_wrapped(_units(text))
    layout = _Layout.of(units)
    warnings: list[str] = []
    drafts = _drafts_by_indent(units) if layout.flush_heads else _drafts(units, layout)
    drafts = _resolve_copies_and_tails(drafts, layout, warnings)
    if _HTML_TAG.search(text[:5000]):
        warnings.append("the file looks like HTML; its markup was kept as plain text")
    items = _build_items(drafts, layout, warnings)
    title, issue_date = issue_title(name), issue_date_from_name(name)
    return Issue(title, issue_date, Source(name, "", ""), items, warnings)


# ---------------------------------------------------------------- units


def _units(text: str) -> list[_Unit]:
    """The non-blank lines, each with the number of blank lines before it. Each distinct
    line is read once, and repeated lines (bylines, credits, page headers) share their
    unit: they cost a lookup."""
    units: list[_Unit] = []
    append = units.append
    # A line's units by gap, and last the first unit made of it; None: a blank line.
    shared: dict[str, list[_Unit | None] | None] = {}
    kinds: dict[str, _Kind] = {}
    gap = 0
    for line in text.split("\n"):
        by_gap = shared.get(line, _UNSEEN)
        if by_gap is None:
            gap += 1
            continue
        if by_gap is _UNSEEN:
            unit = _read_line(line, gap, kinds)
            if unit is None:
                shared[line] = None
                gap += 1
                continue
            by_gap = shared[line] = [None] * _SHARED_GAPS + [unit]
            if gap < _SHARED_GAPS:
                by_gap[gap] = unit
        else:
            found = by_gap[gap] if gap < _SHARED_GAPS else None
            if found is None:
                found = _Unit(gap, *_line_of(by_gap[_SHARED_GAPS]))
                if gap < _SHARED_GAPS:
                    by_gap[gap] = found
            unit = found
        append(unit)
        gap = 0
    return units


_SHARED_GAPS = 4
"""Lines after up to this many blank lines less one share units (longer gaps are rare)."""


_Kind = tuple[list[str] | None, list[str] | None, bool, bool, bool, bool, bool]
"""A line's kind: a unit's fields after its text, indent and width."""
_UNSEEN: list[_Unit | None] = []


def _read_line(line: str, gap: int, kinds: dict[str, _Kind]) -> _Unit | None:
    """The unit of a line after ``gap`` blank lines (None if it is blank); ``kinds``
    caches the kind of each stripped text, which lines indented differently share."""
    stripped = line.strip()
    if not stripped:
        return None
    kind = kinds.get(stripped)
    if kind is None:
        kind = kinds[stripped] = _classify(stripped)
    if len(stripped) == len(line):
        raw, indented = stripped, False
    else:
        raw = line.rstrip()
        indented = _indented(line)
    width = 2 * len(raw) - len(raw.encode("ascii", "ignore"))  # wide characters: 2
    return _Unit(gap, stripped, indented, width, *kind)


def _indented(line: str) -> bool:
    """A paragraph indent: a full-width space, a tab, or two spaces (one space left at
    the start of a hard-wrapped line is not an indent)."""
    return line[:1] in _INDENTS or line[:2].isspace()


_INDENTS = frozenset("\u3000\t")


def _classify(text: str) -> _Kind:
    """(byline names, photo credit names, page furniture?, finished?, title-like?,
    subhead-like?, anchor?) of a line."""
    finished, titlish, subheadish = rules.line_flags(text)
    if not rules.may_be_anchor(text):
        return None, None, False, finished, titlish, subheadish, False
    if rules.is_page_furniture(text):
        return None, None, True, finished, titlish, subheadish, True
    credit = rules.credit_names(text)
    byline = None if credit is not None else rules.byline_names(text)
    anchor = credit is not None or byline is not None
    return byline, credit, False, finished, titlish, subheadish, anchor


# ---------------------------------------------------------------- hard-wrapped text


def _join_wrapped(units: list[_Unit]) -> list[_Unit]:
    """Rejoin lines hard-wrapped at a column width (text saved from a PDF), across page
    headers and footers; files without such a width are returned as they are."""
    full = _column_widths(units)
    if not full:
        return units
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
        if last is not None and (_continues(last, unit, full, indent_marks, crossed)
                                 or _title_cut_mid_word(last, unit, crossed)):
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
    return joined


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


def _column_widths(units: list[_Unit]) -> frozenset[int]:
    """Widths at which many lines stop mid-sentence with the next line right below: the
    columns of hard-wrapped text, if the file has them."""
    counts = Counter(u.width for u in units if u.width >= MIN_COLUMN and not u.anchor)
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
    def of(cls, units: list[_Unit]) -> _Layout:
        gaps = Counter(map(_gap_of, units))
        if units:
            gaps[units[0].gap] -= 1  # the gap before the first line is no habit
        content = [u for u in units if not u.furniture] if any(map(_furniture_of, units)) else units
        indented_count = sum(map(_indent_of, content))
        flush_heads = False
        if indented_count >= 2:
            flush = [u for u in content if not u.indent and not u.anchor]
            flush_heads = (bool(flush)
                           and sum(len(u.text) <= MAX_FLUSH_TITLE for u in flush) * 10
                           >= len(flush) * 9
                           and (indented_count * 5 >= len(content) * 2
                                or sum(len(u.text) for u in content if u.indent)
                                >= sum(len(u.text) for u in flush)))
        indented = flush_heads or indented_count * 2 > len(content)
        return cls(_median(gaps), indented, flush_heads)


_gap_of = attrgetter("gap")
_indent_of = attrgetter("indent")
_furniture_of = attrgetter("furniture")


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
    starts: dict[int, _Draft] = {}
    claimed: set[int] = set()
    _claim_furniture(units, _anchors(units)[0], starts, claimed)
    for run in _flush_runs(units):
        head = run[-MAX_TITLE_LINES:]
        starts[head[0]] = _Draft(_pick(units, head), None, [])
        claimed.update(head)
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
        else:
            if run:
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
            and unit.text[-1] not in "。；;：:，,、" and not rules.is_closing_note(unit.text))


def _after_boundary(unit: _Unit, previous: _Unit | None) -> bool:
    """A flush line right after a long unfinished line continues it (a hard wrap);
    elsewhere it is a head: after a finished paragraph, a blank line, a byline, or a
    short line such as a credit (``人民视觉``) or a subhead."""
    if previous is None or unit.gap or previous.anchor:
        return True
    if previous.finished or rules.is_closing_note(previous.text):
        return True
    return previous.width < WRAPPED_LINE_MIN


# ---------------------------------------------------------------- heads and drafts


def _drafts(units: list[_Unit], layout: _Layout) -> list[_Draft]:
    """Split the units into drafts: find the heads first, then walk the units."""
    starts: dict[int, _Draft] = {}
    claimed: set[int] = set()
    furniture, credits, bylines = _anchors(units)
    _claim_furniture(units, furniture, starts, claimed)
    _claim_photos(units, credits, starts, claimed)
    _claim_bylined(units, bylines, starts, claimed)
    _claim_unbylined(units, starts, claimed, layout)
    return _walk(units, starts, claimed, layout)


def _anchors(units: list[_Unit]) -> tuple[list[int], list[int], list[int]]:
    """Indexes of the page furniture, the photo credits and the bylines, in one pass."""
    furniture: list[int] = []
    credits: list[int] = []
    bylines: list[int] = []
    for i, unit in enumerate(units):
        if unit.anchor:
            (furniture if unit.furniture else credits if unit.credit is not None
             else bylines).append(i)
    return furniture, credits, bylines


def _claim_furniture(units: list[_Unit], furniture: list[int], starts: dict[int, _Draft],
                     claimed: set[int]) -> None:
    """Page headers and editor lines become fragments of their own, never titles or body."""
    for i in furniture:
        starts[i] = _Draft([], None, [units[i]], furniture=True)
    claimed.update(furniture)


def _claim_photos(units: list[_Unit], credits: list[int], starts: dict[int, _Draft],
                  claimed: set[int]) -> None:
    for c in credits:
        unit = units[c]
        draft = _Draft([], None, [], unit)
        claimed.add(c)
        first = c
        if c > 0 and not units[c - 1].anchor and (c - 1) not in claimed:
            first = c - 1
            claimed.add(first)
            draft.body = [units[first]]
            title = _gather_title(units, first, claimed, limit=2, need_boundary=True)
            draft.title = _pick(units, title)
            claimed.update(title)
            first = title[0] if title else first
        starts[first] = draft


def _claim_bylined(units: list[_Unit], bylines: list[int], starts: dict[int, _Draft],
                   claimed: set[int]) -> None:
    for b in bylines:
        if b in claimed:
            continue
        unit = units[b]
        if b == 0 or units[b - 1].anchor or b - 1 in claimed:  # no title line above it
            starts[b] = _Draft([], unit, [])
            claimed.add(b)
            continue
        title = _gather_title(units, b, claimed, limit=MAX_TITLE_LINES, need_boundary=False)
        draft = _Draft(_pick(units, title), unit, [])
        claimed.update(title)
        claimed.add(b)
        starts[title[0] if title else b] = draft


def _claim_unbylined(units: list[_Unit], starts: dict[int, _Draft], claimed: set[int],
                     layout: _Layout) -> None:
    """Articles without a byline: a resolution, a notice, a story opening with 本报讯."""
    for i, unit in enumerate(units):
        if unit.anchor or i in claimed or (unit.titlish and not rules.is_story_lead(unit.text)):
            continue  # a title-like line (not a story lead) opens no body after a title
        title = _gather_title(units, i, claimed, limit=MAX_TITLE_LINES, need_boundary=True)
        if not title or not _is_unbylined_head(units, title, i, layout.usual_gap):
            continue
        draft = _Draft(_pick(units, title), None, [])
        claimed.update(title)
        starts[title[0]] = draft


def _pick(units: list[_Unit], indexes: list[int]) -> list[_Unit]:
    return list(map(units.__getitem__, indexes)) if indexes else []


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
    units: list[_Unit], anchor: int, claimed: set[int], limit: int, need_boundary: bool
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
    while i >= 0 and len(picked) < limit and i not in claimed:
        unit = units[i]
        if unit.anchor or not (unit.titlish or rules.is_dateline(unit.text)):
            break
        if (rules.has_clause_punctuation(unit.text) and not rules.ends_like_slogan(unit.text)
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


def _is_boundary(units: list[_Unit], i: int, claimed: set[int]) -> bool:
    return i < 0 or i in claimed or units[i].anchor or units[i].finished


def _walk(units: list[_Unit], starts: dict[int, _Draft], claimed: set[int],
          layout: _Layout) -> list[_Draft]:
    """Assign every unit to a draft, in order.

    Body text after a photo opens a new draft; after page furniture it goes on with the
    article before it when that article stopped mid-sentence. Where titles stand flush
    left, a byline or credit line joins the item it stands in (see ``_place_anchor``).
    """
    drafts: list[_Draft] = []
    current: _Draft | None = None
    crossed = False
    flush_heads = layout.flush_heads
    for i, unit in enumerate(units):
        start = starts.get(i)
        if start is not None:
            if start.furniture and current is not None and not current.closed:
                drafts.append(start)
                crossed = True
                continue  # a page break does not end the article being read
            current = start
            drafts.append(current)
            crossed = False
        if i in claimed:
            continue
        if flush_heads and unit.anchor:
            placed = _place_anchor(unit, current, drafts)
            if placed is not None:
                current, crossed = placed, False
                continue
        if (current is None or current.credit is not None or current.furniture
                or (crossed and not _continues_across(current, unit, layout))):
            current = _Draft([], None, [], tail=True)
            drafts.append(current)
        crossed = False
        current.body.append(unit)
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
        drafts.append(_Draft([], unit, []))  # an article without a title
        return drafts[-1]
    if current is None or current.closed:
        drafts.append(_Draft([], None, [], unit))
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
    drafts.append(_Draft([], None, [caption], unit))
    return drafts[-1]


# ---------------------------------------------------------------- copies and tails


def _resolve_copies_and_tails(drafts: list[_Draft], layout: _Layout,
                              warnings: list[str]) -> list[_Draft]:
    """Mark repeated articles as duplicates and reattach misplaced tails where unambiguous."""
    texts = _Texts(drafts)
    resolved = drafts
    if texts.index:  # else no draft has text enough to be a copy
        resolved = []
        for draft in drafts:
            resolved.append(draft)
            tail = _mark_copy(draft, texts)
            if tail is not None:
                resolved.append(tail)
    return _reattach_tails(resolved, layout, warnings)


class _Texts:
    """The body text of each draft with whitespace removed, and where each unit starts,
    indexed by the first characters after every unit start (a bounded number of places
    per key, so repeated items cost no more than different ones)."""

    def __init__(self, drafts: list[_Draft]) -> None:
        self.text: dict[int, str] = {}
        self.ends: dict[int, list[int]] = {}
        self.order: dict[int, int] = {}
        self.index: dict[str, list[tuple[_Draft, int]]] = {}
        squeezed: dict[str, str] = {}
        with_text = []
        for n, draft in enumerate(drafts):
            if draft.body and draft.credit is None and not draft.furniture:
                self._add(draft, n, squeezed)
                with_text.append(draft)
        # Only the first characters of a text long enough to be a copy are ever looked
        # up: unit starts with other keys need no place in the index.
        wanted = {text[:COPY_KEY] for text in self.text.values() if len(text) >= MIN_COPY_CHARS}
        if wanted:
            for draft in with_text:
                self._index(draft, wanted)

    def _add(self, draft: _Draft, order: int, squeezed: dict[str, str]) -> None:
        pieces = []
        for unit in draft.body:
            piece = squeezed.get(unit.text)
            if piece is None:
                piece = squeezed[unit.text] = _squeeze(unit.text)
            pieces.append(piece)
        key = id(draft)
        self.order[key] = order
        if len(pieces) == 1:
            self.text[key], self.ends[key] = pieces[0], [len(pieces[0])]
        else:
            self.text[key], self.ends[key] = "".join(pieces), list(accumulate(map(len, pieces)))

    def _index(self, draft: _Draft, wanted: set[str]) -> None:
        text, ends = self.text[id(draft)], self.ends[id(draft)]
        for start in [0, *ends[:-1]]:
            key = text[start:start + COPY_KEY]
            if key in wanted:
                places = self.index.setdefault(key, [])
                if len(places) < COPY_CANDIDATES:
                    places.append((draft, start))

    def cut(self, draft: _Draft, units: int) -> None:
        """``draft`` now keeps only its first ``units`` body units."""
        ends = self.ends[id(draft)][:units]
        self.ends[id(draft)] = ends
        self.text[id(draft)] = self.text[id(draft)][: ends[-1] if ends else 0]


def _squeeze(text: str) -> str:
    return "".join(text.split())


def _mark_copy(draft: _Draft, texts: _Texts) -> _Draft | None:
    """If ``draft`` repeats another article, mark it; return the unmatched remainder."""
    mine = texts.text.get(id(draft))
    if mine is None or len(mine) < MIN_COPY_CHARS:
        return None
    best: tuple[int, _Draft] | None = None
    for other, start in texts.index.get(mine[:COPY_KEY], []):
        if other is draft or other.duplicate_of is draft or start >= len(texts.text[id(other)]):
            continue
        matched = _copied_units(mine, texts.ends[id(draft)], texts.text[id(other)], start)
        if matched and (best is None or matched > best[0]):
            best = (matched, other)
    if best is None or not _is_copy_of(draft, best[1], best[0], texts):
        return None
    matched, original = best
    draft.duplicate_of = original
    if matched == len(draft.body):
        return None
    tail = _Draft([], None, draft.body[matched:], tail=True)
    draft.body = draft.body[:matched]
    texts.cut(draft, matched)
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


def _is_copy_of(draft: _Draft, original: _Draft, matched: int, texts: _Texts) -> bool:
    """A headless repeat is a copy; of two titled ones, the shorter or later is the copy."""
    if draft.headless and not original.headless:
        return True
    if matched < len(draft.body) or (original.headless and not draft.headless):
        return False
    mine, theirs = len(texts.text[id(draft)]), len(texts.text[id(original)])
    earlier = texts.order.get(id(original), 0) < texts.order.get(id(draft), 0)
    return mine < theirs or (mine == theirs and earlier)


def _reattach_tails(drafts: list[_Draft], layout: _Layout,
                    warnings: list[str]) -> list[_Draft]:
    """Append headless tails to the one article whose last paragraph is unfinished.

    The join must be unambiguous (exactly one such article in the issue) and plausible:
    a tail that opens a paragraph of its own (indented where bodies are), repeats
    another text or is repeated elsewhere stays a fragment, so that a copy's text never
    lands inside another article.
    """
    target = _only_open_end(drafts)
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


def _build_items(drafts: list[_Draft], layout: _Layout, warnings: list[str]) -> list[Item]:
    """The items, in order; articles without text, or none at all, are warned about."""
    copies = any(d.duplicate_of is not None for d in drafts)
    position = {id(d): n for n, d in enumerate(drafts)} if copies else {}
    unmarked: dict[str, str] = {}  # an anchor line's text without its marker
    items: list[Item] = []
    articles = False
    for index, draft in enumerate(drafts):
        item = _build_item(index, draft, position, layout, unmarked)
        if item.kind == "article":
            articles = True
            if not item.paragraphs:
                warnings.append(f"item {index} has a byline or title but no text")
        items.append(item)
    if not articles:
        warnings.append("no article with a title or byline was found")
    return items


def _build_item(index: int, draft: _Draft, position: dict[int, int], layout: _Layout,
                unmarked: dict[str, str]) -> Item:
    byline, credit, body = draft.byline, draft.credit, draft.body
    kind: ItemKind = ("photo" if credit is not None else
                      "fragment" if draft.tail or draft.furniture else "article")
    byline_text = credit_text = ""
    names: list[str] = []
    if byline is not None:
        byline_text = _unmarked(byline.text, unmarked)
        names = byline.byline[:] if byline.byline else []
    if credit is not None:
        credit_text = _unmarked(credit.text, unmarked)
        names = credit.credit[:] if credit.credit else []
    duplicate_of = position[id(draft.duplicate_of)] if draft.duplicate_of is not None else None
    paragraphs: list[Paragraph] = []
    if body:
        paragraphs = _paragraphs(body, "caption" if credit is not None else "text", layout)
        if not names:
            names = rules.lead_byline_names(paragraphs[0].text) or (
                rules.trailing_byline_names(paragraphs[-1].text))
    title = list(map(_text_of, draft.title)) if draft.title else []
    # entities and figures given, not left to their default factories (half the cost)
    return Item(index, kind, title, names, byline_text, credit_text, paragraphs, duplicate_of,
                [], [])


_text_of = attrgetter("text")


def _unmarked(text: str, known: dict[str, str]) -> str:
    """``text`` without a leading marker; ``known`` remembers it for a repeated line."""
    found = known.get(text)
    if found is None:
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


_DATE_PATTERNS = (
    re.compile(r"(?<!\d)(\d{4})\s*[-_./年]\s*(\d{1,2})\s*[-_./月]\s*(\d{1,2})(?!\d)"),
    re.compile(r"(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)"),
)
_HEX_RUN = re.compile(r"[0-9a-fA-F]{12,}")


def issue_title(name: str) -> str:
    """The issue's title: the file name without its folder and extension."""
    return PurePath(name).stem or name


def issue_date_from_name(name: str) -> str | None:
    """The ISO date a file name holds (2024-08-30, 20240830, 2024年8月30日), else None."""
    stem = issue_title(name)
    hex_spans = [m.span() for m in _HEX_RUN.finditer(stem)]
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(stem):
            if any(a <= match.start() and match.end() <= b for a, b in hex_spans):
                continue
            try:
                found = date(*(int(g) for g in match.groups()))
            except ValueError:
                continue
            if 1800 <= found.year <= 2200:
                return found.isoformat()
    return None


_HTML_TAG = re.compile(r"<(?:html|body|p|div|br|span|table)\b[^>]*>", re.IGNORECASE)
