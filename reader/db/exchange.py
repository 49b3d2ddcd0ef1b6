"""Rows for exchange with other tools: citations, the REFI-QDA project, the mentions CSV."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

import sqlite_utils

from reader.core.citation import citation
from reader.core.qdpx import QdaCode, QdaNote, QdaSource
from reader.db.entities import sentence_spans

MENTION_COLUMNS = ["paper", "issue_date", "edition", "issue", "article_id", "article_title",
                   "entity", "type", "start", "end", "sentence", "text"]


def issue_details(db: sqlite_utils.Database, alias: str = "i") -> tuple[str, str]:
    """SQL for the edition (版次) and number (期) of the issue ``alias``, '' where unknown
    (the one place the exports read them)."""
    return (f"coalesce(CAST({alias}.edition AS TEXT), '')",
            f"coalesce(CAST({alias}.number AS TEXT), '')")


_FROM = ("FROM articles a LEFT JOIN issues i ON i.id = a.issue_id "
         "LEFT JOIN papers p ON p.id = i.paper_id ")
_ORDER = "ORDER BY p.name, i.date, i.title, a.position"


def citation_of(db: sqlite_utils.Database, article_id: int) -> str | None:
    """The article's citation (GB/T 7714), None if there is no such article."""
    edition, _ = issue_details(db)
    row = db.execute(f"SELECT a.bylines, a.title, coalesce(p.name, ''), i.date, {edition} "
                     f"{_FROM} WHERE a.id = ?", [article_id]).fetchone()
    if row is None:
        return None
    return citation(json.loads(row[0]), row[1], row[2], row[3], row[4])


# ---------------------------------------------------------------- REFI-QDA


def qdpx_codes(db: sqlite_utils.Database) -> list[QdaCode]:
    """Every tag, as a code."""
    rows = db.execute("SELECT id, name, color FROM tags ORDER BY name").fetchall()
    return [QdaCode(int(i), str(n), str(c or "")) for i, n, c in rows]


def qdpx_article_ids(db: sqlite_utils.Database, tag: str | None = None,
                     paper: str | None = None, every: bool = False) -> list[int]:
    """The articles to export, in reading order: those with a tag or a note (``every``:
    all of them), only those tagged ``tag`` and of ``paper`` when given."""
    where = ["(? OR a.id IN (SELECT article_id FROM article_tags) "
             "OR a.id IN (SELECT article_id FROM notes))"]
    args: list[Any] = [int(every)]
    if tag is not None:
        where.append("a.id IN (SELECT at.article_id FROM article_tags at JOIN tags t "
                     "ON t.id = at.tag_id WHERE t.name = ?)")
        args.append(tag)
    if paper is not None:
        where.append("p.name = ?")
        args.append(paper)
    rows = db.execute(f"SELECT a.id {_FROM} WHERE {' AND '.join(where)} {_ORDER}", args)
    return [int(row[0]) for row in rows.fetchall()]


def _codes_by_article(db: sqlite_utils.Database) -> dict[int, list[tuple[int, str]]]:
    found: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for article, tag, created in db.execute(
            "SELECT at.article_id, at.tag_id, at.created FROM article_tags at "
            "JOIN tags t ON t.id = at.tag_id ORDER BY t.name").fetchall():
        found[int(article)].append((int(tag), str(created or "")))
    return found


def _notes_by_article(db: sqlite_utils.Database) -> dict[int, list[QdaNote]]:
    found: dict[int, list[QdaNote]] = defaultdict(list)
    for row in db.execute('SELECT article_id, uid, body, start, "end", quote, created, '
                          "updated FROM notes ORDER BY start IS NOT NULL, start, id"
                          ).fetchall():
        found[int(row[0])].append(QdaNote(row[1], row[2] or "", row[3], row[4], row[5] or "",
                                          row[6] or "", row[7] or ""))
    return found


def qdpx_sources(db: sqlite_utils.Database, ids: list[int]
                 ) -> Iterator[tuple[QdaSource, str]]:
    """Each article of ``ids`` as a text source with its text, one at a time (the texts of
    a decade do not fit in memory together)."""
    codes, notes = _codes_by_article(db), _notes_by_article(db)
    edition, number = issue_details(db)
    query = (f"SELECT a.title, a.bylines, a.body, coalesce(p.name, ''), i.date, {edition}, "
             f"{number}, coalesce(i.title, ''), coalesce(i.imported_at, '') {_FROM} "
             "WHERE a.id = ?")
    for article_id in ids:
        row = db.execute(query, [article_id]).fetchone()
        if row is None:
            continue
        title, bylines, body, paper, date, ed, num, issue, imported = row
        yield QdaSource(
            article_id, title, paper, date, ed, num, issue,
            citation(json.loads(bylines), title, paper, date, ed), imported,
            tuple(codes.get(article_id, ())), tuple(notes.get(article_id, ()))), body


def paper_exists(db: sqlite_utils.Database, name: str) -> bool:
    return db.execute("SELECT 1 FROM papers WHERE name = ?", [name]).fetchone() is not None


def tag_exists(db: sqlite_utils.Database, name: str) -> bool:
    return db.execute("SELECT 1 FROM tags WHERE name = ?", [name]).fetchone() is not None


# ---------------------------------------------------------------- mentions


def mention_rows(db: sqlite_utils.Database) -> Iterator[list[Any]]:
    """One row per entity mention in a live article (MENTION_COLUMNS), in reading order,
    streamed: an article's text and mentions are read when its turn comes, so memory
    holds one article whatever the size of the corpus."""
    edition, _ = issue_details(db)
    articles = db.conn.execute(
        f"SELECT a.id, coalesce(p.name, ''), i.date, {edition}, coalesce(i.title, ''), "
        f"a.title {_FROM} WHERE a.removed = 0 AND EXISTS "
        f"(SELECT 1 FROM entity_mentions m WHERE m.article_id = a.id) {_ORDER}")
    for article_id, *where in articles:
        body = db.conn.execute("SELECT body FROM articles WHERE id = ?",
                               [article_id]).fetchone()[0]
        mentions = db.conn.execute(
            'SELECT m.start, m."end", e.name, e.type FROM entity_mentions m '
            "JOIN entities e ON e.id = m.entity_id WHERE m.article_id = ? "
            'ORDER BY m.start, m."end", e.type', [article_id]).fetchall()
        cuts = sentence_spans(body, [(start, end) for start, end, _n, _t in mentions])
        for (start, end, name, kind), (left, right) in zip(mentions, cuts, strict=True):
            yield [*where[:4], article_id, where[4], name, kind, start, end,
                   body[left:right], body[start:end]]
