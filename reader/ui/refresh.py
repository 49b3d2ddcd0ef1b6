"""Bring a library's stale entity analysis up to date in the background, with its status."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QObject, Signal, Slot
from PySide6.QtWidgets import QLabel, QMainWindow

from reader.library import Changes, Library
from reader.ui.tasks import Task, refresh_job

MESSAGE_MS = 8000
"""How long the message that the refresh is done stays in the status bar."""


class AnalysisRefresh(QObject):
    """When the library holds issues another entity analysis found (an older model, or
    imported before the library recorded it), refreshes them on the writer thread while
    the reader reads, says how far it is in the status bar, and announces the new
    mentions when it is done."""

    refresh_finished = Signal(int)
    """How many issues were refreshed (fewer than were stale if the window closed)."""

    def __init__(self, library: Library, window: QMainWindow) -> None:
        super().__init__(window)
        self._library = library
        self._window = window
        self.task: Task | None = None
        self._done = (0, 0)
        self.label = QLabel(window)
        self.label.setObjectName("analysisRefresh")
        self.label.setVisible(False)
        window.statusBar().addPermanentWidget(self.label)

    def start(self) -> Task | None:
        """Start refreshing if the library has stale issues and can be written."""
        library = self._library
        if self.task is not None or library.readonly or not library.is_file:
            return None
        total = library.stale_issue_count()
        if not total:
            return None
        self.task = Task(refresh_job(library), self)
        self.task.progressed.connect(self._progressed)
        self.task.finished.connect(self._finished)
        self.task.failed.connect(self._failed)
        self._show(0, total)
        self.task.start()
        return self.task

    def is_running(self) -> bool:
        return self.task is not None and self.task.is_running()

    def shutdown(self) -> None:
        """Stop after the issue being refreshed and wait (the window is closing); the
        issues left stay stale and are refreshed at the next start."""
        if self.task is not None:
            self.task.finished.disconnect(self._finished)
            self.task.failed.disconnect(self._failed)
            self.task.wait()
            self.task = None

    def retranslate_ui(self) -> None:
        if self.label.isVisible():
            self._show(*self._done)

    def _show(self, done: int, total: int) -> None:
        self._done = (done, total)
        locale = QLocale()
        self.label.setText(self.tr("Updating entity analysis: %1 / %2 issues")
                           .replace("%1", locale.toString(done))
                           .replace("%2", locale.toString(total)))
        self.label.setVisible(True)

    @Slot(int, int, str)
    def _progressed(self, done: int, total: int, _name: str) -> None:
        self._show(done, total)

    @Slot(object)
    def _finished(self, refreshed: object) -> None:
        count = int(refreshed) if isinstance(refreshed, int) else 0
        self._stop()
        if count:
            self._library.announce(Changes(entities=True))
            self._window.statusBar().showMessage(
                self.tr("Entity analysis updated for %n issue(s).", "", count), MESSAGE_MS)
        self.refresh_finished.emit(count)

    @Slot(str)
    def _failed(self, message: str) -> None:
        self._stop()
        self._window.statusBar().showMessage(
            self.tr("The entity analysis could not be updated: %1").replace("%1", message),
            MESSAGE_MS)
        self.refresh_finished.emit(0)

    def _stop(self) -> None:
        self.label.setVisible(False)
        if self.task is not None:
            self.task.deleteLater()
            self.task = None
