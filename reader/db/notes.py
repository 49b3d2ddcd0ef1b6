"""Notes on passages and whole articles, and re-anchoring them when the text changes."""

from __future__ import annotations

import uuid

import sqlite_utils

from reader.core.anchor import Anchor, make_anchor, reanchor
from reader.core.records import (
    NoteRow,
)
from reader.db.annotations import AnnotationError
from reader.db.articles import require_article
from reader.db.connection import now, transaction


def reanchor_notes(db: sqlite_utils.Database, article_id: int, body: str,
                   only: int | None = None) -> None:
    """Re-attach every passage note of an article to its changed text."""
    rows = db.execute(
        'SELECT id, start, "end", quote, prefix, suffix FROM notes '
        "WHERE article_id = ? AND quote != '' AND (? IS NULL OR id = ?)",
        [article_id, only, only],
    ).fetchall()
    for note_id, start, end, quote, prefix, suffix in rows:
        anchor = Anchor(start if start is not None else -1, end if end is not None else -1,
                        quote, prefix, suffix)
        found = reanchor(anchor, body)
        if found.status == "detached":
            db.execute("UPDATE notes SET status = 'detached' WHERE id = ?", [note_id])
        else:
            status = "attached" if found.status == "exact" else "moved"
            db.execute('UPDATE notes SET start = ?, "end" = ?, status = ? WHERE id = ?',
                       [found.start, found.end, status, note_id])


def restore_note(db: sqlite_utils.Database, note: NoteRow) -> int:
    """Put a deleted note back as it was (same uid, passage, status, dates); its new id."""
    with transaction(db):
        cursor = db.execute(
            'INSERT INTO notes (uid, article_id, start, "end", quote, prefix, suffix, status, '
            "body, color, created, updated) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            [note.uid, note.article_id, note.start, note.end, note.quote, note.prefix,
             note.suffix, note.status, note.body, note.color, note.created, note.updated])
    return int(cursor.lastrowid or 0)


_NOTE_COLUMNS = ('id, uid, article_id, start, "end", quote, prefix, suffix, status, body, '
                 "color, created, updated")


def add_note(
    db: sqlite_utils.Database, article_id: int, body: str, start: int | None = None,
    end: int | None = None, color: str = "", uid: str | None = None,
    expected: str | None = None,
) -> int:
    """Add a note on the passage ``start:end`` of an article's text, or on the whole article.

    ``expected`` is the passage as the caller showed it: when the stored text differs
    there (the article was re-imported meanwhile), the note is refused, never pinned to
    other words.
    """
    with transaction(db):
        text = require_article(db, article_id)
        quote, prefix, suffix = _passage(text, start, end, expected)
        stamp = now()
        cursor = db.execute(
            f"INSERT INTO notes ({_NOTE_COLUMNS.replace('id, ', '', 1)}) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            [uid or uuid.uuid4().hex, article_id, start, end, quote, prefix, suffix,
             "attached", body, color, stamp, stamp])
    return int(cursor.lastrowid or 0)


def _passage(text: str, start: int | None, end: int | None,
             expected: str | None) -> tuple[str, str, str]:
    """(quote, prefix, suffix) of the passage ``start:end``, checked; blank for a whole article."""
    if start is None and end is None:
        return "", "", ""
    if start is None or end is None or not 0 <= start < end <= len(text):
        raise AnnotationError(f"passage {start}–{end} is outside the article (0–{len(text)})")
    if expected is not None and text[start:end] != expected:
        raise AnnotationError("the article's text changed since it was shown (it was "
                              "re-imported); select the passage again")
    anchor = make_anchor(text, start, end)
    return anchor.quote, anchor.prefix, anchor.suffix


def update_note(db: sqlite_utils.Database, note_id: int, *, body: str | None = None,
                color: str | None = None) -> None:
    with transaction(db):
        note = get_note(db, note_id)
        db.execute("UPDATE notes SET body = ?, color = ?, updated = ? WHERE id = ?",
                   [note.body if body is None else body,
                    note.color if color is None else color, now(), note_id])


def delete_note(db: sqlite_utils.Database, note_id: int) -> NoteRow:
    """Delete a note at the user's request; returns it so the deletion can be undone."""
    with transaction(db):
        note = get_note(db, note_id)
        db.execute("DELETE FROM notes WHERE id = ?", [note_id])
    return note


def get_note(db: sqlite_utils.Database, note_id: int) -> NoteRow:
    row = db.execute(f"SELECT {_NOTE_COLUMNS} FROM notes WHERE id = ?", [note_id]).fetchone()
    if row is None:
        raise AnnotationError(f"no note {note_id}")
    return NoteRow(*row)


def list_notes(db: sqlite_utils.Database, article_id: int | None = None) -> list[NoteRow]:
    where, args = ("WHERE article_id = ?", [article_id]) if article_id is not None else ("", [])
    rows = db.execute(
        f"SELECT {_NOTE_COLUMNS} FROM notes {where} ORDER BY article_id, start, id", args
    ).fetchall()
    return [NoteRow(*r) for r in rows]

