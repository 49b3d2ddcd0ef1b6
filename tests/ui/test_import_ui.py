"""Background import (menu, drag and drop, progress, cancel, report), CSV export, About, icon."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QMimeData, QPoint, QPointF, Qt, QUrl, qVersion
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from benchmarks.corpus import generate
from reader import __version__
from reader.app import app_icon
from reader.db import issues
from reader.library import ImportReport, Library
from reader.ui.dialogs import ImportReportDialog
from reader.ui.main_window import MainWindow
from reader.ui.settings import Settings
from tests.ui.conftest import article_titled, issue_rows
from tests.ui.test_main_window import BUDGET

WAIT_MS = 60_000


@pytest.fixture
def window(qtbot: QtBot, library: Library, settings: Settings) -> MainWindow:
    shown = MainWindow(library, settings)
    qtbot.addWidget(shown)
    shown.show()
    return shown


@pytest.fixture
def new_issues(tmp_path: Path) -> list[Path]:
    """Three generated issues the sample library does not hold (imported in-process)."""
    return generate(tmp_path / "new", issues=3)


def import_threads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record the thread each ``Library.import_paths`` call runs on."""
    threads: list[str] = []
    original = Library.import_paths

    def recording(self: Library, *args: object, **kwargs: object) -> ImportReport:
        threads.append(threading.current_thread().name)
        return original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Library, "import_paths", recording)
    return threads


def report_dialogs(window: MainWindow) -> list[ImportReportDialog]:
    return window.findChildren(ImportReportDialog)


def test_import_runs_off_the_ui_thread_with_progress_then_refreshes_the_tree(
        qtbot: QtBot, window: MainWindow, new_issues: list[Path],
        monkeypatch: pytest.MonkeyPatch) -> None:
    threads = import_threads(monkeypatch)
    importer = window.app_actions.importer
    progress: list[tuple[int, int, str]] = []
    assert window.app_actions.import_paths(new_issues)
    assert window.app_actions.progress.isVisible()
    assert importer.task is not None
    importer.task.progressed.connect(lambda *args: progress.append(args))
    with qtbot.waitSignal(importer.import_finished, timeout=WAIT_MS) as finished:
        pass
    report = finished.args[0]
    assert len(report.imported) == 3 and not report.failed and not report.cancelled
    assert threads and threading.main_thread().name not in threads
    assert [done for done, _total, _name in progress] == sorted(done for done, *_ in progress)
    assert progress and progress[-1][:2] == (3, 3)
    assert len(window.tree_model.issue_ids()) == 8
    assert not window.app_actions.progress.isVisible()
    assert report_dialogs(window) == []


