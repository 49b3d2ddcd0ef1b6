"""Full-text search over titles and bodies (FTS5 over bigrams), with filters.

``articles_fts`` is contentless (``content=''``): it holds the index, not the text. Rows
go in through ``index_article`` and out through ``unindex_article``, which re-derives the
indexed text from the article's stored title and body; so ``index_text`` must stay what it
was when the row went in (a change of the index format needs a migration that rebuilds
the table, see ``reindex_all``).
"""

from __future__ import annotations

from typing import Any

import sqlite_utils

from reader.core.fts import Query, index_text, parse_query, snippet
from reader.core.records import Filters, Hit


def search(db: sqlite_utils.Database, query: str, filters: Filters | None = None,
           limit: int = 50, offset: int = 0) -> list[Hit]:
    """Articles matching ``query`` (may be empty when filters are given), best first;
    ``offset`` skips that many (the next page).

    Raises ``reader.core.fts.QueryError`` with a user-facing message for bad syntax.
    """
    parsed = parse_query(query) if query.strip() else None
    where, args = filters_sql(filters or Filters())
    if parsed is not None:
        _add_query(parsed, where, args)
    rank = "bm25(articles_fts, 1.0, 5.0)" if parsed is not None else "0.0"  # body, title
    join = "JOIN articles_fts ON articles_fts.rowid = a.id" if parsed is not None else ""
    sql = (
        f"SELECT a.id, a.issue_id, coalesce(i.title, ''), i.date, a.kind, a.title, a.body, "
        f"{rank} AS rank FROM articles a {join} LEFT JOIN issues i ON i.id = a.issue_id "
        f"WHERE {' AND '.join(where)} ORDER BY rank, i.date DESC, a.id LIMIT ? OFFSET ?"
    )
    rows = db.execute(sql, [*args, limit, max(0, offset)]).fetchall()
    terms = parsed.terms if parsed is not None else []
    return [
        Hit(r[0], r[1], r[2], r[3], r[4], r[5], snippet(r[5] + "\n" + r[6], terms), r[7], terms,
            snippet(r[5] + "\n" + r[6], terms, mark=("", "")))
        for r in rows
    ]


def count(db: sqlite_utils.Database, query: str, filters: Filters | None = None) -> int:
    """How many articles ``search`` finds in all (every page)."""
    parsed = parse_query(query) if query.strip() else None
    where, args = filters_sql(filters or Filters())
    join = ""
    if parsed is not None:
        _add_query(parsed, where, args)
        join = "JOIN articles_fts ON articles_fts.rowid = a.id"
    return int(db.execute(
        f"SELECT count(*) FROM articles a {join} LEFT JOIN issues i ON i.id = a.issue_id "
        f"WHERE {' AND '.join(where)}", args).fetchone()[0])


def filters_sql(filters: Filters) -> tuple[list[str], list[Any]]:
    """WHERE terms (over ``articles a`` joined to ``issues i``) and their arguments for
    ``filters``: live articles, then each restriction set."""
    where = ["a.removed = 0"]
    args: list[Any] = []
    if filters.tag:
        where.append("a.id IN (SELECT at.article_id FROM article_tags at JOIN tags t "
                     "ON t.id = at.tag_id WHERE t.name = ?)")
        args.append(filters.tag)
    if filters.entity:
        where.append("a.id IN (SELECT m.article_id FROM entity_mentions m JOIN entities e "
                     "ON e.id = m.entity_id WHERE e.name = ?)")
        args.append(filters.entity)
    if filters.date_from:
        where.append("i.date >= ?")
        args.append(filters.date_from)
    if filters.date_to:
        where.append("i.date <= ?")
        args.append(filters.date_to)
    if filters.kinds:
        where.append(f"a.kind IN ({','.join('?' * len(filters.kinds))})")
        args += list(filters.kinds)
    return where, args


def _add_query(parsed: Query, where: list[str], args: list[Any]) -> None:
    where.append("articles_fts MATCH ?")
    args.append(parsed.fts)


# ---------------------------------------------------------------- the index


def index_article(db: sqlite_utils.Database, article_id: int, body: str, title: str) -> None:
    """Add an article's text to the search index (it must not be there yet)."""
    db.execute("INSERT INTO articles_fts (rowid, body, title) VALUES (?, ?, ?)",
               [article_id, index_text(body), index_text(title)])


def unindex_article(db: sqlite_utils.Database, article_id: int) -> str:
    """Take an article out of the index, before its text changes; returns its old body.

    A contentless table forgets a row only when told the tokens it was given, so they are
    derived again from the stored text.
    """
    title, body = db.execute("SELECT title, body FROM articles WHERE id = ?",
                             [article_id]).fetchone()
    db.execute("INSERT INTO articles_fts (articles_fts, rowid, body, title) "
               "VALUES ('delete', ?, ?, ?)", [article_id, index_text(body), index_text(title)])
    return str(body)


def reindex_all(db: sqlite_utils.Database) -> None:
    """Rebuild the whole index from the articles' stored text."""
    db.execute("INSERT INTO articles_fts (articles_fts) VALUES ('delete-all')")
    rows = db.execute("SELECT id, body, title FROM articles").fetchall()
    db.conn.executemany("INSERT INTO articles_fts (rowid, body, title) VALUES (?, ?, ?)",
                        [(r[0], index_text(r[1]), index_text(r[2])) for r in rows])
