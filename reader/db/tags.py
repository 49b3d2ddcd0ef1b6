"""Tags: on articles, renamed, merged, deleted, coloured."""

from __future__ import annotations

import sqlite_utils

from reader.core.records import (
    TagRow,
    TagState,
)
from reader.db.annotations import AnnotationError
from reader.db.articles import require_article
from reader.db.connection import now, transaction


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
        require_article(db, article_id)
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
    if not new.strip():
        raise AnnotationError("a tag needs a name")
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


def tag_states(db: sqlite_utils.Database, names: list[str]) -> list[TagState]:
    """The tags named ``names`` (those that exist) with the articles they are on."""
    states = []
    for name in dict.fromkeys(n.strip() for n in names):
        row = db.execute("SELECT id, name, color, created FROM tags WHERE name = ?",
                         [name]).fetchone()
        if row is None:
            continue
        links = db.execute("SELECT article_id, created FROM article_tags WHERE tag_id = ? "
                           "ORDER BY article_id", [row[0]]).fetchall()
        states.append(TagState(int(row[0]), str(row[1]), str(row[2]), str(row[3]),
                               tuple((int(a), str(c)) for a, c in links)))
    return states


def restore_tags(db: sqlite_utils.Database, touched: list[str], states: list[TagState]
                 ) -> None:
    """Put the tags named ``touched`` back as ``states`` (taken before a change to them)
    say: a name without a state is gone again, each state's tag has its name, colour,
    id (when still free) and exactly its articles (those that still exist)."""
    with transaction(db):
        for name in touched:
            db.execute("DELETE FROM tags WHERE name = ?", [name.strip()])
        for state in states:
            cursor = db.execute(
                "INSERT INTO tags (id, name, color, created) VALUES (CASE WHEN EXISTS "
                "(SELECT 1 FROM tags WHERE id = :id) THEN NULL ELSE :id END, :name, :color, "
                ":created)", {"id": state.id, "name": state.name, "color": state.color,
                              "created": state.created})
            db.conn.executemany(
                "INSERT INTO article_tags (article_id, tag_id, created) SELECT ?, ?, ? "
                "WHERE EXISTS (SELECT 1 FROM articles WHERE id = ?)",
                [(article, cursor.lastrowid, created, article)
                 for article, created in state.links])
