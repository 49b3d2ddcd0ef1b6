"""Issues and papers: store a parsed issue, replace it on re-import keeping every
annotation, list them."""

from __future__ import annotations

import json
from typing import Any

import sqlite_utils

from reader.core.model import Issue, Item
from reader.core.neardup import Signature, issue_signatures
from reader.core.records import (
    IssueRow,
)
from reader.core.rematch import Incoming, Stored, match_items
from reader.core.spans import in_body, paragraph_starts
from reader.core.splits import squeeze
from reader.db import related
from reader.db.connection import now
from reader.db.entities import insert_mentions, mention_rows
from reader.db.migrations import ensure_paper
from reader.db.notes import reanchor_notes
from reader.db.search import index_article, unindex_article


def issue_id_by_hash(db: sqlite_utils.Database, sha256: str) -> int | None:
    row = db.execute("SELECT id FROM issues WHERE sha256 = ?", [sha256]).fetchone()
    return int(row[0]) if row else None


def all_hashes(db: sqlite_utils.Database) -> frozenset[str]:
    """The SHA-256 of every issue file the library holds."""
    return frozenset(str(row[0]) for row in db.execute("SELECT sha256 FROM issues"))


def issue_by_hash(db: sqlite_utils.Database, sha256: str) -> tuple[int, str, str] | None:
    """(id, paper, key) of the issue with these exact bytes, if the library has it."""
    row = db.execute(
        "SELECT i.id, coalesce(p.name, ''), i.source_key FROM issues i "
        "LEFT JOIN papers p ON p.id = i.paper_id WHERE i.sha256 = ?", [sha256]).fetchone()
    return (int(row[0]), str(row[1]), str(row[2])) if row else None


def issue_id_by_identity(db: sqlite_utils.Database, paper: str, key: str) -> int | None:
    """The issue named ``key`` in the paper ``paper`` (an issue's identity)."""
    row = db.execute(
        "SELECT i.id FROM issues i JOIN papers p ON p.id = i.paper_id "
        "WHERE p.name = ? AND i.source_key = ?", [paper, key]).fetchone()
    return int(row[0]) if row else None


def identity_by_path(db: sqlite_utils.Database, source_path: str) -> tuple[str, str] | None:
    """(paper, key) of the issue last imported from the file at ``source_path``."""
    row = db.execute(
        "SELECT p.name, i.source_key FROM issues i JOIN papers p ON p.id = i.paper_id "
        "WHERE i.source_path = ? ORDER BY i.id DESC LIMIT 1", [source_path]).fetchone()
    return (str(row[0]), str(row[1])) if row else None


def paper_id(db: sqlite_utils.Database, name: str) -> int:
    """The id of the paper ``name``, created if new."""
    return ensure_paper(db, name)


def list_papers(db: sqlite_utils.Database) -> list[tuple[int, str, int]]:
    """(id, name, issue count) of every paper, by name."""
    rows = db.execute(
        "SELECT p.id, p.name, count(i.id) FROM papers p LEFT JOIN issues i "
        "ON i.paper_id = p.id GROUP BY p.id ORDER BY p.name").fetchall()
    return [(int(r[0]), str(r[1]), int(r[2])) for r in rows]


def rename_paper(db: sqlite_utils.Database, old: str, new: str) -> None:
    """Rename a paper; onto an existing name, the two become one (issue names must differ)."""
    source = db.execute("SELECT id FROM papers WHERE name = ?", [old]).fetchone()
    if source is None:
        raise LookupError(f"no paper named “{old}”")
    target = db.execute("SELECT id FROM papers WHERE name = ?", [new]).fetchone()
    if target is None:
        db.execute("UPDATE papers SET name = ? WHERE id = ?", [new, source[0]])
        return
    clash = db.execute(
        "SELECT a.source_key FROM issues a JOIN issues b ON a.source_key = b.source_key "
        "WHERE a.paper_id = ? AND b.paper_id = ? LIMIT 1", [source[0], target[0]]).fetchone()
    if clash:
        raise LookupError(f"“{old}” and “{new}” both have an issue named {clash[0]}; they "
                          "cannot become one paper")
    db.execute("UPDATE issues SET paper_id = ? WHERE paper_id = ?", [target[0], source[0]])
    db.execute("UPDATE issue_corrections SET paper_id = ? WHERE paper_id = ?",
               [target[0], source[0]])
    db.execute("DELETE FROM papers WHERE id = ?", [source[0]])


