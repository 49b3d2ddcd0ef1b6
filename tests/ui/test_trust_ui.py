"""The window never loses what the reader wrote: locks, stale views, failures, restores (issue 10)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QTextCursor
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from reader.app import main as app_main
from reader.library import Library
from reader.ui.dialogs import export_dialog
from reader.ui.main_window import MainWindow
from reader.ui.settings import Settings
from tests.conftest import SAMPLES
from tests.ui.conftest import write_sql

WAIT_MS = 60_000
WRITER = """
import sys, time
from reader.library import Library
library = Library(sys.argv[1])
print("ready", flush=True)
for n in range(int(sys.argv[2])):
    library.add_tag(1, f"child-{n}")
    time.sleep(0.01)
library.close()
print("done", flush=True)
"""


def locks_held(path: Path) -> list[str]:
    """This process's POSIX locks on ``path`` (Linux's /proc/locks)."""
    inode = str(os.stat(path).st_ino)
    held = []
    for line in Path("/proc/locks").read_text().splitlines():
        parts = line.split()
        if "->" in parts:
            continue  # a waiter, not a holder
        pid, device = parts[4], parts[5]
        if pid == str(os.getpid()) and device.rsplit(":", 1)[-1] == inode:
            held.append(line)
    return held


def make_window(qtbot: QtBot, library: Library, settings: Settings) -> MainWindow:
    window = MainWindow(library, settings)
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.mark.skipif(not Path("/proc/locks").exists(), reason="needs Linux /proc/locks")
def test_dialogs_on_the_library_folder_keep_its_locks_while_another_process_writes(
        qtbot: QtBot, library: Library, settings: Settings) -> None:
    db = Path(library.path)
    window = make_window(qtbot, library, settings)
    article = library.articles(library.issues()[0].id)[0][0]
    before = locks_held(db)
    assert before, "SQLite holds a lock on the library in WAL mode"
    child = subprocess.Popen([sys.executable, "-c", WRITER, str(db), "150"],
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None and child.stdout.readline().strip() == "ready"
    actions = window.app_actions
    dialogs = [actions.import_files_dialog(), actions.import_folder_dialog(),
               export_dialog(window, "notes", db.parent, db)]
    for n, dialog in enumerate(dialogs):
        dialog.setDirectory(str(db.parent))
        dialog.setViewMode(QFileDialog.ViewMode.Detail)
        dialog.show()
        qtbot.wait(700)
        dialog.selectFile(db.name)
        qtbot.wait(300)
        library.add_note(article, f"window-{n}")
        assert locks_held(db), f"the {dialog.windowTitle()} dialog dropped SQLite's locks"
        dialog.close()
    drop = QMimeData()
    drop.setUrls([QUrl.fromLocalFile(str(db)), QUrl.fromLocalFile(str(db) + "-wal")])
    with qtbot.waitSignal(actions.importer.import_finished, timeout=WAIT_MS) as finished:
        for event in (QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, drop,
                                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier),
                      QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, drop,
                                 Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)):
            QCoreApplication.sendEvent(window, event)  # as a real drag: enter, then drop
    assert [reason for _, reason in finished.args[0].failed] == [
        "this is the library's own file, not an issue"] * 2
    assert locks_held(db)
    assert child.stdout.readline().strip() == "done" and child.wait(timeout=60) == 0
    library.add_note(article, "window-after")
    window.close()
    library.close()

    reopened = Library(db)
    assert reopened.integrity_errors() == []
    tags = {t.name for t in reopened.tags()}
    assert {f"child-{n}" for n in range(150)} <= tags
    bodies = {note.body for note in reopened.notes(article)}
    assert {"window-0", "window-1", "window-2", "window-after"} <= bodies
    reopened.close()


def find_in_view(window: MainWindow, passage: str) -> None:
    """Select ``passage`` in the article view the way a reader does: where it is shown."""
    found = window.view.document().find(passage)
    assert not found.isNull(), passage
    cursor = window.view.textCursor()
    cursor.setPosition(found.selectionStart())
    cursor.setPosition(found.selectionEnd(), QTextCursor.MoveMode.KeepAnchor)
    window.view.setTextCursor(cursor)


@pytest.fixture
def paper(tmp_path: Path) -> Path:
    folder = tmp_path / "paper"
    folder.mkdir()
    shutil.copy(SAMPLES / "000_14aa8d10cf9712b6.txt", folder / "000.txt")
    return folder


def open_budget_article(qtbot: QtBot, tmp_path: Path, paper: Path,
                        settings: Settings) -> tuple[Library, MainWindow, int]:
    """The paper imported, the window open on its budget article."""
    library = Library(tmp_path / "lib.sqlite")
    library.import_paths([paper])
    window = make_window(qtbot, library, settings)
    issue = library.issues()[0].id
    article = next(a for a, _, title in library.articles(issue) if "预算" in title)
    window.open_article(article)
    return library, window, article


def test_a_note_after_a_reimport_lands_on_the_passage_selected(
        qtbot: QtBot, tmp_path: Path, paper: Path, settings: Settings) -> None:
    library, window, article = open_budget_article(qtbot, tmp_path, paper, settings)
    body = library.article(article).body
    passage = body[40:52]
    text = (paper / "000.txt").read_text(encoding="utf-8")
    first_line = body.split("\n", 1)[0][:20]
    (paper / "000.txt").write_text(text.replace(first_line, "（插入的几个字）" + first_line, 1),
                                   encoding="utf-8")
    with qtbot.waitSignal(window.app_actions.importer.import_finished, timeout=WAIT_MS):
        assert window.app_actions.import_paths([paper])
    assert "（插入的几个字）" in window.view.document().toPlainText()
    find_in_view(window, passage)
    window.reading.add_note()
    notes = library.notes(article)
    assert len(notes) == 1 and notes[0].quote == passage
    assert library.article(article).body[notes[0].start:notes[0].end] == passage


def test_another_program_changing_the_library_refreshes_the_window(
        qtbot: QtBot, tmp_path: Path, paper: Path, settings: Settings) -> None:
    _library, window, article = open_budget_article(qtbot, tmp_path, paper, settings)
    other = Library(tmp_path / "lib.sqlite")
    other.add_tag(article, "外来的标签")
    other.add_note(article, "外来的笔记")
    with qtbot.waitSignal(window.library_changed, timeout=5000):
        window.poll_library()
    assert "外来的标签" in window.tags.model.names()
    assert any("外来的笔记" in str(window.notes.model.index(r, 0).data())
               for r in range(window.notes.model.rowCount()))


def test_a_write_failure_says_so_and_turns_the_window_read_only(
        qtbot: QtBot, library: Library, settings: Settings) -> None:
    window = make_window(qtbot, library, settings)
    article = library.articles(library.issues()[0].id)[0][0]
    window.open_article(article)
    write_sql(library, "VACUUM")  # no free pages left to fill
    pages = write_sql(library, "PRAGMA page_count")[0][0]
    write_sql(library, f"PRAGMA max_page_count = {pages}")  # on the writable connection
    window.tags.entry.setText("很长的标签" * 2000)
    with qtbot.waitSignal(window.library_failed, timeout=5000):
        window.tags.add_entered()
    box = window.findChild(QMessageBox, "libraryFailure")
    assert box is not None and box.isVisible() and "full" in box.text()
    assert window.read_only and not window.window_actions.add_note_action.isEnabled()
    assert not window.app_actions.import_files_action.isEnabled()
    assert "cannot be saved" in window.windowTitle()


def test_restore_a_backup_from_the_help_menu(qtbot: QtBot, library: Library,
                                            settings: Settings,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window(qtbot, library, settings)
    article = library.articles(library.issues()[0].id)[0][0]
    window.open_article(article)
    library.add_tag(article, "备份前")
    library.make_backup()
    library.add_tag(article, "备份后")
    assert window.tags.model.names() == ["备份前", "备份后"]
    dialog = window.app_actions.show_restore()
    assert dialog.table.rowCount() == 1
    monkeypatch.setattr(dialog, "confirm", lambda _backup: True)
    with qtbot.waitSignal(dialog.restored):
        dialog.restore_button.click()
    assert library.article_tags(article) == ["备份前"]
    assert window.tags.model.names() == ["备份前"]
    assert [b.reason for b in library.backups()] == ["before-restore", "manual"]  # the state before the restore is kept too
    assert dialog.table.rowCount() == 2


def test_a_library_that_cannot_be_opened_gets_a_dialog(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []

    def exec_(box: QMessageBox) -> int:
        shown.append(box.text())
        return int(QMessageBox.StandardButton.Close)

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    (tmp_path / "folder.sqlite").mkdir()
    assert app_main(["--db", str(tmp_path / "folder.sqlite")]) == 2
    assert len(shown) == 1 and "is a folder, not a library file" in shown[0]
