"""A newspaper article's citation, GB/T 7714-2015 style: ``作者. 题名[N]. 报纸名, 日期(版次).``"""

from __future__ import annotations

import re
from collections.abc import Sequence

MAX_AUTHORS = 3
"""GB/T 7714-2015 §8.1.2: up to three authors are named, then ``, 等``."""

_SPACE = re.compile(r"\s+")
_EDITION = re.compile(r"第?\s*([0-9０-９]+)\s*版?")
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _clean(text: str | None) -> str:
    """One line of text: every run of white space (line breaks too) as one space."""
    return _SPACE.sub(" ", text or "").strip()


def authors_part(authors: Sequence[str]) -> str:
    """``王英浩, 阎家言``; more than three: the first three and ``等``."""
    names = [name for name in (_clean(a) for a in authors) if name]
    shown = ", ".join(names[:MAX_AUTHORS])
    return f"{shown}, 等" if len(names) > MAX_AUTHORS else shown


def edition_part(edition: str | None) -> str:
    """A page (版次) as GB/T examples print it: ``1``, ``第1版`` and ``01`` give ``01``;
    anything else (``A3``, ``要闻``) is kept as written."""
    text = _clean(edition)
    found = _EDITION.fullmatch(text)
    if found:
        return found.group(1).translate(_FULL_WIDTH_DIGITS).zfill(2)
    return text


def date_part(date: str | None) -> str:
    """The issue date as stored (ISO ``2024-08-30``); a time after it is left out."""
    return _clean(date).split("T")[0].split(" ")[0]


def _sentence(text: str) -> str:
    """``text`` closed with a full stop (unless it already ends with one)."""
    return text if text.endswith((".", "。")) else text + "."


def citation(authors: Sequence[str], title: str, paper: str, date: str | None,
             edition: str | None = None) -> str:
    """``王英浩, 阎家言. 南开区一季度完成全年预算27.2%[N]. 南开报, 2024-08-30(01).``

    Each part that is not known is left out with its punctuation: no author starts with
    the title, no title drops ``[N]``, no date keeps the edition as ``南开报(01)``.
    """
    parts = []
    if names := authors_part(authors):
        parts.append(_sentence(names))
    if title := _clean(title):
        parts.append(f"{title}[N].")
    where = ", ".join(p for p in (_clean(paper), date_part(date)) if p)
    if page := edition_part(edition):
        where += f"({page})"
    if where:
        parts.append(_sentence(where))
    return " ".join(parts)


def with_passage(passage: str, cited: str) -> str:
    """What Copy with citation puts on the clipboard: the passage, then its citation."""
    passage = passage.strip("\n")
    return f"{passage}\n{cited}" if passage else cited
