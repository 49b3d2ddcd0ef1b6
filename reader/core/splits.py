"""The reader's corrections of how an issue was split into items, applied to a parse.

A correction names a line of the issue by its text (whitespace removed) and which
occurrence of that text it is, counted in reading order over the issue as the reader saw
it: each item's title lines, its byline, its paragraphs, its credit. Corrections are
applied in the order they were made, each to the result of the ones before, so the same
list replayed on the same parse gives the same issue, and replayed on a re-imported
parse gives the same fixes wherever their lines are still there. A correction whose line
is gone (or that no longer makes sense there) is *stale*: it is kept, reported, and skips.

No correction ever drops text: every line of the issue ends up in exactly one item
(the property tests check the multiset of lines).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from reader.core import textrules as rules
from reader.core.model import Issue, Item, Paragraph, ParagraphKind

Action = Literal["split", "join", "title", "subhead", "body", "byline", "copy", "original"]
ACTIONS: tuple[Action, ...] = ("split", "join", "title", "subhead", "body", "byline", "copy",
                               "original")
"""split: a new item starts at this paragraph; join: this line's item joins the one before;
title / subhead / body / byline: this line has that role; copy: this line's item is a copy
of the item holding ``target``; original: this line's item is not a copy."""

Where = Literal["title", "byline", "paragraph", "credit"]

_SPACE = re.compile(r"\s+")


class FixError(ValueError):
    """A correction that cannot be applied; the message says why, for the reader."""


@dataclass(frozen=True)
class LineRef:
    """A line of an issue: its text with whitespace removed, which occurrence of that
    text it is, and the text of the line before it (which tells repeated lines apart
    when a re-import adds or removes a copy above)."""

    text: str
    nth: int = 0
    before: str = ""


@dataclass(frozen=True)
class SplitFix:
    """One correction of an issue's split."""

    action: Action
    line: LineRef
    target: LineRef | None = None
    """For ``copy``: a line of the item this one is a copy of."""


@dataclass(frozen=True)
class Line:
    """Where a line stands: its item, its place in the item and its text."""

    item: int
    where: Where
    index: int
    text: str


@dataclass
class Applied:
    """An issue with its corrections applied, and the positions of those that did not apply."""

    issue: Issue
    stale: list[tuple[int, str]] = field(default_factory=list)
    """(position in the list of fixes, reason) of each fix that was skipped."""


def squeeze(text: str) -> str:
    """The key a line is known by: its text without any whitespace."""
    return _SPACE.sub("", text)


def item_lines(item: Item, position: int) -> list[Line]:
    """The lines of one item in reading order."""
    lines = [Line(position, "title", n, text) for n, text in enumerate(item.title_lines)]
    if item.byline:
        lines.append(Line(position, "byline", 0, item.byline))
    lines += [Line(position, "paragraph", n, p.text) for n, p in enumerate(item.paragraphs)]
    if item.credit:
        lines.append(Line(position, "credit", 0, item.credit))
    return lines


def issue_lines(issue: Issue) -> list[Line]:
    """Every line of the issue in reading order."""
    return [line for n, item in enumerate(issue.items) for line in item_lines(item, n)]


CONTEXT = 40
"""Characters of the line before that a reference keeps."""


def ref_of(issue: Issue, item: int, where: Where, index: int) -> LineRef:
    """The reference of a line (raises FixError when the issue has no such line)."""
    seen: dict[str, int] = {}
    before = ""
    for line in issue_lines(issue):
        key = squeeze(line.text)
        if (line.item, line.where, line.index) == (item, where, index):
            if not key:
                raise FixError("that line is empty")
            return LineRef(key, seen.get(key, 0), before[-CONTEXT:])
        seen[key] = seen.get(key, 0) + 1
        before = key
    raise FixError("the issue has no such line")


