"""The reader's rejected and merged entity names, listed so that any can be restored."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QListView, QPushButton, QVBoxLayout, QWidget

from reader.library import EntityCorrection
from reader.ui import plain
from reader.ui.row_list import Row, RowListModel


def tr(text: str) -> str:
    return QCoreApplication.translate("Entities", text)


def correction_row(number: int, correction: EntityCorrection, types: dict[str, str]) -> Row:
    """How a correction is listed: what was done to which name, and when."""
    kind = types.get(correction.type, correction.type)
    if correction.action == "reject":
        text = tr("Rejected: %1 (%2)").replace("%1", correction.name).replace("%2", kind)
    else:
        text = (tr("Merged: %1 → %2 (%3)").replace("%1", correction.name)
                .replace("%2", correction.target).replace("%3", kind))
    return Row(number, f"{text}\n{correction.created[:16].replace('T', ' ')}", text)


class CorrectionsPane(QWidget):
    """Every rejection and merge, newest first; Restore forgets the chosen one (undoable:
    the window's Ctrl+Z rejects or merges it again)."""

    restore_requested = Signal(object)
    """The EntityCorrection to forget."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._corrections: list[EntityCorrection] = []
        self.model = RowListModel(self)
        self.list = QListView(self)
        self.list.setObjectName("entityCorrections")
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.restore_button = QPushButton(self)
        self.restore_button.setObjectName("restoreEntityButton")
        self.restore_button.clicked.connect(self.restore_selected)
        self.empty = plain.label(self)
        row = QHBoxLayout()
        row.addWidget(self.empty, 1)
        row.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.restore_button.setText(tr("Restore"))
        self.restore_button.setToolTip(tr("Find this name again in every article that holds "
                                          "it (Undo rejects or merges it again)"))
        self.empty.setText(tr("No rejected or merged names.") if not self._corrections else "")

    def set_corrections(self, corrections: list[EntityCorrection],
                        types: dict[str, str]) -> None:
        self._corrections = list(corrections)
        self.model.set_rows([correction_row(n, c, types) for n, c in enumerate(corrections)])
        self.retranslate_ui()

    def corrections(self) -> list[EntityCorrection]:
        return list(self._corrections)

    def set_read_only(self, read_only: bool) -> None:
        self.restore_button.setEnabled(not read_only)

    @Slot()
    def restore_selected(self) -> None:
        index = self.list.currentIndex()
        if index.isValid():
            self.restore_requested.emit(self._corrections[index.row()])
