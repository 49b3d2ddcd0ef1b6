"""Rows for the CSV exports and the annotations file (docs/formats.md names the columns)."""

from __future__ import annotations

import json
from typing import Any

import sqlite_utils

from reader.core.citation import citation
from reader.db import tags as tag_store
from reader.db.annotations import AnnotationError
from reader.db.connection import now, transaction
from reader.db.exchange import issue_details
from reader.db.notes import reanchor_notes

NOTE_COLUMNS = ["note_id", "uid", "paper", "issue", "issue_date", "article_id", "article_title",
                "bylines", "start", "end", "quote", "note", "color", "status", "tags",
                "created", "updated", "edition", "citation"]
TAG_COLUMNS = ["article_id", "paper", "issue", "issue_date", "article_title", "tag", "color",
               "tagged"]
ENTITY_COLUMNS = ["entity_id", "type", "name", "mentions", "articles", "issues", "papers"]
FIGURE_COLUMNS = ["article_id", "paper", "issue", "issue_date", "article_title", "kind", "text",
                  "value", "upper", "unit", "norm", "qualifier", "start", "end", "context"]
NUMERIC = {"note_id", "article_id", "start", "end", "entity_id", "mentions", "articles",
           "issues", "value", "upper"}
CONTEXT = 30


def note_rows(db: sqlite_utils.Database) -> list[list[Any]]:
    edition, _ = issue_details(db)
    rows = db.execute(
        'SELECT n.id, n.uid, coalesce(p.name, \'\'), coalesce(i.title, \'\'), i.date, a.id, '
        'a.title, a.bylines, '
        'n.start, n."end", n.quote, n.body, n.color, n.status, '
        "(SELECT group_concat(t.name, '; ') FROM article_tags at JOIN tags t "
        f" ON t.id = at.tag_id WHERE at.article_id = a.id), n.created, n.updated, {edition} "
        "FROM notes n JOIN articles a ON a.id = n.article_id "
        "LEFT JOIN issues i ON i.id = a.issue_id LEFT JOIN papers p ON p.id = i.paper_id "
        "ORDER BY p.name, i.date, i.title, a.position, n.start"
    ).fetchall()
    return [_note_row(r) for r in rows]


def _note_row(r: Any) -> list[Any]:
    """A notes CSV row: the columns as stored, then the edition and the citation."""
    bylines = json.loads(r[7])
    return [*r[:7], "; ".join(bylines), *r[8:14], r[14] or "", *r[15:17], r[17],
            citation(bylines, r[6], r[2], r[4], r[17])]


def tag_rows(db: sqlite_utils.Database) -> list[list[Any]]:
    rows = db.execute(
        "SELECT a.id, coalesce(p.name, ''), coalesce(i.title, ''), i.date, a.title, t.name, "
        "t.color, at.created FROM article_tags at JOIN tags t ON t.id = at.tag_id "
        "JOIN articles a ON a.id = at.article_id LEFT JOIN issues i ON i.id = a.issue_id "
        "LEFT JOIN papers p ON p.id = i.paper_id ORDER BY t.name, p.name, i.date, a.position"
    ).fetchall()
    return [list(r) for r in rows]


def entity_rows(db: sqlite_utils.Database) -> list[list[Any]]:
    rows = db.execute(
        "SELECT e.id, e.type, e.name, count(*), count(DISTINCT m.article_id), "
        "count(DISTINCT a.issue_id), group_concat(DISTINCT i.paper_id) FROM entities e "
        "JOIN entity_mentions m ON m.entity_id = e.id JOIN articles a ON a.id = m.article_id "
        "LEFT JOIN issues i ON i.id = a.issue_id "
        "GROUP BY e.id ORDER BY count(*) DESC, e.type, e.name"
    ).fetchall()
    papers = dict(db.execute("SELECT id, name FROM papers").fetchall())
    return [[*r[:6], "; ".join(sorted(papers.get(int(p), "") for p in (r[6] or "").split(",")
                                      if p))] for r in rows]


def figure_rows(db: sqlite_utils.Database) -> list[list[Any]]:
    rows = db.execute(
        'SELECT a.id, coalesce(p.name, \'\'), coalesce(i.title, \'\'), i.date, a.title, '
        'f.kind, f.text, f.value, f.upper, f.unit, f.norm, f.qualifier, f.start, f."end", '
        "a.body FROM figures f JOIN articles a ON a.id = f.article_id "
        "LEFT JOIN issues i ON i.id = a.issue_id LEFT JOIN papers p ON p.id = i.paper_id "
        "ORDER BY p.name, i.date, i.title, a.position, f.start"
    ).fetchall()
    return [[*r[:14], _context(r[14], r[12], r[13])] for r in rows]


def _context(body: str, start: int, end: int) -> str:
    left = body.rfind("\n", 0, start) + 1
    right = body.find("\n", end)
    right = len(body) if right < 0 else right
    left, right = max(left, start - CONTEXT), min(right, end + CONTEXT)
    return body[left:right]


