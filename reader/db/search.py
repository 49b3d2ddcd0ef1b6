"""Full-text search over titles and bodies (FTS5 over bigrams), with filters."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from reader.core.fts import Query, parse_query, snippet


@dataclass(frozen=True)
class Filters:
    """Restrictions that combine with a query (all optional)."""

    tag: str | None = None
    entity: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    kinds: tuple[str, ...] = ()


@dataclass(frozen=True)
class Hit:
    article_id: int
    issue_id: int | None
    issue_title: str
    issue_date: str | None
    kind: str
    title: str
    snippet: str
    rank: float
    terms: list[str] = field(default_factory=list)


def search(db: sqlite_utils.Database, query: str, filters: Filters = Filters(),
           limit: int = 50) -> list[Hit]:
    """Articles matching ``query`` (may be empty when filters are given), best first.

    Raises ``reader.core.fts.QueryError`` with a user-facing message for bad syntax.
    """
    parsed = parse_query(query) if query.strip() else None
    where, args = _filters_sql(filters)
    if parsed is not None:
        _add_query(parsed, where, args)
    rank = "bm25(articles_fts, 5.0, 1.0)" if parsed is not None else "0.0"
    join = "JOIN articles_fts ON articles_fts.rowid = a.id" if rank != "0.0" else ""
    sql = (
        f"SELECT a.id, a.issue_id, coalesce(i.title, ''), i.date, a.kind, a.title, a.body, "
        f"{rank} AS rank FROM articles a {join} LEFT JOIN issues i ON i.id = a.issue_id "
        f"WHERE {' AND '.join(where)} ORDER BY rank, i.date DESC, a.id LIMIT ?"
    )
    rows = db.execute(sql, [*args, limit]).fetchall()
    terms = parsed.terms if parsed is not None else []
    return [
        Hit(r[0], r[1], r[2], r[3], r[4], r[5], snippet(r[5] + "\n" + r[6], terms), r[7], terms)
        for r in rows
    ]


def _filters_sql(filters: Filters) -> tuple[list[str], list[Any]]:
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
