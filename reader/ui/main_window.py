"""The main window: issue tree, article view, notes and tags panels, search."""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.core.resources import sample_issues
from reader.library import AnnotationError, Changes, Hit, Library, QueryError, TreeMatches
from reader.ui import theme
from reader.ui.article_view import ArticleView
from reader.ui.entities import EntitiesPanel, EntityIndexDialog
from reader.ui.figures import FiguresDialog
from reader.ui.find import FindBar
from reader.ui.import_dialog import dropped_paths
from reader.ui.instance import LibraryLock
from reader.ui.issue_tree import (
    ARTICLE,
    GROUPS,
    ID_ROLE,
    KIND_ROLE,
    PAPER,
    ArticleFilterProxy,
    IssueTreeModel,
    Key,
)
from reader.ui.menus import AppActions
from reader.ui.panels import NotesPanel, TagsPanel
from reader.ui.preferences import PreferencesDialog
from reader.ui.reads import ReadRunner
from reader.ui.row_list import Row, RowListModel
from reader.ui.settings import Settings
from reader.ui.splits import SplitMenu
from reader.ui.undo import AnnotationHistory

SEARCH_LIMIT = 100
MESSAGE_MS = 8000
SAMPLE_PAPER = "Samples · 示例"
"""The paper the shipped sample issues are filed under."""
POLL_MS = 2000
"""How often the window looks for changes made by other programs (and a vanished file)."""


def hit_row(hit: Hit) -> Row:
    """How a search hit is listed: title, then issue and snippet."""
    where = f"{hit.issue_date} · {hit.issue_title}" if hit.issue_date else hit.issue_title
    title = hit.title or QCoreApplication.translate("MainWindow", "(untitled)")
    return Row(hit.article_id, f"{title}\n{where} · {hit.snippet}", hit.snippet)


