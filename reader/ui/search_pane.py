"""Search across the library: the search field, the hits a page at a time, and the total."""

from __future__ import annotations

import calendar
import re
from datetime import date

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QStringListModel,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.fts import highlight_spans
from reader.library import Filters, Hit, Library, QueryError, SearchPage
from reader.ui.marked import MarkedTextDelegate
from reader.ui.messages import query_message
from reader.ui.reads import ReadRunner
from reader.ui.row_list import Row, RowListModel
from reader.ui.settings import Settings

PAGE = 100
"""Hits read at a time; More shows the next page."""
KINDS = ("", "article", "photo", "fragment")
"""The kinds of item a search can be limited to ('' is any)."""


def hit_row(hit: Hit) -> Row:
    """How a search hit is listed: title, then issue and the text around the first hit,
    the query's terms emphasised in both (drawn bold, never written into the text)."""
    where = f"{hit.issue_date} · {hit.issue_title}" if hit.issue_date else hit.issue_title
    title = hit.title or QCoreApplication.translate("SearchPane", "(untitled)")
    excerpt = hit.excerpt or hit.snippet
    head = f"{title}\n{where} · "
    spans = [*(highlight_spans(title, hit.terms) if hit.title else []),
             *((len(head) + s, len(head) + e) for s, e in highlight_spans(excerpt, hit.terms))]
    return Row(hit.article_id, head + excerpt, excerpt, tuple(spans))


def read_page(library: Library, query: str, offset: int,
              filters: Filters | None = None) -> SearchPage | str:
    """A page of hits, or the reason the query cannot be understood (in the background)."""
    try:
        return library.search_page(query, filters, limit=PAGE, offset=offset)
    except QueryError as error:
        return query_message(error)


_DATE = re.compile(r"^(\d{4})(?:[-./年](\d{1,2})(?:[-./月](\d{1,2})日?)?月?)?年?$")


def date_bound(text: str, last: bool) -> str | None:
    """An ISO date from what a reader types in a From or To field: ``2024``, ``2024-08``,
    ``2024-08-30`` (or 2024年8月); a year or month stands for its first day in From and its
    last in To. None when empty; ValueError when it is not a date."""
    text = text.strip()
    if not text:
        return None
    match = _DATE.match(text)
    if match is None:
        raise ValueError(text)
    year, month, day = (int(part) if part else None for part in match.groups())
    assert year is not None
    if month is None:
        month, day = (12, 31) if last else (1, 1)
    elif day is None:
        day = calendar.monthrange(year, month)[1] if last and 1 <= month <= 12 else 1
    return date(year, month, day).isoformat()


