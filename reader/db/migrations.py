"""Versioned schema migrations (PRAGMA user_version), with a backup before each upgrade."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path, PurePosixPath, PureWindowsPath

import sqlite_utils

from reader.core.fts import index_text
from reader.core.issue_details import NAME, Details, combine, details_from_name
from reader.db import related

SCHEMA_V1 = """
CREATE TABLE issues (
    id INTEGER PRIMARY KEY,
    source_name TEXT NOT NULL,
    source_path TEXT NOT NULL DEFAULT '',
    sha256 TEXT NOT NULL UNIQUE,
    encoding TEXT NOT NULL,
    title TEXT NOT NULL,
    date TEXT,
    item_count INTEGER NOT NULL,
    char_count INTEGER NOT NULL DEFAULT 0,
    warnings TEXT NOT NULL DEFAULT '[]',
    imported_at TEXT NOT NULL
);
CREATE INDEX issues_source_name ON issues(source_name);
CREATE INDEX issues_date ON issues(date);

CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    issue_id INTEGER REFERENCES issues(id) ON DELETE SET NULL,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('article', 'photo', 'fragment')),
    title TEXT NOT NULL DEFAULT '',
    title_lines TEXT NOT NULL DEFAULT '[]',
    bylines TEXT NOT NULL DEFAULT '[]',
    byline TEXT NOT NULL DEFAULT '',
    credit TEXT NOT NULL DEFAULT '',
    duplicate_of INTEGER REFERENCES articles(id) ON DELETE SET NULL,
    body TEXT NOT NULL DEFAULT '',
    removed INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX articles_issue ON articles(issue_id, position);

CREATE TABLE paragraphs (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('text', 'subhead', 'caption')),
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    PRIMARY KEY (article_id, position)
) WITHOUT ROWID;

CREATE TABLE entities (
    id INTEGER PRIMARY KEY,
    type TEXT NOT NULL CHECK (type IN ('person', 'place', 'org')),
    name TEXT NOT NULL,
    UNIQUE (type, name)
);

CREATE TABLE entity_mentions (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
);
CREATE INDEX entity_mentions_article ON entity_mentions(article_id);
CREATE INDEX entity_mentions_entity ON entity_mentions(entity_id);

CREATE TABLE figures (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    value REAL,
    upper REAL,
    unit TEXT NOT NULL DEFAULT '',
    norm TEXT NOT NULL DEFAULT '',
    qualifier TEXT NOT NULL DEFAULT '',
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
);
CREATE INDEX figures_article ON figures(article_id);
CREATE INDEX figures_kind_value ON figures(kind, value);

CREATE TABLE tags (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    color TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL
);

