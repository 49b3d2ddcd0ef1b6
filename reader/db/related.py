"""The same story across issues: articles' MinHash signatures, their LSH band keys, and
the related pairs found when an article is stored (``reader.core.neardup``)."""

from __future__ import annotations

from collections.abc import Iterable

import sqlite_utils

from reader.core.neardup import Signature, band_keys, compare, signature
from reader.core.records import RelatedArticle

SCHEMA = """
CREATE TABLE article_signatures (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    size INTEGER NOT NULL,
    minhash BLOB NOT NULL,
    anchors BLOB NOT NULL
);
CREATE TABLE article_bands (
    band_key INTEGER NOT NULL,
    article_id INTEGER NOT NULL,
    PRIMARY KEY (band_key, article_id)
) WITHOUT ROWID;
CREATE TABLE related_articles (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    other_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    similarity INTEGER NOT NULL,
    contained INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('copy', 'part', 'overlap')),
    PRIMARY KEY (article_id, other_id),
    CHECK (article_id < other_id)
) WITHOUT ROWID;
CREATE INDEX related_articles_other ON related_articles(other_id, article_id)
"""
"""Tables of the near-duplicate detector (a migration creates them). ``similarity`` and
``contained`` are per mille (2 bytes a value, where a REAL takes 8)."""

PER_KEY = 10
"""Articles read from one band bucket (the newest): a bucket that many articles share (a
passage every issue reprints) costs no more than this."""
CANDIDATES = 12
"""Candidates compared, those sharing the most band keys first."""
KEY_STEP = 16
SAME_ISSUE = 10
"""Candidates read beyond ``CANDIDATES`` for those of the article's own issue, skipped."""
PAIRS = 8
"""Related articles kept for a newly stored article (the closest; an older article keeps
those it got when it was new, plus every later one that chose it)."""
_KIND_ORDER = {"copy": 0, "part": 1, "overlap": 2}


def forget(db: sqlite_utils.Database, article_ids: Iterable[int]) -> None:
    """Drop the signatures, band keys and pairs of these articles (before they change,
    leave their issue's text or are deleted)."""
    for article_id in article_ids:
        row = db.execute("SELECT size, minhash, anchors FROM article_signatures "
                         "WHERE article_id = ?", [article_id]).fetchone()
        if row is None:
            continue
        sig = Signature.from_bytes(row[1], int(row[0]), row[2])
        db.conn.executemany("DELETE FROM article_bands WHERE band_key = ? AND article_id = ?",
                            [(key, article_id) for key in band_keys(sig)])
        db.execute("DELETE FROM article_signatures WHERE article_id = ?", [article_id])
        db.execute("DELETE FROM related_articles WHERE article_id = ? OR other_id = ?",
                   [article_id, article_id])


def _candidates(db: sqlite_utils.Database, keys: list[int], issue_id: int
                ) -> list[tuple[int, Signature]]:
    """Articles of other issues sharing a band key with ``keys``, most shared first."""
    if not keys:
        return []
    # NULL keys (which match nothing) pad the list to a multiple of KEY_STEP: a few
    # statement shapes, not one per key count, in the connection's statement cache
    keys = keys + [None] * (-len(keys) % KEY_STEP)  # type: ignore[list-item]
    union = " UNION ALL ".join(
        "SELECT * FROM (SELECT article_id FROM article_bands WHERE band_key = ? "
        f"ORDER BY article_id DESC LIMIT {PER_KEY})" for _ in keys)
    rows = db.execute(
        "SELECT s.article_id, s.size, s.minhash FROM (SELECT article_id, count(*) AS n "
        f"FROM ({union}) GROUP BY article_id ORDER BY n DESC, article_id DESC "
        f"LIMIT {CANDIDATES + SAME_ISSUE}) t "
        "JOIN article_signatures s ON s.article_id = t.article_id "
        "JOIN articles a ON a.id = t.article_id WHERE a.issue_id != ? AND a.removed = 0 "
        "ORDER BY t.n DESC, t.article_id DESC", [*keys, issue_id]).fetchall()
    return [(int(r[0]), Signature.from_bytes(r[2], int(r[1]))) for r in rows[:CANDIDATES]]


