"""Typed access to the app's settings (QSettings), with defaults in one place."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QMainWindow, QSplitter

from reader.ui.theme import THEMES

ORGANIZATION = "baokan-reader"
APPLICATION = "Baokan Reader"

LAYERS = ("person", "place", "org", "figure")
DEFAULT_COLORS = {"person": "#ffd0d0", "place": "#cdeccd", "org": "#cfe0ff", "figure": "#ffe9a8"}
"""The highlight color of each type, as chosen for a light background."""
FONT_SIZE_MIN, FONT_SIZE_MAX = 6.0, 48.0
ZOOM_MIN, ZOOM_MAX = -6.0, 16.0


def _float(value: object, default: float, low: float, high: float) -> float:
    """``value`` as a float clamped to ``low``..``high``; ``default`` when unreadable."""
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default
    return min(high, max(low, number))


HISTORY = 30
"""Searches remembered."""


class Settings:
    """The settings the window remembers; tests pass a QSettings on a temporary file."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store if store is not None else QSettings(ORGANIZATION, APPLICATION)

    def _bytes(self, key: str) -> QByteArray | None:
        value = self.store.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @property
    def last_article(self) -> int | None:
        value = self.store.value("reader/last_article")
        try:
            return int(value) if value not in (None, "") else None
        except (TypeError, ValueError):
            return None

    @last_article.setter
    def last_article(self, article_id: int | None) -> None:
        self.store.setValue("reader/last_article", "" if article_id is None else article_id)

    @property
    def last_position(self) -> int:
        """Where the last article was being read: the document position at the top of the
        view (a character, not pixels, so a new window size or zoom finds the same place)."""
        return int(_float(self.store.value("reader/last_position", 0), 0, 0, 2**31))

    @last_position.setter
    def last_position(self, position: int) -> None:
        self.store.setValue("reader/last_position", int(position))

    @property
    def language(self) -> str:
        """``system`` (the default: follow the system locale), ``zh_CN`` or ``en``."""
        value = self.store.value("ui/language", "system")
        return value if value in ("system", "zh_CN", "en") else "system"

    @language.setter
    def language(self, language: str) -> None:
        self.store.setValue("ui/language", language)

    @property
    def font_family(self) -> str:
        """The reading font's family; ``""`` (the default) uses the system's font."""
        value = self.store.value("reading/font_family", "")
        return value if isinstance(value, str) else ""

    @font_family.setter
    def font_family(self, family: str) -> None:
        self.store.setValue("reading/font_family", family)

    @property
    def font_size(self) -> float:
        """The reading font's base point size; 0 (the default) uses the system's size."""
        value = self.store.value("reading/font_size", 0.0)
        size = _float(value, 0.0, 0.0, FONT_SIZE_MAX)
        return size if size >= FONT_SIZE_MIN else 0.0

    @font_size.setter
    def font_size(self, size: float) -> None:
        self.store.setValue("reading/font_size", float(size))

    @property
    def text_zoom(self) -> float:
        """Points added to the reading size with Ctrl+= / Ctrl+- (0 by default)."""
        return _float(self.store.value("reading/zoom", 0.0), 0.0, ZOOM_MIN, ZOOM_MAX)

    @text_zoom.setter
    def text_zoom(self, zoom: float) -> None:
        self.store.setValue("reading/zoom", float(zoom))

    def highlight_color(self, layer: str) -> str:
        """The highlight color (``#rrggbb``) of ``person``, ``place``, ``org`` or ``figure``."""
        default = DEFAULT_COLORS[layer]
        value = self.store.value(f"highlight/{layer}", default)
        return value if isinstance(value, str) and QColor.isValidColorName(value) else default

    def set_highlight_color(self, layer: str, color: str) -> None:
        if layer not in DEFAULT_COLORS:
            raise KeyError(layer)
        self.store.setValue(f"highlight/{layer}", QColor(color).name())

    def highlight_colors(self) -> dict[str, str]:
        return {layer: self.highlight_color(layer) for layer in LAYERS}

    @property
    def theme(self) -> str:
        """``system`` (the default: follow the system's color scheme), ``light`` or ``dark``."""
        value = self.store.value("ui/theme", "system")
        return value if value in THEMES else "system"

    @theme.setter
    def theme(self, theme: str) -> None:
        self.store.setValue("ui/theme", theme if theme in THEMES else "system")

    @property
    def search_history(self) -> list[str]:
        """The last searches, newest first (at most ``HISTORY``)."""
        value = self.store.value("search/history", [])
        items = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        return [str(item) for item in items if str(item).strip()][:HISTORY]

    def remember_search(self, query: str) -> list[str]:
        """Put ``query`` first in the search history; returns the history."""
        query = query.strip()
        history = [query, *(q for q in self.search_history if q != query)][:HISTORY]
        self.store.setValue("search/history", history)
        return history

    def save_window(self, window: QMainWindow, splitter: QSplitter) -> None:
        """Remember the window's geometry, toolbars and splitter sizes."""
        self.store.setValue("window/geometry", window.saveGeometry())
        self.store.setValue("window/state", window.saveState())
        self.store.setValue("window/splitter", splitter.saveState())
        self.store.sync()

    def restore_window(self, window: QMainWindow, splitter: QSplitter) -> bool:
        """Restore what ``save_window`` kept; False when there was nothing to restore."""
        geometry = self._bytes("window/geometry")
        if geometry is None:
            return False
        window.restoreGeometry(geometry)
        state = self._bytes("window/state")
        if state is not None:
            window.restoreState(state)
        splitter_state = self._bytes("window/splitter")
        if splitter_state is not None:
            splitter.restoreState(splitter_state)
        return True