def locate(issue: Issue, ref: LineRef) -> Line | None:
    """The line ``ref`` names, or None when the issue no longer has it.

    Of the lines with its text, the one after the same line as before wins (the nearest
    to its old occurrence number if several are); else the same occurrence number."""
    found: list[tuple[Line, bool]] = []
    before = ""
    for line in issue_lines(issue):
        key = squeeze(line.text)
        if key == ref.text:
            found.append((line, before[-CONTEXT:] == ref.before))
        before = key
    if not found:
        return None
    same = [n for n, (_, context) in enumerate(found) if context]
    if same:
        return found[min(same, key=lambda n: abs(n - ref.nth))][0]
    return found[ref.nth][0] if ref.nth < len(found) else None


def apply_fixes(issue: Issue, fixes: Iterable[SplitFix]) -> Applied:
    """A copy of ``issue`` with ``fixes`` applied in order; the ones that fail are stale."""
    result = copy.deepcopy(issue)
    stale: list[tuple[int, str]] = []
    for n, fix in enumerate(fixes):
        try:
            result = apply_fix(result, fix, in_place=True)
        except FixError as error:
            stale.append((n, str(error)))
    return Applied(result, stale)


def apply_fix(issue: Issue, fix: SplitFix, *, in_place: bool = False) -> Issue:
    """``issue`` with one fix applied (a copy unless ``in_place``); FixError if it cannot."""
    if fix.action not in ACTIONS:
        raise FixError(f"unknown correction “{fix.action}”")
    result = issue if in_place else copy.deepcopy(issue)
    line = locate(result, fix.line)
    if line is None:
        raise FixError(f"the line “{_short(fix.line.text)}” is no longer in the issue")
    items = result.items
    if fix.action == "split":
        _split(items, line)
    elif fix.action == "join":
        _join(items, line.item)
    elif fix.action == "copy":
        _mark_copy(result, line, fix.target)
    elif fix.action == "original":
        if items[line.item].duplicate_of is None:
            raise FixError("that item is not marked as a copy")
        items[line.item].duplicate_of = None
    else:
        _set_role(items, line, fix.action)
    _renumber(result)
    return result


# ---------------------------------------------------------------- the actions


def _split(items: list[Item], line: Line) -> None:
    if line.where != "paragraph":
        raise FixError("an item can only be split at a paragraph")
    item = items[line.item]
    if line.index == 0:
        raise FixError("that paragraph already begins its item")
    tail = Item(0, "article", paragraphs=item.paragraphs[line.index:])
    item.paragraphs = item.paragraphs[:line.index]
    items.insert(line.item + 1, tail)
    _shift_copies(items, line.item + 1, +1)


def _join(items: list[Item], position: int) -> None:
    if position == 0:
        raise FixError("the first item of an issue has no item before it to join")
    before, item = items[position - 1], items[position]
    before.paragraphs.extend(Paragraph("subhead", text) for text in item.title_lines)
    if item.byline:
        before.paragraphs.append(Paragraph("text", item.byline))
    before.paragraphs.extend(item.paragraphs)
    if item.credit:
        if before.credit:
            before.paragraphs.append(Paragraph("text", before.credit))
        before.credit = item.credit
    before.bylines = list(dict.fromkeys(before.bylines + item.bylines))
    if before.kind == "fragment":
        before.kind = item.kind if item.kind != "fragment" else "article"
    del items[position]
    _shift_copies(items, position, -1, merged_into=position - 1)


def _set_role(items: list[Item], line: Line, role: Action) -> None:
    item = items[line.item]
    if role == "byline" and item.byline and line.where != "byline":
        raise FixError("that item has a byline already; make it body text first")
    if line.where == "paragraph":
        paragraph = item.paragraphs[line.index]
        if role in ("subhead", "body"):
            kind = _kind_for(item, role)
            if paragraph.kind == kind:
                raise FixError(f"that line is already a {role}")
            item.paragraphs[line.index] = Paragraph(kind, paragraph.text)
            return
        if role == "title":
            if line.index > 0:
                _split(items, line)
                item = items[line.item + 1]
            item.title_lines.append(item.paragraphs.pop(0).text)
            if item.kind == "fragment":
                item.kind = "article"
            return
        del item.paragraphs[line.index]
        _add_byline(item, paragraph.text)
        return
    text = _take(item, line)
    if role == "title":
        if line.where == "title":
            raise FixError("that line is already a title")
        item.title_lines.append(text)
    elif role == "byline":
        if line.where == "byline":
            raise FixError("that line is already the byline")
        _add_byline(item, text)
    else:
        item.paragraphs.insert(0, Paragraph(_kind_for(item, role), text))