class SearchFilters(QWidget):
    """The filters a search can take, as the command line has them: dates, tag, entity,
    kind of item. Shown under the results' list when Filters is checked."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.date_from = QLineEdit(self)
        self.date_from.setObjectName("searchFrom")
        self.date_to = QLineEdit(self)
        self.date_to.setObjectName("searchTo")
        self.tag = QComboBox(self)
        self.tag.setObjectName("searchTag")
        self.tag.setEditable(True)
        self.entity = QLineEdit(self)
        self.entity.setObjectName("searchEntity")
        self.kind = QComboBox(self)
        self.kind.setObjectName("searchKind")
        for _ in KINDS:
            self.kind.addItem("")
        self.form = QFormLayout(self)
        self.form.setContentsMargins(4, 4, 4, 4)
        dates = QHBoxLayout()
        dates.addWidget(self.date_from)
        dates.addWidget(self.date_to)
        self.dates_label, self.tag_label = QLabel(self), QLabel(self)
        self.entity_label, self.kind_label = QLabel(self), QLabel(self)
        self.form.addRow(self.dates_label, dates)
        self.form.addRow(self.tag_label, self.tag)
        self.form.addRow(self.entity_label, self.entity)
        self.form.addRow(self.kind_label, self.kind)
        for edit in (self.date_from, self.date_to, self.entity):
            edit.setClearButtonEnabled(True)
            edit.returnPressed.connect(self.changed)
        self.tag.activated.connect(lambda _index: self.changed.emit())
        self.kind.activated.connect(lambda _index: self.changed.emit())
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.dates_label.setText(self.tr("Dates:"))
        self.date_from.setPlaceholderText(self.tr("from, e.g. 2024 or 2024-08"))
        self.date_to.setPlaceholderText(self.tr("to"))
        self.tag_label.setText(self.tr("Tag:"))
        edit = self.tag.lineEdit()
        if edit is not None:
            edit.setPlaceholderText(self.tr("any tag"))
        self.entity_label.setText(self.tr("Entity:"))
        self.entity.setPlaceholderText(self.tr("a person, place or organization"))
        self.kind_label.setText(self.tr("Kind:"))
        names = {"": self.tr("Any kind"), "article": self.tr("Articles"),
                 "photo": self.tr("Photos"), "fragment": self.tr("Fragments")}
        for number, kind in enumerate(KINDS):
            self.kind.setItemText(number, names[kind])

    def set_tags(self, names: list[str]) -> None:
        """Offer these tag names (keeps what is typed)."""
        typed = self.tag.currentText()
        self.tag.clear()
        self.tag.addItems(["", *names])
        self.tag.setEditText(typed)

    def filters(self) -> Filters:
        """The filters as set; ValueError names a date field that holds no date."""
        try:
            start = date_bound(self.date_from.text(), last=False)
        except ValueError as error:
            raise ValueError(self.tr("“%1” is not a date (2024, 2024-08 or 2024-08-30)")
                             .replace("%1", str(error))) from error
        try:
            end = date_bound(self.date_to.text(), last=True)
        except ValueError as error:
            raise ValueError(self.tr("“%1” is not a date (2024, 2024-08 or 2024-08-30)")
                             .replace("%1", str(error))) from error
        kind = KINDS[self.kind.currentIndex()]
        return Filters(self.tag.currentText().strip() or None,
                       self.entity.text().strip() or None, start, end,
                       (kind,) if kind else ())


class SearchPane(QWidget):
    """The hits of the last search, the total, and More; the field lives in the toolbar
    (``search_edit``). Searching is a background read."""

    hit_opened = Signal(int, list)
    """(article id, the query's terms to mark in it)"""
    searched = Signal(int)
    """The first page is shown; the argument is the total number of hits."""
    message = Signal(str)

    def __init__(self, library: Library, reads: ReadRunner, parent: QWidget | None = None,
                 settings: Settings | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._reads = reads
        self._settings = settings
        self._filters = Filters()
        self._query = ""
        self._hits: list[Hit] = []
        self._total = 0
        self.model_ = RowListModel(self)
        self.list = QListView(self)
        self.list.setObjectName("searchResults")
        self.list.setModel(self.model_)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setItemDelegate(MarkedTextDelegate(self.list))
        self.list.clicked.connect(self._chosen)
        self.list.activated.connect(self._chosen)
        self.count = QLabel(self)
        self.more_button = QPushButton(self)
        self.more_button.clicked.connect(self.more)
        self.filters_button = QToolButton(self)
        self.filters_button.setObjectName("searchFiltersButton")
        self.filters_button.setCheckable(True)
        self.filters = SearchFilters(self)
        self.filters.setVisible(False)
        self.filters_button.toggled.connect(self._show_filters)
        self.filters.changed.connect(self._entered)
        header = QHBoxLayout()
        header.addWidget(self.filters_button)
        header.addStretch(1)
        footer = QHBoxLayout()
        footer.addWidget(self.count, 1)
        footer.addWidget(self.more_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.filters)
        layout.addWidget(self.list, 1)
        layout.addLayout(footer)
        self.search_edit = QLineEdit(parent)
        self.search_edit.setObjectName("searchField")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMaximumWidth(320)
        self.search_edit.returnPressed.connect(self._entered)
        self.history = QStringListModel(self._settings.search_history if self._settings
                                        else [], self)
        self.completer = QCompleter(self.history, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.search_edit.setCompleter(self.completer)
        self.search_edit.installEventFilter(self)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.search_edit.setPlaceholderText(self.tr("Search all issues (Ctrl+Shift+F)"))
        self.search_edit.setToolTip(self.tr("Words, \"phrases\", AND / OR / NOT; ↓ shows the "
                                            "last searches"))
        self.more_button.setText(self.tr("More"))
        self.filters_button.setText(self.tr("Filters"))
        self.filters_button.setToolTip(self.tr("Search only within dates, a tag, an entity "
                                               "or a kind of item"))
        self.filters.retranslate_ui()
        self._show_count()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """↓ in the search field shows the search history (all of it when it is empty)."""
        if (watched is self.search_edit and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Down
                and not self._history_shown() and self.history.rowCount()):
            self.completer.setCompletionPrefix(self.search_edit.text())
            self.completer.complete()
            return True
        return super().eventFilter(watched, event)

    def _history_shown(self) -> bool:
        popup = self.completer.popup()
        return popup is not None and popup.isVisible()

    @Slot(bool)
    def _show_filters(self, shown: bool) -> None:
        self.filters.setVisible(shown)
        if shown and self._library is not None:
            self.filters.set_tags([tag.name for tag in self._library.tags()])

    @Slot()
    def focus_field(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    @Slot()
    def _entered(self) -> None:
        self.run(self.search_edit.text())

    def run(self, query: str) -> None:
        """Search the library in the background (with the filters when shown); the first
        page replaces the list, and the query goes first in the history."""
        try:
            filters = self.filters.filters() if self.filters_button.isChecked() else Filters()
        except ValueError as error:
            self.message.emit(str(error))
            return
        if not query.strip() and filters == Filters():
            return
        self._filters = filters
        if query.strip() and self._settings is not None:
            self.history.setStringList(self._settings.remember_search(query))
        self._reads.ask("search", lambda library: read_page(library, query, 0, filters),
                        self._answered)

    @Slot()
    def more(self) -> None:
        """Add the next page of hits."""
        if len(self._hits) < self._total:
            query, offset, filters = self._query, len(self._hits), self._filters
            self._reads.ask("search",
                            lambda library: read_page(library, query, offset, filters),
                            self._answered)

    def hits(self) -> list[Hit]:
        return list(self._hits)

    def _answered(self, page: SearchPage | str) -> None:
        if isinstance(page, str):
            self.message.emit(page)
            return
        if page.offset == 0:
            self._query, self._hits = page.query, []
        self._hits += page.hits
        self._total = page.total
        self.model_.set_rows([hit_row(hit) for hit in self._hits])
        self._show_count()
        if page.offset == 0:
            self.message.emit(self.tr("%n article(s) found.", "", page.total))
            self.searched.emit(page.total)

    def _show_count(self) -> None:
        shown = len(self._hits)
        self.count.setText(self.tr("%1 of %2 shown").replace("%1", str(shown))
                           .replace("%2", str(self._total)) if self._query or self._hits
                           else "")
        self.more_button.setVisible(shown < self._total)

    @Slot(QModelIndex)
    def _chosen(self, index: QModelIndex) -> None:
        if index.isValid():
            hit = self._hits[index.row()]
            self.hit_opened.emit(hit.article_id, list(hit.terms))
