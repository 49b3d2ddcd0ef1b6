"""The named colours a tag can take, and the value the library stores for each."""

from __future__ import annotations

TAG_PALETTE: tuple[tuple[str, str], ...] = (
    ("red", "#ffd6d6"), ("orange", "#ffe7b8"), ("yellow", "#fff3b0"), ("green", "#d4f0d0"),
    ("cyan", "#cdeeee"), ("blue", "#d3e6ff"), ("purple", "#e8dcff"), ("gray", "#d0d0d0"))
"""(name, stored value): light tints, so a chip's dark text reads on each. The stored
value is the colour as ``#rrggbb`` (what the library always stored); users see names."""

ZH_NAMES = {"red": "红", "orange": "橙", "yellow": "黄", "green": "绿", "cyan": "青",
            "blue": "蓝", "purple": "紫", "gray": "灰"}
"""The Chinese names, which the command line also accepts."""


def palette_name(value: str) -> str | None:
    """The palette's name for a stored colour (any case), None for another or no colour."""
    value = value.strip().lower()
    return next((name for name, stored in TAG_PALETTE if stored == value), None)


def stored_color(color: str) -> str:
    """The value to store for ``color``: a palette name (red, 红, any case) becomes its
    tint, anything else (``#ffd54f``, blank for none) is kept as given."""
    wanted = color.strip().lower()
    names = {name: stored for name, stored in TAG_PALETTE}
    names |= {zh: names[name] for name, zh in ZH_NAMES.items()}
    names["grey"] = names["gray"]
    return names.get(wanted, color.strip())