CREATE TABLE article_tags (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    created TEXT NOT NULL,
    PRIMARY KEY (article_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX article_tags_tag ON article_tags(tag_id);

CREATE TABLE notes (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE RESTRICT,
    start INTEGER,
    "end" INTEGER,
    quote TEXT NOT NULL DEFAULT '',
    prefix TEXT NOT NULL DEFAULT '',
    suffix TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'attached'
        CHECK (status IN ('attached', 'moved', 'detached')),
    body TEXT NOT NULL DEFAULT '',
    color TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,
    updated TEXT NOT NULL
);
CREATE INDEX notes_article ON notes(article_id);

CREATE TABLE entity_corrections (
    id INTEGER PRIMARY KEY,
    action TEXT NOT NULL CHECK (action IN ('reject', 'merge')),
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    target TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,
    UNIQUE (action, type, name)
);

CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, tokenize = 'unicode61', prefix = '1');
"""

APPLICATION_ID = 0x42414F4B
"""``PRAGMA application_id`` of a Baokan library ("BAOK"): tells it from other SQLite files."""

LEGACY_TABLES = frozenset({"issues", "articles", "notes", "tags"})
"""Tables that mark a library written before the application id was set (schema 1)."""

SCHEMA_V2 = """
CREATE TABLE papers (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    created TEXT NOT NULL
);
ALTER TABLE issues ADD COLUMN paper_id INTEGER REFERENCES papers(id);
ALTER TABLE issues ADD COLUMN source_key TEXT NOT NULL DEFAULT '';
CREATE INDEX issues_paper ON issues(paper_id, date);
"""

SCHEMA_V3 = """
CREATE TABLE split_fixes (
    id INTEGER PRIMARY KEY,
    issue_id INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
    action TEXT NOT NULL CHECK (action IN
        ('split', 'join', 'title', 'subhead', 'body', 'byline', 'copy', 'original')),
    line TEXT NOT NULL,
    nth INTEGER NOT NULL DEFAULT 0,
    line_before TEXT NOT NULL DEFAULT '',
    target TEXT NOT NULL DEFAULT '',
    target_nth INTEGER NOT NULL DEFAULT 0,
    target_before TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL
);
CREATE INDEX split_fixes_issue ON split_fixes(issue_id, id);
CREATE TABLE issue_layouts (
    issue_id INTEGER PRIMARY KEY REFERENCES issues(id) ON DELETE CASCADE,
    parse BLOB NOT NULL
);
"""
"""The reader's corrections of an issue's split, in the order made, and the parse they
apply to (zlib-compressed baokan.issue/1 JSON, kept only for issues that have any)."""

UNSORTED_PAPER = "Unsorted"
"""The paper of an issue whose origin is unknown (imported before papers existed)."""

SCHEMA_COMPACT = """
CREATE TABLE entity_mentions_v3 (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    PRIMARY KEY (article_id, start, "end", entity_id)
) WITHOUT ROWID;
INSERT OR IGNORE INTO entity_mentions_v3 (article_id, start, "end", entity_id)
    SELECT article_id, start, "end", entity_id FROM entity_mentions;
DROP TABLE entity_mentions;
ALTER TABLE entity_mentions_v3 RENAME TO entity_mentions;
CREATE INDEX entity_mentions_entity ON entity_mentions(entity_id, article_id);
DROP INDEX figures_kind_value;
DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5(body, title, tokenize = 'unicode61', content = '')
"""

PAGE_SIZE = 16_384
"""Page size of a library (new ones; old ones when schema 4 compacts them). With 4 KiB
pages an article of 2-4 KB leaves most of a page empty: 61 MB for 45 MB of articles on
the decade, 49 MB with 16 KiB pages."""
TEXT_ENCODING = "UTF-16be"
"""How a new library stores text: a Hanzi takes 2 bytes in UTF-16 against 3 in UTF-8, so
the articles' text takes a third less room (SQL functions count characters either way;
the search index keeps its own UTF-8 terms). Big-endian, because SQLite's BINARY
collation compares the stored bytes: in UTF-16BE that is code-point order, as in UTF-8,
except that characters beyond U+FFFF sort before U+E000-U+FFFF. A library made before
keeps UTF-8: SQLite fixes a file's encoding when it is created."""

SCHEMA_DETAILS = """
ALTER TABLE issues ADD COLUMN edition TEXT;
ALTER TABLE issues ADD COLUMN number TEXT;
ALTER TABLE issues ADD COLUMN date_from TEXT NOT NULL DEFAULT '';
ALTER TABLE issues ADD COLUMN edition_from TEXT NOT NULL DEFAULT '';
ALTER TABLE issues ADD COLUMN number_from TEXT NOT NULL DEFAULT '';
ALTER TABLE issues ADD COLUMN read_details TEXT NOT NULL DEFAULT '{}';
CREATE TABLE issue_corrections (
    paper_id INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
    source_key TEXT NOT NULL,
    field TEXT NOT NULL CHECK (field IN ('date', 'edition', 'number')),
    value TEXT,
    created TEXT NOT NULL,
    PRIMARY KEY (paper_id, source_key, field)
) WITHOUT ROWID
"""
"""Issue details (issue 15): edition and number beside the date, where each was read, what
was read (under the user's corrections), and the corrections by the issue's identity."""

Migration = Callable[[sqlite_utils.Database], None]


def _run(db: sqlite_utils.Database, script: str) -> None:
    for statement in script.split(";\n"):
        if statement.strip():
            db.execute(statement)


def _v1(db: sqlite_utils.Database) -> None:
    _run(db, SCHEMA_V1)


