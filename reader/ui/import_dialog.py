"""Background import: the status-bar progress (current file, Cancel) and the report at the end."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QObject, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QWidget

from reader.library import ImportReport, Library
from reader.ui import plain
from reader.ui.dialogs import ImportReportDialog
from reader.ui.tasks import Task, import_job

NAME_CHARS = 40


def dropped_paths(mime: QMimeData) -> list[Path]:
    """The local files and folders in a drag (anything else is ignored)."""
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def elided(name: str, limit: int = NAME_CHARS) -> str:
    return name if len(name) <= limit else "…" + name[-(limit - 1):]


class ImportProgress(QWidget):
    """Status-bar widget: what is being imported, a progress bar and a Cancel button."""

    cancel_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importProgress")
        self.label = plain.label(self)
        self.bar = QProgressBar(self)
        self.bar.setMaximumWidth(220)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("cancelImport")
        self.cancel_button.clicked.connect(self.cancel_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.label, self.bar, self.cancel_button):
            layout.addWidget(widget)
        self.retranslate_ui()
        self.hide()

    def retranslate_ui(self) -> None:
        self.cancel_button.setText(self.tr("Cancel"))

    def begin(self) -> None:
        self.bar.setRange(0, 0)
        self.label.setText(self.tr("Preparing the import…"))
        self.cancel_button.setEnabled(True)
        self.show()

    @Slot(int, int, str)
    def show_progress(self, done: int, total: int, name: str) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        self.label.setText(self.tr("Importing %1 of %2: %3").replace("%1", str(done))
                           .replace("%2", str(total)).replace("%3", elided(name)))

    def cancelling(self) -> None:
        self.cancel_button.setEnabled(False)
        self.label.setText(self.tr("Cancelling…"))


class Importer(QObject):
    """Runs one import at a time on a worker thread with its own library connection."""

    import_started = Signal()
    import_finished = Signal(object)
    import_failed = Signal(str)

    def __init__(self, library: Library, progress: ImportProgress, window: QWidget) -> None:
        super().__init__(window)
        self._library = library
        self._window = window
        self.progress = progress
        self.task: Task | None = None
        self.last_report: ImportReport | None = None
        progress.cancel_clicked.connect(self.cancel)

    def is_running(self) -> bool:
        return self.task is not None and self.task.is_running()

    def start(self, paths: list[Path], paper: str | None = None) -> bool:
        """Start importing ``paths`` in the background; False if an import is running."""
        if self.is_running() or not paths:
            return False
        self.task = Task(import_job(self._library, paths, paper), self)
        self.task.progressed.connect(self.progress.show_progress)
        self.task.finished.connect(self._finished)
        self.task.failed.connect(self._failed)
        self.progress.begin()
        self.task.start()
        self.import_started.emit()
        return True

    @Slot()
    def cancel(self) -> None:
        if self.is_running() and self.task is not None:
            self.task.cancel()
            self.progress.cancelling()

    def shutdown(self) -> None:
        """Cancel a running import and wait for its thread (the window is closing)."""
        if self.task is not None:
            self.task.finished.disconnect(self._finished)
            self.task.failed.disconnect(self._failed)
            self.task.wait()
            self.task = None

    @Slot(object)
    def _finished(self, report: ImportReport) -> None:
        self.progress.hide()
        self.last_report = report
        self._forget_task()
        if report.failed or report.cancelled or report.replaced:
            ImportReportDialog(report, self._window).show()
        self.import_finished.emit(report)

    @Slot(str)
    def _failed(self, message: str) -> None:
        self.progress.hide()
        self._forget_task()
        self.import_failed.emit(message)

    def _forget_task(self) -> None:
        if self.task is not None:
            self.task.deleteLater()
            self.task = None
