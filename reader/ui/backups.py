"""Help → Restore a backup: the library's automatic backups, newest first, and restore."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.library import AnnotationError, Backup, Library
from reader.ui import plain


def tr(text: str) -> str:
    return QCoreApplication.translate("RestoreDialog", text)


def reason_text(reason: str) -> str:
    """Why a backup was made, in words."""
    known = {
        "daily": tr("Daily, when the window opened"),
        "before-import": tr("Before an import replaced issues"),
        "before-restore": tr("Before a restore"),
        "manual": tr("Made by hand"),
    }
    if reason.startswith("before-upgrade"):
        return tr("Before the library format was upgraded")
    return known.get(reason, reason)


class RestoreDialog(QDialog):
    """Lists the backups; Restore puts one back (the current state is backed up first)."""

    restored = Signal(str)

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restoreBackup")
        self._library = library
        self._backups: list[Backup] = []
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("backupTable")
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.backup_button = QPushButton(self)
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button = QPushButton(self)
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.clicked.connect(self.restore_selected)
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_button)
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.resize(620, 360)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(tr("Restore a backup"))
        self.intro.setText(tr(
            "Backups are made before an import replaces issues, before the library format is "
            "upgraded and once a day; the newest five are kept in %1. Restoring one first "
            "backs up the library as it is now, so a restore can be undone the same way.")
            .replace("%1", str(self._library.path) + ".backups"))
        self.table.setHorizontalHeaderLabels([tr("Made"), tr("Why"), tr("Size")])
        self.backup_button.setText(tr("Back up now"))
        self.restore_button.setText(tr("Restore…"))
        self.close_button.setText(tr("Close"))

    def refresh(self) -> None:
        self._backups = self._library.backups()
        self.table.setRowCount(len(self._backups))
        for row, backup in enumerate(self._backups):
            cells = [backup.made, reason_text(backup.reason), f"{backup.size / 1e6:.1f} MB"]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(plain.tip(str(backup.path)))
                self.table.setItem(row, column, item)
        if self._backups:
            self.table.selectRow(0)
        writable = not self._library.readonly
        self.restore_button.setEnabled(writable and bool(self._backups))
        self.backup_button.setEnabled(not self._library.damage and self._library.is_file)

    def selected(self) -> Backup | None:
        rows = self.table.selectionModel().selectedRows()
        return self._backups[rows[0].row()] if rows else None

    # Asking is kept apart so tests can answer for the user.
    def confirm(self, backup: Backup) -> bool:
        return plain.ask(self, self.windowTitle(), tr(
            "Put the library back as it was on %1? Everything done since then is replaced; "
            "the library as it is now is backed up first.").replace("%1", backup.made))

    @Slot()
    def restore_selected(self) -> None:
        backup = self.selected()
        if backup is None or not self.confirm(backup):
            return
        try:
            before = self._library.restore_backup(backup.path)
        except AnnotationError as error:
            plain.warn(self, self.windowTitle(), str(error))
            return
        self.refresh()
        self.restored.emit(str(before))

    @Slot()
    def backup_now(self) -> None:
        try:
            self._library.make_backup("manual")
        except AnnotationError as error:
            plain.warn(self, self.windowTitle(), str(error))
        self.refresh()
