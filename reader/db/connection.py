"""Open the library's SQLite file safely: checked, migrated, WAL, and one way to write."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import platformdirs
import sqlite_utils

from reader.db.migrations import (
    APPLICATION_ID,
    LEGACY_TABLES,
    PAGE_SIZE,
    TEXT_ENCODING,
    backup_to,
    migrate,
    schema_version,
)

__all__ = ["DB_ERRORS", "Opened", "StorageError", "backup_to", "connect", "default_path",
           "integrity_errors", "lock_holder", "quick_check", "transaction"]

BUSY_TIMEOUT_MS = 10_000
BUSY_ENV = "BAOKAN_BUSY_TIMEOUT_MS"
"""Overrides how long a writer waits for another one (milliseconds; scripts and tests)."""
DB_ENV = "BAOKAN_DB"
DB_ERRORS = (sqlite3.Error,)
"""What the SQLite driver raises; the facade turns it into a StorageError for the user."""


class StorageError(RuntimeError):
    """An expected failure of the library file, with a message for the user."""


class NoLibrary(StorageError):
    """The path names no library file (and the caller did not ask to create one)."""


class NotALibrary(StorageError):
    """The file exists but is not a Baokan library: refused untouched."""


class LibraryBusy(StorageError):
    """Another connection kept the library locked for longer than the busy timeout."""


Database = sqlite_utils.Database
"""The connection type the facade passes around (it imports no SQL library itself)."""

def default_path() -> Path:
    """The library file: ``$BAOKAN_DB`` if set, else ``library.sqlite`` in the user data dir."""
    configured = os.environ.get(DB_ENV)
    if configured:
        return Path(configured).expanduser()
    return Path(platformdirs.user_data_dir("baokan-reader", appauthor=False)) / "library.sqlite"


@dataclass
class Opened:
    """An open library and what was found on opening it."""

    db: sqlite_utils.Database
    readonly: bool
    damage: list[str] = field(default_factory=list)
    """What ``PRAGMA quick_check`` reported; a damaged library is opened read-only."""


def connect(path: str | Path | None = None, *, readonly: bool = False,
            create: bool = True) -> sqlite_utils.Database:
    """Open (creating if allowed) and migrate the library at ``path``; see ``open_library``."""
    opened = open_library(path, readonly=readonly, create=create)
    if opened.damage and not readonly:
        opened.db.close()
        raise StorageError(damage_message(Path(str(path)), opened.damage))
    return opened.db


def open_library(path: str | Path | None = None, *, readonly: bool = False,
                 create: bool = True, check: bool = True) -> Opened:
    """Open the library at ``path``: refuse what is not a library, check it, migrate it.

    ``":memory:"`` opens a private in-memory library (tests). A file that does not exist
    is created only when ``create`` is true; a file that is not a Baokan library (and is
    not empty) is refused untouched; a damaged one is opened read-only with ``damage``
    saying what is wrong. The connection is in autocommit mode; writes use
    ``transaction(db)``.
    """
    target: str | Path = ":memory:" if str(path) == ":memory:" else Path(path or default_path())
    if isinstance(target, Path):
        _check_target(target, readonly, create)
    try:
        conn = _open(target, readonly)
    except sqlite3.Error as error:
        raise StorageError(f"cannot open the library {target}: {error}") from error
    db = sqlite_utils.Database(conn)
    try:
        _check_identity(db, target)
        if not readonly and target != ":memory:":
            if not db.table_names():  # a new file: settings that only a new file takes
                conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")
                conn.execute(f"PRAGMA encoding = '{TEXT_ENCODING}'")
            _set_wal(conn)
        damage = quick_check(db) if check and target != ":memory:" else []
        if damage:
            readonly = True
        elif not readonly:
            migrate(db, None if target == ":memory:" else Path(target))
    except StorageError:
        conn.close()
        raise
    except sqlite3.Error as error:
        conn.close()
        raise StorageError(_explain(target, error)) from error
    return Opened(db, readonly, damage)


def _check_target(target: Path, readonly: bool, create: bool) -> None:
    if target.is_dir():
        raise StorageError(f"{target} is a folder, not a library file")
    if target.exists():
        return
    if readonly or not create:
        raise NoLibrary(f"no library at {target}")
    target.parent.mkdir(parents=True, exist_ok=True)


def _explain(target: str | Path, error: sqlite3.Error) -> str:
    text = str(error)
    if "not a database" in text or "malformed" in text:
        return f"{target} is not a readable library file ({text})"
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return (f"the library {target} cannot be written ({text}): the file or its folder is "
                "read-only; commands that only read still work, changes cannot be saved")
    return f"cannot open the library {target}: {text}"


def busy_timeout_ms() -> int:
    try:
        return max(0, int(os.environ.get(BUSY_ENV, BUSY_TIMEOUT_MS)))
    except ValueError:
        return BUSY_TIMEOUT_MS


def _open(target: str | Path, readonly: bool) -> sqlite3.Connection:
    if readonly and isinstance(target, Path):
        conn = _open_read_only(target)
    else:
        conn = sqlite3.connect(str(target), isolation_level=None, check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {busy_timeout_ms()}")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _open_read_only(target: Path) -> sqlite3.Connection:
    """Read-only; in a folder nobody can write, the file is opened as immutable."""
    uri = target.resolve().as_uri()
    mode = "mode=ro" if os.access(target.parent, os.W_OK) else "mode=ro&immutable=1"
    conn = sqlite3.connect(f"{uri}?{mode}", uri=True, isolation_level=None,
                           check_same_thread=False)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        conn.close()  # a WAL file without its -shm in a read-only place
        conn = sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, isolation_level=None,
                               check_same_thread=False)
    return conn


def _set_wal(conn: sqlite3.Connection) -> None:
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.OperationalError as error:
        if "readonly" not in str(error):
            raise


def _check_identity(db: sqlite_utils.Database, target: str | Path) -> None:
    """Refuse an SQLite file of another program (it keeps its tables, untouched)."""
    tables = set(db.table_names())
    if not tables:
        return
    app_id = int(db.execute("PRAGMA application_id").fetchone()[0])
    if app_id == APPLICATION_ID:
        return
    if app_id == 0 and tables >= LEGACY_TABLES and schema_version(db) >= 1:
        return  # a library written before the application id was set
    raise NotALibrary(f"{target} is an SQLite database of another program, not a Baokan "
                      "library; it was left untouched (choose another file or a new name)")


def quick_check(db: sqlite_utils.Database) -> list[str]:
    """What ``PRAGMA quick_check`` finds wrong with the file; [] when it is sound."""
    try:
        rows = [str(r[0]) for r in db.execute("PRAGMA quick_check(20)").fetchall()]
    except sqlite3.DatabaseError as error:
        return [str(error)]
    return [] if rows == ["ok"] else rows


def damage_message(path: Path, damage: list[str]) -> str:
    """One line: what is wrong and the way out."""
    return (f"the library {path} is damaged ({damage[0]}); it is open read-only. Restore a "
            "backup (baokan backup --list, then --restore) or run baokan repair, which copies "
            "what is readable into a new file and keeps the old one")


def integrity_errors(db: sqlite_utils.Database) -> list[str]:
    """The problems ``PRAGMA integrity_check`` and ``foreign_key_check`` report; [] if none."""
    rows = [r[0] for r in db.execute("PRAGMA integrity_check").fetchall()]
    problems = [] if rows == ["ok"] else rows
    problems += [str(r) for r in db.execute("PRAGMA foreign_key_check").fetchall()]
    return problems


# ---------------------------------------------------------------- writing


@contextmanager
def transaction(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """Group writes: ``BEGIN IMMEDIATE`` (nested: a savepoint), commit or roll back.

    Taking the write lock at the start means a read-then-write never fails half-way
    because another process wrote in between; a writer waits up to the busy timeout,
    then fails with one line that says what holds the library.
    """
    conn = db.conn
    if conn.in_transaction:
        with db.atomic():
            yield db
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as error:
        raise _busy_or_raise(db, error) from error
    try:
        yield db
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    try:
        conn.execute("COMMIT")
    except sqlite3.OperationalError as error:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise _busy_or_raise(db, error) from error


def _busy_or_raise(db: sqlite_utils.Database, error: sqlite3.OperationalError) -> Exception:
    if "locked" not in str(error) and "busy" not in str(error):
        return error
    path = db_file(db)
    holder = lock_holder(path) if path is not None else None
    who = f"Baokan Reader (process {holder})" if holder else "another program"
    seconds = busy_timeout_ms() / 1000
    return LibraryBusy(f"the library {path} is busy: {who} has been writing it for more "
                       f"than {seconds:g} s; try again when it has finished")


def db_file(db: sqlite_utils.Database) -> Path | None:
    """The file behind a connection (None for an in-memory library)."""
    for _seq, name, file in db.execute("PRAGMA database_list").fetchall():
        if name == "main" and file:
            return Path(file)
    return None


def lock_holder(path: Path) -> int | None:
    """The process named in the window's lock file beside the library, if it is alive."""
    lock = path.with_name(path.name + ".lock")
    try:
        first = lock.read_text(encoding="utf-8", errors="replace").split("\n", 1)[0]
        pid = int(first.strip())
    except (OSError, ValueError):
        return None
    return pid if _alive(pid) else None


def _alive(pid: int) -> bool:
    if os.name == "nt":
        return True  # the lock file is only written while its owner runs
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def is_failure(error: BaseException) -> bool:
    """Whether a driver error means the file cannot be written (disk full, I/O, gone,
    read-only, damaged), as opposed to a bug in a query or a broken constraint."""
    return isinstance(error, sqlite3.OperationalError | sqlite3.DatabaseError) and not \
        isinstance(error, sqlite3.IntegrityError | sqlite3.ProgrammingError |
                   sqlite3.InterfaceError)


def data_version(db: sqlite_utils.Database) -> int:
    """``PRAGMA data_version``: changes whenever another connection commits to the file."""
    return int(db.execute("PRAGMA data_version").fetchone()[0])


def now() -> str:
    """The current time as an ISO 8601 string in UTC, to the second."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()
