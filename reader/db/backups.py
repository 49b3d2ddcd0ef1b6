"""Automatic backups beside the library (SQLite backup API), their list, restore and repair."""

from __future__ import annotations

import os
import re
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from reader.db import related
from reader.db.annotations import AnnotationError
from reader.db.connection import StorageError, open_library, quick_check, transaction
from reader.db.migrations import backup_to, backups_dir, ensure_paper, migrate
from reader.db.search import reindex_all

KEEP = 5
"""How many automatic backups are kept (the oldest go first)."""
DAY_SECONDS = 24 * 3600
_NAME = re.compile(r"-(\d{8}T\d{6})(?:-(\d+))?-([a-z][a-z0-9-]*)\.[a-z0-9]+$")


@dataclass(frozen=True)
class Backup:
    """One backup file of the library."""

    path: Path
    made: str
    """When, as ``YYYY-MM-DD HH:MM:SS`` local time."""
    reason: str
    """``daily``, ``before-import``, ``before-restore``, ``before-upgrade-v1``, ``manual`` …"""
    size: int
    sequence: int = 1
    """Several backups made within one second are numbered in order."""


def list_backups(library: Path) -> list[Backup]:
    """The backups of the library at ``library``, newest first."""
    folder = backups_dir(library)
    found = []
    for path in folder.glob(f"{library.stem}-*") if folder.is_dir() else []:
        match = _NAME.search(path.name)
        if match is None or not path.is_file():
            continue
        stamp, number, reason = match.groups()
        made = time.strftime("%Y-%m-%d %H:%M:%S", time.strptime(stamp, "%Y%m%dT%H%M%S"))
        found.append(Backup(path, made, reason, path.stat().st_size, int(number or 1)))
    return sorted(found, key=lambda b: (b.made, b.sequence), reverse=True)


def make_backup(db: sqlite_utils.Database, library: Path, reason: str,
                keep: int = KEEP) -> Path:
    """Copy the library into its backups folder, then keep only the newest ``keep``."""
    stamp = time.strftime("%Y%m%dT%H%M%S")
    made = time.strftime("%Y-%m-%d %H:%M:%S", time.strptime(stamp, "%Y%m%dT%H%M%S"))
    same_second = [b.sequence for b in list_backups(library) if b.made == made]
    n = f"-{max(same_second) + 1}" if same_second else ""
    suffix = library.suffix or ".sqlite"
    target = backups_dir(library) / f"{library.stem}-{stamp}{n}-{reason}{suffix}"
    backup_to(db, target)
    for old in list_backups(library)[keep:]:
        old.path.unlink(missing_ok=True)
    return target


def due_daily(library: Path) -> bool:
    """Whether no backup of the library was made in the last 24 hours."""
    newest = list_backups(library)[:1]
    return not newest or time.time() - newest[0].path.stat().st_mtime >= DAY_SECONDS


def restore(db: sqlite_utils.Database, source: Path) -> None:
    """Put the contents of the backup ``source`` into the open library ``db``.

    The backup is checked first (a Baokan library, sound); it is copied in with the
    backup API, page by page, through SQLite, then migrated if it is older.
    """
    opened = open_library(source, readonly=True)
    try:
        if opened.damage:
            raise AnnotationError(f"the backup {source.name} is damaged "
                                  f"({opened.damage[0]}); choose another")
        theirs, ours = _encoding(opened.db), _encoding(db)
        if theirs != ours:  # SQLite cannot change an open file's text encoding
            raise AnnotationError(
                f"the backup {source.name} stores its text as {theirs} and this library as "
                f"{ours} (one of them was made by another version), so it cannot be restored "
                "into it; nothing was changed. Open a copy of the backup as its own library "
                "(--db) instead")
        _copy_in(opened.db, db)
    finally:
        opened.db.close()
    migrate(db, None)


def _encoding(db: sqlite_utils.Database) -> str:
    return str(db.execute("PRAGMA encoding").fetchone()[0])


def _page_size(db: sqlite_utils.Database) -> int:
    return int(db.execute("PRAGMA page_size").fetchone()[0])


