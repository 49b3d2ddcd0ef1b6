"""The figures table of the corpus, read as ids sorted and filtered in SQL, rows by page."""

from __future__ import annotations

import sqlite_utils

from reader.core.records import FigureRow

CONTEXT = 30
"""Characters of text kept on each side of a figure (within its paragraph)."""

SORTS: dict[str, tuple[str, ...]] = {
    "value": ("f.value",), "unit": ("f.unit",), "kind": ("f.kind",), "text": ("f.text",),
    "issue": ("coalesce(i.date, '')", "i.title"), "article": ("a.title",),
    "context": ("a.id", "f.start"),
    "": ("coalesce(p.name, '')", "coalesce(i.date, '')", "i.title", "a.position", "f.start"),
}
"""What each column sorts on; '' is the table's own order (paper, date, issue, article)."""

_FROM = ("FROM figures f JOIN articles a ON a.id = f.article_id "
         "LEFT JOIN issues i ON i.id = a.issue_id LEFT JOIN papers p ON p.id = i.paper_id")

_MATCHES = ("(instr(lower(f.kind), :t) OR instr(lower(f.unit), :t) OR instr(lower(f.text), :t) "
            "OR instr(lower(coalesce(i.title, '')), :t) OR instr(coalesce(i.date, ''), :t) "
            "OR instr(lower(a.title), :t))")


def figure_ids(db: sqlite_utils.Database, text: str = "", column: str = "",
               descending: bool = False) -> list[int]:
    """The figures' ids (rowids) whose kind, unit, text, issue or article contains
    ``text`` (ignoring case), sorted on ``column`` (see SORTS)."""
    order = ", ".join(f"{part} {'DESC' if descending else 'ASC'}" for part in SORTS[column])
    where = f"WHERE {_MATCHES}" if text.strip() else ""
    rows = db.execute(f"SELECT f.rowid {_FROM} {where} ORDER BY {order}, f.rowid",
                      {"t": text.strip().lower()})
    return [int(row[0]) for row in rows]


def figure_count(db: sqlite_utils.Database) -> int:
    return int(db.execute("SELECT count(*) FROM figures").fetchone()[0])


def figures_by_id(db: sqlite_utils.Database, ids: list[int]) -> list[FigureRow]:
    """The rows of these figures, in the order given; only the text around each figure
    is read, never a whole article."""
    if not ids:
        return []
    rows = db.execute(
        "SELECT f.rowid, a.id, coalesce(i.title, ''), i.date, a.title, f.kind, f.text, "
        'f.value, f.upper, f.unit, f.norm, f.qualifier, f.start, f."end", '
        f"substr(a.body, max(1, f.start + 1 - {CONTEXT}), "
        f"f.\"end\" + {CONTEXT} - max(0, f.start - {CONTEXT})), "
        f"max(0, f.start - {CONTEXT}) {_FROM} WHERE f.rowid IN ({','.join('?' * len(ids))})",
        ids).fetchall()
    found = {}
    for r in rows:
        fields = [*r[1:14], _context(r[14], r[12] - r[15], r[13] - r[15])]
        found[int(r[0])] = FigureRow(*fields)
    return [found[i] for i in ids if i in found]


def _context(window: str, start: int, end: int) -> str:
    """The part of ``window`` around start..end that stays inside the paragraph."""
    left = window.rfind("\n", 0, start) + 1
    right = window.find("\n", end)
    return window[left:len(window) if right < 0 else right]
