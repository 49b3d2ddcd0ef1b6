"""Read articles back: one article, an issue's articles, the tree's rows and filter, highlights."""

from __future__ import annotations

import json
from collections import Counter

import sqlite_utils

from reader.core.records import (
    ArticleLabel,
    ArticleRow,
    Highlight,
)
from reader.core.treefilter import TreeQuery
from reader.db.annotations import AnnotationError


def get_article(db: sqlite_utils.Database, article_id: int) -> ArticleRow | None:
    row = db.execute(
        "SELECT a.id, a.issue_id, a.position, a.kind, a.title, a.title_lines, a.bylines, "
        "a.byline, a.credit, a.duplicate_of, a.body, coalesce(i.title, ''), i.date, "
        "a.removed, i.edition, i.number, coalesce(p.name, '') FROM articles a "
        "LEFT JOIN issues i ON i.id = a.issue_id LEFT JOIN papers p ON p.id = i.paper_id "
        "WHERE a.id = ?",
        [article_id],
    ).fetchone()
    if row is None:
        return None
    spans = db.execute(
        'SELECT kind, start, "end" FROM paragraphs WHERE article_id = ? ORDER BY position',
        [article_id],
    ).fetchall()
    return ArticleRow(
        row[0], row[1], row[2], row[3], row[4], json.loads(row[5]), json.loads(row[6]),
        row[7], row[8], row[9], row[10], [(k, s, e) for k, s, e in spans], row[11], row[12],
        bool(row[13]), row[14], row[15], row[16],
    )


def issue_articles(db: sqlite_utils.Database, issue_id: int,
                   removed: bool = False) -> list[tuple[int, str, str]]:
    """(id, kind, title) of an issue's articles in reading order; with ``removed``, the
    annotated articles kept after they left the issue's text instead."""
    rows = db.execute(
        "SELECT id, kind, title FROM articles WHERE issue_id = ? AND removed = ? "
        "ORDER BY position", [issue_id, int(removed)],
    ).fetchall()
    return [(int(r[0]), str(r[1]), str(r[2])) for r in rows]


def issue_article_ids(db: sqlite_utils.Database, issue_id: int) -> list[int]:
    """Ids of every article of an issue, those kept as removed included, in reading order."""
    rows = db.execute("SELECT id FROM articles WHERE issue_id = ? ORDER BY removed, position",
                      [issue_id]).fetchall()
    return [int(row[0]) for row in rows]


LABEL_HEAD = 40
"""Characters of an untitled item's text read for its label (never the whole body)."""


def article_labels(db: sqlite_utils.Database, issue_ids: list[int]
                   ) -> dict[int, list[ArticleLabel]]:
    """Each issue's tree rows: its live articles in reading order, then the removed ones."""
    found: dict[int, list[ArticleLabel]] = {issue: [] for issue in issue_ids}
    for chunk in range(0, len(issue_ids), 500):
        part = issue_ids[chunk:chunk + 500]
        rows = db.execute(
            "SELECT issue_id, id, kind, title, CASE WHEN title = '' THEN "
            f"substr(body, 1, {LABEL_HEAD}) ELSE '' END, removed, duplicate_of IS NOT NULL "
            "FROM articles "
            f"WHERE issue_id IN ({','.join('?' * len(part))}) "
            "ORDER BY issue_id, removed, position", part).fetchall()
        for issue, *row in rows:
            found[int(issue)].append((int(row[0]), str(row[1]), str(row[2]), str(row[3]),
                                      bool(row[4]), bool(row[5])))
    return found