def body_of(item: Item) -> tuple[str, list[tuple[str, int, int]]]:
    """The article text stored for an item, one paragraph a line, with paragraph offsets."""
    starts = paragraph_starts(p.text for p in item.paragraphs)
    spans: list[tuple[str, int, int]] = [
        (p.kind, start, start + len(p.text))
        for p, start in zip(item.paragraphs, starts, strict=True)]
    return "\n".join(p.text for p in item.paragraphs), spans


Signatures = list[Signature | None]
"""Each item's near-duplicate signature (``reader.core.neardup``), in reading order."""


def insert_issue(db: sqlite_utils.Database, issue: Issue, source_path: str,
                 paper: str, key: str, signatures: Signatures | None = None,
                 analysis: str = "") -> int:
    """Insert a new issue with all its items and their near-duplicate band keys
    (``signatures``: computed here when not given), stamped with the ``analysis`` that
    found its mentions (``''``: unknown); the caller holds the transaction."""
    cursor = db.execute(
        "INSERT INTO issues (source_name, source_path, sha256, encoding, title, date, "
        "item_count, char_count, warnings, imported_at, paper_id, source_key, analysis) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [issue.source.name, source_path, issue.source.sha256, issue.source.encoding,
         issue.title, issue.date, len(issue.items), _chars(issue),
         json.dumps(issue.warnings, ensure_ascii=False), now(), paper_id(db, paper), key,
         analysis],
    )
    issue_id = int(cursor.lastrowid or 0)
    ids = [_insert_article(db, issue_id, item) for item in issue.items]
    _link_duplicates(db, issue, ids)
    sigs = signatures if signatures is not None else issue_signatures(issue)
    related.add(db, list(zip(ids, sigs, strict=True)))
    return issue_id


def replace_issue(
    db: sqlite_utils.Database, issue_id: int, issue: Issue, source_path: str,
    signatures: Signatures | None = None, analysis: str = "",
) -> list[int]:
    """Replace an issue's text in place, keeping every tag and note on its articles.

    New items are matched to the old articles (same title, else most similar text;
    see ``reader.core.rematch``); matched articles keep their id, so tags stay, and their
    notes are re-anchored. An old article that no longer exists but carries tags or
    notes is kept, marked removed, with its notes detached; nothing annotated is ever
    deleted, and a removed article that comes back gets its annotations back. Returns
    the ids of the articles the issue now holds and of those it no longer shows. The
    articles' band keys are made again (``signatures`` and ``analysis`` as for
    ``insert_issue``).
    """
    db.execute(
        "UPDATE issues SET source_path = ?, sha256 = ?, encoding = ?, title = ?, "
        "item_count = ?, char_count = ?, warnings = ?, imported_at = ?, analysis = ? "
        "WHERE id = ?",
        [source_path, issue.source.sha256, issue.source.encoding, issue.title,
         len(issue.items), _chars(issue), json.dumps(issue.warnings, ensure_ascii=False),
         now(), analysis, issue_id],
    )
    old = _old_articles(db, issue_id)
    related.forget(db, [stored.id for stored in old])  # their keys, from the old text
    incoming = [Incoming(item.title, body_of(item)[0]) for item in issue.items]
    matches = match_items(incoming, old)
    removed = {stored.id for stored in old if stored.removed}
    ids: list[int] = []
    for n, item in enumerate(issue.items):
        article_id = matches.get(n)
        if article_id is None:
            ids.append(_insert_article(db, issue_id, item))
        else:
            _update_article(db, article_id, item, revived=article_id in removed)
            ids.append(article_id)
    gone = {stored.id for stored in old if not stored.removed} - set(matches.values())
    bodies = {article_id: body_of(item)[0] for article_id, item in zip(ids, issue.items,
                                                                       strict=True)}
    _pass_on(db, [stored for stored in old if stored.id in gone], bodies)
    _retire_unmatched(db, gone)
    _follow_text(db, bodies)
    _link_duplicates(db, issue, ids)
    sigs = signatures if signatures is not None else issue_signatures(issue)
    related.add(db, list(zip(ids, sigs, strict=True)))
    return ids + sorted(gone)


