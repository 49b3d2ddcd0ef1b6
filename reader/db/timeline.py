"""Timelines and co-occurrence in SQL: a series' articles counted per issue date, the
articles of a period, the entities of each article of a scope (paired in
``reader.core.timeline``), and the articles that two entities share."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import sqlite_utils

from reader.core.fts import parse_query
from reader.core.records import Filters
from reader.core.timeline import ArticleRef, Series
from reader.db.search import filters_sql

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
    """The live articles a co-occurrence looks at: as the search's filters restrict them
    (a period, a tag)."""
    where, args = filters_sql(filters)
    return ("SELECT a.id FROM articles a LEFT JOIN issues i ON i.id = a.issue_id "
            f"WHERE {' AND '.join(where)}", args)


def article_entities(db: sqlite_utils.Database, filters: Filters
                     ) -> Iterator[tuple[int, int]]:
    """(article, entity) of every mention in the live articles of the scope, article by
    article. The articles drive the loop (CROSS JOIN): each one's mentions are a range of
    the mentions' primary key, 0.7 s for 480,000 mentions, where letting SQLite start from
    the mentions looks every one's article up (2.5 s)."""
    scope, args = _scope_sql(filters)
    yield from db.execute(
        f"SELECT m.article_id, m.entity_id FROM ({scope}) s "
        "CROSS JOIN entity_mentions m ON m.article_id = s.id", args)


def scope_size(db: sqlite_utils.Database, filters: Filters) -> int:
    """How many live articles the scope holds."""
    scope, args = _scope_sql(filters)
    return int(db.execute(f"SELECT count(*) FROM ({scope})", args).fetchone()[0])


def entity_names(db: sqlite_utils.Database, ids: Iterable[int]) -> dict[int, tuple[str, str]]:
    """(type, name) of each entity id."""
    wanted = sorted(set(ids))
    names: dict[int, tuple[str, str]] = {}
    for first in range(0, len(wanted), 500):
        chunk = wanted[first:first + 500]
        for entity_id, type_, name in db.execute(
                f"SELECT id, type, name FROM entities WHERE id IN ({','.join('?' * len(chunk))})",
                chunk):
            names[int(entity_id)] = (str(type_), str(name))
    return names


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