def _copy_in(source: sqlite_utils.Database, db: sqlite_utils.Database) -> None:
    """Copy ``source`` over ``db`` with the backup API, whatever their page sizes.

    Into a WAL file the backup API copies only between equal page sizes (a backup taken
    before the schema-3 upgrade has 4 KiB pages, the upgraded library 16 KiB), so such a
    copy goes through rollback-journal mode, which needs the only connection to the file.
    """
    wal = str(db.execute("PRAGMA journal_mode").fetchone()[0]).lower() == "wal"
    switch = wal and _page_size(source) != _page_size(db)
    if switch:
        try:
            db.execute("PRAGMA journal_mode = DELETE")
        except sqlite3.OperationalError as error:
            raise StorageError("this backup has another page size and can only be restored "
                               "while no other window or program has the library open "
                               f"({error})") from error
    try:
        source.conn.backup(db.conn)
    finally:
        if switch:
            db.execute("PRAGMA journal_mode = WAL")


# ---------------------------------------------------------------- repair

_BATCH = 500


def repair(damaged: Path, target: Path) -> dict[str, int]:
    """Copy every row that can still be read from ``damaged`` into a new library ``target``.

    The damaged file is only read. Unreadable rows are skipped and counted under
    ``lost``; the search index and the related articles are rebuilt from the articles.
    Returns rows copied per table.
    """
    if target.exists():
        raise StorageError(f"{target} already exists; choose another name")
    source = sqlite3.connect(f"{damaged.resolve().as_uri()}?mode=ro", uri=True)
    fresh = open_library(target, create=True).db
    counts: dict[str, int] = {"lost": 0}
    try:
        version = int(source.execute("PRAGMA user_version").fetchone()[0])
        if version > 1:
            fresh.execute("DELETE FROM papers")
        for table in _copy_order(version):
            copied, lost = _copy_table(source, fresh, table)
            counts[table] = copied
            counts["lost"] += lost
        counts["lost"] += _mend_references(fresh)
        _rebuild_search(fresh)
    finally:
        source.close()
        fresh.close()
    return counts


def _copy_order(version: int) -> list[str]:
    tables = ["issues", "articles", "paragraphs", "entities", "entity_mentions", "figures",
              "tags", "article_tags", "notes", "entity_corrections"]
    tables += ["issue_corrections"] if version >= 5 else []
    return (["papers"] if version > 1 else []) + tables


def _copy_table(source: sqlite3.Connection, fresh: sqlite_utils.Database,
                table: str) -> tuple[int, int]:
    try:
        columns = [r[1] for r in source.execute(f'PRAGMA table_info("{table}")').fetchall()]
    except sqlite3.DatabaseError:
        return 0, 1
    wanted = {r[1] for r in fresh.execute(f'PRAGMA table_info("{table}")').fetchall()}
    columns = [c for c in columns if c in wanted]
    if not columns:
        return 0, 0
    names = ", ".join(f'"{c}"' for c in columns)
    insert = f'INSERT OR IGNORE INTO "{table}" ({names}) VALUES ({", ".join("?" * len(columns))})'
    copied = lost = 0
    fresh.execute("PRAGMA foreign_keys = OFF")
    try:
        for rows, bad in _readable_rows(source, table, names):
            lost += bad
            with transaction(fresh):
                fresh.conn.executemany(insert, rows)
            copied += len(rows)
    finally:
        fresh.execute("PRAGMA foreign_keys = ON")
    return copied, lost


def _readable_rows(source: sqlite3.Connection, table: str,
                   names: str) -> list[tuple[list[tuple[object, ...]], int]]:
    """The rows of ``table`` in batches; a batch that fails is read row by row."""
    key = "rowid" if _has_rowid(source, table) else None
    if key is None:
        try:
            return [(source.execute(f'SELECT {names} FROM "{table}"').fetchall(), 0)]
        except sqlite3.DatabaseError:
            return [([], 1)]
    try:
        top = int(source.execute(f'SELECT max(rowid) FROM "{table}"').fetchone()[0] or 0)
    except sqlite3.DatabaseError:
        top = 10_000_000
    batches = []
    for low in range(0, top + 1, _BATCH):
        sql = f'SELECT {names} FROM "{table}" WHERE rowid BETWEEN ? AND ?'
        try:
            batches.append((source.execute(sql, [low, low + _BATCH - 1]).fetchall(), 0))
        except sqlite3.DatabaseError:
            batches.append(_row_by_row(source, table, names, low))
    return batches


