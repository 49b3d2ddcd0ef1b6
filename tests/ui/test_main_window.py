"""The main window's flows: open, notes, tags, search, J/K, filter, remembered layout."""
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from reader.core.spans import to_document
from reader.library import Hit, Library
from reader.ui import tree_pane
from reader.ui.article_view import LAYER_COLORS
from reader.ui.issue_tree import ID_ROLE
from reader.ui.layout import window_title
from reader.ui.main_window import MainWindow
from reader.ui.row_list import RowListModel
from reader.ui.settings import Settings
from tests.ui.conftest import article_titled, issue_rows

BUDGET = "南开区一季度完成全年预算27.2%"


def make_window(qtbot: QtBot, library: Library, settings: Settings) -> MainWindow:
    window = MainWindow(library, settings)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    return window


def type_filter(qtbot: QtBot, window: MainWindow, text: str) -> None:
    """Type into the tree filter and wait for its background read to come back."""
    with qtbot.waitSignal(window.tree_pane.filter_applied, timeout=10_000):
        window.tree_pane.filter_edit.setText(text)


def select_in_view(window: MainWindow, start: int, end: int) -> None:
    blocks = window.view.blocks
    first, last = to_document(blocks, start), to_document(blocks, end)
    assert first is not None and last is not None
    cursor = window.view.textCursor()
    cursor.setPosition(first)
    cursor.setPosition(last, QTextCursor.MoveMode.KeepAnchor)
    window.view.setTextCursor(cursor)


def test_clicking_an_article_in_the_tree_opens_it(qtbot: QtBot, library: Library, settings: Settings) -> None:
    window = make_window(qtbot, library, settings)
    issue = issue_rows(window.proxy)[0]
    window.tree.expand(issue)
    article = window.proxy.index(0, 0, issue)
    with qtbot.waitSignal(window.article_opened) as blocker:
        window.tree.setCurrentIndex(article)
    assert blocker.args == [library.articles(library.issues()[0].id)[0][0]]
    assert window.view.document().toPlainText().startswith(
        library.article(blocker.args[0]).title_lines[0])


def test_opened_article_shows_highlights(qtbot: QtBot, library: Library, settings: Settings) -> None:
    window = make_window(qtbot, library, settings)
    article_id = article_titled(library, BUDGET)
    window.open_article(article_id)
    body = library.article(article_id).body
    position = to_document(window.view.blocks, body.index("11.07亿元"))
    assert position is not None
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(position + 1)
    assert cursor.charFormat().background().color() == QColor(LAYER_COLORS["figure"])
    assert window.tree.currentIndex().data() == BUDGET


def test_add_note_from_selection_lists_it(qtbot: QtBot, library: Library, settings: Settings) -> None:
    window = make_window(qtbot, library, settings)
    article_id = article_titled(library, BUDGET)
    window.open_article(article_id)
    body = library.article(article_id).body
    start = body.index("11.07亿元")
    select_in_view(window, start, start + 7)
    window.notes.editor.setPlainText("收入规模")
    with qtbot.waitSignal(window.notes.note_added):
        window.window_actions.add_note_action.trigger()
    [note] = library.notes(article_id)
    assert (note.start, note.end, note.quote, note.body) == (start, start + 7, "11.07亿元", "收入规模")
    model = window.notes.model
    assert model.rowCount() == 1
    assert "11.07亿元" in model.index(0, 0).data() and "收入规模" in model.index(0, 0).data()
    # the one editor now edits the new note; the draft it came from is used up
    assert window.notes.current_note().id == note.id
    assert window.notes.editor.toPlainText() == "收入规模"
    window.notes.new_draft()
    assert window.notes.editor.toPlainText() == "" and window.notes.current_note() is None


def test_article_context_menu_offers_add_note_copy_and_select_all(qtbot: QtBot, library: Library, settings: Settings) -> None:
    window = make_window(qtbot, library, settings)
    window.open_article(article_titled(library, BUDGET))
    body = library.article(article_titled(library, BUDGET)).body
    start = body.index("预算")
    select_in_view(window, start, start + 2)
    menu = window.view.context_menu(QPoint(10, 10))
    qtbot.addWidget(menu)
    actions = [action for action in menu.actions() if not action.isSeparator()]
    texts = [action.text().replace("&", "").split("\t")[0] for action in actions]
    assert texts == ["Add note", "Copy with citation", "Copy", "Select All", "Layout"]
    copy = actions[texts.index("Copy")]
    assert copy.isEnabled()
    actions[0].trigger()
    notes = library.notes(window.current_article())
    assert len(notes) == 1 and notes[0].quote == "预算"


def test_add_note_without_selection_says_why(qtbot: QtBot, library: Library, settings: Settings) -> None:
    window = make_window(qtbot, library, settings)
    window.open_article(article_titled(library, BUDGET))
    window.window_actions.add_note_action.trigger()
    assert "on the passage selected" in window.statusBar().currentMessage()
    assert library.notes() == []


