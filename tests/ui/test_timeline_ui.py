"""View → Timeline… and View → Co-occurrence… on the sample library with dates set: the
chart shows the library's counts, hover says what a bar is, a click lists its articles and
one opens in the window, the exports are written; the pairs table, its filters, its heat
map and its articles."""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from reader.core.timeline import Series
from reader.library import Filters, Library
from reader.ui.chart import TimelineChart
from reader.ui.main_window import MainWindow
from reader.ui.settings import Settings
from reader.ui.timeline import TimelineWindow, series_label

DATES = ["2023-12-31", "2024-01-01", "2024-08-30", "2024-12-30"]  # the fifth: no date
WAIT_MS = 20_000


@pytest.fixture
def window(qtbot: QtBot, library: Library, settings: Settings) -> Iterator[MainWindow]:
    issues = sorted(row.id for row in library.issues())
    library.set_issue_details({issue: {"date": day} for issue, day in zip(issues, DATES,
                                                                          strict=False)})
    articles = [a for issue in issues for a, kind, _t in library.articles(issue)
                if kind == "article"]
    for article_id in articles[::3]:
        library.add_tag(article_id, "城市更新")
    shown = MainWindow(library, settings)
    qtbot.addWidget(shown)
    shown.show()
    yield shown
    shown.close()


def top_entity(library: Library) -> Series:
    entity = library.entity_index()[0]
    return Series("entity", entity.name, entity.type)


def opened_timeline(qtbot: QtBot, window: MainWindow) -> TimelineWindow:
    timeline = window.corpus.show_timeline()
    qtbot.waitUntil(lambda: bool(timeline._entities), timeout=WAIT_MS)
    return timeline


def add(qtbot: QtBot, timeline: TimelineWindow, kind: str, text: str) -> Series | None:
    with qtbot.waitSignal(timeline.loaded, timeout=WAIT_MS):
        series = timeline.add(kind, text)
    return series


def hover(widget: QWidget, pos: QPoint) -> None:
    """Move the pointer over ``pos`` (QTest's mouseMove sends nothing offscreen)."""
    QApplication.sendEvent(widget, QMouseEvent(
        QEvent.Type.MouseMove, QPointF(pos), QPointF(widget.mapToGlobal(pos)),
        Qt.MouseButton.NoButton, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier))


def click(qtbot: QtBot, chart: TimelineChart, series: int, period: int) -> None:
    point = chart.mapFromScene(chart.scene_point(series, period))
    qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_the_chart_shows_the_librarys_counts_of_each_kind_of_series(
        qtbot: QtBot, window: MainWindow, library: Library) -> None:
    timeline = opened_timeline(qtbot, window)
    entity = top_entity(library)
    typed = next(text for text, value in timeline._entities.items()
                 if value == (entity.type, entity.name))
    assert typed.startswith(f"{entity.name} · ")
    assert add(qtbot, timeline, "entity", typed) == entity  # as the completer offers it
    assert add(qtbot, timeline, "tag", "城市更新") == Series("tag", "城市更新")
    assert add(qtbot, timeline, "query", "南开") == Series("query", "南开")
    expected = library.timeline(timeline.series, "month")
    assert timeline.timeline == expected
    assert timeline.chart.timeline == expected
    assert expected.periods[0] == "2023-12" and expected.periods[-1] == "2024-12"
    undated = expected.undated
    assert undated > 0 and str(undated) in timeline.message  # left out, and said so
    with qtbot.waitSignal(timeline.loaded, timeout=WAIT_MS):
        timeline.bin_combo.setCurrentIndex(0)  # per week
    assert timeline.timeline == library.timeline(timeline.series, "week")
    assert timeline.timeline.periods[0] == "2023-W52"
    with qtbot.waitSignal(timeline.loaded, timeout=WAIT_MS):
        timeline.measure_combo.setCurrentIndex(1)  # mentions
    assert timeline.timeline.series[0].total > library.timeline(
        [entity], "week").series[0].total
    assert [timeline.series_model.row_at(n).text for n in range(3)] == \
        [series_label(s) for s in timeline.series]