# ---------------------------------------------------------------- annotations file

ANNOTATIONS_FORMAT = "baokan.annotations/1"
_ISSUE_REF = ["issue_sha256", "issue_name", "issue_paper", "issue_key"]
"""How a shared annotation names its issue: bytes, file name, paper and name in the paper."""


def annotations_document(db: sqlite_utils.Database) -> dict[str, Any]:
    """Every tag and note, keyed by issue hash and article position, for sharing."""
    tags = [{"name": t.name, "color": t.color} for t in tag_store.list_tags(db)]
    tagged = db.execute(
        "SELECT i.sha256, i.source_name, coalesce(p.name, ''), i.source_key, a.position, "
        "a.title, t.name FROM article_tags at "
        "JOIN tags t ON t.id = at.tag_id JOIN articles a ON a.id = at.article_id "
        "JOIN issues i ON i.id = a.issue_id LEFT JOIN papers p ON p.id = i.paper_id "
        "ORDER BY i.id, a.position, t.name").fetchall()
    notes = db.execute(
        "SELECT i.sha256, i.source_name, coalesce(p.name, ''), i.source_key, a.position, "
        'a.title, n.uid, n.start, n."end", '
        "n.quote, n.prefix, n.suffix, n.body, n.color, n.created, n.updated FROM notes n "
        "JOIN articles a ON a.id = n.article_id JOIN issues i ON i.id = a.issue_id "
        "LEFT JOIN papers p ON p.id = i.paper_id ORDER BY n.id").fetchall()
    return {
        "format": ANNOTATIONS_FORMAT, "exported": now(), "tags": tags,
        "article_tags": [dict(zip([*_ISSUE_REF, "position", "title", "tag"],
                                  r, strict=True)) for r in tagged],
        "notes": [dict(zip([*_ISSUE_REF, "position", "title", "uid", "start",
                            "end", "quote", "prefix", "suffix", "body", "color", "created",
                            "updated"], r, strict=True)) for r in notes],
    }


def merge_annotations(db: sqlite_utils.Database, document: dict[str, Any]) -> dict[str, int]:
    """Merge an annotations file into the library without duplicates; returns counts."""
    if document.get("format") != ANNOTATIONS_FORMAT:
        raise AnnotationError(
            f"not a Baokan annotations file (format {document.get('format')!r})")
    counts = {"tags": 0, "article_tags": 0, "notes": 0, "unmatched": 0}
    with transaction(db):
        for tag in document.get("tags", []):
            exists = db.execute("SELECT 1 FROM tags WHERE name = ?", [tag["name"]]).fetchone()
            tag_store.tag_id(db, tag["name"], create=True, color=tag.get("color", ""))
            counts["tags"] += 0 if exists else 1
        for link in document.get("article_tags", []):
            article = _find_article(db, link)
            if article is None:
                counts["unmatched"] += 1
                continue
            tag = tag_store.tag_id(db, link["tag"], create=True)
            cursor = db.execute("INSERT OR IGNORE INTO article_tags (article_id, tag_id, created)"
                                " VALUES (?,?,?)", [article, tag, now()])
            counts["article_tags"] += cursor.rowcount
        for note in document.get("notes", []):
            counts["notes" if _merge_note(db, note) else "unmatched"] += 1
    return counts


def _merge_note(db: sqlite_utils.Database, note: dict[str, Any]) -> bool:
    if db.execute("SELECT 1 FROM notes WHERE uid = ?", [note["uid"]]).fetchone():
        return True
    article = _find_article(db, note)
    if article is None:
        return False
    db.execute(
        'INSERT INTO notes (uid, article_id, start, "end", quote, prefix, suffix, status, '
        "body, color, created, updated) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        [note["uid"], article, note.get("start"), note.get("end"), note.get("quote", ""),
         note.get("prefix", ""), note.get("suffix", ""), "attached", note.get("body", ""),
         note.get("color", ""), note.get("created") or now(), note.get("updated") or now()])
    body = db.execute("SELECT body FROM articles WHERE id = ?", [article]).fetchone()[0]
    reanchor_notes(db, article, body)
    return True


def _find_article(db: sqlite_utils.Database, ref: dict[str, Any]) -> int | None:
    """The article an exported reference points to: same issue content, else the same
    paper and name, else (files of schema 1) the same file name."""
    where = [("i.sha256 = ?", [ref.get("issue_sha256")])]
    if ref.get("issue_paper") is not None:
        where.append(("p.name = ? AND i.source_key = ?",
                      [ref.get("issue_paper"), ref.get("issue_key")]))
    else:
        where.append(("i.source_name = ?", [ref.get("issue_name")]))
    for condition, args in where:
        row = db.execute(
            "SELECT a.id FROM articles a JOIN issues i ON i.id = a.issue_id "
            f"LEFT JOIN papers p ON p.id = i.paper_id WHERE {condition} "
            "AND a.position = ? AND a.title = ?",
            [*args, ref.get("position"), ref.get("title")]).fetchone()
        if row:
            return int(row[0])
    return None