def _kind_for(item: Item, role: Action) -> ParagraphKind:
    if role == "subhead":
        return "subhead"
    return "caption" if item.kind == "photo" else "text"


def _take(item: Item, line: Line) -> str:
    """Remove a title, byline or credit line from its item and return its text."""
    if line.where == "title":
        return item.title_lines.pop(line.index)
    if line.where == "byline":
        text, item.byline = item.byline, ""
        item.bylines = []
        return text
    text, item.credit = item.credit, ""
    return text


def _add_byline(item: Item, text: str) -> None:
    item.byline = text
    names = (rules.byline_names(text) or rules.lead_byline_names(text)
             or rules.trailing_byline_names(text) or [])
    item.bylines = list(dict.fromkeys(item.bylines + list(names)))


def _mark_copy(issue: Issue, line: Line, target: LineRef | None) -> None:
    if target is None:
        raise FixError("a copy needs the item it copies")
    original = locate(issue, target)
    if original is None:
        raise FixError(f"the line “{_short(target.text)}” is no longer in the issue")
    source, seen = original.item, {original.item}
    while (up := issue.items[source].duplicate_of) is not None and up not in seen:
        source = up
        seen.add(up)
    if source == line.item:
        raise FixError("an item cannot be a copy of itself")
    issue.items[line.item].duplicate_of = source


def _shift_copies(items: list[Item], at: int, by: int, merged_into: int | None = None) -> None:
    """Keep ``duplicate_of`` pointing at the same items after one was inserted or removed."""
    for item in items:
        target = item.duplicate_of
        if target is None:
            continue
        if by < 0 and target == at:
            target = merged_into
        elif target >= at:
            target += by
        item.duplicate_of = target
    for n, item in enumerate(items):
        if item.duplicate_of == n:
            item.duplicate_of = None


def _renumber(issue: Issue) -> None:
    """Drop items left without any line, then number the items in reading order."""
    kept: list[Item] = []
    position: dict[int, int] = {}
    for n, item in enumerate(issue.items):
        if item_lines(item, n):
            position[n] = len(kept)
            kept.append(item)
    for n, item in enumerate(kept):
        item.index = n
        item.entities, item.figures = [], []
        if item.duplicate_of is not None:
            item.duplicate_of = position.get(item.duplicate_of)
    issue.items = kept


def _short(text: str, limit: int = 16) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def describe(fix: SplitFix) -> str:
    """One line saying what a fix does, for lists and reports."""
    text = f"“{_short(fix.line.text, 24)}”" + (f" (#{fix.line.nth + 1})" if fix.line.nth else "")
    verbs = {"split": "a new item starts at", "join": "joined with the item before:",
             "title": "title line:", "subhead": "subhead:", "body": "body text:",
             "byline": "byline:", "original": "not a copy:"}
    if fix.action == "copy" and fix.target is not None:
        return f"copy: {text} is a copy of “{_short(fix.target.text, 24)}”"
    return f"{verbs.get(fix.action, fix.action)} {text}"


FixRow = tuple[str, str, int, str, str, int, str]
"""(action, line, nth, before, target, target_nth, target_before) as stored."""


def fix_to_row(fix: SplitFix) -> FixRow:
    target = fix.target or LineRef("")
    return (fix.action, fix.line.text, fix.line.nth, fix.line.before, target.text, target.nth,
            target.before)


def fixes_from_rows(rows: Sequence[FixRow]) -> list[SplitFix]:
    """Fixes from stored rows (see ``FixRow``)."""
    return [SplitFix(action, LineRef(line, nth, before),  # type: ignore[arg-type]
                     LineRef(target, target_nth, target_before) if target else None)
            for action, line, nth, before, target, target_nth, target_before in rows]
