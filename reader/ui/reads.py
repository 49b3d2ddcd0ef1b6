"""Reads that may take longer than a frame run off the GUI thread (Anki's QueryOp).

``ReadRunner.ask(key, query, done)`` runs ``query(library)`` on one reader thread that
holds its own read-only connection, and calls ``done(result)`` on the GUI thread. A newer
question with the same ``key`` supersedes an older one: the older one is skipped if it
has not started, and its SQL is interrupted (its answer dropped) if it has, so a filter
typed quickly only ever shows, and only waits for, the answer for the text in the box.
Only plain data crosses the threads.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from reader.library import Library

Query = Callable[[Library], Any]
PROGRESS_STEPS = 20_000
"""SQLite virtual-machine steps between two checks that a read is still wanted."""
log = logging.getLogger(__name__)


class _Bridge(QObject):
    """Lives on the GUI thread; the reader thread emits through it (queued to the GUI)."""

    answered = Signal(int, object, str)
    """(ticket, result, error message or '')"""


class ReadRunner(QObject):
    """One reader thread with a read-only connection; answers come back by signal.

    The thread is a daemon Python thread fed by a queue (it never outlives the process,
    and closing the window ends it after the read in progress)."""

    failed = Signal(str)

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library = library
        """Used directly (on the GUI thread) when the library is not a file (in memory)."""
        self._path = Path(library.path)
        self._tickets = 0
        self._latest: dict[str, int] = {}
        self._waiting: dict[int, tuple[str, Callable[[Any], None]]] = {}
        self._queue: queue.Queue[tuple[int, Query] | None] = queue.Queue()
        self._bridge = _Bridge(self)
        self._bridge.answered.connect(self._answered)
        self._thread: threading.Thread | None = None

    def _is_current(self, ticket: int) -> bool:
        """Called on the reader thread: dict reads are atomic in CPython."""
        key = self._waiting.get(ticket, ("", None))[0]
        return self._latest.get(key) == ticket

    def _stop_unless(self, ticket: int) -> Callable[[], bool]:
        """SQLite's progress handler for a read: True (stop) once it is superseded."""
        return lambda: not self._is_current(ticket)

    def _run(self) -> None:
        """The reader thread: answer each question in turn, with its own connection."""
        library: Library | None = None
        try:
            while (job := self._queue.get()) is not None:
                ticket, query = job
                if not self._is_current(ticket):
                    self._bridge.answered.emit(ticket, None, "")  # superseded
                    continue
                try:
                    if library is None:
                        library = Library(self._path, readonly=True, check=False)
                    # SQLite asks every PROGRESS_STEPS steps whether to go on: a read that
                    # was superseded stops at once instead of running to its end
                    library.db.conn.set_progress_handler(self._stop_unless(ticket),
                                                         PROGRESS_STEPS)
                    result = query(library)
                except Exception as error:  # the thread boundary: report, never die
                    if self._is_current(ticket):
                        log.exception("background read failed")
                    self._bridge.answered.emit(ticket, None, str(error) or type(error).__name__)
                    continue
                self._bridge.answered.emit(ticket, result, "")
        finally:
            if library is not None:
                library.close()

    def ask(self, key: str, query: Query, done: Callable[[Any], None]) -> int:
        """Run ``query`` in the background; ``done(result)`` unless superseded."""
        self._tickets += 1
        ticket = self._tickets
        self._waiting[ticket] = (key, done)
        self._latest[key] = ticket
        if not self._library.is_file:
            self._answered(ticket, query(self._library), "")
            return ticket
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="baokan-reader", daemon=True)
            self._thread.start()
        self._queue.put((ticket, query))
        return ticket

    def pending(self, key: str) -> bool:
        """Whether an answer for ``key`` is still to come."""
        return self._latest.get(key) in self._waiting

    @Slot(int, object, str)
    def _answered(self, ticket: int, result: object, error: str) -> None:
        key, done = self._waiting.pop(ticket, ("", None))
        if done is None or self._latest.get(key) != ticket:
            return
        if error:
            self.failed.emit(error)
            return
        done(result)

    def shutdown(self) -> None:
        """Drop what is still asked, let the read in progress finish, end the thread."""
        self._latest.clear()
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join(timeout=10)
            self._thread = None


class LibraryWatch(QObject):
    """Every ``interval_ms``, ask the library what other programs changed (and whether its
    file was deleted or replaced) and hand it to ``apply``; skipped while ``busy()``."""

    def __init__(self, library: Library, busy: Callable[[], bool],
                 apply: Callable[[Any], None], interval_ms: int,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library, self._busy, self._apply = library, busy, apply
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)
        self.timer.start()

    @Slot()
    def poll(self) -> None:
        if not self._busy() and (changes := self._library.poll()):
            self._apply(changes)
