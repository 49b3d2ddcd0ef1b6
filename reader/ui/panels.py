"""The side panels of the window: the article's notes and its tags."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPoint,
    QRect,
    QSize,
    QStringListModel,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QFontMetrics,
    QHideEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPalette,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.library import AnnotationError, Library, NoteRow
from reader.ui import plain
from reader.ui.article_view import swatch
from reader.ui.row_list import NO_PARENT, Index, Row, RowListModel
from reader.ui.tag_colors import CHIP_DEFAULT, fill_color_menu
from reader.ui.undo import AnnotationHistory

QUOTE_CHARS = 40
SAVE_DELAY_MS = 500
"""A note's body is saved this long after the last keystroke."""
NOTE_COLORS = ("#e8a317", "#e0474c", "#1a9e77", "#3b7dd8", "#9b59b6")
"""The swatches a note can take (amber, red, teal, blue, purple); the first is the
default. A noted passage is drawn as a tint and a bar of this colour under its lines
(article_view.Mark), so strong colours stay apart from the pale entity and figure
backgrounds and read on a dark theme too."""
OLD_NOTE_COLORS = ("#fff2a8", "#c9efc4", "#cfe3ff", "#ffd3e4", "#e4d8ff")
"""The pale swatches of earlier versions (too close to the entity colours): a note
stored with one is shown in the swatch of the same place."""
COLOR_ROLE = Qt.ItemDataRole.UserRole + 2
STORED_COLOR_ROLE = Qt.ItemDataRole.UserRole + 3
"""A chip's colour as stored ("" for none)."""


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


NOTE_PREVIEW_CHARS = 280
"""Characters of a note's text shown in the list (the editor shows all of it): laying out
a whole long note in a list row froze the window (15 s for a 1 MB note)."""


def note_color(note: NoteRow) -> str:
    if note.color in OLD_NOTE_COLORS:
        return NOTE_COLORS[OLD_NOTE_COLORS.index(note.color)]
    return note.color or NOTE_COLORS[0]


def note_row(note: NoteRow) -> Row:
    """How a note is listed: its quote (marked when detached) and the start of its text."""
    quote = note.quote if len(note.quote) <= QUOTE_CHARS else note.quote[:QUOTE_CHARS] + "…"
    mark = "⚠ " if note.status == "detached" else ""
    head = f"{mark}“{quote}”" if quote else tr("NotesPanel", "(whole article)")
    body = note.body if len(note.body) <= NOTE_PREVIEW_CHARS else (
        note.body[:NOTE_PREVIEW_CHARS] + "…")
    text = f"{head}\n{body}" if body else head
    tip = tr("NotesPanel", "Detached: the passage is no longer in the article") \
        if note.status == "detached" else note.quote
    return Row(note.id, text, tip)


def note_heading(note: NoteRow) -> str:
    """What the editor's heading says of a note: its whole quote, and whether it is detached."""
    if note.status == "detached":
        return tr("NotesPanel", "⚠ Detached — the passage is no longer in the article:") + \
            f"\n“{note.quote}”"
    return f"“{note.quote}”" if note.quote else tr("NotesPanel", "(whole article)")


