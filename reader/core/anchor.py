"""Re-attach a note's passage to an article text that changed (offsets, quote, context)."""

# reanchor() tries, in order, and stops at the first that works:
#   1. the old offsets, if the quote is still there: "exact";
#   2. every verbatim occurrence of the quote, best context first, then nearest: "moved";
#   3. the same with all whitespace removed from text, quote and context (so "\r\n" -> "\n"
#      or spaces put in or taken out do not detach a note), mapped back to offsets: "moved";
#   4. fuzzy: context before and after found (whitespace removed; the whole 32 characters,
#      else the nearest 8) with something between them at least FUZZY_RATIO similar to the
#      quote (difflib): "moved";
#   5. otherwise "detached" (start = end = -1); the note keeps its quote.
# An empty quote (a point in the text) skips 2 and 3: only its context can place it.

from __future__ import annotations

import difflib
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

CONTEXT = 32
"""Characters of context kept before and after a passage."""

FUZZY_RATIO = 0.8
"""Least difflib similarity between the quote and the text found between its context."""

_SHORT_CONTEXT = 8
"""Context length tried when the whole context is no longer found (it was edited too)."""

Status = Literal["exact", "moved", "detached"]


@dataclass(frozen=True)
class Anchor:
    """Where a note's passage was: offsets into the old text, its quote and context."""

    start: int
    end: int
    quote: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True)
class Anchored:
    """Where the passage is in the new text; ``start = end = -1`` when detached."""

    start: int
    end: int
    status: Status


DETACHED = Anchored(-1, -1, "detached")


@dataclass(frozen=True)
class _View:
    """A text with its whitespace removed, and where each remaining character was."""

    text: str
    offsets: list[int]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that holds ``self.text[start:end]``."""
        if end > start:
            return self.offsets[start], self.offsets[end - 1] + 1
        at = self.offsets[start - 1] + 1 if start > 0 else 0
        return at, at


def _squeeze(text: str) -> _View:
    offsets = [i for i, char in enumerate(text) if not char.isspace()]
    return _View("".join(text[i] for i in offsets), offsets)


def _strip_spaces(text: str) -> str:
    return "".join(text.split())


def make_anchor(text: str, start: int, end: int, context: int = CONTEXT) -> Anchor:
    """The anchor of ``text[start:end]``; offsets are clamped into the text, never raise."""
    start = min(max(start, 0), len(text))
    end = min(max(end, start), len(text))
    context = max(context, 0)
    return Anchor(start, end, text[start:end], text[max(0, start - context) : start],
                  text[end : end + context])


def reanchor(anchor: Anchor, new_text: str) -> Anchored:
    """Where ``anchor``'s passage is in ``new_text`` (see the steps at the top)."""
    if anchor.quote and _still_there(anchor, new_text):
        return Anchored(anchor.start, anchor.end, "exact")
    span = _find_verbatim(anchor, new_text)
    if span is None:
        view = _squeeze(new_text)
        squeezed = _in_view(anchor, view)
        found = _find_squeezed(squeezed, view) or _find_fuzzy(squeezed, view)
        span = view.span(*found) if found else None
    if span is None:
        return DETACHED
    same = span == (anchor.start, anchor.end) and new_text[span[0] : span[1]] == anchor.quote
    return Anchored(span[0], span[1], "exact" if same else "moved")


def _still_there(anchor: Anchor, text: str) -> bool:
    return 0 <= anchor.start <= anchor.end <= len(text) and (
        text[anchor.start : anchor.end] == anchor.quote)


def _occurrences(text: str, needle: str) -> Iterator[int]:
    """Start of every occurrence of a non-empty ``needle``, overlapping ones included."""
    at = text.find(needle)
    while at >= 0:
        yield at
        at = text.find(needle, at + 1)


def _context_score(text: str, start: int, end: int, prefix: str, suffix: str) -> int:
    """How many characters of context match right before ``start`` and after ``end``."""
    before = text[max(0, start - len(prefix)) : start]
    after = text[end : end + len(suffix)]
    return _shared_start(prefix[::-1], before[::-1]) + _shared_start(suffix, after)


def _shared_start(a: str, b: str) -> int:
    """Length of the longest common beginning of ``a`` and ``b``."""
    for i, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            return i
    return min(len(a), len(b))


def _best_occurrence(text: str, quote: str, prefix: str, suffix: str,
                     near: int) -> tuple[int, int] | None:
    """The occurrence of ``quote`` with the best context, then the one nearest ``near``."""
    best: tuple[int, int] | None = None
    best_key = (-1, 0)
    for start in _occurrences(text, quote):
        end = start + len(quote)
        key = (_context_score(text, start, end, prefix, suffix), -abs(start - near))
        if key > best_key:
            best, best_key = (start, end), key
    return best


def _find_verbatim(anchor: Anchor, text: str) -> tuple[int, int] | None:
    if not anchor.quote:
        return None
    return _best_occurrence(text, anchor.quote, anchor.prefix, anchor.suffix, anchor.start)


def _in_view(anchor: Anchor, view: _View) -> Anchor:
    """``anchor`` without whitespace, its offsets (both the old start) counted in ``view``."""
    near = bisect_left(view.offsets, anchor.start)
    return Anchor(near, near, _strip_spaces(anchor.quote), _strip_spaces(anchor.prefix),
                  _strip_spaces(anchor.suffix))


def _find_squeezed(anchor: Anchor, view: _View) -> tuple[int, int] | None:
    if not anchor.quote:
        return None
    return _best_occurrence(view.text, anchor.quote, anchor.prefix, anchor.suffix, anchor.start)


def _similarity(a: str, b: str) -> float:
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < FUZZY_RATIO or matcher.quick_ratio() < FUZZY_RATIO:
        return 0.0
    return matcher.ratio()


def _lefts(text: str, prefix: str) -> Iterator[int]:
    """Where a passage could start: right after each occurrence of ``prefix``."""
    if not prefix:
        yield 0
        return
    for at in _occurrences(text, prefix):
        yield at + len(prefix)


def _rights(text: str, suffix: str, lowest: int, highest: int) -> Iterator[int]:
    """Where a passage could end, between ``lowest`` and ``highest``: before ``suffix``."""
    if not suffix:
        if lowest <= len(text) <= highest:
            yield len(text)
        return
    at = text.find(suffix, lowest, highest + len(suffix))
    while at >= 0:
        yield at
        at = text.find(suffix, at + 1, highest + len(suffix))


def _fuzzy_in(text: str, anchor: Anchor) -> tuple[int, int] | None:
    """The stretch between prefix and suffix most like the quote, if similar enough."""
    size = len(anchor.quote)
    shortest, longest = -(-2 * size // 3), 3 * size // 2  # no ratio >= 0.8 outside these
    candidates = (
        (_similarity(text[left:right], anchor.quote), -abs(left - anchor.start), left, right)
        for left in _lefts(text, anchor.prefix)
        for right in _rights(text, anchor.suffix, left + shortest, left + longest)
    )
    best = max(candidates, default=None)
    return (best[2], best[3]) if best and best[0] >= FUZZY_RATIO else None


def _find_fuzzy(anchor: Anchor, view: _View) -> tuple[int, int] | None:
    found = _fuzzy_in(view.text, anchor)
    if found is None and max(len(anchor.prefix), len(anchor.suffix)) > _SHORT_CONTEXT:
        short = Anchor(anchor.start, anchor.end, anchor.quote,
                       anchor.prefix[-_SHORT_CONTEXT:], anchor.suffix[:_SHORT_CONTEXT])
        found = _fuzzy_in(view.text, short)
    return found
