"""Open the library's SQLite file: WAL, foreign keys, busy timeout, migrations applied."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import platformdirs
import sqlite_utils

from reader.db.migrations import backup_to, migrate

__all__ = ["StorageError", "backup_to", "connect", "default_path", "integrity_errors"]

BUSY_TIMEOUT_MS = 10_000
DB_ENV = "BAOKAN_DB"


class StorageError(RuntimeError):
    """An expected failure of the database file: locked, read-only, full or corrupt."""


def default_path() -> Path:
    """The library file: ``$BAOKAN_DB`` if set, else ``library.sqlite`` in the user data dir."""
    configured = os.environ.get(DB_ENV)
    if configured:
        return Path(configured).expanduser()
    return Path(platformdirs.user_data_dir("baokan-reader", appauthor=False)) / "library.sqlite"


def connect(path: str | Path | None = None, *, readonly: bool = False) -> sqlite_utils.Database:
    """Open (creating if needed) and migrate the library at ``path``.

    ``":memory:"`` opens a private in-memory library (tests). The connection is in
    autocommit mode; writes are grouped with ``db.atomic()``.
    """
    target = ":memory:" if str(path) == ":memory:" else Path(path or default_path())
    try:
        conn = _open(target, readonly)
        db = sqlite_utils.Database(conn)
        if not readonly:
            migrate(db, None if target == ":memory:" else Path(target))
    except sqlite3.DatabaseError as error:
        raise StorageError(f"cannot open the library {target}: {error}") from error
    return db


def _open(target: str | Path, readonly: bool) -> sqlite3.Connection:
    if isinstance(target, Path) and not readonly:
        target.parent.mkdir(parents=True, exist_ok=True)
    if readonly:
        conn = sqlite3.connect(f"{Path(target).as_uri()}?mode=ro", uri=True,
                               isolation_level=None, check_same_thread=False)
    else:
        conn = sqlite3.connect(str(target), isolation_level=None, check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    if not readonly and target != ":memory:":
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
    return conn


def integrity_errors(db: sqlite_utils.Database) -> list[str]:
    """The problems ``PRAGMA integrity_check`` and ``foreign_key_check`` report; [] if none."""
    rows = [r[0] for r in db.execute("PRAGMA integrity_check").fetchall()]
    problems = [] if rows == ["ok"] else rows
    problems += [str(r) for r in db.execute("PRAGMA foreign_key_check").fetchall()]
    return problems
