"""Typed access to the app's settings (QSettings), with defaults in one place."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter

ORGANIZATION = "baokan-reader"
APPLICATION = "Baokan Reader"


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
    def language(self) -> str:
        """``system`` (the default: follow the system locale), ``zh_CN`` or ``en``."""
        value = self.store.value("ui/language", "system")
        return value if value in ("system", "zh_CN", "en") else "system"

    @language.setter
    def language(self, language: str) -> None:
        self.store.setValue("ui/language", language)

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
