"""The one thread that owns a library's writable connection.

In the window every change to the library runs here, in order (Anki's ``CollectionOp``):
the GUI thread, the import job's thread and any other caller hand ``run`` a function and
get its result (or its exception) back, while their own connections are read-only. So
there is one writer per process, writes never interleave inside a transaction, and a
long import hands the writer one issue at a time, leaving room for a tag between two.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

import sqlite_utils

from reader.db.connection import open_library

T = TypeVar("T")


class Writer:
    """A single worker thread holding the library's only writable connection."""

    def __init__(self, path: Path) -> None:
        self._ready = threading.Event()
        self._db: sqlite_utils.Database | None = None
        self._ident: int | None = None
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="baokan-writer")
        try:
            self._pool.submit(self._open, path).result()  # its error is raised here
        except BaseException:
            self._pool.shutdown(wait=True)
            raise

    def _open(self, path: Path) -> None:
        """On the writer thread: open the writable connection (the caller checked the
        file and migrated it)."""
        self._ident = threading.get_ident()
        self._db = open_library(path, check=False).db

    @property
    def db(self) -> sqlite_utils.Database:
        """The writable connection: only for code running on the writer thread."""
        assert self._db is not None and self.on_thread(), "the writer's connection is its own"
        return self._db

    def on_thread(self) -> bool:
        return threading.get_ident() == self._ident

    def run(self, work: Callable[[], T]) -> T:
        """Run ``work()`` on the writer thread after what was handed in before it, and
        return its result or raise its exception (directly when already there)."""
        if self.on_thread():
            return work()
        return self._pool.submit(work).result()

    def submit(self, work: Callable[[], T]) -> Future[T]:
        """Hand ``work`` to the writer thread without waiting for it."""
        return self._pool.submit(work)

    def close(self) -> None:
        """Finish what was handed in, close the connection, end the thread."""
        if self._db is not None:
            db, self._db = self._db, None
            self._pool.submit(db.close).result()
        self._pool.shutdown(wait=True)
