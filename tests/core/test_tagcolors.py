"""Tag colours by name: the palette, what is stored, what a stored value is called."""

from __future__ import annotations

from reader.core.tagcolors import TAG_PALETTE, palette_name, stored_color


def test_names_in_english_and_chinese_store_the_palette_tint() -> None:
    red = dict(TAG_PALETTE)["red"]
    assert stored_color("red") == stored_color("Red") == stored_color(" 红 ") == red
    assert stored_color("grey") == stored_color("灰") == dict(TAG_PALETTE)["gray"]


def test_other_values_are_stored_as_given() -> None:
    assert stored_color("#ffd54f") == "#ffd54f"
    assert stored_color("") == ""


def test_a_stored_value_is_named_back() -> None:
    for name, value in TAG_PALETTE:
        assert palette_name(value) == palette_name(value.upper()) == name
    assert palette_name("#123456") is None and palette_name("") is None


def test_the_palette_has_eight_distinct_colours() -> None:
    assert len({value for _name, value in TAG_PALETTE}) == len(TAG_PALETTE) == 8
