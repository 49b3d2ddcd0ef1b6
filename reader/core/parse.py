"""Parse the decoded text of an issue into its items: articles, photos and fragments.

The text is read as a sequence of non-blank lines ("units"). Bylines and photo credits
anchor items; the short lines before them are titles. Subheads, column breaks,
duplicated articles and misplaced tails are resolved afterwards, unit by unit, so that
every character of the input ends up in exactly one item (docs/parsing.md).
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePath

from reader.core import textrules as rules
from reader.core.decode import Decoded
from reader.core.model import Issue, Item, ItemKind, Paragraph, ParagraphKind, Source

MAX_TITLE_LINES = 4
MIN_COPY_CHARS = 20
"""A headless block repeats another article only if at least this much text matches."""


@dataclass
class _Unit:
    """One non-blank line of the input."""

    text: str
    gap: int
    indent: bool
    byline: list[str] | None = None
    credit: list[str] | None = None
    furniture: bool = False

    @property
    def anchor(self) -> bool:
        return self.byline is not None or self.credit is not None or self.furniture


@dataclass
class _Draft:
    """An item under construction: the units that belong to it, by role."""

    title: list[_Unit] = field(default_factory=list)
    byline: _Unit | None = None
    body: list[_Unit] = field(default_factory=list)
    credit: _Unit | None = None
    duplicate_of: _Draft | None = None
    tail: bool = False
    furniture: bool = False

    @property
    def closed(self) -> bool:
        """A photo or page furniture takes no more body text after it."""
        return self.photo or self.furniture

    @property
    def photo(self) -> bool:
        return self.credit is not None

    @property
    def headless(self) -> bool:
        return not self.title and not self.photo


def parse_decoded(decoded: Decoded) -> Issue:
    """Parse a decoded file into an Issue, with the file name giving title and date."""
    issue = parse_text(decoded.text, decoded.name)
    issue.source = Source(decoded.name, decoded.sha256, decoded.encoding)
    issue.warnings[:0] = decoded.warnings
    return issue


def parse_text(text: str, name: str = "issue.txt") -> Issue:
    """Parse the text of one issue; ``name`` is the file name it came from."""
    units = _units(text)
    warnings: list[str] = []
    drafts = _drafts(units)
    drafts = _resolve_copies_and_tails(drafts, warnings)
    layout = _Layout.of(units)
    items = [_build_item(i, d, drafts, layout) for i, d in enumerate(drafts)]
    _warn_about_oddities(text, items, warnings)
    title, issue_date = issue_title(name), issue_date_from_name(name)
    return Issue(title, issue_date, Source(name, "", ""), items, warnings)


# ---------------------------------------------------------------- units


def _units(text: str) -> list[_Unit]:
    units: list[_Unit] = []
    gap = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if not stripped:
            gap += 1
            continue
        unit = _Unit(stripped, gap, indent=line[:1].isspace())
        unit.furniture = rules.is_page_furniture(stripped)
        unit.credit = None if unit.furniture else rules.credit_names(stripped)
        if unit.credit is None and not unit.furniture:
            unit.byline = rules.byline_names(stripped)
        units.append(unit)
        gap = 0
    return units


@dataclass
class _Layout:
    """File-wide habits: the usual gap between paragraphs and whether they are indented."""

    usual_gap: float
    indented: bool

    @classmethod
    def of(cls, units: list[_Unit]) -> _Layout:
        gaps = [u.gap for u in units[1:]] or [1]
        indented = sum(u.indent for u in units) * 2 > len(units)
        return cls(statistics.median(gaps), indented)


# ---------------------------------------------------------------- heads and drafts


def _drafts(units: list[_Unit]) -> list[_Draft]:
    """Split the units into drafts: find the heads first, then walk the units."""
    starts: dict[int, _Draft] = {}
    claimed: set[int] = set()
    _claim_furniture(units, starts, claimed)
    _claim_photos(units, starts, claimed)
    _claim_bylined(units, starts, claimed)
    _claim_unbylined(units, starts, claimed)
    return _walk(units, starts, claimed)


def _claim_furniture(units: list[_Unit], starts: dict[int, _Draft], claimed: set[int]) -> None:
    """Page headers and editor lines become fragments of their own, never titles or body."""
    for i, unit in enumerate(units):
        if unit.furniture:
            starts[i] = _Draft(body=[unit], furniture=True)
            claimed.add(i)


def _claim_photos(units: list[_Unit], starts: dict[int, _Draft], claimed: set[int]) -> None:
    for c, unit in enumerate(units):
        if unit.credit is None:
            continue
        draft = _Draft(credit=unit)
        claimed.add(c)
        first = c
        if c > 0 and not units[c - 1].anchor and (c - 1) not in claimed:
            first = c - 1
            claimed.add(first)
            draft.body = [units[first]]
            title = _gather_title(units, first, claimed, limit=2, need_boundary=True)
            draft.title = [units[i] for i in title]
            claimed.update(title)
            first = title[0] if title else first
        starts[first] = draft


def _claim_bylined(units: list[_Unit], starts: dict[int, _Draft], claimed: set[int]) -> None:
    for b, unit in enumerate(units):
        if unit.byline is None or b in claimed:
            continue
        title = _gather_title(units, b, claimed, limit=MAX_TITLE_LINES, need_boundary=False)
        draft = _Draft(title=[units[i] for i in title], byline=unit)
        claimed.update(title)
        claimed.add(b)
        starts[title[0] if title else b] = draft


def _claim_unbylined(units: list[_Unit], starts: dict[int, _Draft], claimed: set[int]) -> None:
    """Articles without a byline: a resolution, a notice, a story opening with 本报讯."""
    usual_gap = _Layout.of(units).usual_gap
    for i, unit in enumerate(units):
        if i in claimed or unit.anchor or not _opens_body(units[i]):
            continue
        title = _gather_title(units, i, claimed, limit=MAX_TITLE_LINES, need_boundary=True)
        if not title or not _is_unbylined_head(units, title, i, usual_gap):
            continue
        draft = _Draft(title=[units[t] for t in title])
        claimed.update(title)
        starts[title[0]] = draft


def _opens_body(unit: _Unit) -> bool:
    """True if ``unit`` could be the first body paragraph after a title."""
    return not rules.is_title_text(unit.text) or rules.is_story_lead(unit.text)


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
    """
    picked: list[int] = []
    i = anchor - 1
    while i >= 0 and len(picked) < limit and i not in claimed:
        unit = units[i]
        if unit.anchor or not (rules.is_title_text(unit.text) or rules.is_dateline(unit.text)):
            break
        if rules.has_clause_punctuation(unit.text) and not rules.ends_like_slogan(unit.text):
            break  # prose cut short by a column break, not a title line
        picked.append(i)
        i -= 1
    picked.reverse()
    while need_boundary and picked and not _is_boundary(units, picked[0] - 1, claimed):
        picked.pop(0)
    return picked