def test_clicking_a_note_selects_its_passage(qtbot: QtBot, library: Library, settings: Settings) -> None:
    window = make_window(qtbot, library, settings)
    article_id = article_titled(library, BUDGET)
    body = library.article(article_id).body
    start = body.index("奋力实现")
    library.add_note(article_id, "n", start, start + 4)
    window.open_article(article_id)
    window.notes.list.clicked.emit(window.notes.model.index(0, 0))
    assert window.view.textCursor().selectedText() == "奋力实现"


def test_add_tag_with_completion_and_remove_it(qtbot: QtBot, library: Library, settings: Settings) -> None:
    first = article_titled(library, BUDGET)
    library.add_tag(first, "财政收入")
    window = make_window(qtbot, library, settings)
    other = library.articles(library.issues()[0].id)[0][0]
    window.open_article(other)
    tags = window.tags
    completer = tags.completer
    completer.setCompletionPrefix("财政")
    assert completer.currentCompletion() == "财政收入"
    tags.entry.setText(completer.currentCompletion())
    with qtbot.waitSignal(tags.tags_changed):
        tags.entry.returnPressed.emit()
    assert library.article_tags(other) == ["财政收入"]
    assert tags.model.index(0, 0).data() == "财政收入"
    tags.list.setCurrentIndex(tags.model.index(0, 0))
    tags.remove_button.click()
    assert library.article_tags(other) == []
    assert tags.model.rowCount() == 0


def test_search_lists_hits_and_opens_one(qtbot: QtBot, library: Library, settings: Settings) -> None:
    window = make_window(qtbot, library, settings)
    qtbot.keyClick(window, Qt.Key.Key_F,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.search.search_edit.hasFocus()
    window.search.search_edit.setText("预算")
    with qtbot.waitSignal(window.search.searched) as blocker:
        qtbot.keyClick(window.search.search_edit, Qt.Key.Key_Return)
    assert blocker.args[0] > 0
    assert window.left_tabs.currentWidget() is window.search
    titles = [window.search.model_.index(r, 0).data().split("\n")[0]
              for r in range(window.search.model_.rowCount())]
    assert BUDGET in titles
    with qtbot.waitSignal(window.article_opened) as opened:
        window.search.list.clicked.emit(window.search.model_.index(titles.index(BUDGET), 0))
    assert opened.args == [article_titled(library, BUDGET)]


def search(qtbot: QtBot, window: MainWindow, query: str) -> list[Hit]:
    """Search from the window and wait for the first page (a background read)."""
    with qtbot.waitSignal(window.search.searched, timeout=10_000):
        window.search.run(query)
    return window.search.hits()


def test_bad_query_shows_the_message_in_the_status_bar(qtbot: QtBot, library: Library, settings: Settings) -> None:
    window = make_window(qtbot, library, settings)
    with qtbot.waitSignal(window.search.message, timeout=10_000):
        window.search.run('"南开')
    assert "not closed" in window.statusBar().currentMessage()
    assert window.search.model_.rowCount() == 0


def test_search_says_how_many_it_found_and_pages_through_them(qtbot: QtBot, library: Library, settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("reader.ui.search_pane.PAGE", 5)
    window = make_window(qtbot, library, settings)
    total = library.search_count("南开")
    assert total > 10
    first = search(qtbot, window, "南开")
    assert len(first) == 5 and window.search.more_button.isVisibleTo(window.search)
    assert window.search.count.text() == f"5 of {total} shown"
    while window.search.more_button.isVisibleTo(window.search):
        shown = window.search.model_.rowCount()
        window.search.more_button.click()
        qtbot.waitUntil(lambda shown=shown: window.search.model_.rowCount() > shown)
    ids = [hit.article_id for hit in window.search.hits()]
    assert len(ids) == total == len(set(ids))
    assert ids == [hit.article_id for hit in library.search("南开", limit=1000)]


def test_j_and_k_move_between_articles(qtbot: QtBot, library: Library, settings: Settings) -> None:
    window = make_window(qtbot, library, settings)
    articles = [a[0] for a in library.articles(library.issues()[0].id)]
    window.open_article(articles[0])
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_J)
    assert window.current_article() == articles[1]
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_J)
    assert window.current_article() == articles[2]
    qtbot.keyClick(window.view, Qt.Key.Key_K)
    assert window.current_article() == articles[1]
    window.search.search_edit.setFocus()
    qtbot.keyClick(window.search.search_edit, Qt.Key.Key_J)
    assert window.current_article() == articles[1]
    assert window.search.search_edit.text() == "j"


def test_filter_narrows_the_tree_by_title(qtbot: QtBot, library: Library, settings: Settings) -> None:
    window = make_window(qtbot, library, settings)
    type_filter(qtbot, window, "预算")
    shown = []
    for issue in issue_rows(window.proxy):
        shown += [window.proxy.index(r, 0, issue).data() for r in range(window.proxy.rowCount(issue))]
    assert shown == [BUDGET]
    type_filter(qtbot, window, "")
    assert len(issue_rows(window.proxy)) == 5


def shown_articles(window: MainWindow) -> list[int]:
    shown = []
    for issue in issue_rows(window.proxy):
        shown += [window.proxy.index(r, 0, issue).data(ID_ROLE) for r in range(window.proxy.rowCount(issue))]
    return shown


