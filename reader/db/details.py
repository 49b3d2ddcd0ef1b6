"""Issue details: what was read of an issue's date, edition and number, the user's
corrections (kept by the issue's identity, so a re-import keeps them), the values shown."""

from __future__ import annotations

import json

import sqlite_utils

from reader.core.issue_details import FIELDS, USER, Details
from reader.db.connection import now

Corrections = dict[str, str | None]
"""The user's value of each corrected field (None: the user says there is none)."""


def _identity(db: sqlite_utils.Database, issue_id: int) -> tuple[int, str]:
    row = db.execute("SELECT paper_id, source_key FROM issues WHERE id = ?",
                     [issue_id]).fetchone()
    if row is None:
        raise LookupError(f"no issue {issue_id}")
    return int(row[0]), str(row[1])


def read_of(db: sqlite_utils.Database, issue_id: int) -> Details:
    """What was read of the issue (name, folders, page headers), before corrections."""
    row = db.execute("SELECT read_details FROM issues WHERE id = ?", [issue_id]).fetchone()
    if row is None:
        raise LookupError(f"no issue {issue_id}")
    stored = json.loads(row[0] or "{}")
    return Details(**{k: v for k, v in stored.items() if k in Details.__dataclass_fields__})


def store_read(db: sqlite_utils.Database, issue_id: int, read: Details) -> None:
    """Keep what an import read of the issue and show it, under the user's corrections."""
    stored = {k: v for k, v in read.__dict__.items() if v}
    db.execute("UPDATE issues SET read_details = ? WHERE id = ?",
               [json.dumps(stored, ensure_ascii=False), issue_id])
    refresh(db, issue_id)


def corrections(db: sqlite_utils.Database, issue_id: int) -> Corrections:
    """The user's corrections of the issue, by field."""
    paper, key = _identity(db, issue_id)
    rows = db.execute("SELECT field, value FROM issue_corrections WHERE paper_id = ? AND "
                      "source_key = ?", [paper, key]).fetchall()
    return {str(r[0]): None if r[1] is None else str(r[1]) for r in rows}


def replace_corrections(db: sqlite_utils.Database, issue_id: int,
                        values: Corrections) -> None:
    """Make ``values`` the issue's corrections (the others go) and show the result."""
    paper, key = _identity(db, issue_id)
    db.execute("DELETE FROM issue_corrections WHERE paper_id = ? AND source_key = ?",
               [paper, key])
    db.conn.executemany(
        "INSERT INTO issue_corrections (paper_id, source_key, field, value, created) "
        "VALUES (?,?,?,?,?)",
        [(paper, key, name, value, now()) for name, value in values.items()
         if name in FIELDS])
    refresh(db, issue_id)


def refresh(db: sqlite_utils.Database, issue_id: int) -> Details:
    """Write the values shown for the issue: each corrected field the user's, the others
    what was read. Returns them."""
    shown = effective(read_of(db, issue_id), corrections(db, issue_id))
    db.execute("UPDATE issues SET date = ?, edition = ?, number = ?, date_from = ?, "
               "edition_from = ?, number_from = ? WHERE id = ?",
               [shown.date, shown.edition, shown.number, shown.date_from,
                shown.edition_from, shown.number_from, issue_id])
    return shown


def effective(read: Details, corrected: Corrections) -> Details:
    """``read`` with the user's corrections over it (a cleared field: no value, from the
    user)."""
    values: dict[str, str | None] = {}
    for name in FIELDS:
        if name in corrected:
            values[name], values[f"{name}_from"] = corrected[name], USER
        else:
            values[name], values[f"{name}_from"] = read.value(name), read.origin(name)
    return Details(**values)  # type: ignore[arg-type]
