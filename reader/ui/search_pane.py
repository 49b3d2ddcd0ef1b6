"""Search across the library: the search field, the hits a page at a time, and the total."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.fts import highlight_spans
from reader.library import Hit, Library, QueryError, SearchPage
from reader.ui.marked import MarkedTextDelegate
from reader.ui.reads import ReadRunner
from reader.ui.row_list import Row, RowListModel

PAGE = 100
"""Hits read at a time; More shows the next page."""


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


def read_page(library: Library, query: str, offset: int) -> SearchPage | str:
    """A page of hits, or the reason the query cannot be understood (in the background)."""
    try:
        return library.search_page(query, limit=PAGE, offset=offset)
    except QueryError as error:
        return str(error)


class SearchPane(QWidget):
    """The hits of the last search, the total, and More; the field lives in the toolbar
    (``search_edit``). Searching is a background read."""

    hit_opened = Signal(int, list)
    """(article id, the query's terms to mark in it)"""
    searched = Signal(int)
    """The first page is shown; the argument is the total number of hits."""
    message = Signal(str)

    def __init__(self, library: Library, reads: ReadRunner, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self._reads = reads
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
        footer = QHBoxLayout()
        footer.addWidget(self.count, 1)
        footer.addWidget(self.more_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(footer)
        self.search_edit = QLineEdit(parent)
        self.search_edit.setObjectName("searchField")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMaximumWidth(320)
        self.search_edit.returnPressed.connect(self._entered)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.search_edit.setPlaceholderText(self.tr("Search all issues (Ctrl+Shift+F)"))
        self.more_button.setText(self.tr("More"))
        self._show_count()

    @Slot()
    def focus_field(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    @Slot()
    def _entered(self) -> None:
        self.run(self.search_edit.text())

    def run(self, query: str) -> None:
        """Search the library in the background; the first page replaces the list."""
        if query.strip():
            self._reads.ask("search", lambda library: read_page(library, query, 0),
                            self._answered)

    @Slot()
    def more(self) -> None:
        """Add the next page of hits."""
        if len(self._hits) < self._total:
            query, offset = self._query, len(self._hits)
            self._reads.ask("search", lambda library: read_page(library, query, offset),
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
                           .replace("%2", str(self._total)) if self._query else "")
        self.more_button.setVisible(shown < self._total)

    @Slot(QModelIndex)
    def _chosen(self, index: QModelIndex) -> None:
        if index.isValid():
            hit = self._hits[index.row()]
            self.hit_opened.emit(hit.article_id, list(hit.terms))
