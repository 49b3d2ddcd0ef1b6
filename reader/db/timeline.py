"""Timelines and co-occurrence in SQL: a series' articles counted per issue date, the
articles of a period, and the pairs of entities that share articles."""

from __future__ import annotations

from typing import Any

import sqlite_utils

from reader.core.fts import parse_query
from reader.core.records import Filters
from reader.core.timeline import ArticleRef, Pair, Series

_LIVE = ("JOIN articles a ON a.id = s.id LEFT JOIN issues i ON i.id = a.issue_id "
         "WHERE a.removed = 0")


def _series_sql(series: Series) -> tuple[str, list[Any]]:
    """A query of the series' articles: (id, n) with n its mentions (1 for a tag or a
    query hit). Raises QueryError for a query that cannot be understood."""
    if series.kind == "entity":
        return ("SELECT m.article_id AS id, count(*) AS n FROM entity_mentions m "
                "WHERE m.entity_id = (SELECT id FROM entities WHERE type = ? AND name = ?) "
                "GROUP BY m.article_id", [series.type, series.name])
    if series.kind == "tag":
        return ("SELECT at.article_id AS id, 1 AS n FROM article_tags at "
                "WHERE at.tag_id = (SELECT id FROM tags WHERE name = ?)", [series.name])
    return ("SELECT rowid AS id, 1 AS n FROM articles_fts WHERE articles_fts MATCH ?",
            [parse_query(series.name).fts])


def per_day(db: sqlite_utils.Database, series: Series, measure: str = "articles"
            ) -> dict[str, int]:
    """The series' live articles (``measure="mentions"``: its mentions, for an entity)
    per issue date; the key '' holds those of issues without a date."""
    inner, args = _series_sql(series)
    total = "sum(s.n)" if measure == "mentions" else "count(*)"
    rows = db.execute(f"WITH s AS ({inner}) SELECT coalesce(i.date, ''), {total} "
                      f"FROM s {_LIVE} GROUP BY i.date", args).fetchall()
    return {str(day): int(count) for day, count in rows}


def period_articles(db: sqlite_utils.Database, series: Series, first: str, last: str,
                    limit: int = 1000) -> list[ArticleRef]:
    """The series' live articles in issues dated ``first`` to ``last`` (ISO, both
    included), oldest first."""
    inner, args = _series_sql(series)
    rows = db.execute(
        f"WITH s AS ({inner}) SELECT a.id, a.title, i.date, coalesce(p.name, ''), "
        "coalesce(i.title, ''), s.n FROM s JOIN articles a ON a.id = s.id "
        "JOIN issues i ON i.id = a.issue_id LEFT JOIN papers p ON p.id = i.paper_id "
        "WHERE a.removed = 0 AND i.date BETWEEN ? AND ? "
        "ORDER BY i.date, p.name, i.edition, a.position LIMIT ?",
        [*args, first, last, limit]).fetchall()
    return [ArticleRef(int(r[0]), str(r[1]), r[2], str(r[3]), str(r[4]), int(r[5]))
            for r in rows]


# ---------------------------------------------------------------- co-occurrence


def _scope_sql(filters: Filters) -> tuple[str, list[Any]]:
    """The live articles a co-occurrence looks at: in a period, with a tag."""
    where = ["a.removed = 0"]
    args: list[Any] = []
    if filters.date_from:
        where.append("i.date >= ?")
        args.append(filters.date_from)
    if filters.date_to:
        where.append("i.date <= ?")
        args.append(filters.date_to)
    if filters.tag:
        where.append("a.id IN (SELECT at.article_id FROM article_tags at "
                     "WHERE at.tag_id = (SELECT id FROM tags WHERE name = ?))")
        args.append(filters.tag)
    return ("SELECT a.id FROM articles a LEFT JOIN issues i ON i.id = a.issue_id "
            f"WHERE {' AND '.join(where)}", args)


def cooccurrence(db: sqlite_utils.Database, filters: Filters, top: int, min_shared: int,
                 limit: int) -> tuple[list[Pair], int, int]:
    """(pairs, articles in scope, entities considered): pairs of the ``top`` entities
    mentioned in most articles of the scope that share at least ``min_shared`` of them,
    most shared first (at most ``limit``)."""
    scope, args = _scope_sql(filters)
    head = (f"WITH scope AS ({scope}), "
            "em AS (SELECT DISTINCT m.article_id, m.entity_id FROM entity_mentions m "
            "JOIN scope ON scope.id = m.article_id), "
            "freq AS (SELECT entity_id, count(*) AS n FROM em GROUP BY entity_id), "
            "top AS (SELECT entity_id, n FROM freq ORDER BY n DESC, entity_id LIMIT ?), "
            "emt AS (SELECT em.article_id, em.entity_id FROM em "
            "JOIN top ON top.entity_id = em.entity_id) ")
    rows = db.execute(
        head + "SELECT x.entity_id, ea.type, ea.name, y.entity_id, eb.type, eb.name, "
        "count(*) AS together, ta.n, tb.n FROM emt x JOIN emt y "
        "ON y.article_id = x.article_id AND y.entity_id > x.entity_id "
        "JOIN entities ea ON ea.id = x.entity_id JOIN entities eb ON eb.id = y.entity_id "
        "JOIN top ta ON ta.entity_id = x.entity_id JOIN top tb ON tb.entity_id = y.entity_id "
        "GROUP BY x.entity_id, y.entity_id HAVING count(*) >= ? "
        "ORDER BY together DESC, x.entity_id, y.entity_id LIMIT ?",
        [*args, top, min_shared, limit]).fetchall()
    pairs = [Pair(int(r[0]), str(r[1]), str(r[2]), int(r[3]), str(r[4]), str(r[5]),
                  int(r[6]), int(r[7]), int(r[8])) for r in rows]
    articles, entities = db.execute(
        head + "SELECT (SELECT count(*) FROM scope), (SELECT count(*) FROM top)",
        [*args, top]).fetchone()
    return pairs, int(articles), int(entities)


def pair_articles(db: sqlite_utils.Database, first: int, second: int, filters: Filters,
                  limit: int = 1000) -> list[ArticleRef]:
    """The live articles of the scope that mention both entities (by id), oldest first;
    ``count`` is their mentions of the two."""
    scope, args = _scope_sql(filters)
    rows = db.execute(
        f"WITH scope AS ({scope}), s AS (SELECT m.article_id AS id, count(*) AS n "
        "FROM entity_mentions m JOIN scope ON scope.id = m.article_id "
        "WHERE m.entity_id IN (?, ?) GROUP BY m.article_id "
        "HAVING count(DISTINCT m.entity_id) = 2) "
        "SELECT a.id, a.title, i.date, coalesce(p.name, ''), coalesce(i.title, ''), s.n "
        "FROM s JOIN articles a ON a.id = s.id LEFT JOIN issues i ON i.id = a.issue_id "
        "LEFT JOIN papers p ON p.id = i.paper_id "
        "ORDER BY i.date IS NULL, i.date, p.name, a.position LIMIT ?",
        [*args, first, second, limit]).fetchall()
    return [ArticleRef(int(r[0]), str(r[1]), r[2], str(r[3]), str(r[4]), int(r[5]))
            for r in rows]
