"""Search across the library: the search field and the list of hits."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import QLineEdit, QListView, QWidget

from reader.library import Hit, Library, QueryError
from reader.ui.row_list import Row, RowListModel

SEARCH_LIMIT = 100


def hit_row(hit: Hit) -> Row:
    """How a search hit is listed: title, then issue and snippet."""
    where = f"{hit.issue_date} · {hit.issue_title}" if hit.issue_date else hit.issue_title
    title = hit.title or QCoreApplication.translate("SearchPane", "(untitled)")
    return Row(hit.article_id, f"{title}\n{where} · {hit.snippet}", hit.snippet)


class SearchPane(QListView):
    """The hits of the last search; the field lives in the toolbar (``search_edit``)."""

    hit_opened = Signal(int, list)
    """(article id, the query's terms to mark in it)"""
    searched = Signal(int)
    message = Signal(str)

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._terms: dict[int, list[str]] = {}
        self.setObjectName("searchResults")
        self.model_ = RowListModel(self)
        self.setModel(self.model_)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.search_edit = QLineEdit(parent)
        self.search_edit.setObjectName("searchField")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMaximumWidth(320)
        self.search_edit.returnPressed.connect(self._entered)
        self.clicked.connect(self._chosen)
        self.activated.connect(self._chosen)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.search_edit.setPlaceholderText(self.tr("Search all issues (Ctrl+Shift+F)"))

    @Slot()
    def focus_field(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    @Slot()
    def _entered(self) -> None:
        self.run(self.search_edit.text())

    def run(self, query: str) -> list[Hit]:
        """Search the library; list the hits, or say why the query is wrong."""
        if not query.strip():
            return []
        try:
            hits = self._library.search(query, limit=SEARCH_LIMIT)
        except QueryError as error:
            self.message.emit(str(error))
            return []
        self.model_.set_rows([hit_row(hit) for hit in hits])
        self._terms = {hit.article_id: list(hit.terms) for hit in hits}
        self.message.emit(self.tr("%n article(s) found.", "", len(hits)))
        self.searched.emit(len(hits))
        return hits

    @Slot(QModelIndex)
    def _chosen(self, index: QModelIndex) -> None:
        if index.isValid():
            article_id = self.model_.row_at(index.row()).id
            self.hit_opened.emit(article_id, self._terms.get(article_id, []))
