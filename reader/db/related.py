"""The same story across issues: the articles' LSH band keys, stored when an article is,
and its related articles, found when they are asked for (``reader.core.neardup``)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import sqlite_utils

from reader.core import idlists
from reader.core.neardup import (
    CANDIDATES,
    Related,
    Signature,
    band_keys,
    ranked,
    relate,
    signature,
)
from reader.core.records import RelatedArticle

SCHEMA = """
CREATE TABLE article_bands (
    band_key INTEGER PRIMARY KEY,
    article_ids BLOB NOT NULL
)
"""
"""The band index of the near-duplicate detector (schema 7): one row a key (the key is
the rowid: no second copy of it in an index), with the ids of the articles that have it,
ascending, packed by ``reader.core.idlists``. On the synthetic decade 44,616 keys hold
505,328 ids in 1.8 MB, where a row a key and article took 6.6 MB."""

MAX_IDS = 1024
"""Ids a key keeps (the newest): a passage that every issue reprints (a column's footer)
would otherwise make a list that each new article rewrites whole. The synthetic decade's
busiest key has 1,007."""
KEY_STEP = 16
"""Keys are looked up in statements padded to a multiple of this (with NULL, which
matches nothing): a few statement shapes in the connection's cache, not one per count."""
KEYS_A_READ = 32 * KEY_STEP
"""Keys looked up by one statement (SQLite allowed 999 variables before 3.32)."""
def _lists(db: sqlite_utils.Database, keys: Iterable[int]) -> dict[int, bytes]:
    """The stored id lists of these keys (keys no article has are left out)."""
    wanted = list(dict.fromkeys(keys))
    found: dict[int, bytes] = {}
    for start in range(0, len(wanted), KEYS_A_READ):
        chunk: list[int | None] = list(wanted[start:start + KEYS_A_READ])
        chunk += [None] * (-len(chunk) % KEY_STEP)
        marks = ",".join("?" * len(chunk))
        found.update(db.execute("SELECT band_key, article_ids FROM article_bands "
                                f"WHERE band_key IN ({marks})", chunk).fetchall())
    return found


def _store(db: sqlite_utils.Database, lists: dict[int, bytes]) -> None:
    """Write these keys' lists (in key order: neighbours share pages); an empty list
    deletes its key."""
    ordered = sorted(lists.items())
    db.conn.executemany(
        "INSERT OR REPLACE INTO article_bands (band_key, article_ids) VALUES (?, ?)",
        [(key, data) for key, data in ordered if data])
    db.conn.executemany("DELETE FROM article_bands WHERE band_key = ?",
                        [(key,) for key, data in ordered if not data])


def _by_key(articles: Iterable[tuple[int, Signature | None]]) -> dict[int, list[int]]:
    """Each band key of these articles, with the ids of those that have it, ascending."""
    keyed: dict[int, list[int]] = {}
    for article_id, sig in sorted(articles, key=lambda pair: pair[0]):
        if sig is not None:
            for key in band_keys(sig):
                keyed.setdefault(key, []).append(article_id)
    return keyed


def _added(data: bytes, ids: list[int]) -> bytes:
    """A stored list with ``ids`` (ascending) in it, its oldest dropped past MAX_IDS."""
    if not data or ids[0] > idlists.last(data):  # the usual case: newer articles
        data = idlists.extend(data, ids)
    else:  # an article stored again (a re-import): its place in the order
        data = idlists.pack(sorted(set(idlists.unpack(data)) | set(ids)))
    if len(data) <= 2 * MAX_IDS + 2:  # each id after the first takes 2 bytes or more
        return data
    return idlists.pack(idlists.unpack(data)[-MAX_IDS:])


def add(db: sqlite_utils.Database, articles: list[tuple[int, Signature | None]]) -> None:
    """Store the band keys of these articles (an issue's: one read and one write per key
    for all of them). None: an article with no signature (too short, a copy within its
    issue). The caller holds the transaction."""
    keyed = _by_key(articles)
    stored = _lists(db, keyed)
    _store(db, {key: _added(stored.get(key, b""), ids) for key, ids in keyed.items()})


def forget(db: sqlite_utils.Database, article_ids: Iterable[int]) -> None:
    """Take these articles out of the band index, before their text changes or they leave
    their issue: their keys are made again from the stored text, as the search index's
    tokens are (``reader.db.search.unindex_article``)."""
    keyed = {key: set(ids) for key, ids in
             _by_key(_stored_signatures(db, list(article_ids))).items()}
    stored = _lists(db, keyed)
    _store(db, {key: idlists.pack([n for n in idlists.unpack(data) if n not in keyed[key]])
                for key, data in stored.items()})


def _stored_signatures(db: sqlite_utils.Database, article_ids: list[int]
                       ) -> Iterator[tuple[int, Signature | None]]:
    """The signatures of the stored text of these articles, where the import gives them
    one: in an issue, not removed, not a copy within their issue."""
    for start in range(0, len(article_ids), 500):  # a slice of the text at a time
        chunk = article_ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        rows = db.execute(f"SELECT id, body FROM articles WHERE id IN ({marks}) AND "
                          "removed = 0 AND issue_id IS NOT NULL AND duplicate_of IS NULL",
                          chunk).fetchall()
        yield from ((int(r[0]), signature(str(r[1]))) for r in rows)


def rebuild(db: sqlite_utils.Database) -> int:
    """Make the band keys of every live article again from its stored text (an existing
    library, or after the detector changed); returns the number of articles with keys.
    Copies within an issue get none, as at import."""
    db.execute("DELETE FROM article_bands")
    ids = [int(row[0]) for row in db.execute("SELECT id FROM articles ORDER BY id")]
    keyed: dict[int, list[int]] = {}
    signed = 0
    for article_id, sig in _stored_signatures(db, ids):
        if sig is not None:
            signed += 1
            for key in band_keys(sig):
                keyed.setdefault(key, []).append(article_id)
    _store(db, {key: idlists.pack(sorted(found)[-MAX_IDS:]) for key, found in keyed.items()})
    return signed


def _candidates(db: sqlite_utils.Database, order: Iterator[int], issue_id: int
                ) -> list[tuple[int, Signature]]:
    """The first CANDIDATES articles of ``order`` in other issues, live and not copies
    within their issue, with the signatures of their stored text."""
    found: list[tuple[int, Signature]] = []
    while len(found) < CANDIDATES:
        chunk = [n for _, n in zip(range(2 * CANDIDATES), order, strict=False)]
        if not chunk:
            break
        marks = ",".join("?" * len(chunk))
        bodies = dict(db.execute(
            f"SELECT id, body FROM articles WHERE id IN ({marks}) AND issue_id != ? AND "
            "removed = 0 AND duplicate_of IS NULL", [*chunk, issue_id]).fetchall())
        for n in chunk:
            sig = signature(str(bodies[n]), anchors=False) if n in bodies else None
            if sig is not None:
                found.append((n, sig))
                if len(found) == CANDIDATES:
                    break
    return found


def related(db: sqlite_utils.Database, article_id: int, head: int = 40
            ) -> list[RelatedArticle]:
    """The articles of other issues that print the same story as ``article_id``, the most
    similar first: of the CANDIDATES articles sharing most band keys with it, those that
    ``reader.core.neardup.compare`` finds related (computed now: a few ms)."""
    row = db.execute("SELECT issue_id, body FROM articles WHERE id = ? AND removed = 0 "
                     "AND duplicate_of IS NULL", [article_id]).fetchone()
    sig = signature(str(row[1])) if row is not None and row[0] is not None else None
    if sig is None:
        return []
    lists = _lists(db, band_keys(sig)).values()
    found = relate(sig, _candidates(db, ranked(map(idlists.unpack, lists), article_id),
                                    int(row[0])))
    return _records(db, found, head)


def _records(db: sqlite_utils.Database, found: list[Related], head: int
             ) -> list[RelatedArticle]:
    """The related articles as the reader lists them, in the order of ``found``."""
    if not found:
        return []
    marks = ",".join("?" * len(found))
    rows = {int(r[0]): r for r in db.execute(
        "SELECT a.id, a.issue_id, coalesce(p.name, ''), i.date, i.source_key, "
        f"CASE WHEN a.title = '' THEN substr(a.body, 1, {head}) ELSE a.title END "
        "FROM articles a JOIN issues i ON i.id = a.issue_id "
        f"LEFT JOIN papers p ON p.id = i.paper_id WHERE a.id IN ({marks})",
        [n for n, *_ in found]).fetchall()}
    return [RelatedArticle(n, int(rows[n][1]), str(rows[n][2]), rows[n][3], str(rows[n][4]),
                           str(rows[n][5]), similarity, contained, kind)
            for n, similarity, contained, kind in found]


def key_count(db: sqlite_utils.Database) -> tuple[int, int]:
    """(keys, article ids) in the band index (reads it whole)."""
    lists = db.execute("SELECT article_ids FROM article_bands").fetchall()
    return len(lists), sum(len(idlists.unpack(row[0])) for row in lists)
