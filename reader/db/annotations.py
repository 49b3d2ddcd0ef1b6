"""Tags, notes and entity corrections: the user's own work, stored and never lost."""

from __future__ import annotations

import uuid

import sqlite_utils

from reader.core.anchor import make_anchor
from reader.core.records import NoteRow, TagRow
from reader.db.connection import transaction
from reader.db.store import entity_id, now


class AnnotationError(ValueError):
    """A request the library refuses, with a message for the user (unknown tag, bad range)."""


# ---------------------------------------------------------------- tags


def tag_id(db: sqlite_utils.Database, name: str, *, create: bool, color: str = "") -> int:
    name = name.strip()
    if not name:
        raise AnnotationError("a tag needs a name")
    row = db.execute("SELECT id FROM tags WHERE name = ?", [name]).fetchone()
    if row:
        return int(row[0])
    if not create:
        raise AnnotationError(f"no tag named “{name}”")
    cursor = db.execute("INSERT INTO tags (name, color, created) VALUES (?, ?, ?)",
                        [name, color, now()])
    return int(cursor.lastrowid or 0)


def add_tag(db: sqlite_utils.Database, article_id: int, name: str) -> bool:
    """Tag an article; False if it already had the tag."""
    with transaction(db):
        _require_article(db, article_id)
        tag = tag_id(db, name, create=True)
        cursor = db.execute(
            "INSERT OR IGNORE INTO article_tags (article_id, tag_id, created) VALUES (?,?,?)",
            [article_id, tag, now()])
    return cursor.rowcount > 0


def remove_tag(db: sqlite_utils.Database, article_id: int, name: str) -> bool:
    with transaction(db):
        tag = tag_id(db, name, create=False)
        cursor = db.execute("DELETE FROM article_tags WHERE article_id = ? AND tag_id = ?",
                            [article_id, tag])
    return cursor.rowcount > 0


def list_tags(db: sqlite_utils.Database) -> list[TagRow]:
    rows = db.execute(
        "SELECT t.id, t.name, t.color, count(at.article_id) FROM tags t "
        "LEFT JOIN article_tags at ON at.tag_id = t.id GROUP BY t.id ORDER BY t.name"
    ).fetchall()
    return [TagRow(*r) for r in rows]


def article_tags(db: sqlite_utils.Database, article_id: int) -> list[str]:
    rows = db.execute(
        "SELECT t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id "
        "WHERE at.article_id = ? ORDER BY t.name", [article_id]).fetchall()
    return [str(r[0]) for r in rows]


def rename_tag(db: sqlite_utils.Database, old: str, new: str) -> None:
    """Rename a tag; renaming onto an existing tag merges the two."""
    with transaction(db):
        source = tag_id(db, old, create=False)
        existing = db.execute("SELECT id FROM tags WHERE name = ?", [new.strip()]).fetchone()
        if existing and int(existing[0]) != source:
            _merge_into(db, source, int(existing[0]))
        else:
            db.execute("UPDATE tags SET name = ? WHERE id = ?", [new.strip(), source])


def merge_tags(db: sqlite_utils.Database, sources: list[str], target: str) -> None:
    with transaction(db):
        into = tag_id(db, target, create=True)
        for name in sources:
            source = tag_id(db, name, create=False)
            if source != into:
                _merge_into(db, source, into)


def _merge_into(db: sqlite_utils.Database, source: int, target: int) -> None:
    db.execute("INSERT OR IGNORE INTO article_tags (article_id, tag_id, created) "
               "SELECT article_id, ?, created FROM article_tags WHERE tag_id = ?",
               [target, source])
    db.execute("DELETE FROM tags WHERE id = ?", [source])


def delete_tag(db: sqlite_utils.Database, name: str) -> None:
    with transaction(db):
        db.execute("DELETE FROM tags WHERE id = ?", [tag_id(db, name, create=False)])


def set_tag_color(db: sqlite_utils.Database, name: str, color: str) -> None:
    with transaction(db):
        db.execute("UPDATE tags SET color = ? WHERE id = ?",
                   [color, tag_id(db, name, create=False)])


# ---------------------------------------------------------------- notes

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
        text = _require_article(db, article_id)
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


def _require_article(db: sqlite_utils.Database, article_id: int) -> str:
    row = db.execute("SELECT body FROM articles WHERE id = ?", [article_id]).fetchone()
    if row is None:
        raise AnnotationError(f"no article {article_id}")
    return str(row[0])


# ---------------------------------------------------------------- entity corrections


def add_correction(db: sqlite_utils.Database, action: str, type_: str, name: str,
                   target: str = "") -> None:
    """Record a rejection or a merge and apply it to what is already stored."""
    with transaction(db):
        db.execute(
            "INSERT OR REPLACE INTO entity_corrections (action, type, name, target, created) "
            "VALUES (?,?,?,?,?)", [action, type_, name, target, now()])
        if action == "reject":
            db.execute("DELETE FROM entities WHERE type = ? AND name = ?", [type_, name])
        else:
            _apply_merge(db, type_, name, target)


def _apply_merge(db: sqlite_utils.Database, type_: str, alias: str, target: str) -> None:
    row = db.execute("SELECT id FROM entities WHERE type = ? AND name = ?",
                     [type_, alias]).fetchone()
    if row is None:
        return
    into = entity_id(db, type_, target)
    # a span that already names the target stays once: the alias's copy goes with it
    db.execute("UPDATE OR IGNORE entity_mentions SET entity_id = ? WHERE entity_id = ?",
               [into, row[0]])
    db.execute("DELETE FROM entities WHERE id = ?", [row[0]])


def list_corrections(db: sqlite_utils.Database) -> list[tuple[str, str, str, str]]:
    rows = db.execute(
        "SELECT action, type, name, target FROM entity_corrections ORDER BY id").fetchall()
    return [(str(a), str(t), str(n), str(g)) for a, t, n, g in rows]
