"""Entities: the article's entities by type with their mentions across the library, and the
entity index of the whole corpus (reject, merge)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListView,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.core.records import Highlight
from reader.library import EntityCorrection, EntityCount, Library, Mention
from reader.ui import plain
from reader.ui.article_view import LAYER_COLORS, swatch
from reader.ui.entity_corrections import CorrectionsPane
from reader.ui.marked import MarkedTextDelegate
from reader.ui.reads import ReadRunner
from reader.ui.row_list import Index, Row, RowListModel
from reader.ui.undo import AnnotationHistory

ENTITY_TYPES = ("person", "place", "org")
MENTION_LIMIT = 200
SORT_ROLE = Qt.ItemDataRole.UserRole + 10
NO_PARENT = QModelIndex()


def tr(text: str) -> str:
    return QCoreApplication.translate("Entities", text)


def merge_candidates(alias: str, names: list[str]) -> list[str]:
    """The names ``alias`` may be merged into, those sharing most characters with it first
    (天开园 → 天开高教科技园 before 南开区); never the alias itself."""
    letters = set(alias)
    return sorted((name for name in names if name != alias),
                  key=lambda name: (-len(letters & set(name)), abs(len(name) - len(alias)),
                                    name))


def type_names() -> dict[str, str]:
    return {"person": tr("People"), "place": tr("Places"), "org": tr("Organizations")}


def group_entities(highlights: Sequence[Highlight]) -> list[tuple[str, list[tuple[str, int]]]]:
    """(type, [(name, mentions)]) of an article's entities, most mentioned first."""
    counts = Counter((h.layer, h.label) for h in highlights if h.layer in ENTITY_TYPES)
    groups = []
    for type_ in ENTITY_TYPES:
        names = sorted(((n, c) for (t, n), c in counts.items() if t == type_),
                       key=lambda item: (-item[1], item[0]))
        if names:
            groups.append((type_, names))
    return groups


def mention_row(number: int, mention: Mention) -> Row:
    """How a mention is listed: the article and issue, then the sentence around it."""
    where = " · ".join(part for part in (mention.issue_date, mention.issue_title) if part)
    title = mention.article_title or tr("(untitled)")
    head = f"{title}  ({where})\n"
    spans = ((len(head) + mention.context_start,
              len(head) + mention.context_start + mention.end - mention.start),) \
        if mention.context_start >= 0 else ()
    return Row(number, head + mention.context, mention.context, spans)