def test_the_window_and_its_import_write_through_one_writer_thread(
        qtbot: QtBot, window: MainWindow, library: Library, new_issues: list[Path],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The window's connection is read-only; its tags and the import's issues are all
    stored by the one writer thread, interleaved, none lost."""
    writer = library.writer
    assert writer is not None
    writer_thread = writer.run(threading.current_thread)
    stored_on: list[threading.Thread] = []
    original = issues.insert_issue

    def recording(*args: Any, **kwargs: Any) -> int:
        stored_on.append(threading.current_thread())
        return original(*args, **kwargs)

    monkeypatch.setattr(issues, "insert_issue", recording)
    article = article_titled(library, BUDGET)
    window.open_article(article)
    assert window.app_actions.import_paths(new_issues)
    for n in range(10):
        window.tags.entry.setText(f"导入时{n}")
        window.tags.add_entered()
    with qtbot.waitSignal(window.app_actions.importer.import_finished, timeout=WAIT_MS):
        pass
    assert len(window.tree_model.issue_ids()) == 8
    assert {f"导入时{n}" for n in range(10)} <= set(library.article_tags(article))
    assert stored_on and set(stored_on) == {writer_thread}
    with pytest.raises(Exception, match="readonly"):
        library.db.execute("DELETE FROM tags")


def test_the_progress_widget_shows_the_current_file(window: MainWindow) -> None:
    bar = window.app_actions.progress
    bar.show_progress(2, 7, "南开报_2015-01-03.txt")
    assert bar.bar.value() == 2 and bar.bar.maximum() == 7
    assert "2" in bar.label.text() and "7" in bar.label.text()
    assert "南开报_2015-01-03.txt" in bar.label.text()


def test_cancel_stops_the_import_and_reports_it(qtbot: QtBot, window: MainWindow,
                                                new_issues: list[Path]) -> None:
    importer = window.app_actions.importer
    assert window.app_actions.import_paths(new_issues)
    window.app_actions.progress.cancel_button.click()
    with qtbot.waitSignal(importer.import_finished, timeout=WAIT_MS) as finished:
        pass
    report = finished.args[0]
    assert report.cancelled and report.imported == []
    assert len(window.tree_model.issue_ids()) == 5
    [dialog] = report_dialogs(window)
    assert "cancelled" in dialog.summary.text()
    dialog.close()


def test_bad_files_are_listed_with_the_reason(qtbot: QtBot, window: MainWindow,
                                              tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "junk.txt").write_bytes(bytes(range(256)) * 8)
    with qtbot.waitSignal(window.app_actions.importer.import_finished, timeout=WAIT_MS) as done:
        window.app_actions.import_paths([tmp_path / "empty.txt", tmp_path / "junk.txt"])
    assert {Path(path).name for path, _reason in done.args[0].failed} == {"empty.txt", "junk.txt"}
    [dialog] = report_dialogs(window)
    rows = {dialog.failures.item(row, 0).text(): dialog.failures.item(row, 1).text()
            for row in range(dialog.failures.rowCount())}
    assert rows["empty.txt"] == "file is empty"
    assert rows["junk.txt"].startswith("not a text file")
    assert "2 file(s) could not be imported." in dialog.summary.text()
    dialog.close()


def test_a_second_import_waits_for_the_first(qtbot: QtBot, window: MainWindow,
                                             new_issues: list[Path]) -> None:
    actions = window.app_actions
    with qtbot.waitSignal(actions.importer.import_finished, timeout=WAIT_MS):
        assert actions.import_paths(new_issues[:2])
        assert not actions.import_paths(new_issues[2:])
        assert "already running" in window.statusBar().currentMessage()


def answer_dialog(monkeypatch: pytest.MonkeyPatch, paths: list[Path] | None) -> None:
    """The user picks ``paths`` in the app's (real, Qt) file dialog, or cancels (None)."""
    def run(dialog: QFileDialog) -> int:
        assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
        return QFileDialog.DialogCode.Accepted if paths is not None else QFileDialog.DialogCode.Rejected
    monkeypatch.setattr(QFileDialog, "exec", run)
    monkeypatch.setattr(QFileDialog, "selectedFiles", lambda _dialog: [str(p) for p in paths or []])


def test_import_files_menu_asks_for_files(qtbot: QtBot, window: MainWindow,
                                          new_issues: list[Path],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    answer_dialog(monkeypatch, new_issues)
    with qtbot.waitSignal(window.app_actions.importer.import_finished, timeout=WAIT_MS):
        window.app_actions.import_files_action.trigger()
    assert len(window.tree_model.issue_ids()) == 8
    assert "3 issue(s) added" in window.statusBar().currentMessage()


def test_import_folder_menu_asks_for_a_folder(qtbot: QtBot, window: MainWindow,
                                              new_issues: list[Path],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    folder = new_issues[0].parent.parent
    answer_dialog(monkeypatch, [folder])
    with qtbot.waitSignal(window.app_actions.importer.import_finished, timeout=WAIT_MS):
        window.app_actions.import_folder_action.trigger()
    assert len(window.tree_model.issue_ids()) == 8


def test_dropping_a_folder_on_the_window_imports_it(qtbot: QtBot, window: MainWindow,
                                                    new_issues: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(new_issues[0].parent.parent))])
    text = QMimeData()
    text.setText("不是文件")
    for offered, welcome in ((mime, True), (text, False)):
        enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, offered,
                                Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
        enter.setAccepted(False)
        QCoreApplication.sendEvent(window, enter)
        assert enter.isAccepted() is welcome
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.app_actions.importer.import_finished, timeout=WAIT_MS):
        QCoreApplication.sendEvent(window, drop)
    assert drop.isAccepted()
    assert window.acceptDrops()
    assert len(window.tree_model.issue_ids()) == 8