LIVE = "a.removed = 0 AND a.issue_id IS NOT NULL"
WORD_MATCHES = (
    "SELECT a.id, a.issue_id FROM articles a WHERE " + LIVE + " AND ("
    "instr(lower(a.title), lower(?)) > 0 OR (a.title = '' AND "
    f"instr(lower(substr(a.body, 1, {LABEL_HEAD})), lower(?)) > 0)) "
    "UNION SELECT a.id, a.issue_id FROM article_tags at JOIN tags t ON t.id = at.tag_id "
    "JOIN articles a ON a.id = at.article_id WHERE t.name = ? AND " + LIVE + " "
    # the entities first, then their mentions by index (a join let SQLite scan every
    # mention of the decade: 0.38 s)
    "UNION SELECT a.id, a.issue_id FROM entity_mentions m "
    "JOIN articles a ON a.id = m.article_id WHERE m.entity_id IN "
    "(SELECT id FROM entities WHERE name = ? COLLATE NOCASE) AND " + LIVE)
"""Live articles whose title (or, untitled, the start of their text) contains a word, or
that carry a tag or mention an entity of that name (the word given four times)."""
TAG_MATCHES = (
    "SELECT a.id, a.issue_id FROM article_tags at JOIN articles a ON a.id = at.article_id "
    "WHERE at.tag_id = (SELECT id FROM tags WHERE name = ?) AND " + LIVE)
"""Live articles that carry a tag (its exact name; the column ignores case)."""


def tree_matches(db: sqlite_utils.Database, query: TreeQuery
                 ) -> tuple[set[int], dict[int, int]]:
    """(article ids, {issue id: how many of them it holds}) for the tree filter: live
    articles that carry every tag of ``query`` and match every one of its words."""
    if not query:
        return set(), {}
    # a compound SELECT groups from the left: each word's UNION is a subquery of its own
    words = [WORD_MATCHES] if not query.tags and len(query.words) == 1 else \
        [f"SELECT * FROM ({WORD_MATCHES})"] * len(query.words)
    params = [*query.tags, *(w for word in query.words for w in [word] * 4)]
    rows = db.execute(" INTERSECT ".join([TAG_MATCHES] * len(query.tags) + words),
                      params).fetchall()
    counts = Counter(int(r[1]) for r in rows)
    return {int(r[0]) for r in rows}, {issue: counts[issue] for issue in sorted(counts)}


def article_ids_matching(db: sqlite_utils.Database, text: str) -> set[int]:
    """Live articles whose title contains ``text``, or that carry a tag or mention an
    entity named ``text`` (names compared without case); empty for blank ``text``."""
    text = text.strip()
    if not text:
        return set()
    rows = db.execute(
        "SELECT id FROM articles WHERE removed = 0 AND instr(lower(title), lower(?)) > 0 "
        "UNION SELECT at.article_id FROM article_tags at JOIN tags t ON t.id = at.tag_id "
        "WHERE t.name = ? "
        "UNION SELECT m.article_id FROM entity_mentions m WHERE m.entity_id IN "
        "(SELECT id FROM entities WHERE name = ? COLLATE NOCASE)",
        [text, text, text],
    ).fetchall()
    return {int(row[0]) for row in rows}


def article_highlights(db: sqlite_utils.Database, article_id: int) -> list[Highlight]:
    """Every entity mention and figure of an article, sorted by start offset."""
    mentions = db.execute(
        'SELECT m.start, m."end", e.type, e.name FROM entity_mentions m '
        "JOIN entities e ON e.id = m.entity_id WHERE m.article_id = ?", [article_id]
    ).fetchall()
    figures = db.execute(
        'SELECT start, "end", kind, value, unit FROM figures WHERE article_id = ?',
        [article_id],
    ).fetchall()
    spans = [Highlight(s, e, t, n) for s, e, t, n in mentions]
    spans += [Highlight(s, e, "figure", k, v, u) for s, e, k, v, u in figures]
    return sorted(spans, key=lambda h: (h.start, h.end))

def require_article(db: sqlite_utils.Database, article_id: int) -> str:
    row = db.execute("SELECT body FROM articles WHERE id = ?", [article_id]).fetchone()
    if row is None:
        raise AnnotationError(f"no article {article_id}")
    return str(row[0])