def add(db: sqlite_utils.Database, article_id: int, issue_id: int,
        sig: Signature | None) -> int:
    """Store an article's signature and band keys and pair it with the related articles
    of other issues already stored; returns the number of pairs found."""
    if sig is None:
        return 0
    keys = band_keys(sig)
    found = []
    for other, other_sig in _candidates(db, keys, issue_id):
        similarity, contained, kind = compare(sig, other_sig)
        if kind is not None:
            found.append((_KIND_ORDER[kind], -similarity, other, contained, kind))
    found.sort()
    db.conn.executemany(
        "INSERT OR IGNORE INTO related_articles (article_id, other_id, similarity, "
        "contained, kind) VALUES (?,?,?,?,?)",
        [(min(article_id, other), max(article_id, other), round(-1000 * negative),
          round(1000 * contained), kind)
         for _, negative, other, contained, kind in found[:PAIRS]])
    # a plain INSERT: the article has no signature here (forgotten, or new); OR REPLACE
    # cost 0.2 ms an article with foreign keys on
    db.execute("INSERT INTO article_signatures (article_id, size, minhash, anchors) "
               "VALUES (?,?,?,?)", [article_id, sig.size, sig.to_bytes(), sig.anchor_bytes()])
    db.conn.executemany("INSERT OR IGNORE INTO article_bands (band_key, article_id) "
                        "VALUES (?,?)", [(key, article_id) for key in keys])
    return len(found[:PAIRS])


def index_issue(db: sqlite_utils.Database, issue_id: int,
                articles: list[tuple[int, Signature | None]], new: bool = False) -> None:
    """(Re)index the articles an issue now shows: old signatures and pairs go (none for
    ``new`` articles), each article is compared with what other issues hold. The caller
    holds the transaction."""
    if not new:
        forget(db, [article_id for article_id, _ in articles])
    for article_id, sig in articles:
        add(db, article_id, issue_id, sig)


def rebuild(db: sqlite_utils.Database) -> int:
    """Compute every live article's signature again and find every pair, in import order
    (an existing library, or after the detector changed); returns the pairs found. Copies
    within an issue get none, as at import."""
    for table in ("related_articles", "article_bands", "article_signatures"):
        db.execute(f"DELETE FROM {table}")
    ids = [int(row[0]) for row in db.execute(
        "SELECT id FROM articles WHERE removed = 0 AND issue_id IS NOT NULL AND "
        "duplicate_of IS NULL ORDER BY issue_id, position")]
    pairs = 0
    for start in range(0, len(ids), 500):  # the text a slice at a time, not the decade's
        chunk = ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        rows = {int(r[0]): (int(r[1]), str(r[2])) for r in db.execute(
            f"SELECT id, issue_id, body FROM articles WHERE id IN ({marks})", chunk)}
        for article_id in chunk:
            issue_id, body = rows[article_id]
            pairs += add(db, article_id, issue_id, signature(body))
    return pairs


def related(db: sqlite_utils.Database, article_id: int, head: int = 40
            ) -> list[RelatedArticle]:
    """The articles of other issues that print the same story as ``article_id``, the most
    similar first."""
    rows = db.execute(
        "SELECT a.id, a.issue_id, coalesce(p.name, ''), i.date, i.source_key, "
        f"CASE WHEN a.title = '' THEN substr(a.body, 1, {head}) ELSE a.title END, "
        "r.similarity, r.contained, r.kind FROM ("
        "SELECT other_id AS id, similarity, contained, kind FROM related_articles "
        "WHERE article_id = :a UNION ALL "
        "SELECT article_id, similarity, contained, kind FROM related_articles "
        "WHERE other_id = :a) r JOIN articles a ON a.id = r.id "
        "JOIN issues i ON i.id = a.issue_id LEFT JOIN papers p ON p.id = i.paper_id "
        "WHERE a.removed = 0 ORDER BY r.similarity DESC, r.contained DESC, a.id",
        {"a": article_id}).fetchall()
    return [RelatedArticle(int(r[0]), int(r[1]), str(r[2]), r[3], str(r[4]), str(r[5]),
                           int(r[6]) / 1000, int(r[7]) / 1000, str(r[8])) for r in rows]


def pair_count(db: sqlite_utils.Database) -> int:
    return int(db.execute("SELECT count(*) FROM related_articles").fetchone()[0])