class EntityGroupsModel(QAbstractItemModel):
    """Two levels: entity types, then the article's entities of that type with counts."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._groups: list[tuple[str, list[tuple[str, int]]]] = []

    def set_groups(self, groups: list[tuple[str, list[tuple[str, int]]]]) -> None:
        self.beginResetModel()
        self._groups = list(groups)
        self.endResetModel()

    def entity(self, index: Index) -> tuple[str, str] | None:
        """(type, name) of an entity row; None for a type row."""
        if not index.isValid() or index.internalId() == 0:
            return None
        type_, names = self._groups[index.internalId() - 1]
        return type_, names[index.row()][0]

    def index(self, row: int, column: int, parent: Index = NO_PARENT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1 if parent.isValid() else 0)

    def parent(self, child: Index = NO_PARENT) -> QModelIndex:  # type: ignore[override]
        if not child.isValid() or child.internalId() == 0:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._groups[parent.row()][1])
        return 0

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 2

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            type_, names = self._groups[index.row()]
            if role == Qt.ItemDataRole.DisplayRole:
                return type_names()[type_] if index.column() == 0 else str(len(names))
            if role == Qt.ItemDataRole.DecorationRole and index.column() == 0:
                return swatch(LAYER_COLORS[type_])
            return None
        name, count = self._groups[index.internalId() - 1][1][index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return name if index.column() == 0 else str(count)
        return None


class EntitiesPanel(QWidget):
    """The open article's entities; choosing one lists every article that mentions it."""

    article_requested = Signal(int, int, int)
    entity_chosen = Signal(str, str)

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._mentions: list[Mention] = []
        self.model = EntityGroupsModel(self)
        self.tree = QTreeView(self)
        self.tree.setObjectName("entityTree")
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(False)
        self.heading = plain.label(self)
        self.heading.setWordWrap(True)
        self.mentions_model = RowListModel(self)
        self.mentions = QListView(self)
        self.mentions.setObjectName("entityMentions")
        self.mentions.setModel(self.mentions_model)
        self.mentions.setWordWrap(True)
        self.mentions.setAlternatingRowColors(True)
        self.mentions.setItemDelegate(MarkedTextDelegate(self.mentions))
        self._lay_out()
        self.tree.selectionModel().currentChanged.connect(self._entity_current)
        self.mentions.clicked.connect(self._mention_chosen)
        self.mentions.activated.connect(self._mention_chosen)
        self.retranslate_ui()

    def _lay_out(self) -> None:
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.tree)
        page = QWidget(splitter)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.mentions, 1)
        splitter.addWidget(page)
        outer = QVBoxLayout(self)
        outer.addWidget(splitter)

    def retranslate_ui(self) -> None:
        if not self._mentions:
            self.heading.setText(tr("Choose an entity to see every article that mentions it."))

    def set_article(self, article_id: int | None) -> None:
        """Show the entities of ``article_id`` (the mention list stays until another choice)."""
        highlights = self._library.highlights(article_id) if article_id is not None else []
        self.model.set_groups(group_entities(highlights))
        self.tree.expandAll()
        self.tree.resizeColumnToContents(1)

    @Slot(QModelIndex, QModelIndex)
    def _entity_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        entity = self.model.entity(current)
        if entity is not None:
            self.show_mentions(*entity)

    def show_mentions(self, type_: str, name: str) -> list[Mention]:
        """List where ``name`` is mentioned across the library, with the sentence around it."""
        self._mentions = self._library.entity_mentions(type_, name, MENTION_LIMIT)
        self.mentions_model.set_rows([mention_row(n, m) for n, m in enumerate(self._mentions)])
        articles = len({m.article_id for m in self._mentions})
        self.heading.setText(tr("%1 “%2”: %3 mention(s) in %4 article(s)")
                             .replace("%1", type_names().get(type_, type_))
                             .replace("%2", name).replace("%3", str(len(self._mentions)))
                             .replace("%4", str(articles)))
        self.entity_chosen.emit(type_, name)
        return self._mentions

    @Slot(QModelIndex)
    def _mention_chosen(self, index: QModelIndex) -> None:
        if index.isValid():
            mention = self._mentions[index.row()]
            self.article_requested.emit(mention.article_id, mention.start, mention.end)


# ---------------------------------------------------------------- the entity index


class EntityIndexModel(QAbstractTableModel):
    """Every entity of the corpus: type, name, mentions, articles, issues."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[EntityCount] = []

    def set_entities(self, rows: list[EntityCount]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def entity_at(self, row: int) -> EntityCount:
        return self._rows[row]

    def entities(self) -> list[EntityCount]:
        return list(self._rows)

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [tr("Type"), tr("Name"), tr("Mentions"), tr("Articles"),
                    tr("Issues")][section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entity = self._rows[index.row()]
        values = (entity.type, entity.name, entity.mentions, entity.articles, entity.issues)
        value = values[index.column()]
        if role == SORT_ROLE:
            return value
        if role == Qt.ItemDataRole.DisplayRole:
            return type_names().get(entity.type, entity.type) if index.column() == 0 \
                else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def sorting_proxy(source: QAbstractItemModel, parent: QObject) -> QSortFilterProxyModel:
    """A proxy that sorts on raw values and filters on every column, ignoring case."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(source)
    proxy.setSortRole(SORT_ROLE)
    proxy.setFilterKeyColumn(-1)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return proxy


