"""Entities: their ids, where each is mentioned, and the reader's corrections (reject, merge)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator

import sqlite_utils

from reader.core.model import Entity
from reader.core.records import Mention
from reader.core.spans import in_body
from reader.db.connection import now, transaction


def entity_id(db: sqlite_utils.Database, type_: str, name: str) -> int:
    """The id of the entity ``(type, name)``, created if new."""
    row = db.execute("SELECT id FROM entities WHERE type = ? AND name = ?",
                     [type_, name]).fetchone()
    if row:
        return int(row[0])
    cursor = db.execute("INSERT INTO entities (type, name) VALUES (?, ?)", [type_, name])
    return int(cursor.lastrowid or 0)


SENTENCE_ENDS = "。！？!?；;\n"


SENTENCE_MAX = 80
"""A mention's context is cut to at most this many characters either side."""


def sentence_around(body: str, start: int, end: int) -> str:
    """The sentence of ``body`` holding ``start:end`` (clamped to SENTENCE_MAX each side)."""
    left, right = sentence_span(body, start, end)
    return body[left:right]


def sentence_span(body: str, start: int, end: int) -> tuple[int, int]:
    """Where ``sentence_around`` cuts ``body``: (left, right), white space trimmed."""
    left = max((body.rfind(mark, 0, start) for mark in SENTENCE_ENDS), default=-1) + 1
    rights = [i for i in (body.find(mark, end) for mark in SENTENCE_ENDS) if i >= 0]
    right = min(rights) + 1 if rights else len(body)
    left, right = max(left, start - SENTENCE_MAX), min(right, end + SENTENCE_MAX)
    while left < right and body[left].isspace():
        left += 1
    while right > left and body[right - 1].isspace():
        right -= 1
    return left, right


_SENTENCE_END = re.compile("[" + re.escape(SENTENCE_ENDS) + "]")


def sentence_spans(body: str, spans: Iterable[tuple[int, int]]
                   ) -> Iterator[tuple[int, int]]:
    """``sentence_span`` of each of many spans of one ``body``, its sentence ends found
    once (the per-mention export: a decade has millions of mentions)."""
    ends = [found.start() for found in _SENTENCE_END.finditer(body)]
    for start, end in spans:
        before = bisect_left(ends, start)  # the ends left of ``start``: rfind(mark, 0, start)
        left = ends[before - 1] + 1 if before else 0
        after = bisect_left(ends, end)  # the first end at or after ``end``: find(mark, end)
        right = ends[after] + 1 if after < len(ends) else len(body)
        left, right = max(left, start - SENTENCE_MAX), min(right, end + SENTENCE_MAX)
        while left < right and body[left].isspace():
            left += 1
        while right > left and body[right - 1].isspace():
            right -= 1
        yield left, right


def entity_mentions(db: sqlite_utils.Database, type_: str, name: str,
                    limit: int = 200) -> list[Mention]:
    """Mentions of the entity ``(type, name)`` in live articles, newest issue first."""
    rows = db.execute(
        'SELECT a.id, coalesce(i.title, \'\'), i.date, a.title, a.body, m.start, m."end" '
        "FROM entity_mentions m JOIN entities e ON e.id = m.entity_id "
        "JOIN articles a ON a.id = m.article_id LEFT JOIN issues i ON i.id = a.issue_id "
        "WHERE e.type = ? AND e.name = ? AND a.removed = 0 "
        "ORDER BY i.date IS NULL, i.date DESC, a.position, m.start LIMIT ?",
        [type_, name, limit],
    ).fetchall()
    mentions = []
    for article_id, issue, date, title, body, start, end in rows:
        left, right = sentence_span(body, start, end)
        mentions.append(Mention(article_id, issue, date, title, body[left:right], start, end,
                                start - left))
    return mentions


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


