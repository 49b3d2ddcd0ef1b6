"""Where the bytes of a library file go: per table and index (dbstat), against its text."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from reader.db.connection import db_file


def table_sizes(db: sqlite_utils.Database) -> list[tuple[str, int]]:
    """Bytes of every table and index (pages, with their unused space), biggest first."""
    rows = db.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC")
    return [(str(name), int(size)) for name, size in rows.fetchall()]


def text_bytes(db: sqlite_utils.Database) -> int:
    """UTF-8 bytes of the text the articles hold (titles and bodies), whatever encoding the
    file stores it in (a CAST to BLOB would count UTF-16 bytes in a UTF-16 library)."""
    total = 0
    for title, body in db.execute("SELECT title, body FROM articles"):
        total += len((title or "").encode("utf-8", "surrogatepass"))
        total += len((body or "").encode("utf-8", "surrogatepass"))
    return total


def file_bytes(db: sqlite_utils.Database) -> int:
    """Size of the library file with its write-ahead log checkpointed into it."""
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    path = db_file(db)
    return Path(path).stat().st_size if path is not None else 0