def table_view(parent: QWidget, proxy: QAbstractItemModel, name: str) -> QTableView:
    table = QTableView(parent)
    table.setObjectName(name)
    table.setModel(proxy)
    table.setSortingEnabled(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    return table


class EntityIndexDialog(QDialog):
    """All entities of the library by type and frequency; reject or merge the wrong ones
    (undoable in the window), and the rejected and merged names, to restore any."""

    entities_changed = Signal()
    entity_chosen = Signal(str, str)
    loaded = Signal()
    """The table shows the entities as the library now counts them."""

    def __init__(self, library: Library, parent: QWidget | None = None,
                 reads: ReadRunner | None = None,
                 history: AnnotationHistory | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("entityIndex")
        self._library = library
        self._reads = reads
        self._history = history
        self.model = EntityIndexModel(self)
        self.proxy = sorting_proxy(self.model, self)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = table_view(self, self.proxy, "entityTable")
        self.table.doubleClicked.connect(self._double_clicked)
        self.reject_button = QPushButton(self)
        self.reject_button.clicked.connect(self.reject_selected)
        self.merge_button = QPushButton(self)
        self.merge_button.clicked.connect(self.merge_selected)
        self.corrections = CorrectionsPane(self)
        self.corrections.restore_requested.connect(self.restore)
        if history is not None:
            history.entities_changed.connect(self._changed)
        self._lay_out()
        self.retranslate_ui()
        self.resize(640, 520)
        self.refresh()
        self.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)

    def _lay_out(self) -> None:
        entities = QWidget(self)
        layout = QVBoxLayout(entities)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.merge_button)
        row.addWidget(self.reject_button)
        layout.addLayout(row)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(entities, "")
        self.tabs.addTab(self.corrections, "")
        QVBoxLayout(self).addWidget(self.tabs)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(tr("Entity index"))
        self.tabs.setTabText(0, tr("Entities"))
        self.tabs.setTabText(1, tr("Rejected and merged"))
        self.filter_edit.setPlaceholderText(tr("Filter by name or type"))
        self.reject_button.setText(tr("Reject…"))
        self.reject_button.setToolTip(tr("Not an entity: remove it from the whole library"))
        self.merge_button.setText(tr("Merge into…"))
        self.merge_button.setToolTip(tr("Another name of an entity: merge its mentions"))
        self.corrections.retranslate_ui()

    def refresh(self) -> None:
        """Count the entities again: in the background when the window has a reader
        (on a decade the count takes about half a second)."""
        self.corrections.set_corrections(self._library.entity_corrections(), type_names())
        if self._reads is None:
            self._counted(self._library.entity_index())
        else:
            self._reads.ask("entity-index", lambda library: library.entity_index(),
                            self._counted)

    def _counted(self, entities: list[EntityCount]) -> None:
        self.model.set_entities(entities)
        self.loaded.emit()

    @Slot()
    def _changed(self) -> None:
        self.refresh()
        self.entities_changed.emit()

    def set_read_only(self, read_only: bool) -> None:
        """List the entities but offer no reject or merge (a read-only library)."""
        self.reject_button.setEnabled(not read_only)
        self.merge_button.setEnabled(not read_only)
        self.corrections.set_read_only(read_only)

    def selected(self) -> EntityCount | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.entity_at(self.proxy.mapToSource(index).row())

    # Asking is kept apart so tests can answer for the user.
    def confirm(self, question: str) -> bool:
        return plain.ask(self, self.windowTitle(), question)

    def ask_target(self, entity: EntityCount) -> str | None:
        names = merge_candidates(entity.name, [e.name for e in self.model.entities()
                                               if e.type == entity.type])
        name = plain.choose(self, tr("Merge"), tr("Merge “%1” into:").replace("%1", entity.name),
                            names, editable=True, text="")
        return name.strip() if name and name.strip() else None

    @Slot()
    def reject_selected(self) -> None:
        entity = self.selected()
        if entity is not None and self.confirm(
                tr("“%1” is not a name? It is removed from every article, now and on "
                   "later imports (Undo brings it back).").replace("%1", entity.name)):
            if self._history is not None:
                self._history.reject_entity(entity.type, entity.name)
            else:
                self._apply(lambda: self._library.reject_entity(entity.type, entity.name))

    @Slot()
    def merge_selected(self) -> None:
        entity = self.selected()
        target = self.ask_target(entity) if entity is not None else None
        if entity is not None and target and target != entity.name:
            if self._history is not None:
                self._history.merge_entity(entity.type, entity.name, target)
            else:
                self._apply(lambda: self._library.merge_entity(entity.type, entity.name,
                                                               target))

    @Slot(object)
    def restore(self, correction: EntityCorrection) -> None:
        """Forget a rejection or merge: the name is looked for again in its articles."""
        if self._history is not None:
            self._history.restore_entity(correction)
        else:
            self._apply(lambda: self._library.undo_entity_correction(
                correction.action, correction.type, correction.name))

    def _apply(self, change: Callable[[], object]) -> None:
        change()
        self._changed()

    @Slot(QModelIndex)
    def _double_clicked(self, index: QModelIndex) -> None:
        entity = self.model.entity_at(self.proxy.mapToSource(index).row())
        self.entity_chosen.emit(entity.type, entity.name)