def _chars(issue: Issue) -> int:
    return sum(len(p.text) for item in issue.items for p in item.paragraphs)


def _insert_article(db: sqlite_utils.Database, issue_id: int, item: Item) -> int:
    body, spans = body_of(item)
    cursor = db.execute(
        "INSERT INTO articles (issue_id, position, kind, title, title_lines, bylines, byline, "
        "credit, body) VALUES (?,?,?,?,?,?,?,?,?)",
        [issue_id, item.index, item.kind, item.title, _json(item.title_lines),
         _json(item.bylines), item.byline, item.credit, body],
    )
    article_id = int(cursor.lastrowid or 0)
    _write_details(db, article_id, item, body, spans)
    return article_id


def _update_article(db: sqlite_utils.Database, article_id: int, item: Item,
                    revived: bool = False) -> None:
    body, spans = body_of(item)
    old_body = unindex_article(db, article_id)
    db.execute(
        "UPDATE articles SET position = ?, kind = ?, title = ?, title_lines = ?, bylines = ?, "
        "byline = ?, credit = ?, body = ?, removed = 0, duplicate_of = NULL WHERE id = ?",
        [item.index, item.kind, item.title, _json(item.title_lines), _json(item.bylines),
         item.byline, item.credit, body, article_id],
    )
    for table in ("paragraphs", "entity_mentions", "figures"):
        db.execute(f"DELETE FROM {table} WHERE article_id = ?", [article_id])
    _write_details(db, article_id, item, body, spans)
    if old_body != body or revived:
        reanchor_notes(db, article_id, body)


def _write_details(
    db: sqlite_utils.Database, article_id: int, item: Item, body: str,
    spans: list[tuple[str, int, int]],
) -> None:
    conn = db.conn
    conn.executemany(
        'INSERT INTO paragraphs (article_id, position, kind, start, "end") VALUES (?,?,?,?,?)',
        [(article_id, n, kind, start, end) for n, (kind, start, end) in enumerate(spans)],
    )
    starts = [start for _, start, _ in spans]
    insert_mentions(db, mention_rows(db, article_id, item.entities, starts))
    conn.executemany(
        'INSERT INTO figures (article_id, kind, text, value, upper, unit, norm, qualifier, '
        'start, "end") VALUES (?,?,?,?,?,?,?,?,?,?)',
        [(article_id, f.kind, f.text, f.value, f.upper, f.unit, f.norm, f.qualifier, *where)
         for f in item.figures
         if (where := in_body(starts, f.paragraph, f.start, f.end)) is not None],
    )
    index_article(db, article_id, body, item.title)


def _link_duplicates(db: sqlite_utils.Database, issue: Issue, ids: list[int]) -> None:
    for item, article_id in zip(issue.items, ids, strict=True):
        if item.duplicate_of is not None:
            db.execute("UPDATE articles SET duplicate_of = ? WHERE id = ?",
                       [ids[item.duplicate_of], article_id])


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _old_articles(db: sqlite_utils.Database, issue_id: int) -> list[Stored]:
    rows = db.execute(
        "SELECT id, title, body, removed FROM articles WHERE issue_id = ? ORDER BY position",
        [issue_id],
    ).fetchall()
    return [Stored(int(r[0]), str(r[1]), str(r[2]), bool(r[3])) for r in rows]


def _retire_unmatched(db: sqlite_utils.Database, article_ids: set[int]) -> None:
    for article_id in article_ids:
        annotated = db.execute(
            "SELECT (SELECT count(*) FROM notes WHERE article_id = :a) + "
            "(SELECT count(*) FROM article_tags WHERE article_id = :a)", {"a": article_id}
        ).fetchone()[0]
        if annotated:
            db.execute("UPDATE articles SET removed = 1 WHERE id = ?", [article_id])
            db.execute("UPDATE notes SET status = 'detached' WHERE article_id = ? "
                       "AND start IS NOT NULL", [article_id])
        else:
            unindex_article(db, article_id)
            db.execute("UPDATE articles SET duplicate_of = NULL WHERE duplicate_of = ?",
                       [article_id])
            db.execute("DELETE FROM articles WHERE id = ?", [article_id])


