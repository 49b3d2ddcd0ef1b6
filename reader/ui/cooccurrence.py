"""View → Co-occurrence…: which entities are mentioned in the same articles, as a sortable
table and a heat map of the strongest pairs, for a period and a tag; a pair lists the
articles that mention both. Counted by the library in the background."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPoint,
    QRect,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from reader.core.timeline import ArticleRef, Cooccurrence, Pair
from reader.library import Changes, Filters, Library
from reader.ui import plain
from reader.ui.entities import SORT_ROLE, sorting_proxy, table_view, type_names
from reader.ui.reads import ReadRunner
from reader.ui.row_list import Index, RowListModel
from reader.ui.search_pane import date_bound
from reader.ui.timeline import article_row

NO_PARENT = QModelIndex()
MATRIX_SIZE = 16
"""Entities in the heat map: those in the most shared articles among the pairs."""
TOP_DEFAULT, MIN_DEFAULT = 200, 2


def tr(text: str) -> str:
    return QCoreApplication.translate("Cooccurrence", text)


def headers() -> list[str]:
    return [tr("Entity A"), tr("Type"), tr("Entity B"), tr("Type"), tr("Articles together"),
            tr("Jaccard")]


class PairTableModel(QAbstractTableModel):
    """The pairs: both entities with their types, shared articles, Jaccard index."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pairs: list[Pair] = []

    def set_pairs(self, pairs: list[Pair]) -> None:
        self.beginResetModel()
        self._pairs = list(pairs)
        self.endResetModel()

    def pair_at(self, row: int) -> Pair:
        return self._pairs[row]

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._pairs)

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return headers()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._pairs):
            return None
        pair = self._pairs[index.row()]
        values: tuple[object, ...] = (pair.a_name, pair.a_type, pair.b_name, pair.b_type,
                                      pair.together, pair.jaccard)
        value = values[index.column()]
        if role == SORT_ROLE:
            return value
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() in (1, 3):
                return type_names().get(str(value), str(value))
            return f"{value:.3f}" if index.column() == 5 else str(value)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() >= 4:
            return plain.tip(pair_tip(pair))
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def pair_tip(pair: Pair) -> str:
    return (tr("%1 and %2: %3 article(s) together; %4 and %5 in all (Jaccard %6)")
            .replace("%1", pair.a_name).replace("%2", pair.b_name)
            .replace("%3", str(pair.together)).replace("%4", str(pair.a_articles))
            .replace("%5", str(pair.b_articles)).replace("%6", f"{pair.jaccard:.3f}"))


def matrix_entities(pairs: list[Pair], size: int = MATRIX_SIZE) -> list[tuple[int, str]]:
    """(id, name) of the entities the heat map shows: most shared articles first."""
    weight: dict[tuple[int, str], int] = {}
    for pair in pairs:
        for key in ((pair.a_id, pair.a_name), (pair.b_id, pair.b_name)):
            weight[key] = weight.get(key, 0) + pair.together
    return sorted(weight, key=lambda key: (-weight[key], key[0]))[:size]