def test_hover_says_period_series_and_count_and_a_click_opens_the_periods_articles(
        qtbot: QtBot, window: MainWindow, library: Library) -> None:
    timeline = opened_timeline(qtbot, window)
    add(qtbot, timeline, "query", "南开")
    add(qtbot, timeline, "tag", "城市更新")
    chart = timeline.chart
    qtbot.waitUntil(lambda: chart.isVisible())
    counts = timeline.timeline.series[1].counts
    period = max(range(len(counts)), key=lambda n: counts[n])
    point = chart.mapFromScene(chart.scene_point(1, period))
    hover(chart.viewport(), point)
    qtbot.waitUntil(lambda: bool(chart.tip_text))
    assert chart.tip_text.split("\n") == [
        timeline.timeline.periods[period], "Tag: 城市更新", f"{counts[period]} article(s)"]
    with qtbot.waitSignal(timeline.listed, timeout=WAIT_MS):
        click(qtbot, chart, 1, period)
    rows = timeline.articles_model.rowCount()
    assert rows == counts[period] > 0
    chosen = timeline.articles_model.row_at(0).id
    assert "城市更新" in library.article_tags(chosen)
    timeline.articles.clicked.emit(timeline.articles_model.index(0))
    assert window.current_article() == chosen
    # a click beside every bar lists nothing new
    with qtbot.assertNotEmitted(timeline.listed, wait=200):
        qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(3, 3))
    # lines: the same counts, the same click
    timeline.style_combo.setCurrentIndex(1)
    assert chart.chart_style == "lines"
    with qtbot.waitSignal(timeline.listed, timeout=WAIT_MS):
        click(qtbot, chart, 0, period)
    assert timeline.articles_model.rowCount() == timeline.timeline.series[0].counts[period]


