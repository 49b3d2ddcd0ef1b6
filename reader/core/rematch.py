"""Match a re-imported issue's items to the articles stored before, so annotations stay."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass

SIMILAR = 0.6
"""Texts at least this similar (difflib ratio) are the same article, edited."""


@dataclass(frozen=True)
class Stored:
    """What the library holds of an old article, for matching."""

    id: int
    title: str
    body: str
    removed: bool = False
    """Kept hidden because it carries annotations but left the issue's text earlier."""


@dataclass(frozen=True)
class Incoming:
    """A new item of the re-imported issue."""

    title: str
    body: str


def match_items(items: Sequence[Incoming], old: Sequence[Stored]) -> dict[int, int]:
    """Map new item positions to old article ids.

    Live articles are matched first by the same title (when it is unique), then by the
    most similar text; then the removed ones the same way, so an article that comes back
    (an edit undone, a file restored) gets its own id, tags and notes back.
    """
    matches: dict[int, int] = {}
    for removed in (False, True):
        free = {s.id: s for s in old if s.removed is removed}
        _by_title(items, free, matches)
        _by_text(items, free, matches)
    return matches


def _by_title(items: Sequence[Incoming], free: dict[int, Stored],
              matches: dict[int, int]) -> None:
    for n, item in enumerate(items):
        if n in matches or not item.title:
            continue
        same = [i for i, stored in free.items() if stored.title == item.title]
        if len(same) == 1:
            matches[n] = same[0]
            del free[same[0]]


def _by_text(items: Sequence[Incoming], free: dict[int, Stored],
             matches: dict[int, int]) -> None:
    for n, item in enumerate(items):
        if n in matches or not free:
            continue
        best = max(free, key=lambda i: similarity(item.body, free[i].body))
        if similarity(item.body, free[best].body) >= SIMILAR:
            matches[n] = best
            del free[best]


def similarity(a: str, b: str) -> float:
    """How alike two texts are, 0..1 (difflib's ratio, with its cheap bound first)."""
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return matcher.quick_ratio() and matcher.ratio()