def _row_by_row(source: sqlite3.Connection, table: str, names: str,
                low: int) -> tuple[list[tuple[object, ...]], int]:
    rows, lost = [], 0
    for rowid in range(low, low + _BATCH):
        try:
            rows += source.execute(f'SELECT {names} FROM "{table}" WHERE rowid = ?',
                                   [rowid]).fetchall()
        except sqlite3.DatabaseError:
            lost += 1
    return rows, lost


def _has_rowid(source: sqlite3.Connection, table: str) -> bool:
    try:
        source.execute(f'SELECT rowid FROM "{table}" LIMIT 0')
    except sqlite3.DatabaseError:
        return False
    return True


LOST_TITLE = "(article lost in the damage: its notes and tags were recovered)"


def _mend_references(fresh: sqlite_utils.Database) -> int:
    """Make the copy consistent; returns how many derived rows had to go.

    A note or tag whose article was lost keeps a placeholder article (removed, with the
    notes' quotes), so nothing the reader wrote is dropped; rows derived from lost
    articles (paragraphs, mentions, figures) go, and dangling links are cleared.
    """
    with transaction(fresh):
        orphans = fresh.execute(
            "SELECT article_id FROM notes UNION SELECT article_id FROM article_tags "
            "EXCEPT SELECT id FROM articles").fetchall()
        for (article_id,) in orphans:
            quotes = [q for (q,) in fresh.execute(
                "SELECT quote FROM notes WHERE article_id = ? AND quote != ''", [article_id])]
            fresh.execute("INSERT INTO articles (id, issue_id, position, kind, title, body, "
                          "removed) VALUES (?, NULL, 0, 'fragment', ?, ?, 1)",
                          [article_id, LOST_TITLE, "\n".join(quotes)])
        dropped = 0
        for table in ("paragraphs", "entity_mentions", "figures"):
            dropped += fresh.execute(f"DELETE FROM {table} WHERE article_id NOT IN "
                                     "(SELECT id FROM articles)").rowcount
        dropped += fresh.execute("DELETE FROM entity_mentions WHERE entity_id NOT IN "
                                 "(SELECT id FROM entities)").rowcount
        dropped += fresh.execute("DELETE FROM article_tags WHERE tag_id NOT IN "
                                 "(SELECT id FROM tags)").rowcount
        fresh.execute("UPDATE articles SET issue_id = NULL WHERE issue_id NOT IN "
                      "(SELECT id FROM issues)")
        fresh.execute("UPDATE articles SET duplicate_of = NULL WHERE duplicate_of NOT IN "
                      "(SELECT id FROM articles)")
        fresh.execute("UPDATE issues SET paper_id = ? WHERE paper_id IS NULL OR paper_id "
                      "NOT IN (SELECT id FROM papers)", [ensure_paper(fresh, "Recovered")])
        fresh.execute("DELETE FROM papers WHERE name = 'Recovered' AND id NOT IN "
                      "(SELECT paper_id FROM issues)")
    return dropped


def _rebuild_search(fresh: sqlite_utils.Database) -> None:
    """The search index and the related articles, made again from the articles' text."""
    with transaction(fresh):
        reindex_all(fresh)
        related.rebuild(fresh)


def swap_in(repaired: Path, library: Path) -> Path:
    """Put a repaired copy in the library's place; the damaged file is kept, renamed."""
    stamp = time.strftime("%Y%m%dT%H%M%S")
    kept = library.with_name(f"{library.name}.damaged-{stamp}")
    os.replace(library, kept)
    for suffix in ("-wal", "-shm"):
        side = library.with_name(library.name + suffix)
        if side.exists():
            os.replace(side, kept.with_name(kept.name + suffix))
    os.replace(repaired, library)
    return kept


__all__ = ["KEEP", "Backup", "due_daily", "list_backups", "make_backup", "quick_check",
           "repair", "restore", "swap_in"]
