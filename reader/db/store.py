"""Write parsed issues into the library and read issues and articles back."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

import sqlite_utils

from reader.core.anchor import Anchor, reanchor
from reader.core.model import Issue, Item
from reader.core.records import (
    ArticleLabel,
    ArticleRow,
    Highlight,
    IssueRow,
    Mention,
)
from reader.core.rematch import Incoming, Stored, match_items
from reader.core.spans import in_body, paragraph_starts
from reader.core.splits import squeeze
from reader.db.connection import transaction
from reader.db.migrations import ensure_paper
from reader.db.search import index_article, unindex_article

if TYPE_CHECKING:
    from reader.core.records import NoteRow


def now() -> str:
    """The current time as an ISO 8601 string in UTC, to the second."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


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
    db.execute("DELETE FROM papers WHERE id = ?", [source[0]])


def body_of(item: Item) -> tuple[str, list[tuple[str, int, int]]]:
    """The article text stored for an item, one paragraph a line, with paragraph offsets."""
    starts = paragraph_starts(p.text for p in item.paragraphs)
    spans: list[tuple[str, int, int]] = [
        (p.kind, start, start + len(p.text))
        for p, start in zip(item.paragraphs, starts, strict=True)]
    return "\n".join(p.text for p in item.paragraphs), spans


def insert_issue(db: sqlite_utils.Database, issue: Issue, source_path: str,
                 paper: str, key: str) -> int:
    """Insert a new issue with all its items; the caller holds the transaction."""
    cursor = db.execute(
        "INSERT INTO issues (source_name, source_path, sha256, encoding, title, date, "
        "item_count, char_count, warnings, imported_at, paper_id, source_key) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        [issue.source.name, source_path, issue.source.sha256, issue.source.encoding,
         issue.title, issue.date, len(issue.items), _chars(issue),
         json.dumps(issue.warnings, ensure_ascii=False), now(), paper_id(db, paper), key],
    )
    issue_id = int(cursor.lastrowid or 0)
    ids = [_insert_article(db, issue_id, item) for item in issue.items]
    _link_duplicates(db, issue, ids)
    return issue_id


def replace_issue(
    db: sqlite_utils.Database, issue_id: int, issue: Issue, source_path: str
) -> list[int]:
    """Replace an issue's text in place, keeping every tag and note on its articles.

    New items are matched to the old articles (same title, else most similar text;
    see ``reader.core.rematch``); matched articles keep their id, so tags stay, and their
    notes are re-anchored. An old article that no longer exists but carries tags or
    notes is kept, marked removed, with its notes detached; nothing annotated is ever
    deleted, and a removed article that comes back gets its annotations back. Returns
    the ids of the articles the issue now holds and of those it no longer shows.
    """
    db.execute(
        "UPDATE issues SET source_path = ?, sha256 = ?, encoding = ?, title = ?, date = ?, "
        "item_count = ?, char_count = ?, warnings = ?, imported_at = ? WHERE id = ?",
        [source_path, issue.source.sha256, issue.source.encoding, issue.title, issue.date,
         len(issue.items), _chars(issue), json.dumps(issue.warnings, ensure_ascii=False),
         now(), issue_id],
    )
    old = _old_articles(db, issue_id)
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
    mentions = [
        (article_id, *where, entity_id(db, e.type, e.canonical or e.text))
        for e in item.entities
        if (where := in_body(starts, e.paragraph, e.start, e.end)) is not None
    ]
    conn.executemany(  # the same span of the same entity twice is one mention
        'INSERT OR IGNORE INTO entity_mentions (article_id, start, "end", entity_id) '
        "VALUES (?,?,?,?)", mentions,
    )
    conn.executemany(
        'INSERT INTO figures (article_id, kind, text, value, upper, unit, norm, qualifier, '
        'start, "end") VALUES (?,?,?,?,?,?,?,?,?,?)',
        [(article_id, f.kind, f.text, f.value, f.upper, f.unit, f.norm, f.qualifier, *where)
         for f in item.figures
         if (where := in_body(starts, f.paragraph, f.start, f.end)) is not None],
    )
    index_article(db, article_id, body, item.title)


def entity_id(db: sqlite_utils.Database, type_: str, name: str) -> int:
    """The id of the entity ``(type, name)``, created if new."""
    row = db.execute("SELECT id FROM entities WHERE type = ? AND name = ?",
                     [type_, name]).fetchone()
    if row:
        return int(row[0])
    cursor = db.execute("INSERT INTO entities (type, name) VALUES (?, ?)", [type_, name])
    return int(cursor.lastrowid or 0)


def _link_duplicates(db: sqlite_utils.Database, issue: Issue, ids: list[int]) -> None:
    for item, article_id in zip(issue.items, ids, strict=True):
        if item.duplicate_of is not None:
            db.execute("UPDATE articles SET duplicate_of = ? WHERE id = ?",
                       [ids[item.duplicate_of], article_id])


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


# ---------------------------------------------------------------- matching on re-import


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


