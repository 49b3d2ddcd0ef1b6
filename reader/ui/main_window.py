"""The main window: issue tree, article view, notes and tags panels, search."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import QMainWindow, QWidget

from reader.library import Changes, Library
from reader.ui import theme
from reader.ui.also_in import AlsoInBar
from reader.ui.article_view import ArticleView
from reader.ui.banner import ItemBanner
from reader.ui.corpus_views import CorpusViews
from reader.ui.dialogs import failure_box
from reader.ui.entities import EntitiesPanel
from reader.ui.find import FindBar, reading_pane
from reader.ui.instance import LibraryLock
from reader.ui.issue_details import IssueDetailsDialog
from reader.ui.layout import Panes, ReadOnlyLabel, window_title
from reader.ui.menus import AppActions
from reader.ui.panels import NotesPanel, TagsPanel
from reader.ui.preferences import apply_appearance
from reader.ui.reading import Reading
from reader.ui.reads import LibraryWatch, ReadRunner
from reader.ui.refresh import AnalysisRefresh
from reader.ui.search_pane import SearchPane
from reader.ui.settings import Settings
from reader.ui.splits import SplitMenu
from reader.ui.tree_pane import TreePane
from reader.ui.undo import AnnotationHistory
from reader.ui.window_actions import Slots, WindowActions

MESSAGE_MS = 8000
POLL_MS = 2000
"""How often the window looks for changes made by other programs (and a vanished file)."""


class MainWindow(QMainWindow):
    """Where users read: tree on the left, the article in the centre, notes and tags right.
    The panes, actions and dialogs are their own classes; the window wires them."""

    library_changed = Signal(object)  # a Changes value, after the window has refreshed
    library_failed = Signal(str)

    def __init__(self, library: Library, settings: Settings | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        library.start_writer()  # from here on, every write runs on the writer thread
        self._library = library
        self._settings = settings or Settings()
        self.library_lock: LibraryLock | None = None  # makes this window the writer (app)
        self.setObjectName("mainWindow")
        self._make_parts()
        self._connect()
        self.retranslate_ui()
        self.view.set_zoom(self._settings.text_zoom)
        self.apply_preferences()
        self._apply_read_only()
        if not self._settings.restore_window(self, self.splitter):
            self.resize(1280, 800)
            self.splitter.setSizes([300, 680, 300])
        self.tree_pane.expand_defaults()
        library.subscribe(self.apply_changes)
        library.on_failure(self._library_failure)
        self.watch = LibraryWatch(library, self._writing_in_background, self.apply_changes,
                                  POLL_MS, self)
        self.poll_library = self.watch.poll

    def _writing_in_background(self) -> bool:
        """An import or an analysis refresh writes through another Library object: its
        commits are the window's own, not another program's, and are announced when done."""
        return self.app_actions.importer.is_running() or self.analysis_refresh.is_running()

    def _make_parts(self) -> None:
        library = self._library
        self.reads = ReadRunner(library, self)
        self.history = AnnotationHistory(library, self)
        self.tree_pane = TreePane(library, self.reads, self)
        self.tree, self.proxy, self.tree_model = (self.tree_pane.tree, self.tree_pane.proxy,
                                                  self.tree_pane.model)
        self.search = SearchPane(library, self.reads, self, self._settings)
        self.view = ArticleView(self)
        self.banner = ItemBanner(self)
        self.also_in = AlsoInBar(self)
        self.find_bar = FindBar(self.view, self)
        self.notes = NotesPanel(library, self.history, self)
        self.tags = TagsPanel(library, self.history, self)
        self.entities = EntitiesPanel(library, self)
        self.corpus = CorpusViews(library, self.reads, self._settings, self, self.history)
        self.reading = Reading(library, self._settings, self.view,
                               (self.notes, self.tags, self.entities), self.tree_pane,
                               self.find_bar, self, banner=self.banner,
                               also_in=self.also_in)
        self.article_opened = self.reading.opened
        self.open_article, self.open_article_at = self.reading.open, self.reading.open_at
        self.current_article, self.reopen_article = self.reading.current, self.reading.reopen
        self.restore_last_article = self.reading.restore_last
        self.next_article, self.previous_article = self.reading.next, self.reading.previous
        self.splitter = Panes([self.tree_pane, self.search],
                              reading_pane(self.view, self.find_bar, self, self.banner,
                                           self.also_in),
                              [self.notes, self.tags, self.entities], self)
        self.left_tabs, self.right_tabs = self.splitter.left_tabs, self.splitter.right_tabs
        self.setCentralWidget(self.splitter)
        self.window_actions = WindowActions(self, Slots(
            self.reading.next, self.reading.previous,
            self.reading.add_note,
            self.search.focus_field, self.tree_pane.filter_edit.setFocus, self.close,
            self.find_bar.open_bar, self.find_bar.find_next, self.find_bar.find_previous,
            self.view.zoom_in, self.view.zoom_out, self.view.reset_zoom,
            self.corpus.show_entity_index, self.corpus.show_figures,
            self.corpus.show_preferences, self.corpus.show_tag_manager,
            self.reading.copy_with_citation, self.corpus.show_timeline,
            self.corpus.show_cooccurrence),
            self.history.stack, list(self.view.layer_actions.values()), self.search.search_edit)
        self.split_menu = SplitMenu(library, self.history, self)
        self.view.set_context_actions([self.window_actions.add_note_action,
                                       self.window_actions.copy_citation_action])
        self.view.set_line_menu(self.split_menu.menu_for)
        self.app_actions = AppActions(self, self.window_actions, library, self._settings,
                                      self.show_message)
        self.read_only_label = ReadOnlyLabel(self)
        self.statusBar().addPermanentWidget(self.read_only_label)
        self.analysis_refresh = AnalysisRefresh(library, self)
        self.app_actions.backup_restored.connect(self.analysis_refresh.start)

    def _connect(self) -> None:
        self.search.hit_opened.connect(self.reading.open_hit)
        self.search.searched.connect(lambda _n: self.left_tabs.setCurrentWidget(self.search))
        self.corpus.article_requested.connect(self.reading.open_at)
        self.corpus.article_opened.connect(self.reading.open)
        self.entities.article_requested.connect(self.reading.open_at)
        self.corpus.entity_chosen.connect(
            lambda *_: self.right_tabs.setCurrentWidget(self.entities))
        self.corpus.entity_chosen.connect(self.entities.show_mentions)
        self.corpus.preferences_changed.connect(self.apply_preferences)
        self.corpus.tag_chosen.connect(self._show_tag)
        self.tags.manager_requested.connect(self.corpus.show_tag_manager)
        for message in (self.search.message, self.reading.message, self.notes.message_posted,
                        self.tags.message_posted, self.history.change_refused):
            message.connect(self.show_message)
        self.history.article_requested.connect(self.reading.open_corrected)
        self.tree_pane.details_requested.connect(self.ask_issue_details)
        self.reading.note_shown.connect(lambda _id: self.right_tabs.setCurrentWidget(self.notes))
        self.notes.note_added.connect(lambda _id: self.show_message(self.tr("Note added.")))
        self.view.article_shown.connect(self._show_title)
        self.view.text_size_changed.connect(
            lambda _size: setattr(self._settings, "text_zoom", self.view.zoom()))
        QGuiApplication.styleHints().colorSchemeChanged.connect(
            lambda _scheme: self.apply_preferences() if self._settings.theme == theme.SYSTEM
            else None)

    @Slot(list)
    def ask_issue_details(self, issue_ids: list[int]) -> IssueDetailsDialog | None:
        """Open the "Set date…" dialog for these issues; OK sets what it says (undoable)."""
        if self.read_only or not issue_ids:
            return None
        dialog = IssueDetailsDialog(self._library, issue_ids, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._set_issue_details(dialog.values))
        self.details_dialog = dialog
        dialog.open()
        return dialog

    def _set_issue_details(self, values: dict[int, dict[str, str | None]]) -> None:
        self.history.set_issue_details(values)
        if values:
            self.show_message(self.tr("Set for %n issue(s); Undo puts it back.", "",
                                      len(values)))

    @property
    def read_only(self) -> bool:
        """Whether the library was opened read-only (another instance is writing it)."""
        return self._library.readonly

    def _apply_read_only(self) -> None:
        """In a read-only library, every action that would change it is disabled."""
        self.read_only_label.setVisible(self.read_only)
        if self.read_only:
            self.app_actions.disable_writing()
            for panel in (self.notes, self.tags, self.corpus):
                panel.set_read_only(True)
            self.tree_pane.read_only = True
            self.setAcceptDrops(False)
            self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Set the window's own texts; each part retranslates itself."""
        self._show_title()
        for part in (self.view, self.banner, self.also_in, self.app_actions, self.notes, self.tags,
                     self.tree_pane, self.search, self.window_actions, self.find_bar,
                     self.entities, self.corpus, self.analysis_refresh):
            part.retranslate_ui()

    def _show_title(self) -> None:
        broken = bool(self._library.failure or self._library.damage)
        self.setWindowTitle(window_title(self.view.article_title(), self.read_only, broken))

    @Slot(str)
    def _show_tag(self, name: str) -> None:
        """Filter the tree to the articles with the tag ``name``, and show the tree."""
        self.left_tabs.setCurrentWidget(self.tree_pane)
        self.tree_pane.show_tag(name)

    @Slot(object)
    def apply_changes(self, changes: Changes) -> None:
        """Refresh whatever shows something the change touched (Anki's OpChanges): after
        every change made through the library, an import's report, and another program's
        writes; no view keeps showing what the library no longer holds."""
        self.reading.apply_changes(changes)
        self.corpus.apply_changes(changes)
        self.library_changed.emit(changes)

    def _library_failure(self, message: str) -> None:
        """The library cannot be written any more: say so, what to do, and stop editing."""
        self.library_failed.emit(message)
        self._apply_read_only()
        failure_box(self, message).open()

    @Slot()
    def apply_preferences(self) -> None:
        """Apply the stored theme, reading font, highlight colors and language now."""
        apply_appearance(self._settings, self.view)
        if not self.app_actions.language_actions[self._settings.language].isChecked():
            self.app_actions.set_language(self._settings.language)

    @Slot(str)
    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, MESSAGE_MS)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.watch.timer.stop()
        self.history.wait_for_writes()
        self.analysis_refresh.shutdown()
        self.app_actions.shutdown()
        self.reads.shutdown()
        self._settings.save_window(self, self.splitter)
        self.reading.remember_place()
        self.corpus.close_all()
        if self.library_lock is not None:
            self.library_lock.release()
        super().closeEvent(event)

