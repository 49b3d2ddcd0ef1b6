"""Offsets: paragraph-relative to body, body to a document and back."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.core.spans import (
    Block,
    document_spans,
    in_body,
    paragraph_starts,
    to_body,
    to_document,
)


def test_offsets_map_both_ways_across_paragraphs() -> None:
    blocks = [Block(0, 5, 20), Block(6, 10, 26)]
    assert to_document(blocks, 0) == 20
    assert to_document(blocks, 7) == 27
    assert to_document(blocks, 11) is None
    assert to_body(blocks, 27) == 7
    assert to_body(blocks, 3) == 0
    assert to_body(blocks, 99) == 10
    assert document_spans(blocks, 3, 8) == [(23, 25), (26, 28)]


def test_paragraph_offsets_become_body_offsets() -> None:
    texts = ["南开区", "", "财政收入增长"]
    starts = paragraph_starts(texts)
    body = "\n".join(texts)
    assert starts == [0, 4, 5]
    start, end = in_body(starts, 2, 2, 4) or (0, 0)
    assert body[start:end] == "收入"
    assert in_body(starts, 3, 0, 1) is None


@given(st.lists(st.text(alphabet="南开区\u3000a ", max_size=12), min_size=1, max_size=6),
       st.integers(0, 30), st.data())
def test_every_body_offset_survives_a_round_trip_through_the_document(texts, head, data):
    """Whatever the paragraphs and whatever stands before them (title, byline blocks)."""
    starts = paragraph_starts(texts)
    blocks, position = [], head
    for text, start in zip(texts, starts, strict=True):
        blocks.append(Block(start, start + len(text), position))
        position += len(text) + 1 + data.draw(st.integers(0, 3))  # block gaps may differ
    body = "\n".join(texts)
    for offset in range(len(body) + 1):
        shown = to_document(blocks, offset)
        if body[offset:offset + 1] == "\n" and shown is None:
            continue
        assert shown is not None and to_body(blocks, shown) == offset
