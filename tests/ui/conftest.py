"""Fixtures for the window tests: a library of the sample issues, temporary settings."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, QSettings

from reader.library import Library
from reader.ui.issue_tree import KIND_ROLE
from reader.ui.settings import Settings
from tests.conftest import SAMPLES


@pytest.fixture(scope="session")
def prepared_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample issues imported once per session (about 3 s)."""
    path = tmp_path_factory.mktemp("prepared") / "lib.sqlite"
    library = Library(path)
    library.import_paths([SAMPLES])
    library.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    library.close()
    return path


@pytest.fixture
def library(prepared_db: Path, tmp_path: Path) -> Iterator[Library]:
    """A fresh copy of the sample library for one test."""
    path = tmp_path / "lib.sqlite"
    shutil.copyfile(prepared_db, path)
    opened = Library(path)
    yield opened
    opened.close()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings in a temporary ini file, never the user's."""
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def article_titled(library: Library, title: str) -> int:
    """The id of the article with this title."""
    for issue in library.issues():
        for article_id, _kind, article_title in library.articles(issue.id):
            if article_title == title:
                return article_id
    raise LookupError(title)


def issue_rows(model: QAbstractItemModel) -> list[QModelIndex]:
    """The issue rows of a tree model or its proxy, in order (under papers, years and
    months)."""
    rows: list[QModelIndex] = []

    def walk(parent: QModelIndex) -> None:
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            kind = index.data(KIND_ROLE)
            if kind == "issue":
                rows.append(index)
            elif kind in ("paper", "year", "month"):
                walk(index)

    walk(QModelIndex())
    return rows


def write_sql(library: Library, sql: str, params: list[object] | None = None) -> Any:
    """Run raw SQL the way the window writes: on the library's writer thread, whose
    connection is the only writable one once a window has started it."""
    writer = library.writer
    if writer is None:
        return library.db.execute(sql, params).fetchall()
    return writer.run(lambda: library.db.execute(sql, params).fetchall())
