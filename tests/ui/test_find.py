"""Find in the article (Ctrl+F, next/previous, every match marked) and search terms marked."""
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from reader.library import Library
from reader.ui.find import CURRENT_COLOR, MATCH_COLOR, TERM_COLOR, find_all, term_spans
from reader.ui.main_window import MainWindow
from reader.ui.settings import Settings
from tests.ui.conftest import article_titled
from tests.ui.test_main_window import BUDGET, make_window

SHIFT = Qt.KeyboardModifier.ShiftModifier


def test_find_all_ignores_case_and_escapes() -> None:
    assert find_all("GDP增长,gdp总量", "gdp") == [(0, 3), (6, 9)]
    assert find_all("a.b a+b", "a+b") == [(4, 7)]
    assert find_all("南开区", "") == []
    assert term_spans("预算收入完成全年预算", ["预算", "收入"]) == [(0, 2), (2, 4), (8, 10)]


def open_find(qtbot: QtBot, library: Library, settings: Settings, needle: str) -> tuple[MainWindow, str]:
    window = make_window(qtbot, library, settings)
    window.open_article(article_titled(library, BUDGET))
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible() and window.find_bar.entry.hasFocus()
    window.find_bar.entry.setText(needle)
    return window, window.view.document().toPlainText()


def colors(window: MainWindow) -> list[QColor]:
    return [s.format.background().color() for s in window.view.extraSelections()]


def test_ctrl_f_marks_every_match_and_steps_through_them(qtbot: QtBot, library: Library, settings: Settings) -> None:
    window, text = open_find(qtbot, library, settings, "南开区")
    bar = window.find_bar
    expected = find_all(text, "南开区")
    assert len(expected) >= 3 and bar.matches() == expected
    assert colors(window).count(QColor(MATCH_COLOR)) == len(expected)
    assert bar.current() == 0 and QColor(CURRENT_COLOR) in colors(window)
    assert bar.status.text() == f"1 of {len(expected)}"
    qtbot.keyClick(bar.entry, Qt.Key.Key_Return)
    assert bar.current() == 1
    cursor = window.view.textCursor()
    assert (cursor.selectionStart(), cursor.selectionEnd()) == expected[1]
    qtbot.keyClick(bar.entry, Qt.Key.Key_Return, SHIFT)
    assert bar.current() == 0
    qtbot.keyClick(bar.entry, Qt.Key.Key_F3)
    assert bar.current() == 1
    qtbot.keyClick(bar.entry, Qt.Key.Key_F3, SHIFT)
    qtbot.keyClick(bar.entry, Qt.Key.Key_F3, SHIFT)
    assert bar.current() == len(expected) - 1
    qtbot.keyClick(bar.entry, Qt.Key.Key_F3)
    assert bar.current() == 0
    assert window.view.document().toPlainText() == text


def test_escape_closes_the_bar_and_clears_the_marks(qtbot: QtBot, library: Library, settings: Settings) -> None:
    window, _text = open_find(qtbot, library, settings, "预算")
    qtbot.keyClick(window.find_bar.entry, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()
    assert colors(window) == []


def test_not_found_says_so(qtbot: QtBot, library: Library, settings: Settings) -> None:
    window, _text = open_find(qtbot, library, settings, "没有的词")
    assert window.find_bar.matches() == [] and window.find_bar.status.text() == "Not found"


def test_matches_follow_the_next_article(qtbot: QtBot, library: Library, settings: Settings) -> None:
    window, _text = open_find(qtbot, library, settings, "南开")
    window.next_article()
    assert window.find_bar.matches() == find_all(window.view.document().toPlainText(), "南开")


def test_an_article_opened_from_search_has_the_terms_marked(qtbot: QtBot, library: Library, settings: Settings) -> None:
    window = make_window(qtbot, library, settings)
    with qtbot.waitSignal(window.search.searched, timeout=10_000):
        window.search.run("预算 收入")
    hits = window.search.hits()
    row = [hit.article_id for hit in hits].index(article_titled(library, BUDGET))
    window.search.list.clicked.emit(window.search.model_.index(row, 0))
    text = window.view.document().toPlainText()
    marks = window.view.marks("terms")
    assert marks and {text[m.start:m.end] for m in marks} <= set(hits[row].terms)
    assert {"预算", "收入"} <= {text[m.start:m.end] for m in marks}
    assert QColor(TERM_COLOR) in colors(window)
    window.next_article()
    assert window.view.marks("terms") == []
