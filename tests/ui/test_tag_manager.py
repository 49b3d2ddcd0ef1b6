"""The tag manager (issue 14): counts and colours, rename, merge, delete and colour with
undo and redo, colours by name, Show articles filtering the tree, following the library."""
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from reader.core.tagcolors import TAG_PALETTE
from reader.library import Library
from reader.ui import i18n
from reader.ui.main_window import MainWindow
from reader.ui.settings import Settings
from reader.ui.tag_manager import ARTICLES, COLOR, NAME, TagManager, TagTableModel
from tests.ui.conftest import article_titled, write_sql
from tests.ui.test_main_window import BUDGET, make_window, shown_articles
from tests.ui.test_tag_filter import HAIGUANG

REFORM = "南开区机构改革动员部署会议召开"
BLUE = dict(TAG_PALETTE)["blue"]
RED = dict(TAG_PALETTE)["red"]


def setup_tags(library: Library) -> dict[str, int]:
    """城市更新 on three articles (red), 改革 on two, 财政 on one."""
    ids = {title: article_titled(library, title) for title in (BUDGET, HAIGUANG, REFORM)}
    for title in (BUDGET, HAIGUANG, REFORM):
        library.add_tag(ids[title], "城市更新")
    for title in (BUDGET, REFORM):
        library.add_tag(ids[title], "改革")
    library.add_tag(ids[BUDGET], "财政")
    library.set_tag_color("城市更新", RED)
    return ids


def open_manager(qtbot: QtBot, library: Library, settings: Settings
                 ) -> tuple[MainWindow, TagManager, dict[str, int]]:
    ids = setup_tags(library)
    window = make_window(qtbot, library, settings)
    window.window_actions.tag_manager_action.trigger()
    manager = window.corpus.tag_manager
    assert manager is not None and manager.isVisible()
    return window, manager, ids


def shown(manager: TagManager) -> dict[str, tuple[str, str]]:
    """What the table shows: name → (articles, colour name), in the table's order."""
    proxy = manager.proxy
    return {proxy.index(row, NAME).data(): (proxy.index(row, ARTICLES).data(),
                                            proxy.index(row, COLOR).data())
            for row in range(proxy.rowCount())}


def picture(library: Library) -> dict[str, tuple[str, list[int]]]:
    """Every tag: its colour and the articles it is on."""
    return {state.name: (state.color, [a for a, _ in state.links])
            for state in library.tag_states([t.name for t in library.tags()])}


def test_the_manager_lists_every_tag_with_its_count_and_colour_name(
        qtbot: QtBot, library: Library, settings: Settings) -> None:
    _window, manager, _ids = open_manager(qtbot, library, settings)
    assert shown(manager) == {"城市更新": ("3", "Red"), "改革": ("2", "No color"),
                              "财政": ("1", "No color")}
    assert list(shown(manager)) == ["城市更新", "改革", "财政"]  # most used first
    assert manager.proxy.index(0, COLOR).data(Qt.ItemDataRole.DecorationRole) == QColor(RED)
    manager.table.sortByColumn(ARTICLES, Qt.SortOrder.AscendingOrder)
    assert list(shown(manager)) == ["财政", "改革", "城市更新"]
    manager.filter_edit.setText("城市")
    assert list(shown(manager)) == ["城市更新"]


def test_the_table_model_passes_qtmodeltester(qtmodeltester: ModelTester,
                                              library: Library) -> None:
    model = TagTableModel()
    qtmodeltester.check(model)
    setup_tags(library)
    model.set_tags(library.tags())
    qtmodeltester.check(model)
    assert model.rowCount() == 3 and model.columnCount() == 3