def test_filter_narrows_the_tree_by_tag_or_entity(qtbot: QtBot, library: Library, settings: Settings) -> None:
    window = make_window(qtbot, library, settings)
    budget = article_titled(library, BUDGET)
    library.add_tag(budget, "财政")
    type_filter(qtbot, window, "财政")
    assert shown_articles(window) == [budget]
    type_filter(qtbot, window, "习近平")
    mentioning = shown_articles(window)
    assert set(mentioning) == library.article_ids_matching("习近平") and len(mentioning) > 1
    type_filter(qtbot, window, "")
    assert len(issue_rows(window.proxy)) == 5


def test_tree_tooltip_shows_bylines_and_tags(qtbot: QtBot, library: Library, settings: Settings) -> None:
    window = make_window(qtbot, library, settings)
    budget = article_titled(library, BUDGET)
    library.add_tag(budget, "财政")
    tip = window.tree_model.article_index(budget).data(Qt.ItemDataRole.ToolTipRole)
    assert "翟志华 石梦" in tip and "财政" in tip


def test_layout_and_last_article_are_remembered(qtbot: QtBot, library: Library, settings: Settings) -> None:
    window = make_window(qtbot, library, settings)
    window.resize(700, 500)
    window.splitter.setSizes([200, 300, 200])
    sizes = window.splitter.sizes()
    window.open_article(article_titled(library, BUDGET))
    window.close()
    again = make_window(qtbot, library, settings)
    assert again.size().width() == 700
    assert again.splitter.sizes() == sizes
    again.restore_last_article()
    assert again.current_article() == article_titled(library, BUDGET)


def test_hit_list_model_passes_qtmodeltester(qtmodeltester: ModelTester, library: Library, settings: Settings, qtbot: QtBot) -> None:
    window = make_window(qtbot, library, settings)
    search(qtbot, window, "南开")
    qtmodeltester.check(window.search.model_)
    qtmodeltester.check(RowListModel())
    assert window.search.model_.index(0, 0, QModelIndex()).isValid()


def test_clearing_the_filter_reopens_the_tree_as_it_was(qtbot: QtBot, library: Library, settings: Settings) -> None:
    """A filter opens the issues with matches; clearing it must not leave every one open
    (on a decade that laid out every article: 235 s), but the rows the reader had open."""
    window = make_window(qtbot, library, settings)
    issue = issue_rows(window.proxy)[1]
    window.tree.expand(issue)
    before = window.tree_pane.expanded_issues()
    type_filter(qtbot, window, "南开")
    assert len(window.tree_pane.expanded_issues()) > len(before)
    type_filter(qtbot, window, "")
    assert window.tree_pane.expanded_issues() == before


def test_a_filter_matching_many_issues_reads_only_the_issues_it_opens(
        qtbot: QtBot, library: Library, settings: Settings,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """On a decade 南开 matches nearly every issue: the answer carries the rows of the first
    OPEN_MATCHES issues only, and another matching issue shows its matches when opened."""
    monkeypatch.setattr(tree_pane, "OPEN_MATCHES", 1)
    window = make_window(qtbot, library, settings)
    order = window.tree_model.issue_ids()
    everything = library.tree_matches("习近平")
    holding = [issue for issue in order if issue in everything.issues]
    assert len(holding) > 1
    few = library.tree_matches("习近平", order, 1)
    assert few.ids == everything.ids and few.issues == everything.issues
    assert list(few.labels) == holding[:1]
    type_filter(qtbot, window, "习近平")
    assert window.tree_pane.expanded_issues() == holding[:1]
    later = window.proxy.mapFromSource(window.tree_model.issue_index(holding[1]))
    assert later.isValid() and not window.tree.isExpanded(later)
    expand_with_parents(window, later)  # read now, filtered as the first
    rows = [window.proxy.index(r, 0, later).data(ID_ROLE)
            for r in range(window.proxy.rowCount(later))]
    assert rows and set(rows) <= everything.ids
    for issue in holding:
        expand_with_parents(
            window, window.proxy.mapFromSource(window.tree_model.issue_index(issue)))
    assert set(shown_articles(window)) == everything.ids


def expand_with_parents(window: MainWindow, index: QModelIndex) -> None:
    """Open a row as the reader does: its paper and year first."""
    chain = []
    while index.isValid():
        chain.append(index)
        index = index.parent()
    for row in reversed(chain):
        window.tree.expand(row)
        QApplication.processEvents()  # the view lays the opened rows out, then shows them


def test_the_window_title_is_the_open_article_without_the_app_name(
        qtbot: QtBot, library: Library, settings: Settings) -> None:
    """Qt adds the application's name after the title; the title must not repeat it."""
    window = make_window(qtbot, library, settings)
    assert window.windowTitle() == ""
    window.open_article(article_titled(library, BUDGET))
    assert window.windowTitle() == BUDGET
    window.view.clear_article()
    assert window.windowTitle() == ""
    assert "Baokan" not in window_title(BUDGET, True, True)
    assert window_title(BUDGET, True, False) == f"{BUDGET} (read-only)"
