"""Run long library work (import, export) on a worker thread; results come back by signal.

A job is a plain function ``job(progress, cancelled) -> result`` that opens its own
``Library`` on the worker thread (SQLite connections never cross threads) and exchanges
only plain data with the window. ``Task`` owns the QThread; its signals are delivered on
the thread that created it (the GUI thread).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot

from reader.library import ImportReport, Library, QdpxReport

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]
Job = Callable[[Progress, Cancelled], object]

log = logging.getLogger(__name__)


class _Worker(QObject):
    """Lives on the worker thread and runs the job once."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, job: Job) -> None:
        super().__init__()
        self._job = job
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @Slot()
    def run(self) -> None:
        try:
            result = self._job(self.progressed.emit, self._cancel.is_set)
        except Exception as error:  # the worker boundary: report, never lose the task
            log.exception("background task failed")
            self.failed.emit(str(error) or type(error).__name__)
            return
        self.succeeded.emit(result)


class Task(QObject):
    """One job on its own QThread, with progress, cancel and a result by signal."""

    progressed = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, job: Job, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._worker = _Worker(job)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progressed.connect(self.progressed)
        self._worker.succeeded.connect(self._succeeded)
        self._worker.failed.connect(self._failed)
        self._running = False

    def start(self) -> None:
        self._running = True
        self._thread.start()

    def cancel(self) -> None:
        """Ask the job to stop at its next check; ``finished`` still follows."""
        self._worker.cancel()

    def is_running(self) -> bool:
        return self._running

    def wait(self) -> None:
        """Cancel and block until the thread has ended (when the window closes)."""
        self.cancel()
        self._stop_thread()

    def _stop_thread(self) -> None:
        self._thread.quit()
        self._thread.wait()
        self._running = False

    @Slot(object)
    def _succeeded(self, result: object) -> None:
        self._stop_thread()
        self.finished.emit(result)

    @Slot(str)
    def _failed(self, message: str) -> None:
        self._stop_thread()
        self.failed.emit(message)


def import_job(window_library: Library, paths: list[Path], paper: str | None = None) -> Job:
    """A job importing ``paths``: it reads through a connection of its own and hands each
    issue to the window library's writer thread to store; returns an ImportReport (its
    ``changes`` are announced on the window's library when it arrives)."""
    db_path, writer = Path(window_library.path), window_library.writer

    def job(progress: Progress, cancelled: Cancelled) -> ImportReport:
        # the window checked the file on opening
        library = Library(db_path, check=False, writer=writer)
        try:
            return library.import_paths(list(paths), progress=progress, cancel=cancelled,
                                        paper=paper)
        finally:
            library.close()
    return job


def daily_backup_job(db_path: Path) -> Job:
    """A job making the day's backup if none was made in the last 24 hours."""
    def job(_progress: Progress, _cancelled: Cancelled) -> str:
        library = Library(db_path, create=False, check=False)
        try:
            made = library.daily_backup()
        finally:
            library.close()
        return str(made or "")
    return job


def export_job(db_path: Path, what: str, destination: Path) -> Job:
    """A job writing one CSV export (with a BOM, for Excel); returns the row count."""
    def job(_progress: Progress, _cancelled: Cancelled) -> int:
        library = Library(db_path, readonly=True, check=False)
        try:
            return library.export_csv(what, destination, bom=True)
        finally:
            library.close()
    return job


PROGRESS_STEPS = 200
"""A long export tells its progress at most this many times (each is a signal to the GUI)."""


def every_step(progress: Progress) -> Progress:
    """``progress`` called only when another 1/PROGRESS_STEPS of the work is done."""
    def told(done: int, total: int, name: str) -> None:
        if done == total or done % max(1, total // PROGRESS_STEPS) == 0:
            progress(done, total, name)
    return told


def qdpx_job(db_path: Path, destination: Path) -> Job:
    """A job writing a REFI-QDA project of the articles with a tag or a note; returns its
    QdpxReport (``cancelled`` set, and no file, when it was cancelled)."""
    def job(progress: Progress, cancelled: Cancelled) -> QdpxReport:
        library = Library(db_path, readonly=True, check=False)
        try:
            return library.export_qdpx(destination, progress=every_step(progress),
                                       cancelled=cancelled)
        finally:
            library.close()
    return job


def refresh_job(window_library: Library) -> Job:
    """A job finding the entities of the library's stale issues again, an issue per write
    on the window library's writer thread (an edit of the reader waits for one issue at
    most); stops between issues when cancelled. Returns how many issues it refreshed."""
    db_path, writer = Path(window_library.path), window_library.writer

    def job(progress: Progress, cancelled: Cancelled) -> int:
        library = Library(db_path, check=False, writer=writer)
        try:
            stale = library.stale_issue_ids()
            told = every_step(progress)
            for done, issue_id in enumerate(stale):
                if cancelled():
                    return done
                told(done, len(stale), "")
                library.refresh_analysis(issue_id)
            told(len(stale), len(stale), "")
            return len(stale)
        finally:
            library.close()
    return job
