"""Find in the open article (Ctrl+F, next/previous), and marking a search's terms."""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QVBoxLayout, QWidget

from reader.ui.article_view import ArticleView, Mark
from reader.ui.marked import HIT_COLOR

MATCH_COLOR = HIT_COLOR
CURRENT_COLOR = "#ff7a1a"
TERM_COLOR = HIT_COLOR
"""Find matches and a search's terms are hits, drawn in the hit orange of the result
lists (the current match stronger): apart from the pale entity and figure colours (pink,
green, blue, yellow) and from the notes' bars."""


def tr(text: str) -> str:
    return QCoreApplication.translate("FindBar", text)


def find_all(text: str, needle: str) -> list[tuple[int, int]]:
    """(start, end) of every occurrence of ``needle`` in ``text``, ignoring case."""
    if not needle:
        return []
    return [m.span() for m in re.finditer(re.escape(needle), text, re.IGNORECASE)]


def term_spans(text: str, terms: Iterable[str]) -> list[tuple[int, int]]:
    """Spans of every search term in ``text``, in order."""
    return sorted(span for term in set(terms) for span in find_all(text, term.strip()))


class FindBar(QWidget):
    """A bar under the article: type to mark every match, Enter / F3 for the next one."""

    matches_changed = Signal(int)
    closed = Signal()

    def __init__(self, view: ArticleView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self._view = view
        self._matches: list[tuple[int, int]] = []
        self._current = -1
        self._make_widgets()
        self.retranslate_ui()
        self._view.article_shown.connect(self._article_shown)
        self.hide()

    def _make_widgets(self) -> None:
        self.entry = QLineEdit(self)
        self.entry.setObjectName("findEntry")
        self.entry.setClearButtonEnabled(True)
        self.entry.textChanged.connect(self._text_changed)
        self.entry.installEventFilter(self)
        self.previous_button = QToolButton(self)
        self.previous_button.setArrowType(Qt.ArrowType.UpArrow)
        self.previous_button.clicked.connect(self.find_previous)
        self.next_button = QToolButton(self)
        self.next_button.setArrowType(Qt.ArrowType.DownArrow)
        self.next_button.clicked.connect(self.find_next)
        self.status = QLabel(self)
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.clicked.connect(self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        for widget in (self.entry, self.previous_button, self.next_button, self.status):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.close_button)

    def retranslate_ui(self) -> None:
        self.entry.setPlaceholderText(tr("Find in article"))
        self.previous_button.setToolTip(tr("Previous match (Shift+F3)"))
        self.next_button.setToolTip(tr("Next match (F3)"))
        self.close_button.setToolTip(tr("Close (Esc)"))
        self._show_status()

    # ---------------------------------------------------------------- opening

    @Slot()
    def open_bar(self) -> None:
        """Show the bar with the focus in it, starting from the view's selection if any."""
        selected = self._view.textCursor().selectedText()
        if selected and "\u2029" not in selected and len(selected) < 60:
            self.entry.setText(selected)
        self.show()
        self.entry.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.entry.selectAll()

    @Slot()
    def close_bar(self) -> None:
        self.hide()
        self._matches, self._current = [], -1
        self._view.set_marks("find", [])
        self._view.set_marks("current", [])
        self._view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.closed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: object, event: object) -> bool:
        """Enter finds the next match, Shift+Enter the previous one."""
        if watched is self.entry and isinstance(event, QKeyEvent) \
                and event.type() == QKeyEvent.Type.KeyPress \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            backwards = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self.find_previous() if backwards else self.find_next()
            return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]

    # ---------------------------------------------------------------- matching

    def matches(self) -> list[tuple[int, int]]:
        return list(self._matches)

    def current(self) -> int:
        """The index of the current match (-1 before the first Next)."""
        return self._current

    @Slot(str)
    def _text_changed(self, _text: str) -> None:
        self._rematch()
        if self._matches:
            self._go_to(0)

    @Slot()
    def _article_shown(self) -> None:
        if self.isVisible():
            self._rematch()

    def _rematch(self) -> None:
        text = self._view.document().toPlainText()
        self._matches = find_all(text, self.entry.text())
        self._current = -1
        self._view.set_marks("find", [Mark(s, e, MATCH_COLOR) for s, e in self._matches])
        self._view.set_marks("current", [])
        self._show_status()
        self.matches_changed.emit(len(self._matches))

    @Slot()
    def find_next(self) -> None:
        self._step(1)

    @Slot()
    def find_previous(self) -> None:
        self._step(-1)

    def _step(self, step: int) -> None:
        if not self.isVisible():
            self.open_bar()
        if self._matches:
            start = self._current if self._current >= 0 else (-1 if step > 0 else 0)
            self._go_to((start + step) % len(self._matches))

    def _go_to(self, number: int) -> None:
        self._current = number
        start, end = self._matches[number]
        self._view.set_marks("current", [Mark(start, end, CURRENT_COLOR)])
        cursor = self._view.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self._view.setTextCursor(cursor)
        self._view.ensureCursorVisible()
        self._show_status()

    def _show_status(self) -> None:
        if not self.entry.text():
            self.status.setText("")
        elif not self._matches:
            self.status.setText(tr("Not found"))
        else:
            self.status.setText(tr("%1 of %2").replace("%1", str(self._current + 1))
                                .replace("%2", str(len(self._matches))))

    # ---------------------------------------------------------------- search terms

    def mark_terms(self, terms: Iterable[str]) -> int:
        """Mark a search's ``terms`` in the open article; returns how many were found."""
        spans = term_spans(self._view.document().toPlainText(), terms)
        self._view.set_marks("terms", [Mark(s, e, TERM_COLOR) for s, e in spans])
        return len(spans)


FIND_KEYS = {
    "find": QKeySequence.StandardKey.Find,
    "next": QKeySequence.StandardKey.FindNext,
    "previous": QKeySequence.StandardKey.FindPrevious,
}


def reading_pane(view: QWidget, find_bar: QWidget, parent: QWidget,
                 banner: QWidget | None = None, also_in: QWidget | None = None) -> QWidget:
    """The article view with the item's banner and the "also in" bar above and the find
    bar underneath."""
    pane = QWidget(parent)
    layout = QVBoxLayout(pane)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    for above in (banner, also_in):
        if above is not None:
            layout.addWidget(above)
    layout.addWidget(view, 1)
    layout.addWidget(find_bar)
    return pane
