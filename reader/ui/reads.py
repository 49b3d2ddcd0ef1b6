"""Reads that may take longer than a frame run off the GUI thread (Anki's QueryOp).

``ReadRunner.ask(key, query, done)`` runs ``query(library)`` on one reader thread that
holds its own read-only connection, and calls ``done(result)`` on the GUI thread. A newer
question with the same ``key`` supersedes an older one: the older one is skipped if it
has not started and its answer is dropped if it has, so a filter typed quickly only ever
shows the answer for the text in the box. Only plain data crosses the threads.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from reader.library import Library

Query = Callable[[Library], Any]
log = logging.getLogger(__name__)


class _Reader(QObject):
    """Lives on the reader thread; opens its connection on first use."""

    answered = Signal(int, object, str)
    """(ticket, result, error message or '')"""

    def __init__(self, path: Path, current: Callable[[int], bool]) -> None:
        super().__init__()
        self._path = path
        self._current = current
        self._library: Library | None = None

    @Slot(int, object)
    def run(self, ticket: int, query: Query) -> None:
        if not self._current(ticket):
            self.answered.emit(ticket, None, "")  # superseded before it started
            return
        try:
            if self._library is None:
                self._library = Library(self._path, readonly=True, check=False)
            result = query(self._library)
        except Exception as error:  # the thread boundary: report, never die
            log.exception("background read failed")
            self.answered.emit(ticket, None, str(error) or type(error).__name__)
            return
        self.answered.emit(ticket, result, "")

    @Slot()
    def close(self) -> None:
        if self._library is not None:
            self._library.close()
            self._library = None


class ReadRunner(QObject):
    """One reader thread with a read-only connection; answers come back by signal."""

    failed = Signal(str)
    _asked = Signal(int, object)
    _closing = Signal()

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library = library
        """Used directly (on the GUI thread) when the library is not a file (in memory)."""
        path = Path(library.path)
        self._tickets = 0
        self._latest: dict[str, int] = {}
        self._waiting: dict[int, tuple[str, Callable[[Any], None]]] = {}
        self._thread = QThread()
        self._thread.setObjectName("baokan-reader")
        self._reader = _Reader(path, self._is_current)
        self._reader.moveToThread(self._thread)
        self._asked.connect(self._reader.run)
        self._closing.connect(self._reader.close)
        self._reader.answered.connect(self._answered)
        self._thread.start()

    def _is_current(self, ticket: int) -> bool:
        """Called on the reader thread: dict reads are atomic in CPython."""
        key = self._waiting.get(ticket, ("", None))[0]
        return self._latest.get(key) == ticket

    def ask(self, key: str, query: Query, done: Callable[[Any], None]) -> int:
        """Run ``query`` in the background; ``done(result)`` unless superseded."""
        self._tickets += 1
        ticket = self._tickets
        self._waiting[ticket] = (key, done)
        self._latest[key] = ticket
        if self._library.is_file:
            self._asked.emit(ticket, query)
        else:
            self._answered(ticket, query(self._library), "")
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
        """Let the running read finish, close the connection and end the thread."""
        self._latest.clear()
        self._closing.emit()
        self._thread.quit()
        self._thread.wait()