class NoteListModel(RowListModel):
    """The notes of an article: text rows with the note's color as decoration."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._notes: list[NoteRow] = []

    def set_notes(self, notes: list[NoteRow]) -> None:
        self._notes = list(notes)
        self.set_rows([note_row(note) for note in notes])

    def note_at(self, row: int) -> NoteRow:
        return self._notes[row]

    def notes(self) -> list[NoteRow]:
        return list(self._notes)

    def row_of(self, note_id: int) -> int | None:
        return next((i for i, note in enumerate(self._notes) if note.id == note_id), None)

    def replace_note(self, note: NoteRow) -> None:
        """Show a changed note in place (the selection stays)."""
        row = self.row_of(note.id)
        if row is None:
            return
        self._notes[row] = note
        self._rows[row] = note_row(note)
        self.dataChanged.emit(self.index(row), self.index(row))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if index.isValid() and 0 <= index.row() < len(self._notes):
            note = self._notes[index.row()]
            if role == Qt.ItemDataRole.DecorationRole:
                return QColor(note_color(note))
            if role == Qt.ItemDataRole.ForegroundRole and note.status == "detached":
                return QColor("#8a5a00")
            if role == COLOR_ROLE:
                return note_color(note)
        return super().data(index, role)


def shortcut_action(widget: QWidget, key: QKeySequence, slot: object) -> QAction:
    """An action with ``key`` that fires only while ``widget`` has the focus."""
    action = QAction(widget)
    action.setShortcut(key)
    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    action.triggered.connect(slot)
    widget.addAction(action)
    return action


class NotesPanel(QWidget):
    """The notes of the open article: listed, and one editor below the list. With a note
    chosen the editor edits it (saved as typed); with none it holds the draft of a new
    note, which Add note files on the passage selected in the article or on the whole
    article. It does not hold the article view: it says which passages to mark and which
    to select by signal, and is handed the selected passage (``add_on``)."""

    note_added = Signal(int)
    note_saved = Signal(int)
    message_posted = Signal(str)
    passages_changed = Signal(int, object)
    """(article id, [(body start, body end, colour, note id, note text)]): the noted
    passages to mark."""
    passage_requested = Signal(int, int)
    """(body start, body end): a note's passage to select in the text."""
    add_requested = Signal()
    """The reader asked to add a note on the selected passage (the Add note button)."""

    def __init__(self, library: Library, history: AnnotationHistory,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._history = history
        self._article_id: int | None = None
        self._current: NoteRow | None = None
        self._draft = ""
        self._loading = False
        self._writing = 0
        self._read_only = False
        self._make_widgets()
        self._lay_out()
        self._connect()
        self.retranslate_ui()
        self._show_note(None)

    def _make_widgets(self) -> None:
        self.model = NoteListModel(self)
        self.list = QListView(self)
        self.list.setObjectName("notesList")
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.heading = plain.label(self)
        self.heading.setObjectName("noteHeading")
        self.heading.setWordWrap(True)
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("noteEditor")
        self.swatches = QButtonGroup(self)
        for number, color in enumerate(NOTE_COLORS):
            button = QToolButton(self)
            button.setCheckable(True)
            button.setIcon(swatch(color, 14))
            button.setObjectName(f"noteColor{number}")
            self.swatches.addButton(button, number)
        self.delete_button = QPushButton(self)
        self.delete_button.setObjectName("deleteNoteButton")
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("addNoteButton")
        self.save_timer = QTimer(self)
        self.save_timer.setSingleShot(True)
        self.save_timer.setInterval(SAVE_DELAY_MS)

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 3)
        layout.addWidget(self.heading)
        layout.addWidget(self.editor, 2)
        row = QHBoxLayout()
        for button in self.swatches.buttons():
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.delete_button)
        row.addWidget(self.add_button)
        layout.addLayout(row)

    def _connect(self) -> None:
        self.list.clicked.connect(self._note_clicked)
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self.delete_action = shortcut_action(
            self.list, QKeySequence(QKeySequence.StandardKey.Delete), self.delete_current)
        self.editor.textChanged.connect(self._edited)
        self.save_timer.timeout.connect(self.save_pending)
        self.swatches.idClicked.connect(self._color_chosen)
        self.delete_button.clicked.connect(self.delete_current)
        self.add_button.clicked.connect(self.add_requested)
        self._history.notes_changed.connect(self._notes_changed)
        self._history.note_restored.connect(self.select_note)

    def retranslate_ui(self) -> None:
        self.add_button.setText(tr("NotesPanel", "Add note"))
        self.add_button.setToolTip(tr(
            "NotesPanel", "Add the note on the passage selected in the article, or on the "
            "whole article when none is (Ctrl+N)"))
        self.delete_button.setText(tr("NotesPanel", "Delete"))
        self.delete_action.setText(tr("NotesPanel", "Delete note"))
        for number, button in enumerate(self.swatches.buttons()):
            button.setToolTip(tr("NotesPanel", "Note color %1").replace("%1", str(number + 1)))
        self._show_heading()

    def set_read_only(self, read_only: bool) -> None:
        """Show notes but offer no way to add, edit or delete them (a read-only library)."""
        self._read_only = read_only
        self.add_button.setEnabled(not read_only)
        self.editor.setReadOnly(read_only)
        self.delete_action.setEnabled(not read_only)
        self._show_note(self._current)

    # ---------------------------------------------------------------- showing

    def set_article(self, article_id: int | None) -> None:
        self.save_pending()
        self._article_id = article_id
        self.refresh()

    @contextmanager
    def _own_change(self) -> Iterator[None]:
        """While this panel writes, the library's announcement of it is not for us."""
        self._writing += 1
        try:
            yield
        finally:
            self._writing -= 1

    def refresh_from_library(self) -> None:
        """The notes changed elsewhere (an import, undo, another panel): show them anew."""
        if self._writing:
            return
        self.save_pending()
        self.refresh()

    def refresh(self) -> None:
        """Re-read the notes, keep the current one current, and redraw their passages."""
        keep = self._current.id if self._current else None
        notes = self._library.notes(self._article_id) if self._article_id is not None else []
        self.model.set_notes(notes)
        self._show_note(None)
        if keep is not None:
            self.select_note(keep)
        self._mark_passages(notes)

    def _mark_passages(self, notes: list[NoteRow]) -> None:
        if self._article_id is None:
            return
        self.passages_changed.emit(self._article_id, [
            (note.start, note.end, note_color(note), note.id, note.body) for note in notes
            if note.status != "detached" and note.start is not None and note.end is not None])

    @Slot(int)
    def select_note(self, note_id: int) -> None:
        row = self.model.row_of(note_id)
        if row is not None:
            self.list.setCurrentIndex(self.model.index(row))

    def current_note(self) -> NoteRow | None:
        return self._current

    def _show_note(self, note: NoteRow | None) -> None:
        """Edit ``note`` in the editor, or the draft of a new note when None."""
        if note is None and self._current is not None:
            pass  # back to the draft, which was kept when a note was chosen
        elif note is not None and self._current is None:
            self._draft = self.editor.toPlainText()
        self._current = note
        self._loading = True
        self.editor.setPlainText(note.body if note else self._draft)
        self._loading = False
        self._show_heading()
        for widget in (self.delete_button, *self.swatches.buttons()):
            widget.setEnabled(note is not None and not self._read_only)
        color = NOTE_COLORS.index(note_color(note)) if note and note_color(note) \
            in NOTE_COLORS else -1
        for number, button in enumerate(self.swatches.buttons()):
            button.setChecked(number == color)

    def _show_heading(self) -> None:
        note = self._current
        self.heading.setText(note_heading(note) if note else tr(
            "NotesPanel", "New note: select a passage in the article and press Add note, or "
            "add it to the whole article."))
        self.editor.setPlaceholderText(
            tr("NotesPanel", "The note (saved as you type)") if note else
            tr("NotesPanel", "Write a new note here"))

    @Slot(QModelIndex, QModelIndex)
    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.save_pending()
        self._show_note(self.model.note_at(current.row()) if current.isValid() else None)

    @Slot(QModelIndex)
    def _note_clicked(self, index: QModelIndex) -> None:
        note = self.model.note_at(index.row())
        if note.start is not None and note.end is not None and note.status != "detached":
            self.passage_requested.emit(note.start, note.end)

    @Slot(int)
    def _notes_changed(self, article_id: int) -> None:
        if article_id == self._article_id:
            self.refresh()

    def new_draft(self) -> None:
        """Leave the note being edited: the editor holds the draft of a new note."""
        self.save_pending()
        self.list.setCurrentIndex(QModelIndex())
        self.list.clearSelection()
        self._show_note(None)
        self.editor.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # ---------------------------------------------------------------- editing

    def add_on(self, selected: tuple[int, int] | None, shown: str) -> None:
        """Add a note on the passage ``selected`` (body offsets; ``shown`` is its text as
        the reader sees it) with the draft's text, and edit it. With no passage selected,
        the draft becomes a note on the whole article; with no draft either (or a note
        being edited), the editor turns to a new draft and takes the focus (so what is
        typed next is the note)."""
        if self._article_id is None:
            self.message_posted.emit(tr("NotesPanel", "Open an article first."))
            return
        draft = self.editor.toPlainText().strip() if self._current is None else ""
        if selected is None and not draft:
            self.new_draft()
            self.message_posted.emit(tr(
                "NotesPanel", "Write the note, then Add note: on the passage selected in the "
                "article, or on the whole article when none is."))
            return
        self.save_pending()
        start, end = selected if selected is not None else (None, None)
        try:
            with self._own_change():
                note_id = self._library.add_note(self._article_id, draft, start, end,
                                                 expected=shown if selected else None)
        except AnnotationError as error:
            self.message_posted.emit(str(error))
            return
        self._draft = ""
        if self._current is None:
            self._loading = True
            self.editor.clear()
            self._loading = False
        self.refresh()
        self.select_note(note_id)
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self.note_added.emit(note_id)

    @Slot()
    def _edited(self) -> None:
        if not self._loading and self._current is not None:
            self.save_timer.start()

    @Slot()
    def save_pending(self) -> None:
        """Save the note being typed now (the timer would have saved it soon)."""
        self.save_timer.stop()
        note = self._current
        body = self.editor.toPlainText()
        if note is None or body == note.body:
            return
        try:
            with self._own_change():
                self._library.update_note(note.id, body=body)
        except AnnotationError as error:
            self.message_posted.emit(str(error))
            return
        self._current = self._library.note(note.id)
        self.model.replace_note(self._current)
        self.note_saved.emit(note.id)
        self._mark_passages(self.model.notes())

    @Slot(int)
    def _color_chosen(self, number: int) -> None:
        if self._current is None:
            return
        self.save_pending()
        try:
            with self._own_change():
                self._library.update_note(self._current.id, color=NOTE_COLORS[number])
        except AnnotationError as error:
            self.message_posted.emit(str(error))
        self.refresh()

    @Slot()
    def delete_current(self) -> None:
        """Delete the current note (Ctrl+Z brings it back)."""
        if self._current is None:
            return
        self.save_pending()
        note_id = self._current.id
        self._current = None
        self._history.delete_note(note_id)
        self.message_posted.emit(tr("NotesPanel", "Note deleted. Undo with Ctrl+Z."))

    def hideEvent(self, event: QHideEvent) -> None:
        self.save_pending()
        super().hideEvent(event)


