"""Schema 8, the analysis stamp: an upgraded library's issues are stale (their mentions
came from an unknown analysis) and are refreshed in place, every user row kept."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from reader.core.analyze import analysis_stamp
from reader.db import migrations
from reader.library import Library
from tests.db.test_band_index import KEPT, read, v6_library

__all__ = ["v6_library"]  # the fixture, used here too

USER_ROWS = {name: sql for name, sql in KEPT.items()
             if name not in ("issues", "mentions")}


def test_an_upgraded_library_has_every_issue_stale(v6_library: Path) -> None:
    library = Library(v6_library)
    assert migrations.schema_version(library.db) == len(migrations.MIGRATIONS) >= 8
    assert read(v6_library, {"a": "SELECT DISTINCT analysis FROM issues"})["a"] == [("",)]
    assert library.stale_issue_ids() == library.all_issue_ids() != []


def test_refreshing_an_upgraded_library_keeps_the_user_rows(v6_library: Path) -> None:
    library = Library(v6_library)
    before = read(v6_library, USER_ROWS)
    for issue_id in library.stale_issue_ids():
        assert library.refresh_analysis(issue_id)
    assert library.stale_issue_count() == 0
    library.close()
    assert read(v6_library, USER_ROWS) == before
    stamps = read(v6_library, {"a": "SELECT DISTINCT analysis FROM issues"})["a"]
    assert stamps == [(analysis_stamp(),)]


def test_a_new_library_has_the_column_with_an_empty_default(tmp_path: Path) -> None:
    Library(tmp_path / "new.sqlite").close()
    conn = sqlite3.connect(tmp_path / "new.sqlite")
    columns = {row[1]: (row[2], row[3], row[4])
               for row in conn.execute("PRAGMA table_info(issues)")}
    conn.close()
    assert columns["analysis"] == ("TEXT", 1, "''")
