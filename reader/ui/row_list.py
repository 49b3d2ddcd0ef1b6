"""A small list model over (id, text, tooltip) rows: search hits, notes, tags."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from reader.ui import plain
from reader.ui.marked import EMPHASIS_ROLE

Index = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class Row(NamedTuple):
    """One line of a list: the id it stands for, what it shows, what hovering says, and
    the spans of ``text`` to emphasise (search hits, a mention in its sentence)."""

    id: int
    text: str
    tooltip: str = ""
    emphasis: tuple[tuple[int, int], ...] = ()


class RowListModel(QAbstractListModel):
    """A read-only list of rows, replaced as a whole when its source changes."""

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._rows: list[Row] = []

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    def ids(self) -> list[int]:
        return [row.id for row in self._rows]

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain.tip(row.tooltip) or None
        if role == ID_ROLE:
            return row.id
        if role == EMPHASIS_ROLE:
            return list(row.emphasis)
        return None
