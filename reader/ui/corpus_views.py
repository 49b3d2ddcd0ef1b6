"""The corpus dialogs (entity index, figures table, timeline, co-occurrence, tag manager)
and Preferences, made on first use."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QWidget

from reader.library import Changes, Library
from reader.ui.cooccurrence import CooccurrenceWindow
from reader.ui.entities import EntityIndexDialog
from reader.ui.figures import FiguresDialog
from reader.ui.preferences import PreferencesDialog
from reader.ui.reads import ReadRunner
from reader.ui.settings import Settings
from reader.ui.tag_manager import TagManager
from reader.ui.timeline import TimelineWindow
from reader.ui.undo import AnnotationHistory


class CorpusViews(QObject):
    """Opens the corpus dialogs and keeps them up to date with the library."""

    article_requested = Signal(int, int, int)
    """Open an article with this passage selected (a figure or mention chosen)."""
    article_opened = Signal(int)
    """Open an article (chosen under the timeline or a co-occurring pair)."""
    entity_chosen = Signal(str, str)
    preferences_changed = Signal()
    tag_chosen = Signal(str)
    """Show the articles with this tag (chosen in the tag manager)."""

    def __init__(self, library: Library, reads: ReadRunner, settings: Settings,
                 window: QWidget, history: AnnotationHistory) -> None:
        super().__init__(window)
        self._library = library
        self._history = history
        self._reads = reads
        self._settings = settings
        self._window = window
        self.tag_manager: TagManager | None = None
        self.entity_index: EntityIndexDialog | None = None
        self.figures: FiguresDialog | None = None
        self.preferences: PreferencesDialog | None = None
        self.timeline: TimelineWindow | None = None
        self.cooccurrence: CooccurrenceWindow | None = None

    @Slot()
    def show_entity_index(self) -> EntityIndexDialog:
        if self.entity_index is None:
            # top-level windows, not the main window's transients: what they open comes
            # to the front instead of staying under them
            self.entity_index = EntityIndexDialog(self._library, None, self._reads,
                                                  self._history)
            self.entity_index.set_read_only(self._library.readonly)
            self.entity_index.entity_chosen.connect(self.entity_chosen)
            self.entity_index.entity_chosen.connect(self._bring_window_forward)
        return _present(self.entity_index)

    @Slot()
    def show_figures(self) -> FiguresDialog:
        if self.figures is None:
            self.figures = FiguresDialog(self._library, self._reads, None)
            self.figures.figure_opened.connect(self.article_requested)
            self.figures.figure_opened.connect(self._bring_window_forward)
        return _present(self.figures)

    @Slot()
    def show_timeline(self) -> TimelineWindow:
        """View → Timeline…: entities, tags and searches per week, month or year."""
        if self.timeline is None:
            self.timeline = TimelineWindow(self._library, self._reads, None)
            self._opens_articles(self.timeline)
        return _present(self.timeline)

    @Slot()
    def show_cooccurrence(self) -> CooccurrenceWindow:
        """View → Co-occurrence…: the entities mentioned in the same articles."""
        if self.cooccurrence is None:
            self.cooccurrence = CooccurrenceWindow(self._library, self._reads, None)
            self._opens_articles(self.cooccurrence)
        return _present(self.cooccurrence)

    def _opens_articles(self, window: TimelineWindow | CooccurrenceWindow) -> None:
        window.article_opened.connect(self.article_opened)
        window.article_opened.connect(self._bring_window_forward)

    @Slot()
    def show_tag_manager(self) -> TagManager:
        """Notes → Tag manager…: every tag, to rename, merge, colour, delete or show."""
        if self.tag_manager is None:
            self.tag_manager = TagManager(self._library, self._history, self._window)
            self.tag_manager.tag_chosen.connect(self.tag_chosen)
        self.tag_manager.present()
        return self.tag_manager

    @Slot()
    def show_preferences(self) -> PreferencesDialog:
        if self.preferences is None:
            self.preferences = PreferencesDialog(self._settings, self._window)
            self.preferences.preferences_changed.connect(self.preferences_changed)
        self.preferences.show()
        self.preferences.raise_()
        return self.preferences

    def apply_changes(self, changes: Changes) -> None:
        """Refresh a shown dialog whose data changed; mark a hidden one to refresh later."""
        if self.tag_manager is not None:
            self.tag_manager.apply_changes(changes)
        for window in (self.timeline, self.cooccurrence):
            if window is not None:
                window.apply_changes(changes)
        if not changes.touches_corpus():
            return
        for dialog in (self.entity_index, self.figures):
            if dialog is not None and dialog.isVisible():
                dialog.refresh()
            elif dialog is not None:
                dialog.setProperty("stale", True)

    @Slot()
    def _bring_window_forward(self) -> None:
        """The article a figure opened is shown in front of the figures table."""
        self._window.raise_()
        self._window.activateWindow()

    def close_all(self) -> None:
        """Close the corpus windows with the main window (they have no parent)."""
        for dialog in (self.entity_index, self.figures, self.timeline, self.cooccurrence):
            if dialog is not None:
                dialog.close()
                dialog.deleteLater()
        self.entity_index = self.figures = self.timeline = self.cooccurrence = None

    def set_read_only(self, read_only: bool) -> None:
        if self.tag_manager is not None:
            self.tag_manager.set_read_only(read_only)

    def retranslate_ui(self) -> None:
        for dialog in (self.entity_index, self.figures, self.tag_manager, self.timeline,
                       self.cooccurrence):
            if dialog is not None:
                dialog.retranslate_ui()


Dialog = TypeVar("Dialog", EntityIndexDialog, FiguresDialog, TimelineWindow,
                 CooccurrenceWindow)


def _present(dialog: Dialog) -> Dialog:
    """Show a corpus dialog in front, first reading again what changed while it was hidden."""
    if dialog.property("stale"):
        dialog.refresh()
        dialog.setProperty("stale", False)
    dialog.show()
    dialog.raise_()
    return dialog