def _is_boundary(units: list[_Unit], i: int, claimed: set[int]) -> bool:
    return i < 0 or i in claimed or units[i].anchor or rules.is_finished(units[i].text)


def _walk(units: list[_Unit], starts: dict[int, _Draft], claimed: set[int]) -> list[_Draft]:
    """Assign every unit to a draft, in order; body text after a photo opens a new draft."""
    drafts: list[_Draft] = []
    current: _Draft | None = None
    for i, unit in enumerate(units):
        if i in starts:
            current = starts[i]
            drafts.append(current)
        if i in claimed:
            continue
        if current is None or current.closed:
            current = _Draft(tail=True)
            drafts.append(current)
        current.body.append(unit)
    return drafts


# ---------------------------------------------------------------- copies and tails


def _resolve_copies_and_tails(drafts: list[_Draft], warnings: list[str]) -> list[_Draft]:
    """Mark repeated articles as duplicates and reattach misplaced tails where unambiguous."""
    where = _unit_index(drafts)
    order = {id(d): n for n, d in enumerate(drafts)}
    resolved: list[_Draft] = []
    for draft in drafts:
        resolved.append(draft)
        tail = _mark_copy(draft, where, order)
        if tail is not None:
            resolved.append(tail)
    result: list[_Draft] = []
    for draft in resolved:
        if draft.tail and draft.body and _reattach(draft, resolved, warnings):
            continue
        result.append(draft)
    return result


_Where = dict[str, list[tuple[_Draft, int]]]


def _unit_index(drafts: list[_Draft]) -> _Where:
    """Map the text of every body unit to the drafts and positions where it occurs."""
    where: _Where = {}
    for draft in drafts:
        if draft.closed:
            continue
        for position, unit in enumerate(draft.body):
            where.setdefault(unit.text, []).append((draft, position))
    return where


def _mark_copy(draft: _Draft, where: _Where, order: dict[int, int]) -> _Draft | None:
    """If ``draft`` repeats another article, mark it; return the unmatched remainder."""
    if draft.closed or not draft.body:
        return None
    best: tuple[int, _Draft] | None = None
    for other, start in where.get(draft.body[0].text, []):
        if other is draft or other.duplicate_of is draft:
            continue
        matched = _copied_units(draft.body, other.body, start)
        if matched and (best is None or matched > best[0]):
            best = (matched, other)
    if best is None or not _is_copy_of(draft, best[1], best[0], order):
        return None
    matched, original = best
    draft.duplicate_of = original
    if matched == len(draft.body):
        return None
    tail = _Draft(body=draft.body[matched:], tail=True)
    draft.body = draft.body[:matched]
    return tail


