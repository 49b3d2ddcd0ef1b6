"""Tag colours as the reader sees them: by name (红, Red …), with a swatch, never a hex code."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QMenu

from reader.core.tagcolors import TAG_PALETTE, palette_name
from reader.ui.article_view import swatch

CHIP_DEFAULT = "#e8e8e8"
"""How a tag without a colour is drawn."""


def tr(text: str) -> str:
    return QCoreApplication.translate("TagColors", text)


def color_names() -> dict[str, str]:
    """The palette's names in the UI language, in palette order."""
    return {"red": tr("Red"), "orange": tr("Orange"), "yellow": tr("Yellow"),
            "green": tr("Green"), "cyan": tr("Cyan"), "blue": tr("Blue"),
            "purple": tr("Purple"), "gray": tr("Gray")}


def color_label(value: str) -> str:
    """What a stored colour is called: its palette name, "No color", or "Other color"
    (a value set from the command line that is not in the palette)."""
    if not value.strip():
        return tr("No color")
    name = palette_name(value)
    return color_names()[name] if name else tr("Other color")


def fill_color_menu(menu: QMenu, current: str, chosen: Callable[[str], None]) -> None:
    """Add "No color" and the palette's colours (swatch and name, the ``current`` one
    checked) to ``menu``; picking one calls ``chosen(stored value)``."""
    group = QActionGroup(menu)
    names = color_names()
    for key, value in (("", ""), *TAG_PALETTE):
        action = menu.addAction(swatch(value or CHIP_DEFAULT), names.get(key, tr("No color")))
        action.setCheckable(True)
        action.setChecked(value == current.strip().lower())
        action.setData(value)
        group.addAction(action)
        action.triggered.connect(lambda _=False, v=value: chosen(v))
