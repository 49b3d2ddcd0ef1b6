"""Store the reader's split corrections of an issue and the parse they apply to."""

from __future__ import annotations

import json
import zlib

import sqlite_utils

from reader.core.issue_json import issue_from_json, issue_to_json
from reader.core.model import Issue, Item, Paragraph, Source
from reader.core.records import FixRecord
from reader.core.splits import FixRow, SplitFix, fix_to_row, fixes_from_rows
from reader.db.connection import now

_COLUMNS = "action, line, nth, line_before, target, target_nth, target_before"


def add_fix(db: sqlite_utils.Database, issue_id: int, fix: SplitFix,
            created: str | None = None) -> int:
    cursor = db.execute(
        f"INSERT INTO split_fixes (issue_id, {_COLUMNS}, created) VALUES (?,?,?,?,?,?,?,?,?)",
        [issue_id, *fix_to_row(fix), created or now()])
    return int(cursor.lastrowid or 0)


def remove_fix(db: sqlite_utils.Database, fix_id: int) -> FixRecord:
    record = get_fix(db, fix_id)
    db.execute("DELETE FROM split_fixes WHERE id = ?", [fix_id])
    return record


def get_fix(db: sqlite_utils.Database, fix_id: int) -> FixRecord:
    rows = _records(db, "WHERE id = ?", [fix_id])
    if not rows:
        raise LookupError(f"no split correction {fix_id}")
    return rows[0]


def list_fixes(db: sqlite_utils.Database, issue_id: int | None = None) -> list[FixRecord]:
    """The corrections of one issue (or of all), in the order they were made."""
    if issue_id is None:
        return _records(db, "", [])
    return _records(db, "WHERE issue_id = ?", [issue_id])


def fix_rows(db: sqlite_utils.Database, issue_id: int) -> tuple[FixRow, ...]:
    """An issue's corrections as plain rows, for a worker process."""
    return tuple(tuple(row) for row in db.execute(
        f"SELECT {_COLUMNS} FROM split_fixes WHERE issue_id = ? ORDER BY id", [issue_id]))


def _records(db: sqlite_utils.Database, where: str, params: list[object]) -> list[FixRecord]:
    rows = db.execute(f"SELECT id, issue_id, {_COLUMNS}, created FROM split_fixes {where} "
                      "ORDER BY issue_id, id", params).fetchall()
    return [FixRecord(int(r[0]), int(r[1]), fixes_from_rows([tuple(r[2:9])])[0], str(r[9]))
            for r in rows]


# ---------------------------------------------------------------- the parse they apply to


def save_parse(db: sqlite_utils.Database, issue_id: int, issue: Issue) -> None:
    """Keep the parse of an issue (before corrections) so corrections can be replayed."""
    data = zlib.compress(json.dumps(issue_to_json(issue), ensure_ascii=False).encode(), 6)
    db.execute("INSERT OR REPLACE INTO issue_layouts (issue_id, parse) VALUES (?, ?)",
               [issue_id, data])


def drop_parse(db: sqlite_utils.Database, issue_id: int) -> None:
    db.execute("DELETE FROM issue_layouts WHERE issue_id = ?", [issue_id])


def load_parse(db: sqlite_utils.Database, issue_id: int) -> Issue | None:
    row = db.execute("SELECT parse FROM issue_layouts WHERE issue_id = ?",
                     [issue_id]).fetchone()
    if row is None:
        return None
    return issue_from_json(json.loads(zlib.decompress(row[0]).decode()))


def stored_issue(db: sqlite_utils.Database, issue_id: int) -> Issue:
    """The issue as the library shows it (live articles in order), as a parsed Issue."""
    head = db.execute("SELECT title, date, source_name, sha256, encoding, warnings "
                      "FROM issues WHERE id = ?", [issue_id]).fetchone()
    if head is None:
        raise LookupError(f"no issue {issue_id}")
    issue = Issue(head[0], head[1], Source(head[2], head[3], head[4]),
                  warnings=list(json.loads(head[5] or "[]")))
    rows = db.execute(
        "SELECT id, kind, title_lines, bylines, byline, credit, duplicate_of, body "
        "FROM articles WHERE issue_id = ? AND removed = 0 ORDER BY position",
        [issue_id]).fetchall()
    position = {int(r[0]): n for n, r in enumerate(rows)}
    for n, (article_id, kind, titles, bylines, byline, credit, dup, body) in enumerate(rows):
        spans = db.execute('SELECT kind, start, "end" FROM paragraphs WHERE article_id = ? '
                           "ORDER BY position", [article_id]).fetchall()
        issue.items.append(Item(
            n, kind, list(json.loads(titles)), list(json.loads(bylines)), byline, credit,
            [Paragraph(k, body[s:e]) for k, s, e in spans],
            position.get(dup) if dup is not None else None))
    return issue


def article_position(db: sqlite_utils.Database, article_id: int) -> tuple[int, int]:
    """(issue id, position among the issue's live articles) of an article."""
    row = db.execute("SELECT issue_id, removed FROM articles WHERE id = ?",
                     [article_id]).fetchone()
    if row is None or row[0] is None:
        raise LookupError(f"no article {article_id}")
    if row[1]:
        raise LookupError("that article is no longer in its issue")
    ids = [int(r[0]) for r in db.execute(
        "SELECT id FROM articles WHERE issue_id = ? AND removed = 0 ORDER BY position",
        [row[0]])]
    return int(row[0]), ids.index(article_id)


def source_path(db: sqlite_utils.Database, issue_id: int) -> str:
    row = db.execute("SELECT source_path FROM issues WHERE id = ?", [issue_id]).fetchone()
    if row is None:
        raise LookupError(f"no issue {issue_id}")
    return str(row[0])