def test_delete_is_undone_onto_exactly_its_articles_with_its_colour(
        qtbot: QtBot, library: Library, settings: Settings) -> None:
    window, manager, ids = open_manager(qtbot, library, settings)
    before = picture(library)
    window.open_article(ids[BUDGET])
    manager.select(["城市更新", "财政"])
    manager.delete_button.click()
    assert set(shown(manager)) == {"改革"}
    assert library.article_tags(ids[BUDGET]) == ["改革"]
    assert window.tags.model.names() == ["改革"]  # the open article's chips follow
    assert "Ctrl+Z" in manager.status.text()
    qtbot.keyClick(manager.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert picture(library) == before
    assert shown(manager)["城市更新"] == ("3", "Red")
    assert sorted(window.tags.model.names()) == ["城市更新", "改革", "财政"]
    manager.hide()
    window.activateWindow()
    window.history.stack.redo()
    assert set(picture(library)) == {"改革"}
    window.window_actions.undo_action.trigger()  # Ctrl+Z in the window
    assert picture(library) == before


def test_rename_and_its_undo_and_redo(qtbot: QtBot, library: Library, settings: Settings,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    _window, manager, _ids = open_manager(qtbot, library, settings)
    before = picture(library)
    manager.select(["城市更新"])
    monkeypatch.setattr(manager, "ask_name", lambda name: "  城市更新行动 ")
    manager.rename_button.click()
    assert shown(manager)["城市更新行动"] == ("3", "Red") and "城市更新" not in shown(manager)
    assert manager.selected_names() == ["城市更新行动"]
    manager._history.stack.undo()
    assert picture(library) == before
    manager._history.stack.redo()
    assert set(picture(library)) == {"城市更新行动", "改革", "财政"}


def test_rename_onto_an_existing_tag_merges_after_asking_and_undo_splits_them(
        qtbot: QtBot, library: Library, settings: Settings,
        monkeypatch: pytest.MonkeyPatch) -> None:
    _window, manager, ids = open_manager(qtbot, library, settings)
    before = picture(library)
    questions: list[str] = []
    answer = False

    def confirm(question: str) -> bool:
        questions.append(question)
        return answer

    monkeypatch.setattr(manager, "confirm", confirm)
    monkeypatch.setattr(manager, "ask_name", lambda name: "城市更新")
    manager.select(["改革"])
    manager.rename_button.click()
    assert questions and "城市更新" in questions[0] and picture(library) == before
    answer = True
    manager.rename_button.click()
    assert shown(manager) == {"城市更新": ("3", "Red"), "财政": ("1", "No color")}
    manager._history.stack.undo()
    assert picture(library) == before
    assert library.article_tags(ids[REFORM]) == ["城市更新", "改革"]


def test_merge_several_into_one_and_undo_restores_both(
        qtbot: QtBot, library: Library, settings: Settings,
        monkeypatch: pytest.MonkeyPatch) -> None:
    _window, manager, ids = open_manager(qtbot, library, settings)
    before = picture(library)
    manager.select(["改革", "财政"])
    assert not manager.rename_button.isEnabled() and manager.merge_button.isEnabled()
    offered: list[list[str]] = []
    monkeypatch.setattr(manager, "ask_target",
                        lambda names: offered.append(names) or "财政")
    manager.merge_button.click()
    assert offered == [["改革", "财政"]]
    assert shown(manager) == {"城市更新": ("3", "Red"), "财政": ("2", "No color")}
    assert library.article_tags(ids[REFORM]) == ["城市更新", "财政"]
    manager._history.stack.undo()
    assert picture(library) == before
    manager._history.stack.redo()
    assert shown(manager)["财政"] == ("2", "No color")


def test_colour_by_name_in_english_and_chinese_and_undone(
        qtbot: QtBot, library: Library, settings: Settings) -> None:
    window, manager, _ids = open_manager(qtbot, library, settings)
    manager.select(["改革", "财政"])
    manager._fill_color_menu()
    texts = [a.text() for a in manager.color_menu.actions()]
    assert texts == ["No color", "Red", "Orange", "Yellow", "Green", "Cyan", "Blue", "Purple",
                     "Gray"]
    assert not any("#" in text for text in texts)
    next(a for a in manager.color_menu.actions() if a.text() == "Blue").trigger()
    assert shown(manager)["改革"] == ("2", "Blue") and shown(manager)["财政"] == ("1", "Blue")
    assert {t.name: t.color for t in library.tags()} == {"城市更新": RED, "改革": BLUE,
                                                         "财政": BLUE}
    manager._history.stack.undo()
    assert {t.name: t.color for t in library.tags()} == {"城市更新": RED, "改革": "",
                                                         "财政": ""}
    try:
        window.app_actions.set_language(i18n.CHINESE)
        qtbot.waitUntil(lambda: manager.windowTitle() == "标签管理")
        assert [manager.model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == [
            "标签", "文章数", "颜色"]  # "Articles" is the entity index's too: one each
        assert window.window_actions.tag_manager_action.text() == "标签管理…"
        manager._fill_color_menu()
        assert [a.text() for a in manager.color_menu.actions()] == [
            "无颜色", "红", "橙", "黄", "绿", "青", "蓝", "紫", "灰"]
        assert shown(manager)["城市更新"] == ("3", "红")
    finally:
        window.app_actions.set_language(i18n.ENGLISH)


def test_show_articles_and_double_click_filter_the_tree(
        qtbot: QtBot, library: Library, settings: Settings) -> None:
    window, manager, ids = open_manager(qtbot, library, settings)
    manager.select(["改革"])
    with qtbot.waitSignal(window.tree_pane.filter_applied, timeout=10_000):
        manager.show_button.click()
    assert window.tree_pane.filter_edit.text() == "tag:改革"
    assert sorted(shown_articles(window)) == sorted([ids[BUDGET], ids[REFORM]])
    row = next(r for r in range(manager.proxy.rowCount())
               if manager.proxy.index(r, NAME).data() == "财政")
    rect = manager.table.visualRect(manager.proxy.index(row, NAME))
    qtbot.mouseClick(manager.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(window.tree_pane.filter_applied, timeout=10_000):
        qtbot.mouseDClick(manager.table.viewport(), Qt.MouseButton.LeftButton,
                          pos=rect.center())
    assert shown_articles(window) == [ids[BUDGET]]


def test_the_manager_follows_changes_made_elsewhere(
        qtbot: QtBot, library: Library, settings: Settings) -> None:
    window, manager, ids = open_manager(qtbot, library, settings)
    window.open_article(ids[HAIGUANG])
    window.tags.entry.setText("新标签")
    window.tags.add_button.click()  # the Tags tab
    assert shown(manager)["新标签"] == ("1", "No color")
    manager.hide()
    window.history.add_tag(ids[BUDGET], "新标签")  # while hidden: read when shown again
    window.window_actions.tag_manager_action.trigger()
    assert shown(manager)["新标签"] == ("2", "No color")
    # another program (baokan tag add) writes the file: the window's poll notices
    tag = write_sql(library, "INSERT INTO tags (name, color, created) VALUES "
                             "('命令行', '', '2024') RETURNING id")[0][0]
    write_sql(library, "INSERT INTO article_tags VALUES (?, ?, '2024')", [ids[REFORM], tag])
    window.poll_library()
    qtbot.waitUntil(lambda: "命令行" in shown(manager), timeout=5_000)


def test_a_read_only_library_lists_tags_but_offers_no_changes(
        qtbot: QtBot, library: Library, settings: Settings) -> None:
    setup_tags(library)
    library.readonly = True
    window = MainWindow(library, settings)
    qtbot.addWidget(window)
    manager = window.corpus.show_tag_manager()
    manager.select(["改革", "财政"])
    assert len(shown(manager)) == 3
    for button in (manager.rename_button, manager.merge_button, manager.color_button,
                   manager.delete_button):
        assert not button.isEnabled()


def test_the_tree_filtered_by_a_tag_follows_its_delete_and_undo(
        qtbot: QtBot, library: Library, settings: Settings) -> None:
    window, manager, ids = open_manager(qtbot, library, settings)
    manager.select(["改革"])
    with qtbot.waitSignal(window.tree_pane.filter_applied, timeout=10_000):
        manager.show_selected()
    qtbot.waitUntil(manager.isActiveWindow)  # shortcuts go to the active window
    with qtbot.waitSignal(window.tree_pane.filter_applied, timeout=10_000):
        manager.table.setFocus()
        qtbot.keyClick(manager.table, Qt.Key.Key_Delete)
    assert "改革" not in shown(manager) and shown_articles(window) == []
    with qtbot.waitSignal(window.tree_pane.filter_applied, timeout=10_000):
        manager._history.stack.undo()
    assert sorted(shown_articles(window)) == sorted([ids[BUDGET], ids[REFORM]])


def test_f2_renames_and_the_tags_tab_opens_the_manager(
        qtbot: QtBot, library: Library, settings: Settings,
        monkeypatch: pytest.MonkeyPatch) -> None:
    setup_tags(library)
    window = make_window(qtbot, library, settings)
    window.right_tabs.setCurrentWidget(window.tags)
    window.tags.manage_button.click()
    manager = window.corpus.tag_manager
    assert manager is not None and manager.isVisible()
    monkeypatch.setattr(manager, "ask_name", lambda name: "预算")
    manager.select(["财政"])
    qtbot.waitUntil(manager.isActiveWindow)  # shortcuts go to the active window
    manager.table.setFocus()
    qtbot.keyClick(manager.table, Qt.Key.Key_F2)
    assert "预算" in shown(manager) and "财政" not in shown(manager)
