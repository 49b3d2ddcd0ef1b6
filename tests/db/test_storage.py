"""The library file: pragmas, schema version, backup before migration, refusing the future."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from reader.db import migrations
from reader.db.connection import StorageError, connect, default_path


def test_new_library_has_wal_foreign_keys_and_current_schema(tmp_path: Path) -> None:
    db = connect(tmp_path / "lib.sqlite")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    assert migrations.schema_version(db) == len(migrations.MIGRATIONS)
    assert {"issues", "articles", "paragraphs", "entities", "entity_mentions", "figures",
            "tags", "article_tags", "notes", "entity_corrections"} <= set(db.table_names())


def test_db_env_var_chooses_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BAOKAN_DB", str(tmp_path / "env.sqlite"))
    assert default_path() == tmp_path / "env.sqlite"


def test_migration_takes_a_backup_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "lib.sqlite"
    db = connect(path)
    db.execute("INSERT INTO tags (name, created) VALUES ('城市更新', 'now')")
    db.close()

    def v2(db: sqlite_utils.Database) -> None:
        db.execute("ALTER TABLE tags ADD COLUMN description TEXT NOT NULL DEFAULT ''")

    current = len(migrations.MIGRATIONS)
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, v2])
    db = connect(path)
    assert migrations.schema_version(db) == current + 1
    backups = list((tmp_path / "lib.sqlite.backups").glob(f"lib-*-before-upgrade-v{current}.sqlite"))
    assert len(backups) == 1
    copy = sqlite3.connect(backups[0])
    assert copy.execute("SELECT name FROM tags").fetchall() == [("城市更新",)]
    assert copy.execute("PRAGMA user_version").fetchone()[0] == current


def test_a_library_from_a_newer_app_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite"
    connect(path).execute("PRAGMA user_version = 99")
    with pytest.raises(StorageError, match="newer Baokan Reader"):
        connect(path)
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == 99


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StorageError, match="not a readable library file"):
        connect(path)
