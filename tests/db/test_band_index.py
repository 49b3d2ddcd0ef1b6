"""Schema 7, the band index: a schema-6 library (signatures, band rows, stored pairs)
upgrades in place, keeps everything the user wrote, and finds the pairs it had stored."""

from __future__ import annotations

import gzip
import shutil
import sqlite3
from pathlib import Path

import pytest

from reader.core import idlists
from reader.db import migrations
from reader.library import Library

DATA = Path(__file__).resolve().parent.parent / "data"

KEPT = {
    "notes": "SELECT * FROM notes ORDER BY id",
    "tags": "SELECT * FROM tags ORDER BY id",
    "article_tags": "SELECT * FROM article_tags ORDER BY article_id, tag_id",
    "entity_corrections": "SELECT * FROM entity_corrections ORDER BY id",
    "split_fixes": "SELECT * FROM split_fixes ORDER BY id",
    "issue_layouts": "SELECT * FROM issue_layouts ORDER BY issue_id",
    "issue_corrections": "SELECT * FROM issue_corrections ORDER BY 1, 2, 3",
    "issues": "SELECT * FROM issues ORDER BY id",
    "articles": "SELECT * FROM articles ORDER BY id",
    "paragraphs": "SELECT * FROM paragraphs ORDER BY 1, 2",
    "mentions": "SELECT * FROM entity_mentions ORDER BY 1, 2, 3, 4",
    "figures": "SELECT rowid, * FROM figures ORDER BY rowid",
}


@pytest.fixture
def v6_library(tmp_path: Path) -> Path:
    """Three sample issues and a paper reprinting three of their articles, annotated, as
    the schema-6 app wrote them (tools/make_v6_fixture.py)."""
    path = tmp_path / "library.sqlite"
    with gzip.open(DATA / "library-v6.sqlite.gz", "rb") as packed, path.open("wb") as raw:
        shutil.copyfileobj(packed, raw)
    return path


def read(path: Path, queries: dict[str, str]) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(path)
    try:
        return {name: conn.execute(sql).fetchall() for name, sql in queries.items()}
    finally:
        conn.close()


def stored_pairs(path: Path) -> dict[int, set[tuple[int, int, int, str]]]:
    """The pairs the schema-6 app stored, from each side: other id, similarity and
    containment per mille, kind."""
    [rows] = read(path, {"pairs": "SELECT * FROM related_articles"}).values()
    pairs: dict[int, set[tuple[int, int, int, str]]] = {}
    for a, b, similarity, contained, kind in rows:
        pairs.setdefault(int(a), set()).add((int(b), int(similarity), int(contained), str(kind)))
        pairs.setdefault(int(b), set()).add((int(a), int(similarity), int(contained), str(kind)))
    return pairs


def test_the_fixture_is_a_schema_6_library_with_pairs_of_each_kind(v6_library: Path) -> None:
    found = read(v6_library, {"version": "PRAGMA user_version",
                              "kinds": "SELECT DISTINCT kind FROM related_articles ORDER BY 1"})
    assert found == {"version": [(6,)], "kinds": [("copy",), ("overlap",), ("part",)]}
    kept = read(v6_library, KEPT)
    assert len(kept["notes"]) == 12 and len(kept["article_tags"]) == 6
    assert kept["split_fixes"] and kept["issue_corrections"] and kept["entity_corrections"]


def test_upgrade_keeps_everything_the_user_wrote(v6_library: Path) -> None:
    before = read(v6_library, KEPT)
    library = Library(v6_library)
    assert migrations.schema_version(library.db) == len(migrations.MIGRATIONS) >= 7
    assert library.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert library.db.execute("PRAGMA foreign_key_check").fetchall() == []
    library.close()
    after = read(v6_library, KEPT)
    width = len(before["issues"][0])  # schema 8 adds the analysis stamp, unknown ('')
    assert {row[width:] for row in after["issues"]} == {("",)}
    assert {**after, "issues": [row[:width] for row in after["issues"]]} == before
    assert list(v6_library.parent.glob("library.sqlite.backups/*before-upgrade-v6*"))


def test_upgrade_finds_every_pair_schema_6_stored(v6_library: Path) -> None:
    pairs = stored_pairs(v6_library)
    library = Library(v6_library)
    for article_id, expected in pairs.items():
        found = {(r.article_id, round(1000 * r.similarity), round(1000 * r.contained), r.kind)
                 for r in library.related_articles(article_id)}
        assert found == expected, article_id
    library.close()


def test_upgrade_replaces_the_three_tables_with_the_band_index(v6_library: Path) -> None:
    library = Library(v6_library)
    db = library.db
    assert db.execute("PRAGMA freelist_count").fetchone()[0] == 0  # compacted
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
    assert not tables & {"article_signatures", "related_articles", "related_articles_other"}
    assert [c.name for c in db["article_bands"].columns] == ["band_key", "article_ids"]
    upgraded = db.execute("SELECT * FROM article_bands ORDER BY 1").fetchall()
    signed = {n for _, data in upgraded for n in idlists.unpack(data)}
    assert len(signed) == 25  # every article of the fixture the schema-6 app signed
    assert library.rebuild_related() == 25
    assert db.execute("SELECT * FROM article_bands ORDER BY 1").fetchall() == upgraded
    library.close()


def test_a_schema_5_library_goes_straight_to_the_band_index(tmp_path: Path) -> None:
    """Migration 6 makes nothing any more: its tables would be dropped by migration 7."""
    path = tmp_path / "library.sqlite"
    with gzip.open(DATA / "library-v2.sqlite.gz", "rb") as packed, path.open("wb") as raw:
        shutil.copyfileobj(packed, raw)
    library = Library(path)
    tables = {row[0] for row in library.db.execute("SELECT name FROM sqlite_master")}
    assert not tables & {"article_signatures", "related_articles"}
    assert library.db.execute("SELECT count(*) FROM article_bands").fetchone()[0] > 0
    library.close()