def _copied_units(body: list[_Unit], other: list[_Unit], start: int) -> int:
    """How many leading units of ``body`` repeat ``other`` from ``start`` (last may be cut)."""
    n = 0
    while n < len(body) and start + n < len(other) and body[n].text == other[start + n].text:
        n += 1
    if n < len(body) and start + n < len(other) and other[start + n].text.startswith(
        body[n].text
    ):
        n += 1
    chars = sum(len(u.text) for u in body[:n])
    return n if chars >= MIN_COPY_CHARS else 0


def _is_copy_of(draft: _Draft, original: _Draft, matched: int, order: dict[int, int]) -> bool:
    """A headless repeat is a copy; of two titled ones, the shorter or later is the copy."""
    if draft.headless and not original.headless:
        return True
    if matched < len(draft.body) or (original.headless and not draft.headless):
        return False
    mine, theirs = _chars(draft), _chars(original)
    return mine < theirs or (mine == theirs and order[id(original)] < order[id(draft)])


def _chars(draft: _Draft) -> int:
    return sum(len(u.text) for u in draft.body)


def _reattach(tail: _Draft, drafts: list[_Draft], warnings: list[str]) -> bool:
    """Append a headless tail to the one article whose last paragraph is unfinished."""
    open_ends = [
        d for d in drafts
        if d is not tail and not d.closed and not d.tail and d.duplicate_of is None
        and d.body and not rules.is_finished(d.body[-1].text)
        and not (d.title == [] and d.byline is None)
    ]
    if len(open_ends) != 1:
        return False
    target = open_ends[0]
    target.body.extend(tail.body)
    label = " ".join(u.text for u in target.title) or "(untitled)"
    warnings.append(
        f"a misplaced tail of {len(tail.body)} paragraph(s) starting "
        f"“{tail.body[0].text[:12]}…” was reattached to the end of “{label}”"
    )
    return True


# ---------------------------------------------------------------- items


def _build_item(index: int, draft: _Draft, drafts: list[_Draft], layout: _Layout) -> Item:
    kind: ItemKind = ("photo" if draft.photo else
                      "fragment" if draft.tail or draft.furniture else "article")
    item = Item(index=index, kind=kind, title_lines=[u.text for u in draft.title])
    if draft.byline is not None:
        item.byline = rules.strip_marker(draft.byline.text)
        item.bylines = list(draft.byline.byline or [])
    if draft.credit is not None:
        item.credit = rules.strip_marker(draft.credit.text)
        item.bylines = list(draft.credit.credit or [])
    if draft.duplicate_of is not None:
        item.duplicate_of = drafts.index(draft.duplicate_of)
    body_kind: ParagraphKind = "caption" if draft.photo else "text"
    item.paragraphs = _paragraphs(draft.body, body_kind, layout)
    if not item.bylines and item.paragraphs:
        item.bylines = rules.lead_byline_names(item.paragraphs[0].text) or (
            rules.trailing_byline_names(item.paragraphs[-1].text))
    return item


def _paragraphs(units: list[_Unit], kind: ParagraphKind, layout: _Layout) -> list[Paragraph]:
    """Join column breaks back into paragraphs and recognise subheads."""
    paragraphs: list[Paragraph] = []
    open_text = False
    for i, unit in enumerate(units):
        text = rules.strip_marker(unit.text) if kind == "caption" else unit.text
        if open_text and not (layout.indented and unit.indent):
            paragraphs[-1].text += text
        elif kind == "text" and _is_subhead(units, i, paragraphs):
            if paragraphs and paragraphs[-1].kind == "subhead" and unit.gap == 0:
                paragraphs[-1].text += " " + text
            else:
                paragraphs.append(Paragraph("subhead", text))
            open_text = False
            continue
        else:
            paragraphs.append(Paragraph(kind, text))
        open_text = not rules.is_finished(paragraphs[-1].text)
    return paragraphs


def _is_subhead(units: list[_Unit], i: int, paragraphs: list[Paragraph]) -> bool:
    """A short line with no sentence punctuation, between paragraphs, followed by text."""
    if not rules.is_subhead_text(units[i].text):
        return False
    following = units[i + 1 :]
    return any(not rules.is_subhead_text(u.text) for u in following[:2])


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


def _warn_about_oddities(text: str, items: list[Item], warnings: list[str]) -> None:
    if re.search(r"<(?:html|body|p|div|br|span|table)\b[^>]*>", text[:5000], re.IGNORECASE):
        warnings.append("the file looks like HTML; its markup was kept as plain text")
    for item in items:
        if item.kind == "article" and not item.paragraphs:
            warnings.append(f"item {item.index} has a byline or title but no text")
    if not any(item.kind == "article" for item in items):
        warnings.append("no article with a title or byline was found")
