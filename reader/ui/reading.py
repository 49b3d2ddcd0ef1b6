"""Which article is open, and showing it: the view, its panels and the tree's selection."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QGuiApplication

from reader.core.citation import with_passage
from reader.core.records import ArticleRow
from reader.library import AnnotationError, Changes, Library
from reader.ui.also_in import AlsoInBar
from reader.ui.article_view import ArticleView, Mark
from reader.ui.banner import ItemBanner
from reader.ui.entities import EntitiesPanel
from reader.ui.find import FindBar
from reader.ui.issue_tree import UNTITLED_CHARS
from reader.ui.panels import NotesPanel, TagsPanel
from reader.ui.settings import Settings
from reader.ui.tree_pane import TreePane

NOTE_TIP_CHARS = 300


def preview(text: str) -> str:
    """A note's text as hovering its passage shows it (the start of a long one)."""
    return text if len(text) <= NOTE_TIP_CHARS else text[:NOTE_TIP_CHARS] + "…"


class Reading(QObject):
    """Opens articles (from the tree, J / K, a search hit, a figure) and keeps the open
    one, its notes and tags as the library holds them."""

    opened = Signal(int)
    message = Signal(str)
    note_shown = Signal(int)
    """A note was chosen from its passage in the text (the window shows the notes tab)."""

    def __init__(self, library: Library, settings: Settings, view: ArticleView,
                 panels: tuple[NotesPanel, TagsPanel, EntitiesPanel], tree: TreePane,
                 find: FindBar, parent: QObject | None = None,
                 banner: ItemBanner | None = None, also_in: AlsoInBar | None = None
                 ) -> None:
        super().__init__(parent)
        self._banner = banner
        self._also_in = also_in
        self._library = library
        self._settings = settings
        self._view = view
        self._notes, self._tags, self._entities = panels
        self._tree = tree
        self._find = find
        self._article_id: int | None = None
        tree.article_selected.connect(self.open)
        self._notes.passages_changed.connect(self._mark_notes)
        self._notes.passage_requested.connect(view.select_body_range)
        self._notes.add_requested.connect(self.add_note)
        view.note_clicked.connect(self.show_note)
        if banner is not None:
            banner.original_requested.connect(self.open)
        if also_in is not None:
            also_in.article_requested.connect(self.open)

    def current(self) -> int | None:
        return self._article_id

    @Slot()
    def add_note(self) -> None:
        """Add a note on the passage selected in the text (Add note, Ctrl+N)."""
        selected = self._view.selected_body_range()
        shown = self._view.shown_body(*selected) if selected is not None else ""
        self._notes.add_on(selected, shown)

    @Slot()
    def copy_with_citation(self) -> None:
        """Copy the selected passage, then a line citing its article (GB/T 7714); the
        citation alone when nothing is selected (Copy with citation, Ctrl+Shift+C)."""
        if self._article_id is None:
            return
        try:
            cited = self._library.citation(self._article_id)
        except AnnotationError as error:
            self.message.emit(str(error))
            return
        passage = self._view.textCursor().selection().toPlainText()
        QGuiApplication.clipboard().setText(with_passage(passage, cited))
        self.message.emit(self.tr("Copied with its citation.") if passage.strip()
                          else self.tr("Citation copied."))

    @Slot(int, object)
    def _mark_notes(self, article_id: int,
                    passages: list[tuple[int, int, str, int, str]]) -> None:
        """Mark the noted passages of the article shown (hovering one says its note)."""
        if self._view.article_id() != article_id:
            return
        self._view.set_marks("notes", [
            Mark(start, end, color, underline=True, note_id=note_id, label=preview(text))
            for body_start, body_end, color, note_id, text in passages
            for start, end in self._view.document_spans(body_start, body_end)])

    @Slot(int)
    def show_note(self, note_id: int) -> None:
        """A noted passage was clicked: its note is chosen in the notes panel."""
        self._notes.save_pending()
        self._notes.select_note(note_id)
        self.note_shown.emit(note_id)

    @Slot(int)
    def open(self, article_id: int) -> None:
        """Show an article, its notes and tags, and select it in the tree."""
        if article_id == self._article_id:
            return
        try:
            article = self._library.article(article_id)
        except AnnotationError as error:
            self.message.emit(str(error))
            return
        self._article_id = article_id
        self._view.show_article(article, self._library.highlights(article_id))
        self._show_banner(article)
        self._show_related(article_id)
        for panel in (self._notes, self._tags, self._entities):
            panel.set_article(article_id)
        self._tree.select(article_id)
        self._settings.last_article = article_id
        self.opened.emit(article_id)

    def _show_banner(self, article: ArticleRow | None) -> None:
        """Say above the text what an unusual item is (a copy, a fragment, removed)."""
        if self._banner is None:
            return
        original = None
        if article is not None and article.duplicate_of is not None:
            try:
                found = self._library.article(article.duplicate_of)
                original = found.title or found.body[:UNTITLED_CHARS]
            except AnnotationError:
                original = None
        self._banner.show_for(article, original)

    def _show_related(self, article_id: int | None) -> None:
        """List the other issues that print the open article's story (one indexed read)."""
        if self._also_in is not None:
            self._also_in.show_for(self._library.related_articles(article_id)
                                   if article_id is not None else [])

    @Slot(int, int, int)
    def open_at(self, article_id: int, start: int, end: int) -> None:
        """Open an article with the passage ``start``..``end`` of its text selected."""
        self.open(article_id)
        if self._article_id == article_id:
            self._view.select_body_range(start, end)

    def reopen(self) -> None:
        """Show the open article again as the library now holds it (same scroll place)."""
        article_id, self._article_id = self._article_id, None
        if article_id is None:
            return
        place = self._view.verticalScrollBar().value()
        self._notes.save_pending()
        self.open(article_id)
        if self._article_id is None:  # it is gone: the view must not keep its old text
            self._view.clear_article()
            self._show_banner(None)
            self._show_related(None)
            for panel in (self._notes, self._tags, self._entities):
                panel.set_article(None)
        else:
            self._view.verticalScrollBar().setValue(place)

    def open_hit(self, article_id: int, terms: list[str]) -> None:
        """Open a search hit with the query's terms marked."""
        self.open(article_id)
        self._find.mark_terms(terms)

    def open_corrected(self, article_id: int) -> None:
        """After a split correction: show the article that holds the corrected line."""
        self.open(article_id)
        self.message.emit(self.tr("The issue's layout is corrected; Undo puts it back."))

    @Slot()
    def next(self) -> None:
        self.step(1)

    @Slot()
    def previous(self) -> None:
        self.step(-1)

    def step(self, step: int) -> None:
        """Open the article ``step`` (±1) away in tree order (J / K)."""
        if (target := self._tree.neighbour(self._article_id, step)) is not None:
            self.open(target)

    def restore_last(self) -> None:
        """Open the article read last, at the place it was read."""
        if self._settings.last_article is not None:
            self.open(self._settings.last_article)
            if self._article_id is not None:
                self._view.scroll_to_position(self._settings.last_position)

    def remember_place(self) -> None:
        """Keep where the open article is being read, for the next start."""
        self._settings.last_position = self._view.top_position() if self._article_id else 0

    def apply_changes(self, changes: Changes) -> None:
        """Refresh the tree, the open article and its panels as far as ``changes`` reach."""
        article, tree = self._article_id, self._tree
        if changes.touches_tree():
            tree.reload(article)
        elif (changes.tags or changes.tagged) and tree.filter_edit.text().strip():
            tree.set_filter(tree.filter_edit.text())
        if changes.touches_article(article) and article is not None:
            self.reopen()
        else:
            if changes.issues or changes.everything:  # an import may have found its story
                self._show_related(article)
            if changes.touches_notes(article):
                self._notes.refresh_from_library()
            if changes.touches_tags(article):
                self._tags.refresh()
        if changes.tags or changes.everything or changes.touches_tree():
            self._tags.refresh_names()