def reanchor_notes(db: sqlite_utils.Database, article_id: int, body: str,
                   only: int | None = None) -> None:
    """Re-attach every passage note of an article to its changed text."""
    rows = db.execute(
        'SELECT id, start, "end", quote, prefix, suffix FROM notes '
        "WHERE article_id = ? AND quote != '' AND (? IS NULL OR id = ?)",
        [article_id, only, only],
    ).fetchall()
    for note_id, start, end, quote, prefix, suffix in rows:
        anchor = Anchor(start if start is not None else -1, end if end is not None else -1,
                        quote, prefix, suffix)
        found = reanchor(anchor, body)
        if found.status == "detached":
            db.execute("UPDATE notes SET status = 'detached' WHERE id = ?", [note_id])
        else:
            status = "attached" if found.status == "exact" else "moved"
            db.execute('UPDATE notes SET start = ?, "end" = ?, status = ? WHERE id = ?',
                       [found.start, found.end, status, note_id])


# ---------------------------------------------------------------- reading


_ISSUE_COLUMNS = ("i.id, i.title, i.date, i.source_name, i.sha256, i.encoding, i.item_count, "
                  "i.imported_at, coalesce(p.name, ''), i.source_key")


def list_issues(db: sqlite_utils.Database) -> list[IssueRow]:
    """All issues by paper, newest date first (undated last), then by title."""
    rows = db.execute(
        f"SELECT {_ISSUE_COLUMNS} FROM issues i LEFT JOIN papers p ON p.id = i.paper_id "
        "ORDER BY p.name, i.date IS NULL, i.date DESC, i.title DESC, i.source_key DESC"
    ).fetchall()
    return [IssueRow(*row) for row in rows]


def get_article(db: sqlite_utils.Database, article_id: int) -> ArticleRow | None:
    row = db.execute(
        "SELECT a.id, a.issue_id, a.position, a.kind, a.title, a.title_lines, a.bylines, "
        "a.byline, a.credit, a.duplicate_of, a.body, coalesce(i.title, ''), i.date "
        "FROM articles a LEFT JOIN issues i ON i.id = a.issue_id WHERE a.id = ?",
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
            f"substr(body, 1, {LABEL_HEAD}) ELSE '' END, removed FROM articles "
            f"WHERE issue_id IN ({','.join('?' * len(part))}) "
            "ORDER BY issue_id, removed, position", part).fetchall()
        for issue, *row in rows:
            found[int(issue)].append((int(row[0]), str(row[1]), str(row[2]), str(row[3]),
                                      bool(row[4])))
    return found


def tree_matches(db: sqlite_utils.Database, text: str) -> tuple[set[int], list[int]]:
    """(article ids, their issues' ids) for the tree filter: articles whose title (or, when
    untitled, the start of their text) contains ``text``, or that carry a tag or mention
    an entity of that name."""
    text = text.strip()
    if not text:
        return set(), []
    rows = db.execute(
        "SELECT id, issue_id FROM articles WHERE removed = 0 AND issue_id IS NOT NULL AND ("
        "instr(lower(title), lower(:t)) > 0 OR (title = '' AND "
        f"instr(lower(substr(body, 1, {LABEL_HEAD})), lower(:t)) > 0)) "
        "UNION SELECT a.id, a.issue_id FROM article_tags at JOIN tags t ON t.id = at.tag_id "
        "JOIN articles a ON a.id = at.article_id WHERE t.name = :t AND a.issue_id IS NOT NULL "
        "UNION SELECT a.id, a.issue_id FROM entity_mentions m "
        "JOIN entities e ON e.id = m.entity_id JOIN articles a ON a.id = m.article_id "
        "WHERE e.name = :t COLLATE NOCASE AND a.issue_id IS NOT NULL", {"t": text},
    ).fetchall()
    return {int(r[0]) for r in rows}, sorted({int(r[1]) for r in rows})


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
        "UNION SELECT m.article_id FROM entity_mentions m "
        "JOIN entities e ON e.id = m.entity_id WHERE e.name = ? COLLATE NOCASE",
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


# ---------------------------------------------------------------- corpus views

SENTENCE_ENDS = "。！？!?；;\n"
SENTENCE_MAX = 80
"""A mention's context is cut to at most this many characters either side."""


def sentence_around(body: str, start: int, end: int) -> str:
    """The sentence of ``body`` holding ``start:end`` (clamped to SENTENCE_MAX each side)."""
    left = max((body.rfind(mark, 0, start) for mark in SENTENCE_ENDS), default=-1) + 1
    rights = [i for i in (body.find(mark, end) for mark in SENTENCE_ENDS) if i >= 0]
    right = min(rights) + 1 if rights else len(body)
    left, right = max(left, start - SENTENCE_MAX), min(right, end + SENTENCE_MAX)
    return body[left:right].strip()


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
    return [Mention(r[0], r[1], r[2], r[3], sentence_around(r[4], r[5], r[6]), r[5], r[6])
            for r in rows]


def restore_note(db: sqlite_utils.Database, note: NoteRow) -> int:
    """Put a deleted note back as it was (same uid, passage, status, dates); its new id."""
    with transaction(db):
        cursor = db.execute(
            'INSERT INTO notes (uid, article_id, start, "end", quote, prefix, suffix, status, '
            "body, color, created, updated) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            [note.uid, note.article_id, note.start, note.end, note.quote, note.prefix,
             note.suffix, note.status, note.body, note.color, note.created, note.updated])
    return int(cursor.lastrowid or 0)
