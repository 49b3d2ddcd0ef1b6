"""The figures table of the corpus: sortable by value, kind and issue, filtered, opened."""

from __future__ import annotations

import math

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QVBoxLayout, QWidget

from reader.library import FigureRow, Library
from reader.ui import plain
from reader.ui.article_view import figure_kind_name, figure_kind_names, format_value
from reader.ui.entities import SORT_ROLE, table_view
from reader.ui.reads import ReadRunner
from reader.ui.row_list import Index

NO_PARENT = QModelIndex()
COLUMNS = ("value", "unit", "kind", "text", "issue", "article", "context")


def tr(text: str) -> str:
    return QCoreApplication.translate("Figures", text)


def headers() -> list[str]:
    return [tr("Value"), tr("Unit"), tr("Kind"), tr("As written"), tr("Issue"),
            tr("Article"), tr("Context")]


def shown_value(figure: FigureRow) -> str:
    """A figure's value as shown: ``1,200``, or a range ``3–5``; '' when it has none."""
    if figure.value is None:
        return ""
    text = format_value(figure.value)
    return f"{text}–{format_value(figure.upper)}" if figure.upper is not None else text


def cell(figure: FigureRow, column: str) -> str:
    issue = " ".join(part for part in (figure.issue_date, figure.issue_title) if part)
    return {"value": shown_value(figure), "unit": figure.unit,
            "kind": figure_kind_name(figure.kind),
            "text": figure.text, "issue": issue, "article": figure.article_title,
            "context": figure.context}[column]


def sort_key(figure: FigureRow, column: str) -> object:
    """What a column sorts on: numbers as numbers (no value first), issues by date."""
    if column == "value":
        return -math.inf if figure.value is None else figure.value
    if column == "issue":
        return f"{figure.issue_date or ''} {figure.issue_title}"
    return cell(figure, column)


PAGE = 200
"""Rows read at a time when the table scrolls to them."""


class FigureTableModel(QAbstractTableModel):
    """The figures of the corpus as ids (sorted and filtered in SQL); a row's figure is
    read with its page when the table first shows it."""

    sort_requested = Signal(int, Qt.SortOrder)

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._ids: list[int] = []
        self._rows: dict[int, FigureRow] = {}

    def set_ids(self, ids: list[int]) -> None:
        self.beginResetModel()
        self._ids = list(ids)
        self._rows.clear()
        self.endResetModel()

    def figure_at(self, row: int) -> FigureRow:
        figure = self._rows.get(row)
        if figure is None:
            first = row - row % PAGE
            page = self._library.figures_by_id(self._ids[first:first + PAGE])
            self._rows.update(enumerate(page, start=first))
            figure = self._rows[row]
        return figure

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting is a new query (the dialog runs it in the background)."""
        self.sort_requested.emit(column, order)

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return headers()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        column = COLUMNS[index.column()]
        if role not in (Qt.ItemDataRole.DisplayRole, SORT_ROLE, Qt.ItemDataRole.ToolTipRole,
                        Qt.ItemDataRole.TextAlignmentRole):
            return None
        figure = self.figure_at(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            return cell(figure, column)
        if role == SORT_ROLE:
            return sort_key(figure, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in ("text", "context"):
            return plain.tip(figure.context)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "value":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class FiguresDialog(QDialog):
    """The figures table; double-click a row to open its article at the figure. Sorting
    and filtering are background reads; the table shows the answer when it comes."""

    figure_opened = Signal(int, int, int)
    loaded = Signal()
    """The table shows the answer of the latest sort or filter."""

    def __init__(self, library: Library, reads: ReadRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figuresTable")
        self._library = library
        self._reads = reads
        self._sort: tuple[str, bool] = ("", False)
        self._total = 0
        self.model = FigureTableModel(library, self)
        self.model.sort_requested.connect(self._sort_requested)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._filter_changed)
        self.count = QLabel(self)
        self.table = table_view(self, self.model, "figureTable")
        self.table.horizontalHeader().setSortIndicatorShown(False)
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.activated.connect(self._double_clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        self.retranslate_ui()
        self.resize(900, 560)
        self.refresh()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(tr("Figures"))
        self.filter_edit.setPlaceholderText(tr("Filter by kind, unit, text, issue or article"))
        self._show_count()

    def refresh(self) -> None:
        """Ask again (after the corpus changed): same filter, same order."""
        text, (column, descending) = self.filter_edit.text(), self._sort
        kinds = {name: kind for kind, name in figure_kind_names().items()}
        text = kinds.get(text.strip(), text)  # a kind typed as the UI names it (金额)
        self.count.setText(tr("Reading the figures…"))
        self._reads.ask("figures", lambda library: (
            library.figure_ids(text, column, descending), library.figure_count()),
            self._answered)

    def _answered(self, answer: tuple[list[int], int]) -> None:
        ids, self._total = answer
        self.model.set_ids(ids)
        self._show_count()
        self.loaded.emit()

    @Slot(int, Qt.SortOrder)
    def _sort_requested(self, column: int, order: Qt.SortOrder) -> None:
        if not hasattr(self, "table"):
            return  # the view enabling sorting: keep the table's own order until asked
        self._sort = (COLUMNS[column], order == Qt.SortOrder.DescendingOrder)
        self.table.horizontalHeader().setSortIndicatorShown(True)
        self.refresh()

    @Slot(str)
    def _filter_changed(self, _text: str) -> None:
        self.refresh()

    def _show_count(self) -> None:
        self.count.setText(tr("%1 of %2 figures").replace("%1", str(self.model.rowCount()))
                           .replace("%2", str(self._total)))

    @Slot(QModelIndex)
    def _double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            figure = self.model.figure_at(index.row())
            self.figure_opened.emit(figure.article_id, figure.start, figure.end)
