"""The tag manager: every tag with its articles and colour; rename, merge, colour and
delete them (each undoable with Ctrl+Z), and show a tag's articles in the tree."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPoint,
    QSortFilterProxyModel,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QColor, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.library import Changes, Library, TagRow
from reader.ui import plain
from reader.ui.row_list import NO_PARENT, Index
from reader.ui.tag_colors import CHIP_DEFAULT, color_label, fill_color_menu
from reader.ui.undo import AnnotationHistory

NAME, ARTICLES, COLOR = range(3)
SORT_ROLE = Qt.ItemDataRole.UserRole + 10


def tr(text: str) -> str:
    return QCoreApplication.translate("TagManager", text)


class TagTableModel(QAbstractTableModel):
    """Every tag of the library (plain rows): its name, how many articles carry it, and
    its colour by name with a swatch."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[TagRow] = []

    def set_tags(self, rows: list[TagRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def tag_at(self, row: int) -> TagRow:
        return self._rows[row]

    def tags(self) -> list[TagRow]:
        return list(self._rows)

    def row_of(self, name: str) -> int | None:
        folded = name.casefold()
        return next((i for i, tag in enumerate(self._rows) if tag.name.casefold() == folded),
                    None)

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < 3:
            return (tr("Tag"), tr("Articles"), tr("Color"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        tag, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (tag.name, str(tag.count), color_label(tag.color))[column]
        if role == SORT_ROLE:
            return (tag.name.casefold(), tag.count, color_label(tag.color))[column]
        if role == Qt.ItemDataRole.DecorationRole and column == COLOR:
            return QColor(tag.color or CHIP_DEFAULT)
        if role == Qt.ItemDataRole.ToolTipRole and column == NAME:
            return plain.tip(tag.name)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == ARTICLES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class TagManager(QDialog):
    """All tags with their counts and colours (Zotero's tag selector, QualCoder's code
    manager). Changes go through the window's undo stack; the list follows the library
    (``apply_changes``), whoever changed it."""

    tag_chosen = Signal(str)
    """Show the articles that carry this tag (double-click, Show articles)."""

    def __init__(self, library: Library, history: AnnotationHistory,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tagManager")
        self._library = library
        self._history = history
        self._placed = False
        self._make_widgets()
        self._lay_out()
        self._connect()
        self.retranslate_ui()
        self.set_read_only(library.readonly)
        self.resize(460, 520)
        self.refresh()
        self.table.sortByColumn(ARTICLES, Qt.SortOrder.DescendingOrder)

    def _make_widgets(self) -> None:
        self.model = TagTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterKeyColumn(NAME)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("tagManagerFilter")
        self.filter_edit.setClearButtonEnabled(True)
        self.table = QTableView(self)
        self.table.setObjectName("tagTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for column in (ARTICLES, COLOR):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.show_button = QPushButton(self)
        self.rename_button = QPushButton(self)
        self.merge_button = QPushButton(self)
        self.color_button = QToolButton(self)
        self.color_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.color_menu = QMenu(self.color_button)
        self.color_button.setMenu(self.color_menu)
        self.delete_button = QPushButton(self)
        self.status = plain.label(self)
        self.status.setObjectName("tagManagerStatus")
        self.status.setWordWrap(True)
        self.status.hide()
        self.undo_action = self._history.stack.createUndoAction(self)
        self.redo_action = self._history.stack.createRedoAction(self)
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.redo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Redo))
        self.addActions([self.undo_action, self.redo_action])
        self.delete_action = self._table_key(QKeySequence.StandardKey.Delete,
                                             self.delete_selected)
        self.rename_action = self._table_key(Qt.Key.Key_F2, self.rename_selected)

    def _table_key(self, key: QKeySequence.StandardKey | Qt.Key, slot: object) -> QAction:
        """A key that acts on the selected tags while the table has the focus."""
        action = QAction(self.table)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(slot)
        self.table.addAction(action)
        return action

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        for button in (self.show_button, self.rename_button, self.merge_button,
                       self.color_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.delete_button)
        layout.addLayout(row)
        layout.addWidget(self.status)

    def _connect(self) -> None:
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.table.doubleClicked.connect(lambda _index: self.show_selected())
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.show_button.clicked.connect(self.show_selected)
        self.rename_button.clicked.connect(self.rename_selected)
        self.merge_button.clicked.connect(self.merge_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.color_menu.aboutToShow.connect(self._fill_color_menu)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(tr("Tags"))
        self.filter_edit.setPlaceholderText(tr("Filter tags"))
        self.show_button.setText(tr("Show articles"))
        self.show_button.setToolTip(tr("Filter the tree to the articles with this tag "
                                       "(or double-click the tag)"))
        self.rename_button.setText(tr("Rename…"))
        self.merge_button.setText(tr("Merge…"))
        self.merge_button.setToolTip(tr("Merge the selected tags into one"))
        self.color_button.setText(tr("Color"))
        self.delete_button.setText(tr("Delete"))
        self.delete_button.setToolTip(tr("Remove the selected tags from every article "
                                         "(Ctrl+Z brings them back)"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 2)

    def set_read_only(self, read_only: bool) -> None:
        """List the tags, but offer no way to change them (a read-only library)."""
        self._read_only = read_only
        self._update_buttons()

    # ---------------------------------------------------------------- showing

    def refresh(self) -> None:
        """Read the tags again, keeping the selected ones selected."""
        keep = self.selected_names()
        self.model.set_tags(self._library.tags())
        self.select(keep)
        self._update_buttons()

    def apply_changes(self, changes: Changes) -> None:
        """Follow the library: read the tags again when they may have changed (now when
        shown, else when next shown)."""
        if changes.tags or changes.tagged or changes.everything or changes.issues \
                or changes.articles:
            if self.isVisible():
                self.refresh()
            else:
                self.setProperty("stale", True)

    def present(self) -> None:
        """Show the manager in front (beside the tree, so what it filters stays in view),
        with the tags as the library holds them now."""
        if self.property("stale"):
            self.refresh()
            self.setProperty("stale", False)
        self.show()
        self.raise_()
        self.activateWindow()

    def showEvent(self, event: QShowEvent) -> None:
        parent = self.parentWidget()
        if not self._placed and parent is not None:
            self._placed = True
            frame = parent.frameGeometry()
            self.move(frame.right() - self.width() - 40, frame.top() + 80)
        super().showEvent(event)

    def selected_names(self) -> list[str]:
        """The selected tags' names, top down."""
        rows = sorted(self.table.selectionModel().selectedRows(),
                      key=lambda index: index.row())
        return [self.model.tag_at(self.proxy.mapToSource(i).row()).name for i in rows]

    def select(self, names: list[str]) -> None:
        """Select the tags ``names`` (those that exist), the first one current."""
        selection = self.table.selectionModel()
        selection.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | \
            QItemSelectionModel.SelectionFlag.Rows
        for number, name in enumerate(names):
            row = self.model.row_of(name)
            index = self.proxy.mapFromSource(self.model.index(row, 0)) \
                if row is not None else QModelIndex()
            if not index.isValid():
                continue
            selection.select(index, flags)
            if number == 0:
                selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
                self.table.scrollTo(index)

    @Slot()
    def _update_buttons(self) -> None:
        count = len(self.table.selectionModel().selectedRows())
        editable = not getattr(self, "_read_only", False)
        self.show_button.setEnabled(count == 1)
        self.rename_button.setEnabled(editable and count == 1)
        self.rename_action.setEnabled(editable and count == 1)
        self.delete_action.setEnabled(editable and count >= 1)
        self.merge_button.setEnabled(editable and count >= 2)
        self.color_button.setEnabled(editable and count >= 1)
        self.delete_button.setEnabled(editable and count >= 1)

    def say(self, text: str) -> None:
        """Say what was done (under the buttons; hidden while there is nothing to say)."""
        self.status.setText(text)
        self.status.setVisible(bool(text))

    # ---------------------------------------------------------------- asking
    # Kept apart so tests can answer for the user.

    def confirm(self, question: str) -> bool:
        return plain.ask(self, self.windowTitle(), question)

    def ask_name(self, name: str) -> str | None:
        return plain.ask_text(self, tr("Rename tag"),
                              tr("New name for “%1”:").replace("%1", name), name)

    def ask_target(self, names: list[str]) -> str | None:
        return plain.choose(self, tr("Merge tags"),
                            tr("Merge %1 tags into:").replace("%1", str(len(names))),
                            names, editable=True)

    # ---------------------------------------------------------------- changing

    @Slot()
    def show_selected(self) -> None:
        names = self.selected_names()
        if names:
            self.tag_chosen.emit(names[0])

    @Slot()
    def rename_selected(self) -> None:
        """Rename the selected tag; onto the name of another tag, merge after asking."""
        names = self.selected_names()
        if len(names) != 1:
            return
        old = names[0]
        new = (self.ask_name(old) or "").strip()
        if not new or new == old:
            return
        other = self.model.row_of(new)
        if other is not None and self.model.tag_at(other).name.casefold() != old.casefold():
            existing = self.model.tag_at(other).name
            if not self.confirm(tr("A tag “%1” exists already. Merge “%2” into it?")
                                .replace("%1", existing).replace("%2", old)):
                return
            new = existing
        self._history.rename_tag(old, new)
        self.select([new])
        self.say(tr("Tag “%1” renamed to “%2”. Undo with Ctrl+Z.")
                 .replace("%1", old).replace("%2", new))

    @Slot()
    def merge_selected(self) -> None:
        """Merge the selected tags into one of them (or a new name)."""
        names = self.selected_names()
        if len(names) < 2:
            return
        target = (self.ask_target(names) or "").strip()
        if not target:
            return
        self._history.merge_tags(names, target)
        self.select([target])
        self.say(tr("%1 tags merged into “%2”. Undo with Ctrl+Z.")
                 .replace("%1", str(len(names))).replace("%2", target))

    @Slot()
    def delete_selected(self) -> None:
        names = self.selected_names()
        if not names:
            return
        self._history.delete_tags(names)
        self.say(tr("Tag “%1” deleted. Undo with Ctrl+Z.").replace("%1", names[0])
                 if len(names) == 1 else
                 tr("%1 tags deleted. Undo with Ctrl+Z.").replace("%1", str(len(names))))

    def color_selected(self, color: str) -> None:
        """Give the selected tags ``color`` (a stored value; "" for none)."""
        names = self.selected_names()
        if names:
            self._history.color_tags(names, color)
            self.select(names)

    @Slot()
    def _fill_color_menu(self) -> None:
        self.color_menu.clear()
        names = self.selected_names()
        row = self.model.row_of(names[0]) if names else None
        current = self.model.tag_at(row).color if row is not None else ""
        fill_color_menu(self.color_menu, current, self.color_selected)

    @Slot(QPoint)
    def _context_menu(self, position: QPoint) -> None:
        if not self.table.indexAt(position).isValid():
            return
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        for button in (self.show_button, self.rename_button, self.merge_button):
            if button.isEnabled():
                menu.addAction(button.text(), button.click)
        if self.color_button.isEnabled():
            self._fill_color_menu()
            menu.addMenu(self.color_menu).setText(self.color_button.text())
        if self.delete_button.isEnabled():
            menu.addSeparator()
            menu.addAction(self.delete_button.text(), self.delete_button.click)
        menu.popup(self.table.viewport().mapToGlobal(position))
