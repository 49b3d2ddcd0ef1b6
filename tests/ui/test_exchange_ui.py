"""Copy with citation from the article view, and File → Export → REFI-QDA project."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from reader.library import Library
from reader.ui.main_window import MainWindow
from reader.ui.settings import Settings
from tests.ui.conftest import article_titled, write_sql
from tests.ui.test_import_ui import answer_dialog
from tests.ui.test_main_window import make_window, select_in_view

BUDGET = "南开区一季度完成全年预算27.2%"
WAIT_MS = 20_000


def open_budget(qtbot: QtBot, library: Library, settings: Settings) -> tuple[MainWindow, int]:
    window = make_window(qtbot, library, settings)
    article = article_titled(library, BUDGET)
    window.open_article(article)
    return window, article


def test_copy_with_citation_puts_the_passage_then_its_citation(
        qtbot: QtBot, library: Library, settings: Settings) -> None:
    window, article = open_budget(qtbot, library, settings)
    body = library.article(article).body
    start = body.index("预算")
    select_in_view(window, start, start + 10)
    window.window_actions.copy_citation_action.trigger()
    cited = library.citation(article)
    assert QGuiApplication.clipboard().text() == f"{body[start:start + 10]}\n{cited}"
    assert cited == f"翟志华, 石梦. {BUDGET}[N]. {library.issues()[0].paper}."
    assert "citation" in window.statusBar().currentMessage()


def test_the_shortcut_and_the_context_menu_copy_with_citation(
        qtbot: QtBot, library: Library, settings: Settings) -> None:
    window, article = open_budget(qtbot, library, settings)
    write_sql(library, "UPDATE issues SET date = '2024-08-30'")
    body = library.article(article).body
    select_in_view(window, 0, 4)
    QGuiApplication.clipboard().clear()
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_C,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith(body[:4] + "\n") and copied.endswith(", 2024-08-30.")
    menu = window.view.context_menu(QPoint(10, 10))
    qtbot.addWidget(menu)
    [action] = [a for a in menu.actions() if a.objectName() == "copyWithCitation"]
    QGuiApplication.clipboard().clear()
    action.trigger()
    assert QGuiApplication.clipboard().text() == copied


def test_without_a_selection_the_citation_alone_is_copied(
        qtbot: QtBot, library: Library, settings: Settings) -> None:
    window, article = open_budget(qtbot, library, settings)
    window.window_actions.copy_citation_action.trigger()
    assert QGuiApplication.clipboard().text() == library.citation(article)


def test_without_an_article_nothing_is_copied(qtbot: QtBot, library: Library,
                                              settings: Settings) -> None:
    window = make_window(qtbot, library, settings)
    QGuiApplication.clipboard().setText("before")
    window.window_actions.copy_citation_action.trigger()
    assert QGuiApplication.clipboard().text() == "before"


def test_file_export_writes_a_refi_qda_project_in_the_background(
        qtbot: QtBot, library: Library, settings: Settings, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    window, article = open_budget(qtbot, library, settings)
    library.add_tag(article, "财政")
    library.add_note(article, "收入规模", 0, 4)
    target = tmp_path / "project"
    answer_dialog(monkeypatch, [target])
    seen: list[str] = []
    window.statusBar().messageChanged.connect(seen.append)
    with qtbot.waitSignal(window.app_actions.export_finished, timeout=WAIT_MS) as done:
        window.app_actions.qdpx_action.trigger()
    assert done.args == ["qdpx", 1]
    written = target.with_suffix(".qdpx")
    with zipfile.ZipFile(written) as archive:
        assert "project.qde" in archive.namelist() and len(archive.namelist()) == 2
    assert any("1 of 1" in message for message in seen)
    assert "REFI-QDA" in window.statusBar().currentMessage()
    assert window.app_actions._exports == []


def test_a_failed_project_export_is_told(qtbot: QtBot, library: Library, settings: Settings,
                                         tmp_path: Path) -> None:
    window = make_window(qtbot, library, settings)
    with qtbot.waitSignal(window.app_actions.export_finished, timeout=2000, raising=False):
        task = window.app_actions.export_qdpx(tmp_path / "missing" / "out.qdpx")
        with qtbot.waitSignal(task.failed, timeout=WAIT_MS):
            pass
    assert "failed" in window.statusBar().currentMessage()