class MainWindow(QMainWindow):
    """Where users read: tree on the left, the article in the centre, notes and tags right."""

    article_opened = Signal(int)
    search_finished = Signal(int)
    library_changed = Signal(object)
    """A Changes value, after the window has refreshed what it shows."""
    library_failed = Signal(str)
    filter_applied = Signal(str)
    """The tree shows the articles for this filter text (its background read came back)."""

    def __init__(self, library: Library, settings: Settings | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._settings = settings or Settings()
        self._article_id: int | None = None
        self.library_lock: LibraryLock | None = None
        """The lock that makes this window the library's writer (set by the app)."""
        self.setObjectName("mainWindow")
        self._make_widgets()
        self._make_actions()
        self._make_menus_and_toolbar()
        self._make_reading_actions()
        self.app_actions = AppActions(self, library, self._settings)
        self._connect()
        self.retranslate_ui()
        self.view.set_zoom(self._settings.text_zoom)
        self.apply_preferences()
        self._apply_read_only()
        if not self._settings.restore_window(self, self.splitter):
            self.resize(1280, 800)
            self.splitter.setSizes([300, 680, 300])
        self._expand_defaults()
        library.subscribe(self.apply_changes)
        library.on_failure(self._library_failure)
        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(POLL_MS)
        self.poll_timer.timeout.connect(self.poll_library)
        self.poll_timer.start()

    # ---------------------------------------------------------------- building

    def _make_widgets(self) -> None:
        self.tree_model = IssueTreeModel(self._library, self)
        self.proxy = ArticleFilterProxy(self)
        self.proxy.setSourceModel(self.tree_model)
        self.tree = QTreeView(self)
        self.tree.setObjectName("issueTree")
        self.tree.setModel(self.proxy)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("treeFilter")
        self.filter_edit.setClearButtonEnabled(True)
        self.hits_model = RowListModel(self)
        self.hits = QListView(self)
        self.hits.setObjectName("searchResults")
        self.hits.setModel(self.hits_model)
        self.hits.setWordWrap(True)
        self.hits.setAlternatingRowColors(True)
        self.view = ArticleView(self)
        self.find_bar = FindBar(self.view, self)
        self.history = AnnotationHistory(self._library, self)
        self.reads = ReadRunner(self._library, self)
        self.notes = NotesPanel(self._library, self.view, self.history, self)
        self.tags = TagsPanel(self._library, self.history, self)
        self.entities = EntitiesPanel(self._library, self)
        self.entity_index: EntityIndexDialog | None = None
        self.preferences: PreferencesDialog | None = None
        self.figures: FiguresDialog | None = None
        self._hit_terms: dict[int, list[str]] = {}
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("searchField")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMaximumWidth(320)
        self.read_only_label = QLabel(self)
        self.read_only_label.setObjectName("readOnlyLabel")
        self._make_tabs()

    def _make_tabs(self) -> None:
        tree_page = QWidget(self)
        layout = QVBoxLayout(tree_page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.tree, 1)
        self.left_tabs = QTabWidget(self)
        self.left_tabs.addTab(tree_page, "")
        self.left_tabs.addTab(self.hits, "")
        self.right_tabs = QTabWidget(self)
        self.right_tabs.addTab(self.notes, "")
        self.right_tabs.addTab(self.tags, "")
        self.right_tabs.addTab(self.entities, "")
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        for widget in (self.left_tabs, self._reading_pane(), self.right_tabs):
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter)

    def _reading_pane(self) -> QWidget:
        """The article view with its find bar underneath."""
        pane = QWidget(self)
        layout = QVBoxLayout(pane)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.find_bar)
        return pane

    def _action(self, name: str, shortcut: QKeySequence | str, slot: object) -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        self.next_action = self._action("nextArticle", "J", self.next_article)
        self.previous_action = self._action("previousArticle", "K", self.previous_article)
        self.add_note_action = self._action(
            "addNote", QKeySequence(QKeySequence.StandardKey.New), self.notes.add_from_selection)
        self.search_action = self._action("focusSearch", "Ctrl+Shift+F", self.focus_search)
        self.filter_action = self._action("focusFilter", "Ctrl+L", self.filter_edit.setFocus)
        self.quit_action = self._action("quit", QKeySequence(QKeySequence.StandardKey.Quit),
                                        self.close)

    def _make_menus_and_toolbar(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.quit_action)
        self.go_menu = bar.addMenu("")
        for action in (self.next_action, self.previous_action, self.search_action,
                       self.filter_action):
            self.go_menu.addAction(action)
        self.notes_menu = bar.addMenu("")
        self.notes_menu.addAction(self.add_note_action)
        self.view.set_context_actions([self.add_note_action])
        self.split_menu = SplitMenu(self._library, self.history, self)
        self.view.set_line_menu(self.split_menu.menu_for)
        self.view_menu = bar.addMenu("")
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(self.toolbar)
        self.toolbar.addAction(self.add_note_action)
        self.toolbar.addSeparator()
        for action in self.view.layer_actions.values():
            self.view_menu.addAction(action)
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.toolbar.addWidget(self.search_edit)

    def _make_reading_actions(self) -> None:
        """Undo, find, text size and the corpus views, in the Edit and View menus."""
        self.undo_action = self.history.stack.createUndoAction(self)
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.redo_action = self.history.stack.createRedoAction(self)
        self.redo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Redo))
        self.find_action = self._action("findInArticle", QKeySequence(
            QKeySequence.StandardKey.Find), self.find_bar.open_bar)
        self.find_next_action = self._action("findNext", QKeySequence(
            QKeySequence.StandardKey.FindNext), self.find_bar.find_next)
        self.find_previous_action = self._action("findPrevious", QKeySequence(
            QKeySequence.StandardKey.FindPrevious), self.find_bar.find_previous)
        self.zoom_in_action = self._action("zoomIn", QKeySequence(
            QKeySequence.StandardKey.ZoomIn), self.view.zoom_in)
        self.zoom_in_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.ZoomIn),
                                          QKeySequence("Ctrl+=")])
        self.zoom_out_action = self._action("zoomOut", QKeySequence(
            QKeySequence.StandardKey.ZoomOut), self.view.zoom_out)
        self.entity_index_action = self._action("entityIndex", "", self.show_entity_index)
        self.figures_action = self._action("figuresTable", "", self.show_figures)
        self.edit_menu = QMenu(self)
        self.menuBar().insertMenu(self.go_menu.menuAction(), self.edit_menu)
        self.edit_menu.addActions([self.undo_action, self.redo_action])
        self.edit_menu.addSeparator()
        self.edit_menu.addActions([self.find_action, self.find_next_action,
                                   self.find_previous_action])
        self.preferences_action = self._action("preferences", QKeySequence(
            QKeySequence.StandardKey.Preferences), self.show_preferences)
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.preferences_action)
        self.view_menu.addSeparator()
        self.view_menu.addActions([self.zoom_in_action, self.zoom_out_action])
        self.view_menu.addSeparator()
        self.view_menu.addActions([self.entity_index_action, self.figures_action])
        self.entities.article_requested.connect(self.open_article_at)

    def _retranslate_reading_actions(self) -> None:
        self.right_tabs.setTabText(2, self.tr("Entities"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.undo_action.setText(self.tr("Undo"))
        self.redo_action.setText(self.tr("Redo"))
        self.find_action.setText(self.tr("Find in article"))
        self.find_next_action.setText(self.tr("Find next"))
        self.find_previous_action.setText(self.tr("Find previous"))
        self.zoom_in_action.setText(self.tr("Larger text"))
        self.zoom_out_action.setText(self.tr("Smaller text"))
        self.entity_index_action.setText(self.tr("Entity index…"))
        self.figures_action.setText(self.tr("Figures table…"))
        self.preferences_action.setText(self.tr("Preferences…"))
        self.find_bar.retranslate_ui()
        self.entities.retranslate_ui()
        for dialog in (self.entity_index, self.figures):
            if dialog is not None:
                dialog.retranslate_ui()

    def _connect(self) -> None:
        self.tree.selectionModel().currentChanged.connect(self._tree_current_changed)
        self.filter_edit.textChanged.connect(self.set_filter)
        self.search_edit.returnPressed.connect(self._search_entered)
        self.hits.clicked.connect(self._hit_chosen)
        self.hits.activated.connect(self._hit_chosen)
        self.notes.message_posted.connect(self.show_message)
        self.tags.message_posted.connect(self.show_message)
        self.history.change_refused.connect(self.show_message)
        self.history.article_requested.connect(self._show_corrected)
        self.notes.note_added.connect(lambda _id: self.show_message(self.tr("Note added.")))
        self.view.text_size_changed.connect(self._text_size_changed)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._color_scheme_changed)

    @property
    def read_only(self) -> bool:
        """Whether the library was opened read-only (another instance is writing it)."""
        return self._library.readonly

    def _apply_read_only(self) -> None:
        """In a read-only library, every action that would change it is disabled."""
        self.read_only_label.setVisible(self.read_only)
        self.statusBar().addPermanentWidget(self.read_only_label)
        if not self.read_only:
            return
        for action in (self.add_note_action, *self.app_actions.writing_actions()):
            action.setEnabled(False)
        self.notes.set_read_only(True)
        self.tags.set_read_only(True)
        self.setAcceptDrops(False)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Set every user-visible text (again, when the language changes)."""
        if self._library.failure or self._library.damage:
            self.setWindowTitle(self.tr("Baokan Reader (read-only: the library cannot be "
                                        "saved)"))
        elif self.read_only:
            self.setWindowTitle(self.tr("Baokan Reader (read-only)"))
        else:
            self.setWindowTitle(self.tr("Baokan Reader"))
        self.read_only_label.setText(self.tr("Read-only"))
        self.read_only_label.setToolTip(self.tr(
            "Another Baokan Reader is using this library: you can read and search, "
            "but not change it."))
        self.filter_edit.setPlaceholderText(self.tr("Filter by title, tag or entity"))
        self.search_edit.setPlaceholderText(self.tr("Search all issues (Ctrl+Shift+F)"))
        self.left_tabs.setTabText(0, self.tr("Issues"))
        self.left_tabs.setTabText(1, self.tr("Search results"))
        self.right_tabs.setTabText(0, self.tr("Notes"))
        self.right_tabs.setTabText(1, self.tr("Tags"))
        self.file_menu.setTitle(self.tr("&File"))
        self.go_menu.setTitle(self.tr("&Go"))
        self.notes_menu.setTitle(self.tr("&Notes"))
        self.view_menu.setTitle(self.tr("&View"))
        self.toolbar.setWindowTitle(self.tr("Toolbar"))
        self.next_action.setText(self.tr("Next article"))
        self.previous_action.setText(self.tr("Previous article"))
        self.add_note_action.setText(self.tr("Add note"))
        self.search_action.setText(self.tr("Search"))
        self.filter_action.setText(self.tr("Filter the tree"))
        self.quit_action.setText(self.tr("Quit"))
        self.view.retranslate_ui()
        self.app_actions.retranslate_ui()
        self.notes.retranslate_ui()
        self.tags.retranslate_ui()
        self._retranslate_reading_actions()

    # ---------------------------------------------------------------- library

    def reload(self) -> None:
        """Re-read the library (after an import), keeping open rows and the selection."""
        expanded = self.expanded_keys()
        self.tree_model.reload()
        self.tags.refresh_names()
        for key in expanded:
            index = self.proxy.mapFromSource(self.tree_model.index_of_key(key))
            if index.isValid():
                self.tree.expand(index)
        self.set_filter(self.filter_edit.text())
        if self._article_id is not None:
            self._select_in_tree(self._article_id)

    def _group_rows(self) -> list[QModelIndex]:
        """The proxy's paper, year and issue rows (the rows that can be expanded)."""
        rows, todo = [], [QModelIndex()]
        while todo:
            parent = todo.pop()
            for row in range(self.proxy.rowCount(parent)):
                index = self.proxy.index(row, 0, parent)
                if index.data(KIND_ROLE) in GROUPS:
                    rows.append(index)
                    if index.data(KIND_ROLE) != "issue":
                        todo.append(index)
        return rows

    def expanded_keys(self) -> list[Key]:
        """What is open in the tree: papers, years and issues."""
        return [self.tree_model.key(self.proxy.mapToSource(index))
                for index in self._group_rows() if self.tree.isExpanded(index)]

    def expanded_issues(self) -> list[int]:
        """The ids of the issues open in the tree."""
        return [int(index.data(ID_ROLE)) for index in self._group_rows()
                if index.data(KIND_ROLE) == "issue" and self.tree.isExpanded(index)]

    def _expand_defaults(self) -> None:
        """At start: every paper open, with its newest year."""
        for row in range(self.proxy.rowCount()):
            paper = self.proxy.index(row, 0)
            if paper.data(KIND_ROLE) == PAPER:
                self.tree.expand(paper)
                if self.proxy.rowCount(paper):
                    self.tree.expand(self.proxy.index(0, 0, paper))

    # ---------------------------------------------------------------- changes

    @Slot(object)
    def apply_changes(self, changes: Changes) -> None:
        """Refresh whatever shows something the change touched (Anki's OpChanges).

        Called by the library after every change made through it, with the report of a
        background import, and when another program changed the file; so no view keeps
        showing text, notes, tags or tables that are no longer what the library holds.
        """
        article = self._article_id
        if changes.touches_tree():
            self.reload()
        elif (changes.tags or changes.tagged) and self.filter_edit.text().strip():
            self.set_filter(self.filter_edit.text())
        if changes.touches_article(article) and article is not None:
            self.reopen_article()
        else:
            if changes.touches_notes(article):
                self.notes.refresh_from_library()
            if changes.touches_tags(article):
                self.tags.refresh()
        if changes.tags or changes.everything:
            self.tags.refresh_names()
        if changes.touches_corpus():
            for dialog in (self.entity_index, self.figures):
                if dialog is not None and dialog.isVisible():
                    dialog.refresh()
                elif dialog is not None:
                    dialog.setProperty("stale", True)
        self.library_changed.emit(changes)

    def reopen_article(self) -> None:
        """Show the open article again as the library now holds it (same scroll place)."""
        article_id, self._article_id = self._article_id, None
        if article_id is None:
            return
        place = self.view.verticalScrollBar().value()
        self.notes.save_pending()
        self.open_article(article_id)
        if self._article_id is None:  # it is gone: the view must not keep its old text
            self.view.clear_article()
            self.notes.set_article(None)
            self.tags.set_article(None)
            self.entities.set_article(None)
        else:
            self.view.verticalScrollBar().setValue(place)

    @Slot()
    def poll_library(self) -> None:
        """Notice what other programs did to the library (and a file deleted under us)."""
        if self.app_actions.importer.is_running():
            return
        changes = self._library.poll()
        if changes:
            self.apply_changes(changes)

    def _library_failure(self, message: str) -> None:
        """The library cannot be written any more: say so, what to do, and stop editing."""
        self.library_failed.emit(message)
        self._apply_read_only()
        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("The library cannot be saved"),
                          self.tr("Baokan Reader could not write to the library:\n%1\n\n"
                                  "Nothing more will be changed, so nothing more can be lost: "
                                  "the window is read-only now. Free disk space or reconnect "
                                  "the drive, then restart Baokan Reader; if the library is "
                                  "damaged, use Help → Restore a backup.").replace(
                                      "%1", message), QMessageBox.StandardButton.Ok, self)
        box.setObjectName("libraryFailure")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def import_samples(self) -> bool:
        """Import the sample issues shipped with the app, in the background."""
        return self.app_actions.import_paths(list(sample_issues()), SAMPLE_PAPER)

    # ---------------------------------------------------------------- reading

    def current_article(self) -> int | None:
        return self._article_id

    def open_article(self, article_id: int) -> None:
        """Show an article, its notes and tags, and select it in the tree."""
        if article_id == self._article_id:
            return
        try:
            article = self._library.article(article_id)
        except AnnotationError as error:
            self.show_message(str(error))
            return
        self._article_id = article_id
        self.view.show_article(article, self._library.highlights(article_id))
        self.notes.set_article(article_id)
        self.tags.set_article(article_id)
        self.entities.set_article(article_id)
        self._select_in_tree(article_id)
        self._settings.last_article = article_id
        self.article_opened.emit(article_id)

    def _show_corrected(self, article_id: int) -> None:
        """After a split correction: show the article that holds the corrected line."""
        if article_id != self._article_id:
            self.open_article(article_id)
        self.show_message(self.tr("The issue's layout is corrected; Undo puts it back."))

    def restore_last_article(self) -> None:
        last = self._settings.last_article
        if last is not None:
            self.open_article(last)

    def _select_in_tree(self, article_id: int) -> None:
        index = self.proxy.mapFromSource(self.tree_model.article_index(article_id))
        if index.isValid() and index != self.tree.currentIndex():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)

    @Slot(QModelIndex, QModelIndex)
    def _tree_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and current.data(KIND_ROLE) not in GROUPS:
            self.open_article(int(current.data(ID_ROLE)))

    @Slot()
    def next_article(self) -> None:
        self._step(1)

    @Slot()
    def previous_article(self) -> None:
        self._step(-1)

    def _step(self, step: int) -> None:
        target = self.tree_model.neighbour(self._article_id, step)
        if target is not None:
            self.open_article(target)

    @Slot(str)
    def set_filter(self, text: str) -> None:
        """Narrow the tree to articles whose title contains ``text`` or that carry a tag
        or mention an entity of that name."""
        text = text.strip()
        if not text:
            self.reads.ask("tree-filter", lambda _library: None, lambda _none: None)
            self.proxy.set_filter("", set())
            self.filter_applied.emit("")
            return
        self.reads.ask("tree-filter", lambda library: library.tree_matches(text),
                       self._filter_answered)

    def _filter_answered(self, matches: TreeMatches) -> None:
        """The background read of the filter came back: show its articles."""
        self.tree_model.fill(matches.labels)
        self.proxy.set_filter(matches.text, matches.ids)
        self.tree.expandAll()
        self.filter_applied.emit(matches.text)

    # ---------------------------------------------------------------- search

    @Slot()
    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    @Slot()
    def _search_entered(self) -> None:
        self.run_search(self.search_edit.text())

    def run_search(self, query: str) -> list[Hit]:
        """Search the library; list the hits, or show why the query is wrong."""
        if not query.strip():
            return []
        try:
            hits = self._library.search(query, limit=SEARCH_LIMIT)
        except QueryError as error:
            self.show_message(str(error))
            return []
        self.hits_model.set_rows([hit_row(hit) for hit in hits])
        self._hit_terms = {hit.article_id: list(hit.terms) for hit in hits}
        self.left_tabs.setCurrentWidget(self.hits)
        self.show_message(self.tr("%n article(s) found.", "", len(hits)))
        self.search_finished.emit(len(hits))
        return hits

    @Slot(QModelIndex)
    def _hit_chosen(self, index: QModelIndex) -> None:
        if index.isValid():
            article_id = self.hits_model.row_at(index.row()).id
            self.open_article(article_id)
            self.find_bar.mark_terms(self._hit_terms.get(article_id, []))

    # ---------------------------------------------------------------- corpus views

    @Slot(int, int, int)
    def open_article_at(self, article_id: int, start: int, end: int) -> None:
        """Open an article with the passage ``start``..``end`` of its text selected."""
        self.open_article(article_id)
        if self._article_id == article_id:
            self.view.select_body_range(start, end)

    @Slot()
    def show_entity_index(self) -> EntityIndexDialog:
        if self.entity_index is None:
            self.entity_index = EntityIndexDialog(self._library, self)
            self.entity_index.set_read_only(self.read_only)
            self.entity_index.entity_chosen.connect(self._entity_chosen)
        elif self.entity_index.property("stale"):
            self.entity_index.refresh()
            self.entity_index.setProperty("stale", False)
        self.entity_index.show()
        self.entity_index.raise_()
        return self.entity_index

    @Slot()
    def show_figures(self) -> FiguresDialog:
        if self.figures is None:
            self.figures = FiguresDialog(self._library, self.reads, self)
            self.figures.figure_opened.connect(self.open_article_at)
        elif self.figures.property("stale"):
            self.figures.refresh()
            self.figures.setProperty("stale", False)
        self.figures.show()
        self.figures.raise_()
        return self.figures

    @Slot(str, str)
    def _entity_chosen(self, type_: str, name: str) -> None:
        self.right_tabs.setCurrentWidget(self.entities)
        self.entities.show_mentions(type_, name)

    # ---------------------------------------------------------------- preferences

    @Slot()
    def show_preferences(self) -> PreferencesDialog:
        if self.preferences is None:
            self.preferences = PreferencesDialog(self._settings, self)
            self.preferences.preferences_changed.connect(self.apply_preferences)
        self.preferences.show()
        self.preferences.raise_()
        return self.preferences

    @Slot()
    def apply_preferences(self) -> None:
        """Apply the stored theme, reading font, highlight colors and language now."""
        dark = theme.apply_theme(self._settings.theme)
        self.view.set_reading_font(self._settings.font_family, self._settings.font_size)
        self.view.set_layer_colors(self._settings.highlight_colors(), dark)
        language = self._settings.language
        if not self.app_actions.language_actions[language].isChecked():
            self.app_actions.set_language(language)

    @Slot(Qt.ColorScheme)
    def _color_scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self._settings.theme == theme.SYSTEM:
            self.apply_preferences()

    @Slot(float)
    def _text_size_changed(self, _size: float) -> None:
        self._settings.text_zoom = self.view.zoom()

    # ---------------------------------------------------------------- misc

    @Slot(str)
    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, MESSAGE_MS)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_paths(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Issue files or folders dropped on the window are imported in the background."""
        paths = dropped_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.app_actions.import_paths(paths)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.poll_timer.stop()
        self.app_actions.shutdown()
        self.reads.shutdown()
        self._settings.save_window(self, self.splitter)
        if self.library_lock is not None:
            self.library_lock.release()
        super().closeEvent(event)


__all__ = ["ARTICLE", "MainWindow"]