def _v2(db: sqlite_utils.Database) -> None:
    """Papers: an issue is identified by its paper and its name within the paper.

    Issues of a schema-1 library get the name of the folder they were imported from
    (the last part of their stored path), else ``Unsorted``; their key is their file name.
    """
    _run(db, SCHEMA_V2)
    rows = db.execute("SELECT id, source_name, source_path FROM issues ORDER BY id").fetchall()
    taken: set[tuple[int, str]] = set()
    for issue_id, name, path in rows:
        pure = PureWindowsPath if "\\" in str(path) else PurePosixPath
        folder = pure(str(path)).parent.name if path else ""
        paper = ensure_paper(db, folder or UNSORTED_PAPER)
        key = str(name)
        if (paper, key) in taken:
            key = f"{key}#{issue_id}"
        taken.add((paper, key))
        db.execute("UPDATE issues SET paper_id = ?, source_key = ? WHERE id = ?",
                   [paper, key, issue_id])
    db.execute("CREATE UNIQUE INDEX issues_identity ON issues(paper_id, source_key)")
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def ensure_paper(db: sqlite_utils.Database, name: str) -> int:
    row = db.execute("SELECT id FROM papers WHERE name = ?", [name]).fetchone()
    if row:
        return int(row[0])
    stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    cursor = db.execute("INSERT INTO papers (name, created) VALUES (?, ?)", [name, stamp])
    return int(cursor.lastrowid or 0)


def _v3(db: sqlite_utils.Database) -> None:
    """Split corrections (issue 12): a new table and the parse each applies to."""
    _run(db, SCHEMA_V3)


def _store_text_once(db: sqlite_utils.Database) -> None:
    """A compact library: the text is stored once.

    The search index becomes contentless (it kept a second, bigram-expanded copy of every
    title and body, 2.4 times the text) and loses its one-character prefix index (43 MB
    on the decade; a one-character query is now a prefix scan of the bigrams). Its body
    column comes first, so the position lists of body tokens carry no column marker.
    Mention rows drop their ``text`` (always the body between ``start`` and ``end``) and
    their rowid; the index on figures' kind and value, which no query uses, goes (figures
    keep their rowid and text: the figures table addresses rows by rowid). No note, tag or
    correction is touched; the file itself shrinks when ``migrate`` compacts it afterwards.
    """
    _run(db, SCHEMA_COMPACT)
    rows = db.execute("SELECT id, body, title FROM articles").fetchall()
    db.conn.executemany("INSERT INTO articles_fts (rowid, body, title) VALUES (?, ?, ?)",
                        [(r[0], index_text(r[1]), index_text(r[2])) for r in rows])


def _issue_details(db: sqlite_utils.Database) -> None:
    """Edition, number and where each detail came from; corrections that outlive a
    re-import. An issue's date so far came from its file name; its name and folders are
    read again (``2024/08/30/01.txt`` now has a date and an edition); its text is read at
    its next import."""
    _run(db, SCHEMA_DETAILS)
    rows = db.execute("SELECT id, date, source_key FROM issues").fetchall()
    for issue_id, day, key in rows:
        old = Details(date=day, date_from=NAME if day else "")
        read = combine(old, details_from_name(str(key)))
        stored = {k: v for k, v in read.__dict__.items() if v}
        db.execute("UPDATE issues SET date = ?, edition = ?, number = ?, date_from = ?, "
                   "edition_from = ?, number_from = ?, read_details = ? WHERE id = ?",
                   [read.date, read.edition, read.number, read.date_from, read.edition_from,
                    read.number_from, json.dumps(stored, ensure_ascii=False), issue_id])


def _near_duplicates(db: sqlite_utils.Database) -> None:
    """The same story across issues (issue 15). Schema 6 stored each article's MinHash
    signature, its LSH band keys a row each and the related pairs found at import; schema
    7 replaced all three with one band index (``_band_index``), so a library older than
    schema 6 gets only that, made once."""


V6_TABLES = ("related_articles", "article_bands", "article_signatures")
"""The near-duplicate tables of schema 6 (the pairs' index goes with its table)."""


def _band_index(db: sqlite_utils.Database) -> None:
    """The near-duplicate detector in a tenth of the room (issue 13): a row a band key
    holding the ids of the articles that have it, and no signatures or pairs; related
    articles are found when they are asked for. The keys are made again from the stored
    text and the file is compacted after (16 s for a decade of 24,000 articles, once)."""
    for table in V6_TABLES:
        db.execute(f"DROP TABLE IF EXISTS {table}")
    _run(db, related.SCHEMA)
    related.rebuild(db)


