"""Two app instances on one library: the second one warns and only reads."""
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from reader.app import open_library
from reader.library import Library, ReadOnlyError
from reader.ui.instance import LibraryLock, lock_path
from reader.ui.main_window import MainWindow
from reader.ui.settings import Settings
from tests.conftest import ROOT

CRASH = """
import os, sys
from reader.ui.instance import LibraryLock
lock = LibraryLock(sys.argv[1])
assert lock.acquire()
os._exit(0)  # no unlock: the lock file stays behind, as after a crash
"""


@pytest.fixture
def db(prepared_db: Path, tmp_path: Path) -> Path:
    path = tmp_path / "lib.sqlite"
    shutil.copyfile(prepared_db, path)
    return path


def test_the_lock_sits_beside_the_library(tmp_path: Path) -> None:
    assert lock_path(tmp_path / "lib.sqlite") == tmp_path / "lib.sqlite.lock"


def test_a_second_instance_opens_read_only_and_warns(qtbot: QtBot, db: Path, settings: Settings,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    first, first_lock = open_library(db)
    second, second_lock = open_library(db)
    try:
        assert first_lock is not None and first_lock.is_held() and not first.readonly
        assert second_lock is None and second.readonly
        assert len(warnings) == 1 and "read-only" in warnings[0]
        writer, reader = MainWindow(first, settings), MainWindow(second, settings)
        qtbot.addWidget(writer)
        qtbot.addWidget(reader)
        assert not writer.read_only and reader.read_only
        assert "read-only" in reader.windowTitle() and "read-only" not in writer.windowTitle()
        assert not reader.read_only_label.isHidden() and writer.read_only_label.isHidden()
        disabled = [reader.window_actions.add_note_action, reader.app_actions.import_files_action,
                    reader.app_actions.import_folder_action, reader.tags.add_button,
                    reader.tags.entry, reader.notes.add_button]
        assert not any(widget.isEnabled() for widget in disabled)
        assert reader.notes.editor.isReadOnly()
        index = reader.corpus.show_entity_index()
        assert not index.reject_button.isEnabled() and not index.merge_button.isEnabled()
        assert writer.window_actions.add_note_action.isEnabled() and writer.tags.add_button.isEnabled()
        assert not reader.app_actions.import_paths([ROOT / "resources" / "samples"])
        # The reader sees what the writer commits (WAL), and its own writes are refused.
        article_id = first.articles(first.issues()[0].id)[0][0]
        first.add_tag(article_id, "并发")
        assert second.article_tags(article_id) == ["并发"]
        with pytest.raises(ReadOnlyError, match="read-only"):
            second.add_tag(article_id, "不行")
        with pytest.raises(ReadOnlyError):
            second.add_note(article_id, "不行")
        with pytest.raises(ReadOnlyError):
            second.reject_entity("person", "某人")
        reader.tags.set_article(article_id)
        reader.tags.entry.setText("不行")
        reader.tags.add_entered()
        assert second.article_tags(article_id) == ["并发"]
        assert "read-only" in reader.statusBar().currentMessage()
    finally:
        second.close()
        first.close()
        if first_lock is not None:
            first_lock.release()
    third, third_lock = open_library(db)
    assert not third.readonly and third_lock is not None
    third_lock.release()
    third.close()


def test_a_stale_lock_of_a_crashed_instance_is_taken_over(db: Path) -> None:
    subprocess.run([sys.executable, "-c", CRASH, str(db)], check=True, cwd=ROOT, timeout=60)
    assert lock_path(db).exists()
    lock = LibraryLock(db)
    assert lock.acquire()
    lock.release()


def test_read_only_library_refuses_writes_but_reads(db: Path) -> None:
    library = Library(db, readonly=True)
    try:
        assert library.issues()
        with pytest.raises(ReadOnlyError):
            library.import_paths([ROOT / "resources" / "samples"])
    finally:
        library.close()