# ---------------------------------------------------------------- tags


class TagChipModel(QAbstractListModel):
    """The tags of an article as (name, color) chips."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tags: list[tuple[str, str]] = []

    def set_tags(self, tags: list[tuple[str, str]]) -> None:
        self.beginResetModel()
        self._tags = list(tags)
        self.endResetModel()

    def name_at(self, row: int) -> str:
        return self._tags[row][0]

    def names(self) -> list[str]:
        return [name for name, _color in self._tags]

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._tags)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._tags):
            return None
        name, color = self._tags[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return name
        if role == COLOR_ROLE:
            return color or CHIP_DEFAULT
        if role == STORED_COLOR_ROLE:
            return color
        if role == Qt.ItemDataRole.ToolTipRole:
            return tr("TagsPanel", "Click × or press Delete to remove; right-click for a color")
        return None


CHIP_PAD = 8
CLOSE_WIDTH = 16


def close_rect(rect: QRect) -> QRect:
    """Where a chip's × sits inside the chip's ``rect``."""
    return QRect(rect.right() - CLOSE_WIDTH - 2, rect.top(), CLOSE_WIDTH, rect.height())


class ChipDelegate(QStyledItemDelegate):
    """Draws a tag as a rounded, colored chip with an × that removes it."""

    close_clicked = Signal(int)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        metrics = QFontMetrics(option.font)
        width = metrics.horizontalAdvance(str(index.data())) + 2 * CHIP_PAD + CLOSE_WIDTH
        return QSize(width, metrics.height() + 10)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        rect: QRect = option.rect.adjusted(1, 2, -1, -2)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = option.palette
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(palette.color(QPalette.ColorRole.Highlight) if selected
                       else QColor("#b0b0b0"))
        painter.setBrush(QColor(str(index.data(COLOR_ROLE))))
        painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        painter.setPen(QColor("#1a1a1a"))
        painter.drawText(rect.adjusted(CHIP_PAD, 0, -CLOSE_WIDTH, 0),
                         Qt.AlignmentFlag.AlignVCenter, str(index.data()))
        painter.drawText(close_rect(rect), Qt.AlignmentFlag.AlignCenter, "×")
        painter.restore()

    def editorEvent(self, event: QEvent, model: object, option: QStyleOptionViewItem,
                    index: Index) -> bool:
        if event.type() == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent) \
                and close_rect(option.rect).contains(event.position().toPoint()):
            self.close_clicked.emit(index.row())
            return True
        return False


class TagsPanel(QWidget):
    """The tags of the open article as chips: add with completion, remove with undo, color."""

    tags_changed = Signal(int)
    message_posted = Signal(str)
    manager_requested = Signal()
    """The reader asked for the tag manager (the Manage tags… button)."""

    def __init__(self, library: Library, history: AnnotationHistory,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._history = history
        self._article_id: int | None = None
        self._chosen: str | None = None
        """A completion picked, until the event that picked it has been handled."""
        self._make_widgets()
        self._lay_out()
        self._connect()
        self.retranslate_ui()
        self.refresh_names()

    def _make_widgets(self) -> None:
        self.model = TagChipModel(self)
        self.list = QListView(self)
        self.list.setObjectName("tagsList")
        self.list.setModel(self.model)
        self.list.setFlow(QListView.Flow.LeftToRight)
        self.list.setWrapping(True)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setSpacing(3)
        self.list.setMouseTracking(True)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.delegate = ChipDelegate(self.list)
        self.list.setItemDelegate(self.delegate)
        self.names = QStringListModel(self)
        self.completer = QCompleter(self.names, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.entry = QLineEdit(self)
        self.entry.setObjectName("tagEntry")
        self.entry.setCompleter(self.completer)
        self.add_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        self.manage_button = QPushButton(self)
        self.manage_button.setObjectName("manageTagsButton")
        self.label = QLabel(self)

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(self.entry, 1)
        row.addWidget(self.add_button)
        layout.addLayout(row)
        layout.addWidget(self.remove_button)
        layout.addWidget(self.manage_button)

    def _connect(self) -> None:
        self.entry.returnPressed.connect(self.add_entered)
        self.completer.activated[str].connect(self._completion_chosen)  # type: ignore[index]
        self.add_button.clicked.connect(self.add_entered)
        self.remove_button.clicked.connect(self.remove_selected)
        self.manage_button.clicked.connect(self.manager_requested)
        self.delegate.close_clicked.connect(self._close_clicked)
        self.list.customContextMenuRequested.connect(self._chip_menu)
        self.delete_action = shortcut_action(
            self.list, QKeySequence(QKeySequence.StandardKey.Delete), self.remove_selected)
        self._history.tags_changed.connect(self._tags_changed)

    def retranslate_ui(self) -> None:
        self.label.setText(tr("TagsPanel", "Tags of this article"))
        self.entry.setPlaceholderText(tr("TagsPanel", "New tag (e.g. 城市更新)"))
        self.add_button.setText(tr("TagsPanel", "Add"))
        self.remove_button.setText(tr("TagsPanel", "Remove selected tag"))
        self.manage_button.setText(tr("TagsPanel", "All tags…"))
        self.manage_button.setToolTip(tr("TagsPanel", "The tag manager: rename, merge, color "
                                         "or delete tags, and show their articles"))
        self.delete_action.setText(tr("TagsPanel", "Remove tag"))

    def set_read_only(self, read_only: bool) -> None:
        """Show the tags but offer no way to add or remove them (a read-only library)."""
        for widget in (self.entry, self.add_button, self.remove_button):
            widget.setEnabled(not read_only)
        self.delete_action.setEnabled(not read_only)

    def set_article(self, article_id: int | None) -> None:
        self._article_id = article_id
        self.refresh()

    def refresh(self) -> None:
        names = self._library.article_tags(self._article_id) \
            if self._article_id is not None else []
        colors = {tag.name: tag.color for tag in self._library.tags()} if names else {}
        self.model.set_tags([(name, colors.get(name, "")) for name in names])

    def refresh_names(self) -> None:
        self.names.setStringList([tag.name for tag in self._library.tags()])

    @Slot(str)
    def _completion_chosen(self, name: str) -> None:
        """A completion was picked (Enter or a click in the list): add exactly that tag.
        Qt writes the completion into the field after this and Enter also reaches the
        field, so the adding and clearing wait until Qt is done with both."""
        self._chosen = name
        QTimer.singleShot(0, self._finish_completion)

    def _finish_completion(self) -> None:
        name, self._chosen = self._chosen, None
        if name and self._article_id is not None and name.casefold() not in (
                tag.casefold() for tag in self.model.names()):
            self._history.add_tag(self._article_id, name)
        self.entry.clear()

    @Slot()
    def add_entered(self) -> None:
        name = self.entry.text().strip()
        if self._article_id is None or not name or self._chosen is not None:
            return  # empty, or a picked completion (added by _finish_completion)
        if name.casefold() in (tag.casefold() for tag in self.model.names()):
            self.message_posted.emit(tr("TagsPanel", "The article already has this tag."))
            return
        self._history.add_tag(self._article_id, name)
        self.entry.clear()

    @Slot()
    def remove_selected(self) -> None:
        index = self.list.currentIndex()
        if index.isValid():
            self.remove_at(index.row())

    def remove_at(self, row: int) -> None:
        """Remove the tag of chip ``row`` (Ctrl+Z brings it back)."""
        if self._article_id is None:
            return
        name = self.model.name_at(row)
        self._history.remove_tag(self._article_id, name)
        self.message_posted.emit(
            tr("TagsPanel", "Tag “%1” removed. Undo with Ctrl+Z.").replace("%1", name))

    @Slot(int)
    def _close_clicked(self, row: int) -> None:
        self.remove_at(row)

    @Slot(int)
    def _tags_changed(self, article_id: int) -> None:
        self.refresh_names()
        if article_id == self._article_id:
            self.refresh()
        self.tags_changed.emit(article_id)

    def set_color(self, name: str, color: str) -> None:
        """Color the tag ``name`` everywhere (Ctrl+Z undoes it)."""
        self._history.color_tags([name], color)

    @Slot(QPoint)
    def _chip_menu(self, position: QPoint) -> None:
        index = self.list.indexAt(position)
        if index.isValid():
            self.chip_menu(index.row()).popup(self.list.viewport().mapToGlobal(position))

    def chip_menu(self, row: int) -> QMenu:
        """A chip's right-click menu: its colour by name, and Remove."""
        name = self.model.name_at(row)
        menu = QMenu(self)
        menu.setObjectName("tagColorMenu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        fill_color_menu(menu, str(self.model.index(row, 0).data(STORED_COLOR_ROLE)),
                        lambda color: self.set_color(name, color))
        menu.addSeparator()
        menu.addAction(tr("TagsPanel", "Remove"), lambda: self.remove_at(row))
        return menu
