"""One writer per library: a QLockFile beside the library file (``<db>.lock``).

The first app instance holds the lock for as long as it runs; a second instance on the
same library finds it held, warns, and opens the library read-only (SQLite in WAL mode
lets it read while the first one writes). A lock left by a crashed instance is stale: Qt
sees that its process is gone and takes it over. The lock is held for hours, so its age
proves nothing: the stale time is 0 (never stale by age, only by a dead owner).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile

STALE_LOCK_MS = 0
"""QLockFile's stale time: 0 = judge a lock by its owner process, not by its age."""


def lock_path(db_path: str | Path) -> Path:
    """The lock file of the library at ``db_path``: ``<db>.lock`` beside it."""
    path = Path(db_path)
    return path.with_name(path.name + ".lock")


class LibraryLock:
    """The exclusive right to write one library file, for this process's lifetime."""

    def __init__(self, db_path: str | Path) -> None:
        self.path = lock_path(db_path)
        self._lock = QLockFile(str(self.path))
        self._lock.setStaleLockTime(STALE_LOCK_MS)

    def acquire(self) -> bool:
        """Take the lock unless a live instance holds it (a stale lock is taken over)."""
        if self._lock.isLocked():
            return True
        self.path.parent.mkdir(parents=True, exist_ok=True)
        return self._lock.tryLock(0)

    def is_held(self) -> bool:
        return self._lock.isLocked()

    def holder(self) -> int | None:
        """The process id of the instance holding the lock, when it can be read."""
        pid, _host, _app = self._lock.getLockInfo()
        return int(pid) if pid > 0 else None

    def release(self) -> None:
        if self._lock.isLocked():
            self._lock.unlock()