def _analysis_stamp(db: sqlite_utils.Database) -> None:
    """Which analysis found an issue's entity mentions (``reader.core.analyze.stamp``):
    an import writes it; the issues of an upgraded library get ``''`` (unknown), so their
    mentions are made again by the current analysis (``Library.refresh_analysis``)."""
    db.execute("ALTER TABLE issues ADD COLUMN analysis TEXT NOT NULL DEFAULT ''")


MIGRATIONS: list[Migration] = [_v1, _v2, _v3, _store_text_once, _issue_details,
                               _near_duplicates, _band_index, _analysis_stamp]
"""MIGRATIONS[n] takes the schema from user_version n to n + 1."""


def schema_version(db: sqlite_utils.Database) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def migrate(db: sqlite_utils.Database, path: Path | None) -> int:
    """Bring the schema up to date; back the file up first if it already holds data.

    Returns the number of migrations applied. A library written by a newer version of
    the app is refused rather than damaged.
    """
    current = schema_version(db)
    if current > len(MIGRATIONS):
        raise sqlite3.DatabaseError(
            f"the library was written by a newer Baokan Reader (schema {current}); "
            "please update the app"
        )
    pending = MIGRATIONS[current:]
    if pending and current > 0 and path is not None:
        backup_before_migration(db, path, current)
    for version, step in enumerate(pending, start=current + 1):
        db.execute("BEGIN IMMEDIATE")
        try:
            step(db)
            db.execute(f"PRAGMA user_version = {version}")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
    if current > 0 and _drops_much(current, pending):
        compact(db)
    return len(pending)


def _drops_much(current: int, pending: list[Migration]) -> bool:
    """Whether the upgrade from ``current`` drops tables that held much of the file (the
    second copy of the text; schema 6's detector tables, 16 % of a decade's file), which
    would stay as free pages until a VACUUM."""
    return _store_text_once in pending or current == MIGRATIONS.index(_band_index)


def compact(db: sqlite_utils.Database) -> bool:
    """Rewrite the file without its free pages, with ``PAGE_SIZE`` pages if it can.

    The page size changes only outside WAL mode, which needs the only connection to the
    file; when another one is open the file is still vacuumed, with its old page size.
    Returns whether the page size is now ``PAGE_SIZE``. Never raises for a busy file: the
    library stays correct, only bigger.
    """
    wal = str(db.execute("PRAGMA journal_mode").fetchone()[0]).lower() == "wal"
    with contextlib.suppress(sqlite3.OperationalError):  # another connection: keep WAL
        if wal:
            db.execute("PRAGMA journal_mode = DELETE")
        db.execute(f"PRAGMA page_size = {PAGE_SIZE}")
    with contextlib.suppress(sqlite3.OperationalError):  # busy: free pages stay
        db.execute("VACUUM")
    if wal:
        db.execute("PRAGMA journal_mode = WAL")
    return int(db.execute("PRAGMA page_size").fetchone()[0]) == PAGE_SIZE


def backups_dir(path: Path) -> Path:
    """Where the automatic backups of the library at ``path`` live: a folder beside it."""
    return path.with_name(path.name + ".backups")


def backup_before_migration(db: sqlite_utils.Database, path: Path, version: int) -> Path:
    """Copy the library into its backups folder before its schema ``version`` is upgraded."""
    stamp = time.strftime("%Y%m%dT%H%M%S")
    return backup_to(db, backups_dir(path) / f"{path.stem}-{stamp}-before-upgrade-v{version}"
                                              f"{path.suffix or '.sqlite'}")


def backup_to(db: sqlite_utils.Database, destination: str | Path) -> Path:
    """Copy the whole library to ``destination`` with SQLite's online backup API.

    The copy is written beside the destination and renamed into place when complete.
    """
    destination = Path(destination)
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".partial")
    partial.unlink(missing_ok=True)
    target = sqlite3.connect(str(partial))
    try:
        db.conn.backup(target)
        target.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
    finally:
        target.close()
    os.replace(partial, destination)  # a backup cut short never looks like a backup
    return destination
