"""The side panels of the window: the article's notes and its tags."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QStringListModel, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.library import AnnotationError, Library, NoteRow
from reader.ui.article_view import ArticleView
from reader.ui.row_list import Row, RowListModel

QUOTE_CHARS = 40


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def note_row(note: NoteRow) -> Row:
    """How a note is listed: its quote (marked when detached) and the start of its text."""
    quote = note.quote if len(note.quote) <= QUOTE_CHARS else note.quote[:QUOTE_CHARS] + "…"
    mark = "⚠ " if note.status == "detached" else ""
    head = f"{mark}“{quote}”" if quote else tr("NotesPanel", "(whole article)")
    text = f"{head}\n{note.body}" if note.body else head
    tip = tr("NotesPanel", "Detached: the passage is no longer in the article") \
        if note.status == "detached" else note.quote
    return Row(note.id, text, tip)


class NotesPanel(QWidget):
    """The notes of the open article; a new note is made from the view's selection."""

    note_added = Signal(int)
    message_posted = Signal(str)

    def __init__(self, library: Library, view: ArticleView,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._view = view
        self._article_id: int | None = None
        self._notes: dict[int, NoteRow] = {}
        self.model = RowListModel(self)
        self.list = QListView(self)
        self.list.setObjectName("notesList")
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        self.list.clicked.connect(self._note_clicked)
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("noteEditor")
        self.editor.setMaximumHeight(120)
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("addNoteButton")
        self._lay_out()
        self.retranslate_ui()

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.editor)
        layout.addWidget(self.add_button)

    def retranslate_ui(self) -> None:
        self.editor.setPlaceholderText(
            tr("NotesPanel", "Select a passage, write the note here, then Add note"))
        self.add_button.setText(tr("NotesPanel", "Add note"))

    def set_article(self, article_id: int | None) -> None:
        self._article_id = article_id
        self.refresh()

    def refresh(self) -> None:
        notes = self._library.notes(self._article_id) if self._article_id is not None else []
        self._notes = {note.id: note for note in notes}
        self.model.set_rows([note_row(note) for note in notes])

    @Slot()
    def add_from_selection(self) -> None:
        """Add a note on the selected passage with the editor's text."""
        selected = self._view.selected_body_range()
        if self._article_id is None or selected is None:
            self.message_posted.emit(tr("NotesPanel", "Select a passage of the article first."))
            return
        body = self.editor.toPlainText().strip()
        note_id = self._library.add_note(self._article_id, body, *selected)
        self.editor.clear()
        self.refresh()
        self.note_added.emit(note_id)

    @Slot(QModelIndex)
    def _note_clicked(self, index: QModelIndex) -> None:
        note = self._notes.get(self.model.row_at(index.row()).id)
        if note is not None and note.start is not None and note.end is not None \
                and note.status != "detached":
            self._view.select_body_range(note.start, note.end)


class TagsPanel(QWidget):
    """The tags of the open article: add with completion from existing tags, remove."""

    tags_changed = Signal(int)
    message_posted = Signal(str)

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._article_id: int | None = None
        self.model = RowListModel(self)
        self.list = QListView(self)
        self.list.setObjectName("tagsList")
        self.list.setModel(self.model)
        self.names = QStringListModel(self)
        self.completer = QCompleter(self.names, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.entry = QLineEdit(self)
        self.entry.setObjectName("tagEntry")
        self.entry.setCompleter(self.completer)
        self.entry.returnPressed.connect(self.add_entered)
        self.add_button = QPushButton(self)
        self.add_button.clicked.connect(self.add_entered)
        self.remove_button = QPushButton(self)
        self.remove_button.clicked.connect(self.remove_selected)
        self.label = QLabel(self)
        self._lay_out()
        self.retranslate_ui()
        self.refresh_names()

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(self.entry, 1)
        row.addWidget(self.add_button)
        layout.addLayout(row)
        layout.addWidget(self.remove_button)

    def retranslate_ui(self) -> None:
        self.label.setText(tr("TagsPanel", "Tags of this article"))
        self.entry.setPlaceholderText(tr("TagsPanel", "New tag (e.g. 城市更新)"))
        self.add_button.setText(tr("TagsPanel", "Add"))
        self.remove_button.setText(tr("TagsPanel", "Remove selected tag"))

    def set_article(self, article_id: int | None) -> None:
        self._article_id = article_id
        self.refresh()

    def refresh(self) -> None:
        tags = self._library.article_tags(self._article_id) \
            if self._article_id is not None else []
        self.model.set_rows([Row(i, name) for i, name in enumerate(tags)])

    def refresh_names(self) -> None:
        self.names.setStringList([tag.name for tag in self._library.tags()])

    @Slot()
    def add_entered(self) -> None:
        name = self.entry.text().strip()
        if self._article_id is None or not name:
            return
        try:
            self._library.add_tag(self._article_id, name)
        except AnnotationError as error:
            self.message_posted.emit(str(error))
            return
        self.entry.clear()
        self._changed()

    @Slot()
    def remove_selected(self) -> None:
        index = self.list.currentIndex()
        if self._article_id is None or not index.isValid():
            return
        self._library.remove_tag(self._article_id, self.model.row_at(index.row()).text)
        self._changed()

    def _changed(self) -> None:
        assert self._article_id is not None
        self.refresh()
        self.refresh_names()
        self.tags_changed.emit(self._article_id)
