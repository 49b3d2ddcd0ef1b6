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
from reader.ui.article_view import format_value
from reader.ui.entities import SORT_ROLE, sorting_proxy, table_view
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
    return {"value": shown_value(figure), "unit": figure.unit, "kind": figure.kind,
            "text": figure.text, "issue": issue, "article": figure.article_title,
            "context": figure.context}[column]


def sort_key(figure: FigureRow, column: str) -> object:
    """What a column sorts on: numbers as numbers (no value first), issues by date."""
    if column == "value":
        return -math.inf if figure.value is None else figure.value
    if column == "issue":
        return f"{figure.issue_date or ''} {figure.issue_title}"
    return cell(figure, column)


class FigureTableModel(QAbstractTableModel):
    """Every figure of the corpus, one per row."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[FigureRow] = []

    def set_figures(self, rows: list[FigureRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def figure_at(self, row: int) -> FigureRow:
        return self._rows[row]

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return headers()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        figure, column = self._rows[index.row()], COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell(figure, column)
        if role == SORT_ROLE:
            return sort_key(figure, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in ("text", "context"):
            return figure.context
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "value":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class FiguresDialog(QDialog):
    """The figures table; double-click a row to open its article at the figure."""

    figure_opened = Signal(int, int, int)

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figuresTable")
        self._library = library
        self.model = FigureTableModel(self)
        self.proxy = sorting_proxy(self.model, self)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._filter_changed)
        self.count = QLabel(self)
        self.table = table_view(self, self.proxy, "figureTable")
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
        self.model.set_figures(self._library.figure_table())
        self._show_count()

    @Slot(str)
    def _filter_changed(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        self._show_count()

    def _show_count(self) -> None:
        self.count.setText(tr("%1 of %2 figures").replace("%1", str(self.proxy.rowCount()))
                           .replace("%2", str(self.model.rowCount())))

    @Slot(QModelIndex)
    def _double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            figure = self.model.figure_at(self.proxy.mapToSource(index).row())
            self.figure_opened.emit(figure.article_id, figure.start, figure.end)
