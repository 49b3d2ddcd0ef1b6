"""Packed id lists (the band index's): every list reads back, small steps take 2 bytes,
and adding at the end is the same as packing the whole list."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core import idlists

ids = st.sets(st.integers(min_value=0, max_value=(1 << 32) - 1)).map(sorted)


@given(ids)
def test_a_list_reads_back(values: list[int]) -> None:
    data = idlists.pack(values)
    assert idlists.unpack(data) == values
    if values:
        assert idlists.last(data) == values[-1]


@given(ids, st.integers(min_value=1, max_value=40))
def test_adding_at_the_end_is_packing_the_whole(values: list[int], cut: int) -> None:
    head, tail = values[:-cut], values[-cut:]
    assert idlists.extend(idlists.pack(head), tail) == idlists.pack(values)


def test_small_steps_take_two_bytes_and_long_ones_six() -> None:
    assert len(idlists.pack([70_000])) == 4
    assert len(idlists.pack([70_000, 70_001, 135_535])) == 4 + 2 + 2
    assert len(idlists.pack([1, 65_537])) == 4 + 6
    assert idlists.unpack(idlists.pack([1, 65_537, 65_538])) == [1, 65_537, 65_538]
    assert idlists.pack([]) == b"" and idlists.unpack(b"") == []


def test_ids_must_ascend() -> None:
    with pytest.raises(ValueError, match="not ascending"):
        idlists.pack([5, 5])
    with pytest.raises(ValueError, match="not ascending"):
        idlists.extend(idlists.pack([5, 9]), [7])
