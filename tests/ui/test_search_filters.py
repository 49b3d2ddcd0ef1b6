"""Search in the window (issue 14): the date, tag, entity and kind filters the command line
has, and a search history."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.library import Filters, Library
from reader.ui.search_pane import date_bound
from reader.ui.settings import Settings
from tests.ui.conftest import write_sql
from tests.ui.test_main_window import make_window


@pytest.mark.parametrize(("text", "first", "last"), [
    ("2024", "2024-01-01", "2024-12-31"),
    ("2024-02", "2024-02-01", "2024-02-29"),
    ("2024-8-30", "2024-08-30", "2024-08-30"),
    ("2024年8月", "2024-08-01", "2024-08-31"),
    ("  ", None, None),
])
def test_a_typed_date_becomes_a_range_bound(text: str, first: str | None,
                                            last: str | None) -> None:
    assert date_bound(text, last=False) == first
    assert date_bound(text, last=True) == last


@pytest.mark.parametrize("text", ["yesterday", "2024-13", "2024-02-30", "20240"])
def test_a_date_that_is_not_one_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        date_bound(text, last=False)


def search(qtbot: QtBot, window: object, query: str) -> list[int]:
    pane = window.search  # type: ignore[attr-defined]
    pane.search_edit.setText(query)
    with qtbot.waitSignal(pane.searched):
        qtbot.keyClick(pane.search_edit, Qt.Key.Key_Return)
    return [hit.article_id for hit in pane.hits()]


def test_filters_narrow_the_hits_like_the_command_line(qtbot: QtBot, library: Library,
                                                       settings: Settings) -> None:
    issues = library.issues()
    write_sql(library, "UPDATE issues SET date = '2024-03-05' WHERE id = ?", [issues[0].id])
    window = make_window(qtbot, library, settings)
    everything = search(qtbot, window, "南开")
    pane = window.search
    pane.filters_button.setChecked(True)
    assert pane.filters.isVisible()
    pane.filters.date_from.setText("2024-03")
    pane.filters.date_to.setText("2024")
    in_march = search(qtbot, window, "南开")
    dated = {a for a, *_ in library.articles(issues[0].id)}
    assert in_march and set(in_march) <= dated and len(in_march) < len(everything)
    pane.filters.date_from.clear()
    pane.filters.date_to.clear()
    tagged = everything[3]
    library.add_tag(tagged, "城市更新")
    pane.filters_button.setChecked(False)
    pane.filters_button.setChecked(True)  # the tag list is read when the filters open
    assert pane.filters.tag.findText("城市更新") >= 0
    pane.filters.tag.setCurrentIndex(pane.filters.tag.findText("城市更新"))
    assert search(qtbot, window, "南开") == [tagged]
    pane.filters.tag.setCurrentIndex(0)
    pane.filters.kind.setCurrentIndex(2)  # photos
    photos = search(qtbot, window, "南开")
    assert photos and all(library.article(a).kind == "photo" for a in photos)
    pane.filters.kind.setCurrentIndex(0)
    pane.filters.entity.setText("南开区财政局")
    by_entity = search(qtbot, window, "")  # a filter alone is a search
    assert by_entity == [hit.article_id for hit in library.search("", Filters(entity="南开区财政局"))]
    assert by_entity
    pane.filters.date_from.setText("soon")
    with qtbot.waitSignal(pane.message) as said:
        pane.run("南开")
    assert "soon" in said.args[0]


def test_the_search_history_is_kept_and_offered(qtbot: QtBot, library: Library,
                                                settings: Settings) -> None:
    window = make_window(qtbot, library, settings)
    for query in ("南开", "预算", "南开"):
        search(qtbot, window, query)
    assert settings.search_history == ["南开", "预算"]
    pane = window.search
    pane.search_edit.clear()
    pane.search_edit.setFocus()
    qtbot.keyClick(pane.search_edit, Qt.Key.Key_Down)
    popup = pane.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    shown = [popup.model().index(r, 0).data() for r in range(popup.model().rowCount())]
    assert shown == ["南开", "预算"]