def test_closing_the_window_during_an_import_cancels_it(window: MainWindow,
                                                        new_issues: list[Path],
                                                        library: Library) -> None:
    assert window.app_actions.import_paths(new_issues)
    window.close()
    assert window.app_actions.importer.task is None
    assert len(library.issues()) < 8


def test_export_notes_writes_csv_with_a_bom(qtbot: QtBot, window: MainWindow, library: Library,
                                            tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    article_id = article_titled(library, "南开区一季度完成全年预算27.2%")
    library.add_note(article_id, "收入规模", 0, 4)
    target = tmp_path / "out" / "notes"
    target.parent.mkdir()
    answer_dialog(monkeypatch, [target])
    with qtbot.waitSignal(window.app_actions.export_finished, timeout=WAIT_MS) as done:
        window.app_actions.export_actions["notes"].trigger()
    assert done.args == ["notes", 1]
    written = target.with_suffix(".csv")
    assert written.read_bytes().startswith(b"\xef\xbb\xbf")
    assert "收入规模" in written.read_text(encoding="utf-8-sig")
    assert "1 row(s)" in window.statusBar().currentMessage()


@pytest.mark.parametrize("what", ["tags", "entities", "figures", "mentions"])
def test_every_export_reports_its_row_count(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                            what: str) -> None:
    with qtbot.waitSignal(window.app_actions.export_finished, timeout=WAIT_MS) as done:
        window.app_actions.export(what, tmp_path / f"{what}.csv")
    rows = done.args[1]
    lines = (tmp_path / f"{what}.csv").read_text(encoding="utf-8-sig").splitlines()
    assert what == "tags" or rows > 0
    assert len(lines) >= rows + 1


def test_cancelled_export_dialog_writes_nothing(window: MainWindow, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    answer_dialog(monkeypatch, None)
    window.app_actions.export_actions["figures"].trigger()
    assert window.app_actions._exports == []


def test_about_box_names_version_database_and_qt(window: MainWindow, library: Library) -> None:
    window.app_actions.about_action.trigger()
    [box] = [b for b in window.findChildren(QMessageBox) if b.objectName() == "aboutBox"]
    text = box.text()
    assert __version__ in text and str(library.path) in text and qVersion() in text
    box.close()


def test_file_menu_has_import_export_and_quit(window: MainWindow) -> None:
    names = [action.objectName() for action in window.window_actions.file_menu.actions()]
    assert names.index("importFiles") < names.index("quit")
    assert "importFolder" in names
    exports = [a.objectName() for a in window.app_actions.export_menu.actions()
               if not a.isSeparator()]
    assert exports == ["export_notes", "export_tags", "export_entities", "export_figures",
                       "export_mentions", "exportQdpx"]


def test_the_application_icon_is_found_and_renders() -> None:
    icon = app_icon()
    assert not icon.isNull()
    assert not icon.pixmap(64, 64).isNull()


def test_import_keeps_open_issues_and_the_selection(qtbot: QtBot, window: MainWindow, library: Library,
                                                    new_issues: list[Path]) -> None:
    budget = article_titled(library, "南开区一季度完成全年预算27.2%")
    window.open_article(budget)
    closed = next(index for index in issue_rows(window.proxy) if not window.tree.isExpanded(index))
    window.tree.expand(closed)
    before = set(window.tree_pane.expanded_issues())
    assert len(before) == 2
    with qtbot.waitSignal(window.app_actions.importer.import_finished, timeout=WAIT_MS):
        assert window.app_actions.import_paths(new_issues)
    assert len(window.tree_model.issue_ids()) == 8
    assert set(window.tree_pane.expanded_issues()) == before
    current = window.tree.currentIndex()
    assert current.isValid() and current.data(Qt.ItemDataRole.UserRole + 1) == budget
    assert window.current_article() == budget
