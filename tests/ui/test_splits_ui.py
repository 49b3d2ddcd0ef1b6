"""The reader corrects the split in the window: the Layout submenu of a line, applied at
once, undone and redone with Ctrl+Z / Ctrl+Shift+Z, notes and tags kept on their text."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from reader.library import Library
from reader.ui.main_window import MainWindow
from reader.ui.settings import Settings
from tests.test_splits_library import GLUED, article_titled, titles
from tests.ui.test_main_window import make_window


def glued_window(qtbot: QtBot, tmp_path: Path, settings: Settings
                 ) -> tuple[MainWindow, Library]:
    folder = tmp_path / "测试报"
    folder.mkdir()
    (folder / "2024-05-06.txt").write_text(GLUED, encoding="utf-8")
    library = Library(tmp_path / "lib.sqlite")
    library.import_paths([folder])
    window = make_window(qtbot, library, settings)
    return window, library


def point_of_paragraph(window: MainWindow, index: int) -> QPoint:
    """Where paragraph ``index`` of the open article is drawn (viewport coordinates)."""
    view = window.view
    cursor = view.textCursor()
    cursor.setPosition(view.blocks[index].doc_start + 1)
    return view.cursorRect(cursor).center()


def layout_menu(window: MainWindow, point: QPoint) -> QMenu:
    menu = window.view.context_menu(point)
    [layout] = [a.menu() for a in menu.actions() if a.menu() is not None]
    return layout


def action(menu: QMenu, name: str) -> QAction:
    [found] = [a for a in menu.actions() if a.objectName() == name]
    return found


def test_a_line_made_a_title_splits_the_story_off_and_undo_rejoins(qtbot, tmp_path, settings):
    window, library = glued_window(qtbot, tmp_path, settings)
    first = article_titled(library, "河北区推进老旧小区改造")
    library.add_tag(first, "城市更新")
    body = library.article(first).body
    start = body.index("一千二百人次")
    note = library.add_note(first, "义诊规模", start, start + 6)
    window.open_article(first)
    assert window.view.line_at_point(point_of_paragraph(window, 2)) == ("paragraph", 2)

    menu = layout_menu(window, point_of_paragraph(window, 2))
    assert action(menu, "split_split").isEnabled()
    assert not action(menu, "split_join").isEnabled()  # the first item has none before it
    assert not action(menu, "split_subhead").isEnabled()  # the parser read it as a subhead
    assert action(menu, "split_body").isEnabled()
    action(menu, "split_title").trigger()
    window.history.wait_for_writes()  # stored on the writer thread

    assert titles(library) == ["河北区推进老旧小区改造", "红桥区开展社区义诊"]
    second = article_titled(library, "红桥区开展社区义诊")
    assert window.proxy.rowCount(window.proxy.index(0, 0)) >= 1
    assert window.current_article() == first
    assert "红桥区开展社区义诊" not in window.view.toPlainText()  # the view shows the new text
    assert library.note(note).article_id == second
    assert window.history.stack.undoText() == "This line is a title"

    window.window_actions.undo_action.trigger()
    window.history.wait_for_writes()  # stored on the writer thread
    assert titles(library) == ["河北区推进老旧小区改造"]
    assert library.note(note).article_id == first
    assert "红桥区开展社区义诊" in window.view.toPlainText()
    window.window_actions.redo_action.trigger()
    window.history.wait_for_writes()  # stored on the writer thread
    assert titles(library) == ["河北区推进老旧小区改造", "红桥区开展社区义诊"]
    assert library.article_tags(first) == ["城市更新"]
    [info] = library.split_fixes()
    assert info.applies


def test_join_opens_the_joined_article_and_a_refused_fix_says_why(qtbot, tmp_path, settings):
    window, library = glued_window(qtbot, tmp_path, settings)
    first = article_titled(library, "河北区推进老旧小区改造")
    library.correct_split(first, "title", "paragraph", 2)
    second = article_titled(library, "红桥区开展社区义诊")
    window.open_article(second)
    cursor = window.view.textCursor()
    cursor.setPosition(1)
    menu = layout_menu(window, window.view.cursorRect(cursor).center())
    action(menu, "split_join").trigger()
    window.history.wait_for_writes()  # stored on the writer thread
    assert titles(library) == ["河北区推进老旧小区改造"]
    assert window.current_article() == first
    assert "红桥区开展社区义诊" in window.view.toPlainText()

    window.open_article(first)
    messages: list[str] = []
    window.history.change_refused.connect(messages.append)
    window.history.correct_split("Split", first, "split", ("paragraph", 0))
    assert messages and "already begins" in messages[0]
    assert window.history.stack.count() == 1  # the refused one is not kept for undo


def test_mark_as_copy_from_the_window(qtbot, tmp_path, settings):
    window, library = glued_window(qtbot, tmp_path, settings)
    first = article_titled(library, "河北区推进老旧小区改造")
    library.correct_split(first, "title", "paragraph", 2)
    second = article_titled(library, "红桥区开展社区义诊")
    window.open_article(second)
    window.split_menu.mark_copy(second, ("title", 0), first)
    window.history.wait_for_writes()
    assert library.article(second).duplicate_of == first
    menu = layout_menu(window, point_of_paragraph(window, 0))
    action(menu, "split_original").trigger()
    window.history.wait_for_writes()  # stored on the writer thread
    assert library.article(second).duplicate_of is None


def test_a_split_correction_is_stored_while_the_window_goes_on(qtbot, tmp_path, settings):
    """Storing a correction re-splits and re-analyses the issue on the writer thread:
    the menu action returns at once, the tree and view follow when it is done."""
    window, library = glued_window(qtbot, tmp_path, settings)
    first = article_titled(library, "河北区推进老旧小区改造")
    window.open_article(first)
    gate = threading.Event()
    library.writer.submit(gate.wait)  # the writer is busy with something else
    menu = layout_menu(window, point_of_paragraph(window, 2))
    action(menu, "split_title").trigger()  # returns although the writer is busy
    assert titles(library) == ["河北区推进老旧小区改造"]
    assert window.history.stack.undoText() == "This line is a title"
    window.window_actions.undo_action.trigger()  # queued behind its redo
    window.window_actions.redo_action.trigger()
    gate.set()
    with qtbot.waitSignal(window.history.article_requested, timeout=30_000):
        pass
    window.history.wait_for_writes()
    assert titles(library) == ["河北区推进老旧小区改造", "红桥区开展社区义诊"]
    assert "红桥区开展社区义诊" not in window.view.toPlainText()
    [info] = library.split_fixes()
    assert info.applies