def test_exports_write_png_svg_and_the_csv_of_counts(
        qtbot: QtBot, window: MainWindow, library: Library, tmp_path: Path) -> None:
    timeline = opened_timeline(qtbot, window)
    add(qtbot, timeline, "entity", top_entity(library).name)  # a bare name: the most mentioned
    add(qtbot, timeline, "tag", "城市更新")
    assert timeline.export("png", tmp_path / "t.png")
    assert (tmp_path / "t.png").read_bytes().startswith(b"\x89PNG")
    assert timeline.export("svg", tmp_path / "t.svg")
    svg = ET.parse(tmp_path / "t.svg").getroot()
    assert svg.tag.endswith("svg") and len(list(svg.iter())) > 20
    assert timeline.export("csv", tmp_path / "t.csv")
    table = list(csv.reader((tmp_path / "t.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert table[0] == ["period", "start", "end", "series", "kind", "count"]
    assert len(table) - 1 == 2 * len(timeline.timeline.periods)
    assert {row[3] for row in table[1:]} == {series_label(s) for s in timeline.series}
    refused = timeline.export("csv", Path(library.path))
    assert not refused and "library" in timeline.message


def test_a_bad_query_or_unknown_entity_is_said_and_nothing_drawn(
        qtbot: QtBot, window: MainWindow) -> None:
    timeline = opened_timeline(qtbot, window)
    add(qtbot, timeline, "query", '"南开')
    assert "quotation mark" in timeline.message
    assert timeline.add("entity", "无此人名") is None
    assert "无此人名" in timeline.message
    timeline.series_view.setCurrentIndex(timeline.series_model.index(0))
    with qtbot.waitSignal(timeline.loaded, timeout=WAIT_MS):
        timeline.remove_selected()
    assert timeline.series == [] and timeline.timeline.periods == ()


def test_the_timeline_counts_again_when_tags_change(
        qtbot: QtBot, window: MainWindow, library: Library) -> None:
    timeline = opened_timeline(qtbot, window)
    add(qtbot, timeline, "tag", "新标签")
    assert timeline.timeline.periods == ()
    article = library.search("南开", limit=1)[0].article_id
    with qtbot.waitSignal(timeline.loaded, timeout=WAIT_MS):
        window.history.add_tag(article, "新标签")
    assert timeline.timeline.series[0].total + timeline.timeline.undated == 1


# ---------------------------------------------------------------- co-occurrence


def test_the_pairs_table_shows_the_librarys_pairs_and_filters_them(
        qtbot: QtBot, window: MainWindow, library: Library, qtmodeltester: object) -> None:
    view = window.corpus.show_cooccurrence()
    qtbot.waitUntil(lambda: view.answer is not None, timeout=WAIT_MS)
    expected = library.cooccurrence(top=200, min_shared=2)
    assert view.model.rowCount() == len(expected.pairs) > 0
    assert [view.model.pair_at(n) for n in range(view.model.rowCount())] == \
        list(expected.pairs)
    qtmodeltester.check(view.model)  # type: ignore[attr-defined]
    assert str(expected.articles) in view.message
    # sortable: by Jaccard, highest first
    view.table.sortByColumn(5, Qt.SortOrder.DescendingOrder)
    first = view.model.pair_at(view.proxy.mapToSource(view.proxy.index(0, 0)).row())
    assert first.jaccard == max(p.jaccard for p in expected.pairs)
    # a period, then a tag
    view.date_from.setText("2024")
    view.date_to.setText("2024-08")
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        view.refresh()
    period = Filters(date_from="2024-01-01", date_to="2024-08-31")
    assert list(view.answer.pairs) == list(library.cooccurrence(period).pairs)
    view.tag.setEditText("城市更新")
    view.min_shared.setValue(1)
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        view.refresh()
    both = Filters(tag="城市更新", date_from="2024-01-01", date_to="2024-08-31")
    assert list(view.answer.pairs) == list(library.cooccurrence(both, min_shared=1).pairs)
    view.date_from.setText("去年")
    view.refresh()
    assert "去年" in view.message


def test_a_pair_lists_the_articles_that_mention_both_and_opens_one(
        qtbot: QtBot, window: MainWindow, library: Library) -> None:
    view = window.corpus.show_cooccurrence()
    qtbot.waitUntil(lambda: view.answer is not None, timeout=WAIT_MS)
    index = view.proxy.index(0, 0)
    pair = view.model.pair_at(view.proxy.mapToSource(index).row())
    with qtbot.waitSignal(view.listed, timeout=WAIT_MS):
        view.table.doubleClicked.emit(index)
    assert view.articles_model.rowCount() == pair.together
    chosen = view.articles_model.row_at(0).id
    labels = {h.label for h in library.highlights(chosen)}
    assert {pair.a_name, pair.b_name} <= labels
    view.articles.activated.emit(view.articles_model.index(0))
    assert window.current_article() == chosen
    # the heat map: hover names a pair, a click lists its articles
    view.tabs.setCurrentWidget(view.matrix)
    matrix = view.matrix
    qtbot.waitUntil(lambda: matrix.isVisible())
    assert matrix.entities
    row = next(r for r in range(len(matrix.entities)) for c in range(len(matrix.entities))
               if (matrix.entities[r][0], matrix.entities[c][0]) in matrix.cells)
    column = next(c for c in range(len(matrix.entities))
                  if (matrix.entities[row][0], matrix.entities[c][0]) in matrix.cells)
    centre = matrix.cell_rect(row, column).center()
    hover(matrix, centre)
    qtbot.waitUntil(lambda: bool(matrix.tip_text))
    clicked = matrix.cells[(matrix.entities[row][0], matrix.entities[column][0])]
    assert clicked.a_name in matrix.tip_text and clicked.b_name in matrix.tip_text
    with qtbot.waitSignal(view.listed, timeout=WAIT_MS):
        qtbot.mouseClick(matrix, Qt.MouseButton.LeftButton, pos=centre)
    assert view.articles_model.rowCount() == clicked.together