def remove_correction(db: sqlite_utils.Database, action: str, type_: str,
                      name: str) -> tuple[str, str, str, str] | None:
    """Forget a rejection or a merge; returns it (None if there was none). The mentions it
    removed come back only when their articles are analysed again (``replace_mentions``)."""
    row = db.execute("SELECT action, type, name, target FROM entity_corrections "
                     "WHERE action = ? AND type = ? AND name = ?",
                     [action, type_, name]).fetchone()
    if row is None:
        return None
    db.execute("DELETE FROM entity_corrections WHERE action = ? AND type = ? AND name = ?",
               [action, type_, name])
    return (str(row[0]), str(row[1]), str(row[2]), str(row[3]))


def correction_list(db: sqlite_utils.Database) -> list[tuple[str, str, str, str, str]]:
    """(action, type, name, target, created) of every correction, newest first."""
    rows = db.execute("SELECT action, type, name, target, created FROM entity_corrections "
                      "ORDER BY id DESC").fetchall()
    return [(str(a), str(t), str(n), str(g), str(c)) for a, t, n, g, c in rows]


def articles_containing(db: sqlite_utils.Database, text: str) -> list[int]:
    """Live articles whose text holds ``text`` (where a restored name may be found)."""
    rows = db.execute("SELECT id FROM articles WHERE removed = 0 AND instr(body, ?) > 0 "
                      "ORDER BY id", [text]).fetchall()
    return [int(row[0]) for row in rows]


def mention_rows(db: sqlite_utils.Database, article_id: int, found: list[Entity],
                 starts: list[int]) -> list[tuple[int, int, int, int]]:
    """(article, body start, body end, entity id) of an article's analysed entities
    (paragraph offsets turned into body offsets), creating the entities it names."""
    return [
        (article_id, *where, entity_id(db, e.type, e.canonical or e.text))
        for e in found
        if (where := in_body(starts, e.paragraph, e.start, e.end)) is not None
    ]


def insert_mentions(db: sqlite_utils.Database, rows: list[tuple[int, int, int, int]]) -> None:
    db.conn.executemany(  # the same span of the same entity twice is one mention
        'INSERT OR IGNORE INTO entity_mentions (article_id, start, "end", entity_id) '
        "VALUES (?,?,?,?)", rows,
    )


def replace_mentions(db: sqlite_utils.Database, article_id: int, found: list[Entity],
                     starts: list[int]) -> None:
    """An article's mentions as a new analysis found them; entities left without any
    mention go."""
    db.execute("DELETE FROM entity_mentions WHERE article_id = ?", [article_id])
    insert_mentions(db, mention_rows(db, article_id, found, starts))


def drop_unmentioned(db: sqlite_utils.Database, among: Iterable[int] | None = None) -> None:
    """Delete the entities no article mentions: all of them, or those of ``among`` (the
    entities some articles mentioned before they were analysed again: no full scan)."""
    unmentioned = ("NOT EXISTS (SELECT 1 FROM entity_mentions m "
                   "WHERE m.entity_id = entities.id)")
    if among is None:
        db.execute(f"DELETE FROM entities WHERE {unmentioned}")
        return
    db.conn.executemany(f"DELETE FROM entities WHERE id = ? AND {unmentioned}",
                        [(entity,) for entity in among])


def mentioned_by(db: sqlite_utils.Database, article_ids: list[int]) -> set[int]:
    """Ids of the entities these articles mention."""
    found: set[int] = set()
    for article_id in article_ids:
        rows = db.execute("SELECT DISTINCT entity_id FROM entity_mentions "
                          "WHERE article_id = ?", [article_id])
        found.update(int(row[0]) for row in rows)
    return found


def list_corrections(db: sqlite_utils.Database) -> list[tuple[str, str, str, str]]:
    rows = db.execute(
        "SELECT action, type, name, target FROM entity_corrections ORDER BY id").fetchall()
    return [(str(a), str(t), str(n), str(g)) for a, t, n, g in rows]