def _pass_on(db: sqlite_utils.Database, gone: list[Stored], bodies: dict[int, str]) -> None:
    """An article whose whole text now stands inside another one (two joined into one)
    gives that article its tags and notes, which are then anchored in the new text."""
    squeezed = {article_id: squeeze(body) for article_id, body in bodies.items()}
    for stored in gone:
        key = squeeze(stored.body)
        holders = [a for a, text in squeezed.items() if key and key in text]
        if len(holders) != 1:
            continue
        target = holders[0]
        db.execute("INSERT OR IGNORE INTO article_tags (article_id, tag_id, created) "
                   "SELECT ?, tag_id, created FROM article_tags WHERE article_id = ?",
                   [target, stored.id])
        db.execute("DELETE FROM article_tags WHERE article_id = ?", [stored.id])
        db.execute("UPDATE notes SET article_id = ? WHERE article_id = ?", [target, stored.id])
        reanchor_notes(db, target, bodies[target])


def _follow_text(db: sqlite_utils.Database, bodies: dict[int, str]) -> None:
    """A passage note whose quote is no longer in its article's text but is in exactly one
    other article of the issue (an article split in two) moves to that article."""
    if not bodies:
        return
    squeezed = {article_id: squeeze(body) for article_id, body in bodies.items()}
    marks = ",".join("?" * len(bodies))
    rows = db.execute(f"SELECT id, article_id, quote FROM notes WHERE quote != '' "
                      f"AND article_id IN ({marks})", list(bodies)).fetchall()
    for note_id, article_id, quote in rows:
        key = squeeze(quote)
        if not key or key in squeezed[article_id]:
            continue
        holders = [a for a, text in squeezed.items() if key in text]
        if len(holders) == 1:
            db.execute("UPDATE notes SET article_id = ? WHERE id = ?", [holders[0], note_id])
            reanchor_notes(db, holders[0], bodies[holders[0]], only=note_id)


def stale_issue_ids(db: sqlite_utils.Database, current: str) -> list[int]:
    """Ids of the issues whose mentions another analysis than ``current`` found (or an
    unknown one: ``''``), oldest import first."""
    rows = db.execute("SELECT id FROM issues WHERE analysis != ? ORDER BY id", [current])
    return [int(row[0]) for row in rows]


def all_issue_ids(db: sqlite_utils.Database) -> list[int]:
    return [int(row[0]) for row in db.execute("SELECT id FROM issues ORDER BY id")]


def set_analysis(db: sqlite_utils.Database, issue_id: int, analysis: str) -> None:
    """Record which analysis found the mentions of an issue."""
    db.execute("UPDATE issues SET analysis = ? WHERE id = ?", [analysis, issue_id])


def analysis_of(db: sqlite_utils.Database, issue_id: int) -> str | None:
    """The stamp of the analysis of an issue (None: no such issue)."""
    row = db.execute("SELECT analysis FROM issues WHERE id = ?", [issue_id]).fetchone()
    return str(row[0]) if row else None


_ISSUE_COLUMNS = ("i.id, i.title, i.date, i.source_name, i.sha256, i.encoding, i.item_count, "
                  "i.imported_at, coalesce(p.name, ''), i.source_key, i.edition, i.number, "
                  "i.date_from, i.edition_from, i.number_from")


def list_issues(db: sqlite_utils.Database) -> list[IssueRow]:
    """All issues by paper, newest date first (undated last), a day's editions in order,
    then by title."""
    rows = db.execute(
        f"SELECT {_ISSUE_COLUMNS} FROM issues i LEFT JOIN papers p ON p.id = i.paper_id "
        "ORDER BY p.name, i.date IS NULL, i.date DESC, i.edition IS NULL, "
        "length(i.edition), i.edition, i.title DESC, i.source_key DESC"
    ).fetchall()
    return [IssueRow(*row) for row in rows]


def get_issue(db: sqlite_utils.Database, issue_id: int) -> IssueRow | None:
    row = db.execute(f"SELECT {_ISSUE_COLUMNS} FROM issues i LEFT JOIN papers p "
                     "ON p.id = i.paper_id WHERE i.id = ?", [issue_id]).fetchone()
    return IssueRow(*row) if row else None
