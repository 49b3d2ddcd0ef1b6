"""Schema 3, the compact library: an old library upgrades in place, keeps every
annotation, finds the same, and the contentless index stays true through edits."""

from __future__ import annotations

import gzip
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from reader.db import migrations, stats
from reader.db.entities import add_correction
from reader.db.search import reindex_all
from reader.library import AnnotationError, Library

DATA = Path(__file__).resolve().parent.parent / "data"
SAMPLES = Path(__file__).resolve().parent.parent.parent / "resources" / "samples"

KEPT = {
    "notes": "SELECT * FROM notes ORDER BY id",
    "tags": "SELECT * FROM tags ORDER BY id",
    "article_tags": "SELECT * FROM article_tags ORDER BY article_id, tag_id",
    "entity_corrections": "SELECT * FROM entity_corrections ORDER BY id",
    "entities": "SELECT * FROM entities ORDER BY id",
    "articles": "SELECT * FROM articles ORDER BY id",
    "mentions": 'SELECT DISTINCT article_id, start, "end", entity_id FROM entity_mentions '
                'ORDER BY 1, 2, 3, 4',
    "figures": "SELECT rowid, * FROM figures ORDER BY rowid",
}


@pytest.fixture
def v2_library(tmp_path: Path) -> Path:
    """The sample library as the schema-2 app wrote it (tools/make_v2_fixture.py)."""
    path = tmp_path / "library.sqlite"
    with gzip.open(DATA / "library-v2.sqlite.gz", "rb") as packed, path.open("wb") as raw:
        shutil.copyfileobj(packed, raw)
    return path


def snapshot(path: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(path)
    try:
        return {name: conn.execute(sql).fetchall() for name, sql in KEPT.items()}
    finally:
        conn.close()


def index_rows(library: Library) -> list[tuple[object, ...]]:
    """Every (term, article, column, offset) of the search index."""
    db = library.db
    db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_terms "
               "USING fts5vocab(main, articles_fts, instance)")
    return db.execute("SELECT * FROM temp.fts_terms ORDER BY 1, 2, 3, 4").fetchall()


def test_the_fixture_is_a_schema_2_library_with_annotations(v2_library: Path) -> None:
    conn = sqlite3.connect(v2_library)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
    before = snapshot(v2_library)
    assert len(before["notes"]) == 24 and len(before["article_tags"]) == 12
    assert [row[1] for row in before["entity_corrections"]] == ["reject", "merge"]


def test_upgrade_keeps_every_note_tag_correction_mention_and_figure(v2_library: Path) -> None:
    before = snapshot(v2_library)
    library = Library(v2_library)
    assert migrations.schema_version(library.db) == len(migrations.MIGRATIONS)
    assert library.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert library.db.execute("PRAGMA foreign_key_check").fetchall() == []
    library.close()
    assert snapshot(v2_library) == before
    assert list(v2_library.parent.glob("library.sqlite.backups/*before-upgrade-v2*"))


def test_upgrade_drops_the_second_copy_and_compacts_the_file(v2_library: Path) -> None:
    size = v2_library.stat().st_size
    library = Library(v2_library)
    db = library.db
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert db.execute("PRAGMA page_size").fetchone()[0] == migrations.PAGE_SIZE
    assert db.execute("PRAGMA freelist_count").fetchone()[0] == 0
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert "articles_fts_content" not in db.table_names()
    text = db.execute("SELECT sum(length(CAST(title AS BLOB)) + length(CAST(body AS BLOB))) "
                      "FROM articles").fetchone()[0]
    index = db.execute("SELECT sum(payload) FROM dbstat WHERE name LIKE 'articles_fts%'"
                       ).fetchone()[0]
    assert index < 2 * text  # schema 2: 5.0 times (content copy, prefix index); now 1.6
    detector = db.execute(
        "SELECT sum(pgsize) FROM dbstat WHERE name = 'article_bands'").fetchone()[0]
    library.close()
    # No bigger, although the sample's tables are tiny and every table and index (the
    # split corrections' three, empty here) takes at least one 16 KiB page; schema 5 adds
    # one more table (issue_corrections), so one page more; the near-duplicate detector's
    # band index (schema 7) is new data, not counted.
    assert v2_library.stat().st_size - detector <= size + migrations.PAGE_SIZE


def test_upgraded_search_finds_what_schema_2_found_in_the_same_order(v2_library: Path) -> None:
    expected = json.loads((DATA / "search-v2.json").read_text(encoding="utf-8"))
    library = Library(v2_library)
    found: dict[str, object] = {}
    for query in expected:
        try:
            found[query] = [h.article_id for h in library.search(query, limit=100_000)]
        except ValueError as error:
            found[query] = str(error)
    library.close()
    assert len(expected) > 250
    assert found == expected


def test_a_new_library_has_the_compact_layout(tmp_path: Path) -> None:
    library = Library(tmp_path / "new.sqlite")
    db = library.db
    assert db.execute("PRAGMA page_size").fetchone()[0] == migrations.PAGE_SIZE
    sql = db.execute("SELECT sql FROM sqlite_master WHERE name = 'articles_fts'").fetchone()[0]
    assert "content = ''" in sql and "prefix" not in sql
    assert "text" not in {c.name for c in db["entity_mentions"].columns}
    assert db.execute("SELECT name FROM sqlite_master WHERE name = 'figures_kind_value'"
                      ).fetchall() == []
    library.close()


