"""One currency for offsets: body offsets between layers, converted here for display.

An article's *body* is its paragraphs joined by ``\\n``; every layer (analysis results once
stored, notes, highlights, search hits) speaks in body offsets. The analysis works per
paragraph and the window shows each paragraph as a block of a document with title and
byline blocks before it; the conversions between those and body offsets live here only.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple


class Block(NamedTuple):
    """Where one paragraph sits: its offsets in the body and where a document shows it."""

    body_start: int
    body_end: int
    doc_start: int


def paragraph_starts(texts: Iterable[str]) -> list[int]:
    """The body offset where each paragraph starts (paragraphs joined by one newline)."""
    starts, position = [], 0
    for text in texts:
        starts.append(position)
        position += len(text) + 1
    return starts


def in_body(starts: Sequence[int], paragraph: int, start: int, end: int
            ) -> tuple[int, int] | None:
    """Paragraph-relative ``start``..``end`` of paragraph ``paragraph`` as body offsets
    (None when the body has no such paragraph)."""
    if not 0 <= paragraph < len(starts):
        return None
    return starts[paragraph] + start, starts[paragraph] + end


def to_document(blocks: Sequence[Block], offset: int) -> int | None:
    """The document position of body ``offset`` (None when outside every paragraph)."""
    for block in blocks:
        if block.body_start <= offset <= block.body_end:
            return block.doc_start + offset - block.body_start
    return None


def to_body(blocks: Sequence[Block], position: int) -> int:
    """The body offset of a document position, clamped to the body."""
    if not blocks or position <= blocks[0].doc_start:
        return blocks[0].body_start if blocks else 0
    for block in blocks:
        length = block.body_end - block.body_start
        if position <= block.doc_start + length:
            return block.body_start + max(0, position - block.doc_start)
    return blocks[-1].body_end


def document_spans(blocks: Sequence[Block], start: int, end: int) -> list[tuple[int, int]]:
    """Document spans of body offsets ``start``..``end``, split at paragraph ends."""
    spans = []
    for block in blocks:
        first, last = max(start, block.body_start), min(end, block.body_end)
        if first < last:
            offset = block.doc_start - block.body_start
            spans.append((first + offset, last + offset))
    return spans
