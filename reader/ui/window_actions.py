"""The main window's own actions, menus and toolbar (reading, notes, undo, find, views).

File, language and Help live in ``menus.AppActions``; both are built from plain parts
(slots, widgets), never from the window class, so neither module imports the window.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QLineEdit, QMainWindow, QMenu, QToolBar

Slot = Callable[[], object]


@dataclass(frozen=True)
class Slots:
    """What the actions do."""

    next_article: Slot
    previous_article: Slot
    add_note: Slot
    focus_search: Slot
    focus_filter: Slot
    quit: Slot
    find: Slot
    find_next: Slot
    find_previous: Slot
    zoom_in: Slot
    zoom_out: Slot
    zoom_reset: Slot
    entity_index: Slot
    figures: Slot
    preferences: Slot
    tag_manager: Slot
    copy_citation: Slot
    timeline: Slot
    cooccurrence: Slot


class WindowActions(QObject):
    """Builds the window's actions, its File / Edit / Go / Notes / View menus and toolbar."""

    def __init__(self, window: QMainWindow, slots: Slots, undo: QUndoStack,
                 layer_actions: list[QAction], search_edit: QLineEdit) -> None:
        super().__init__(window)
        self._window = window
        std = QKeySequence.StandardKey
        self.next_action = self._action("nextArticle", "J", slots.next_article)
        self.previous_action = self._action("previousArticle", "K", slots.previous_article)
        self.add_note_action = self._action("addNote", std.New, slots.add_note)
        self.search_action = self._action("focusSearch", "Ctrl+Shift+F", slots.focus_search)
        self.filter_action = self._action("focusFilter", "Ctrl+L", slots.focus_filter)
        self.quit_action = self._action("quit", std.Quit, slots.quit)
        self.undo_action = undo.createUndoAction(window)
        self.undo_action.setShortcut(QKeySequence(std.Undo))
        self.redo_action = undo.createRedoAction(window)
        self.redo_action.setShortcut(QKeySequence(std.Redo))
        self.copy_citation_action = self._action("copyWithCitation", "Ctrl+Shift+C",
                                                 slots.copy_citation)
        self.find_action = self._action("findInArticle", std.Find, slots.find)
        self.find_next_action = self._action("findNext", std.FindNext, slots.find_next)
        self.find_previous_action = self._action("findPrevious", std.FindPrevious,
                                                 slots.find_previous)
        self.zoom_in_action = self._action("zoomIn", std.ZoomIn, slots.zoom_in)
        self.zoom_in_action.setShortcuts([QKeySequence(std.ZoomIn), QKeySequence("Ctrl+=")])
        self.zoom_out_action = self._action("zoomOut", std.ZoomOut, slots.zoom_out)
        self.zoom_reset_action = self._action("zoomReset", "Ctrl+0", slots.zoom_reset)
        self.entity_index_action = self._action("entityIndex", "", slots.entity_index)
        self.figures_action = self._action("figuresTable", "", slots.figures)
        self.timeline_action = self._action("timeline", "", slots.timeline)
        self.cooccurrence_action = self._action("cooccurrence", "", slots.cooccurrence)
        self.tag_manager_action = self._action("tagManager", "Ctrl+Shift+T", slots.tag_manager)
        self.preferences_action = self._action("preferences", std.Preferences,
                                               slots.preferences)
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self._make_menus(layer_actions, search_edit)
        self.retranslate_ui()

    def _action(self, name: str, shortcut: QKeySequence.StandardKey | str,
                slot: Slot) -> QAction:
        action = QAction(self._window)
        action.setObjectName(name)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self._window.addAction(action)
        return action

    def _make_menus(self, layer_actions: list[QAction], search_edit: QLineEdit) -> None:
        bar = self._window.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = bar.addMenu("")
        self.edit_menu.addActions([self.undo_action, self.redo_action])
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.copy_citation_action)
        self.edit_menu.addSeparator()
        self.edit_menu.addActions([self.find_action, self.find_next_action,
                                   self.find_previous_action])
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.preferences_action)
        self.go_menu = bar.addMenu("")
        self.go_menu.addActions([self.next_action, self.previous_action, self.search_action,
                                 self.filter_action])
        self.notes_menu = bar.addMenu("")
        self.notes_menu.addAction(self.add_note_action)
        self.notes_menu.addAction(self.tag_manager_action)
        self.view_menu: QMenu = bar.addMenu("")
        self.view_menu.addActions(layer_actions)
        self.view_menu.addSeparator()
        self.view_menu.addActions([self.zoom_in_action, self.zoom_out_action,
                                   self.zoom_reset_action])
        self.view_menu.addSeparator()
        self.view_menu.addActions([self.entity_index_action, self.figures_action,
                                   self.timeline_action, self.cooccurrence_action])
        self.toolbar = QToolBar(self._window)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._window.addToolBar(self.toolbar)
        self.toolbar.addAction(self.add_note_action)
        self.toolbar.addSeparator()
        self.toolbar.addActions(layer_actions)
        self.toolbar.addSeparator()
        self.toolbar.addWidget(search_edit)

    def retranslate_ui(self) -> None:
        for menu, text in ((self.file_menu, self.tr("&File")), (self.edit_menu, self.tr("&Edit")),
                           (self.go_menu, self.tr("&Go")), (self.notes_menu, self.tr("&Notes")),
                           (self.view_menu, self.tr("&View"))):
            menu.setTitle(text)
        self.toolbar.setWindowTitle(self.tr("Toolbar"))
        for action, text in (
                (self.next_action, self.tr("Next article")),
                (self.previous_action, self.tr("Previous article")),
                (self.add_note_action, self.tr("Add note")),
                (self.search_action, self.tr("Search")),
                (self.filter_action, self.tr("Filter the tree")),
                (self.quit_action, self.tr("Quit")),
                (self.undo_action, self.tr("Undo")), (self.redo_action, self.tr("Redo")),
                (self.copy_citation_action, self.tr("Copy with citation")),
                (self.find_action, self.tr("Find in article")),
                (self.find_next_action, self.tr("Find next")),
                (self.find_previous_action, self.tr("Find previous")),
                (self.zoom_in_action, self.tr("Larger text")),
                (self.zoom_out_action, self.tr("Smaller text")),
                (self.zoom_reset_action, self.tr("Actual size")),
                (self.entity_index_action, self.tr("Entity index…")),
                (self.figures_action, self.tr("Figures table…")),
                (self.timeline_action, self.tr("Timeline…")),
                (self.cooccurrence_action, self.tr("Co-occurrence…")),
                (self.tag_manager_action, self.tr("Tag manager…")),
                (self.preferences_action, self.tr("Preferences…"))):
            action.setText(text)