class PairMatrix(QWidget):
    """A heat map of the strongest pairs: a cell's colour is the pair's Jaccard index;
    hover names the pair, a click lists its articles."""

    pair_clicked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cooccurrenceMatrix")
        self.setMouseTracking(True)
        self.entities: list[tuple[int, str]] = []
        self.cells: dict[tuple[int, int], Pair] = {}
        self.tip_text = ""

    def set_pairs(self, pairs: list[Pair]) -> None:
        self.entities = matrix_entities(pairs)
        shown = {entity_id for entity_id, _ in self.entities}
        self.cells = {}
        for pair in pairs:
            if pair.a_id in shown and pair.b_id in shown:
                self.cells[(pair.a_id, pair.b_id)] = self.cells[(pair.b_id, pair.a_id)] = pair
        self.update()

    def _geometry(self) -> tuple[int, int]:
        """(size of the label margin, size of a cell) in pixels."""
        margin = min(120, self.width() // 4)
        count = max(1, len(self.entities))
        cell = max(4, min(self.width() - margin, self.height() - margin) // count)
        return margin, cell

    def cell_rect(self, row: int, column: int) -> QRect:
        margin, cell = self._geometry()
        return QRect(margin + column * cell, margin + row * cell, cell, cell)

    def pair_at(self, point: QPoint) -> Pair | None:
        margin, cell = self._geometry()
        row, column = (point.y() - margin) // cell, (point.x() - margin) // cell
        if point.x() < margin or point.y() < margin or not (
                0 <= row < len(self.entities) and 0 <= column < len(self.entities)):
            return None
        return self.cells.get((self.entities[row][0], self.entities[column][0]))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        if not self.entities:
            painter.end()
            return
        margin, cell = self._geometry()
        strongest = max(pair.jaccard for pair in self.cells.values()) or 1.0
        low, high = palette.color(QPalette.ColorRole.Base), QColor("#4e79a7")
        for row, (row_id, _name) in enumerate(self.entities):
            for column, (column_id, _other) in enumerate(self.entities):
                pair = self.cells.get((row_id, column_id))
                if pair is not None:
                    painter.fillRect(self.cell_rect(row, column).adjusted(0, 0, -1, -1),
                                     _blend(low, high, pair.jaccard / strongest))
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        metrics = painter.fontMetrics()
        for number, (_id, name) in enumerate(self.entities):
            text = metrics.elidedText(name, Qt.TextElideMode.ElideRight, margin - 6)
            painter.drawText(QRect(0, margin + number * cell, margin - 4, cell),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                             text)
            painter.save()
            painter.translate(margin + number * cell + cell // 2, margin - 4)
            painter.rotate(-90)
            painter.drawText(QRect(0, -cell // 2, margin - 6, cell),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             text)
            painter.restore()
        painter.end()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pair = self.pair_at(event.position().toPoint())
        self.tip_text = pair_tip(pair) if pair is not None else ""
        if pair is None:
            QToolTip.hideText()
        else:
            QToolTip.showText(event.globalPosition().toPoint(), plain.tip(self.tip_text), self)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        pair = self.pair_at(event.position().toPoint())
        if pair is not None and event.button() == Qt.MouseButton.LeftButton:
            self.pair_clicked.emit(pair)
        super().mouseReleaseEvent(event)


def _blend(low: QColor, high: QColor, share: float) -> QColor:
    share = max(0.12, min(1.0, share))
    return QColor(*(round(a + (b - a) * share) for a, b in (
        (low.red(), high.red()), (low.green(), high.green()), (low.blue(), high.blue()))))


class CooccurrenceWindow(QDialog):
    """Pairs of entities in the same articles, for a period and a tag."""

    article_opened = Signal(int)
    loaded = Signal()
    """The table shows the answer for the filters as set."""
    listed = Signal()
    """The list shows the articles of the chosen pair."""

    def __init__(self, library: Library, reads: ReadRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cooccurrenceWindow")
        self._library = library
        self._reads = reads
        self.answer: Cooccurrence | None = None
        self.message = ""
        self._make_widgets()
        self._lay_out()
        self._connect()
        self.retranslate_ui()
        self.resize(960, 720)
        self.refresh()

    def _make_widgets(self) -> None:
        self.date_from, self.date_to = QLineEdit(self), QLineEdit(self)
        self.date_from.setObjectName("cooccurrenceFrom")
        self.date_to.setObjectName("cooccurrenceTo")
        self.tag = QComboBox(self)
        self.tag.setObjectName("cooccurrenceTag")
        self.tag.setEditable(True)
        self.top = QSpinBox(self)
        self.top.setRange(2, 5000)
        self.top.setValue(TOP_DEFAULT)
        self.min_shared = QSpinBox(self)
        self.min_shared.setRange(1, 10_000)
        self.min_shared.setValue(MIN_DEFAULT)
        self.model = PairTableModel(self)
        self.proxy = sorting_proxy(self.model, self)
        self.table = table_view(self, self.proxy, "cooccurrenceTable")
        self.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)  # most shared first
        self.matrix = PairMatrix(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.table, "")
        self.tabs.addTab(self.matrix, "")
        self.status = plain.label(self)
        self.status.setWordWrap(True)
        self.heading = plain.label(self)
        self.heading.setWordWrap(True)
        self.articles_model = RowListModel(self)
        self.articles = QListView(self)
        self.articles.setObjectName("cooccurrenceArticles")
        self.articles.setModel(self.articles_model)
        self.articles.setAlternatingRowColors(True)

    def _lay_out(self) -> None:
        self.form = QFormLayout()
        dates = QHBoxLayout()
        dates.addWidget(self.date_from)
        dates.addWidget(self.date_to)
        limits = QHBoxLayout()
        limits.addWidget(self.top)
        limits.addWidget(self.min_shared)
        self.form_labels = [QLabel(self) for _ in range(3)]
        self.form.addRow(self.form_labels[0], dates)
        self.form.addRow(self.form_labels[1], self.tag)
        self.form.addRow(self.form_labels[2], limits)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.heading)
        lower_layout.addWidget(self.articles, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.tabs)
        splitter.addWidget(lower)
        splitter.setSizes([480, 160])
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)

    def _connect(self) -> None:
        for edit in (self.date_from, self.date_to):
            edit.setClearButtonEnabled(True)
            edit.returnPressed.connect(self.refresh)
        self.tag.activated.connect(lambda _index: self.refresh())
        tag_edit = self.tag.lineEdit()
        if tag_edit is not None:
            tag_edit.returnPressed.connect(self.refresh)
        for spin in (self.top, self.min_shared):
            spin.editingFinished.connect(self.refresh)
        self.table.doubleClicked.connect(self._pair_activated)
        self.table.activated.connect(self._pair_activated)
        self.matrix.pair_clicked.connect(self.show_pair)
        self.articles.clicked.connect(self._article_chosen)
        self.articles.activated.connect(self._article_chosen)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(tr("Co-occurrence"))
        for label, text in zip(self.form_labels, (tr("Dates:"), tr("Tag:"),
                                                  tr("Entities, pairs:")), strict=True):
            label.setText(text)
        self.date_from.setPlaceholderText(tr("from, e.g. 2024 or 2024-08"))
        self.date_to.setPlaceholderText(tr("to"))
        edit = self.tag.lineEdit()
        if edit is not None:
            edit.setPlaceholderText(tr("any tag"))
        self.top.setPrefix(tr("the most frequent "))
        self.top.setSuffix(tr(" entities"))
        self.top.setToolTip(tr("Only the entities mentioned in most articles of the period "
                               "are paired (keeps a decade interactive)"))
        self.min_shared.setPrefix(tr("at least "))
        self.min_shared.setSuffix(tr(" articles together"))
        self.tabs.setTabText(0, tr("Table"))
        self.tabs.setTabText(1, tr("Matrix"))
        self.tabs.setTabToolTip(1, tr("The strongest pairs: the darker, the higher the "
                                      "Jaccard index"))
        if not self.articles_model.rowCount():
            self.heading.setText(tr("Double-click a pair to list the articles that mention "
                                    "both."))
        if self.answer is not None:
            self._say(self._summary(self.answer))

    # ---------------------------------------------------------------- counting

    def filters(self) -> Filters:
        """The period and tag as set; ValueError names a field that holds no date."""
        bounds = []
        for edit, last in ((self.date_from, False), (self.date_to, True)):
            try:
                bounds.append(date_bound(edit.text(), last))
            except ValueError as error:
                raise ValueError(tr("“%1” is not a date (2024, 2024-08 or 2024-08-30)")
                                 .replace("%1", str(error))) from error
        return Filters(tag=self.tag.currentText().strip() or None, date_from=bounds[0],
                       date_to=bounds[1])

    @Slot()
    def refresh(self) -> None:
        """Count the pairs again for the filters as set, in the background."""
        self._set_tags()
        try:
            filters = self.filters()
        except ValueError as error:
            self._say(str(error))
            return
        top, least = self.top.value(), self.min_shared.value()
        self._say(tr("Counting…"))
        self._reads.ask("cooccurrence", lambda library: library.cooccurrence(
            filters, top, least), self._answered)

    def _set_tags(self) -> None:
        typed = self.tag.currentText()
        self.tag.blockSignals(True)
        self.tag.clear()
        self.tag.addItems(["", *(tag.name for tag in self._library.tags())])
        self.tag.setEditText(typed)
        self.tag.blockSignals(False)

    def _answered(self, answer: Cooccurrence) -> None:
        self.answer = answer
        self.model.set_pairs(list(answer.pairs))
        self.matrix.set_pairs(list(answer.pairs))
        self._say(self._summary(answer))
        self.loaded.emit()

    def _summary(self, answer: Cooccurrence) -> str:
        return (tr("%1 pair(s) among the %2 most frequent entities of %3 article(s).")
                .replace("%1", str(len(answer.pairs))).replace("%2", str(answer.entities))
                .replace("%3", str(answer.articles)))

    def _say(self, text: str) -> None:
        self.message = text
        self.status.setText(text)

    # ---------------------------------------------------------------- a pair's articles

    @Slot(QModelIndex)
    def _pair_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.show_pair(self.model.pair_at(self.proxy.mapToSource(index).row()))

    @Slot(object)
    def show_pair(self, pair: Pair) -> None:
        """List the articles that mention both entities (in the background)."""
        try:
            filters = self.filters()
        except ValueError as error:
            self._say(str(error))
            return
        self.heading.setText(tr("%1 and %2: %3 article(s) together").replace(
            "%1", pair.a_name).replace("%2", pair.b_name).replace("%3", str(pair.together)))
        self._reads.ask("cooccurrence-articles", lambda library: library.pair_articles(
            pair, filters), self._listed)

    def _listed(self, refs: list[ArticleRef]) -> None:
        self.articles_model.set_rows([article_row(ref) for ref in refs])
        self.listed.emit()

    @Slot(QModelIndex)
    def _article_chosen(self, index: QModelIndex) -> None:
        if index.isValid():
            self.article_opened.emit(self.articles_model.row_at(index.row()).id)

    def apply_changes(self, changes: Changes) -> None:
        """Count again when entities, tags, texts or dates changed."""
        if changes.touches_corpus() or changes.tags or changes.tagged:
            if self.isVisible():
                self.refresh()
            else:
                self.setProperty("stale", True)