def test_reimport_and_retire_leave_the_index_as_a_rebuild_would(tmp_path: Path) -> None:
    """A contentless index forgets a row only by its tokens: edits must leave no trace."""
    folder = tmp_path / "paper"
    folder.mkdir()
    seeds = sorted(SAMPLES.glob("*.txt"))[:2]
    for seed in seeds:
        shutil.copy(seed, folder / seed.name)
    library = Library(tmp_path / "lib.sqlite")
    library.import_paths([folder])
    first = library.search("南开", limit=5)[0].article_id
    library.add_tag(first, "kept")
    text = (folder / seeds[0].name).read_text("utf-8")
    paragraphs = text.split("\n\n")
    edited = "\n\n".join(p.replace("南开", "西青") for p in paragraphs[: len(paragraphs) // 2])
    (folder / seeds[0].name).write_text(edited + "\n\n新增一段文字，测试用。\n", "utf-8")
    library.import_paths([folder])
    assert library.search("测试用")
    incremental = index_rows(library)
    reindex_all(library.db)
    assert index_rows(library) == incremental
    library.db.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
    library.close()


def test_merging_an_alias_whose_span_the_target_already_has(tmp_path: Path) -> None:
    library = Library(tmp_path / "lib.sqlite")
    library.import_paths(sorted(SAMPLES.glob("*.txt"))[:1])
    db = library.db
    article, start, end, entity = db.execute(
        'SELECT article_id, start, "end", entity_id FROM entity_mentions LIMIT 1').fetchone()
    kind = db.execute("SELECT type FROM entities WHERE id = ?", [entity]).fetchone()[0]
    db.execute("INSERT INTO entities (type, name) VALUES (?, '别名')", [kind])
    alias = db.execute("SELECT id FROM entities WHERE name = '别名'").fetchone()[0]
    db.execute('INSERT INTO entity_mentions (article_id, start, "end", entity_id) '
               "VALUES (?, ?, ?, ?)", [article, start, end, alias])
    target = db.execute("SELECT name FROM entities WHERE id = ?", [entity]).fetchone()[0]
    add_correction(db, "merge", kind, "别名", target)
    rows = db.execute('SELECT entity_id FROM entity_mentions WHERE article_id = ? AND '
                      'start = ? AND "end" = ?', [article, start, end]).fetchall()
    assert rows == [(entity,)]
    library.close()


def test_the_before_upgrade_backup_restores_into_the_upgraded_library(v2_library: Path) -> None:
    """Undoing the upgrade: the 4 KiB-page backup goes into the 16 KiB-page WAL file."""
    before = snapshot(v2_library)
    library = Library(v2_library)
    backup = next(v2_library.parent.glob("library.sqlite.backups/*before-upgrade-v2*"))
    library.add_tag(1, "after the upgrade")
    library.restore_backup(backup)
    assert migrations.schema_version(library.db) == len(migrations.MIGRATIONS)
    assert library.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert "after the upgrade" not in {t.name for t in library.tags()}
    assert library.search("南开")
    library.add_tag(1, "writable")
    library.close()
    after = snapshot(v2_library)
    assert {k: v for k, v in after.items() if k not in ("tags", "article_tags")} == \
        {k: v for k, v in before.items() if k not in ("tags", "article_tags")}
    assert after["tags"][: len(before["tags"])] == before["tags"]


def encoding(library: Library) -> str:
    return str(library.db.execute("PRAGMA encoding").fetchone()[0])


def test_a_new_library_stores_text_as_utf16_in_code_point_order(tmp_path: Path) -> None:
    """A Hanzi takes 2 bytes instead of 3; names still sort as they did in UTF-8."""
    library = Library(tmp_path / "new.sqlite")
    assert encoding(library) == migrations.TEXT_ENCODING == "UTF-16be"
    folder = tmp_path / "issues"
    folder.mkdir()
    shutil.copy(sorted(SAMPLES.glob("*.txt"))[0], folder / "a.txt")
    library.import_paths([folder])
    article = library.articles(library.issues()[0].id)[0][0]
    names = ["天津", "人民", "Zürich", "abc", "ｆｕｌｌ", "一", "南开区", "南开"]
    for name in [*names, "𠀋字"]:
        library.add_tag(article, name)
    # BINARY collation compares UTF-16BE bytes: code-point order in the Basic Multilingual
    # Plane, as Python (and UTF-8) order str
    rows = library.db.execute("SELECT name FROM tags WHERE name != '𠀋字' "
                              "ORDER BY name COLLATE BINARY").fetchall()
    assert [name for (name,) in rows] == sorted(names)
    assert "𠀋字" in {t.name for t in library.tags()}  # beyond U+FFFF: round-trips
    utf8 = sum(len(library.article(a).title.encode()) + len(library.article(a).body.encode())
               for issue in library.issues() for a, _, _ in library.articles(issue.id))
    assert stats.text_bytes(library.db) == utf8  # the size ratio counts UTF-8 bytes
    assert library.search("𠀋") == [] and library.search("南开")
    library.close()


def test_an_old_utf8_library_keeps_its_encoding_and_refuses_a_foreign_backup(
        v2_library: Path, tmp_path: Path) -> None:
    old = Library(v2_library)
    assert encoding(old) == "UTF-8"  # SQLite fixes the encoding when a file is made
    old.add_tag(1, "旧库")
    assert old.search("南开")
    new = Library(tmp_path / "new.sqlite")
    new_backup = new.make_backup()
    before = snapshot(v2_library)
    with pytest.raises(AnnotationError, match=r"UTF-16be.*cannot be restored.*nothing was"):
        old.restore_backup(new_backup)
    assert not old.readonly  # refused, not failed: the library is still writable
    old.add_tag(1, "还能写")
    old.close()
    after = snapshot(v2_library)
    assert {k: v for k, v in after.items() if k not in ("tags", "article_tags")} == \
        {k: v for k, v in before.items() if k not in ("tags", "article_tags")}
    new.close()
