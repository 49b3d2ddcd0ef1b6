"""Library text is never rendered as HTML (issue 14): hostile titles, passages, notes,
tags, entity, paper and file names go through every view, tooltip and dialog, and the
file their ``<img>`` points at is never opened (watched with Linux inotify)."""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPoint, Qt, QTimer
from PySide6.QtGui import QHelpEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QLabel, QToolTip, QWidget
from pytestqt.qtbot import QtBot

from reader.library import Library
from reader.ui import plain
from reader.ui.dialogs import ImportReportDialog
from reader.ui.main_window import MainWindow
from reader.ui.settings import Settings
from tests.ui.conftest import write_sql

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="watches file opens with Linux inotify")
IN_OPEN, IN_NONBLOCK = 0x20, 0o4000
WAIT_MS = 60_000


class OpenWatch:
    """Tells whether any process opened ``path`` since the last look."""

    def __init__(self, path: Path) -> None:
        self._libc = ctypes.CDLL(None, use_errno=True)
        self.fd = self._libc.inotify_init1(IN_NONBLOCK)
        assert self.fd >= 0 and self._libc.inotify_add_watch(
            self.fd, str(path).encode(), IN_OPEN) >= 0

    def opened(self) -> bool:
        try:
            return bool(os.read(self.fd, 4096))
        except BlockingIOError:
            return False

    def close(self) -> None:
        os.close(self.fd)


@pytest.fixture
def bait(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, OpenWatch]]:
    """An <img> pointing at a watched file, by absolute URL and relative to the cwd."""
    image = tmp_path / "bait.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n")
    monkeypatch.chdir(tmp_path)
    watch = OpenWatch(image)
    yield f'<img src="{image.as_uri()}"><img src=bait.png><b>粗体</b>', watch
    watch.close()


def show_tip(text: object, widget: QWidget) -> None:
    if isinstance(text, str) and text:
        QToolTip.showText(QPoint(10, 10), text, widget)
        QApplication.processEvents()
        QToolTip.hideText()


def every_index(model: QAbstractItemModel, parent: QModelIndex | None = None) -> Iterator[QModelIndex]:
    parent = parent or QModelIndex()
    try:
        columns = model.columnCount(parent)
    except TypeError:  # a list model's columnCount is private in PySide
        columns = 1
    for row in range(model.rowCount(parent)):
        for column in range(columns):
            index = model.index(row, column, parent)
            yield index
            if column == 0:
                yield from every_index(model, index)


def tips_of(model: QAbstractItemModel, widget: QWidget) -> None:
    for index in every_index(model):
        show_tip(index.data(Qt.ItemDataRole.ToolTipRole), widget)


def close_modal_soon() -> None:
    def close() -> None:
        if (modal := QApplication.activeModalWidget()) is not None:
            modal.close()
    QTimer.singleShot(100, close)


def test_the_watch_sees_a_rich_text_render_open_the_file(qtbot: QtBot,
                                                         bait: tuple[str, OpenWatch]) -> None:
    """The control: without plain text, Qt opens the file (so the test below can fail)."""
    html, watch = bait
    label = QLabel(html)
    qtbot.addWidget(label)
    label.show()
    QApplication.processEvents()
    assert watch.opened()
    escaped = QLabel(plain.tip(html))
    qtbot.addWidget(escaped)
    escaped.show()
    QApplication.processEvents()
    assert not watch.opened()


def test_hostile_library_text_is_shown_as_text_everywhere(
        qtbot: QtBot, library: Library, settings: Settings, tmp_path: Path,
        bait: tuple[str, OpenWatch]) -> None:
    html, watch = bait
    folder = tmp_path / "hostile"
    folder.mkdir()
    (folder / "issue.txt").write_text(
        f"{html}新闻标题\n\n记者 {html}\n\n　　正文第一段{html}写着南开区的事，投资1.5亿元。\n\n"
        f"　　第二段：{html}\n", encoding="utf-8")
    (folder / "<img src=bait.png>.txt").write_bytes(b"")  # a hostile name, refused
    window = MainWindow(library, settings)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.app_actions.importer.import_finished, timeout=WAIT_MS):
        window.app_actions.import_paths([folder])
    article = next(a for issue in library.issues() for a, _, title in library.articles(issue.id)
                   if "新闻标题" in title)
    body = library.article(article).body
    start = body.index("正文第一段")
    library.add_tag(article, html)
    library.add_note(article, html, start, start + 30)
    library.add_note(article, f"全文笔记 {html}")
    entity = write_sql(library, "INSERT INTO entities (type, name) VALUES ('person', ?) "
                                "RETURNING id", [html])[0][0]
    write_sql(library, 'INSERT INTO entity_mentions (article_id, start, "end", entity_id) '
                       "VALUES (?, ?, ?, ?)", [article, start, start + 5, entity])
    library.rename_paper("hostile", html)
    assert not watch.opened(), "the set-up itself opened the file"

    # the tree, its tooltips, the import report
    window.tree_model.fetch_all()
    window.tree.expandAll()
    QApplication.processEvents()
    tips_of(window.tree_model, window.tree)
    reports = window.findChildren(ImportReportDialog)
    assert reports, "the hostile file name is reported"
    for dialog in reports:
        tips_of(dialog.failures.model(), dialog)
    # the article, its highlight tooltips (through the view's own tooltip event)
    window.open_article(article)
    QApplication.processEvents()
    view = window.view
    for position in range(0, view.document().characterCount() - 1, 3):
        cursor = QTextCursor(view.document())
        cursor.setPosition(position)
        point = view.cursorRect(cursor).center()
        QApplication.sendEvent(view.viewport(), QHelpEvent(
            QHelpEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point)))
        QApplication.processEvents()
    QToolTip.hideText()
    # notes, tags, entities of the article
    for row in range(window.notes.model.rowCount()):
        window.notes.list.setCurrentIndex(window.notes.model.index(row))
        QApplication.processEvents()
    tips_of(window.notes.model, window.notes.list)
    tips_of(window.tags.model, window.tags)
    tips_of(window.entities.model, window.entities)
    # search hits
    with qtbot.waitSignal(window.search.searched, timeout=WAIT_MS):
        window.search.run("新闻标题")
    tips_of(window.search.model_, window.search)
    # the entity index, its mentions, and its questions
    index = window.corpus.show_entity_index()
    qtbot.waitUntil(lambda: index.model.rowCount() > 0)
    tips_of(index.model, index)
    window.entities.show_mentions("person", html)
    QApplication.processEvents()
    tips_of(window.entities.mentions_model, window.entities)
    close_modal_soon()
    index.confirm(f"Reject “{html}”?")
    close_modal_soon()
    hostile = next(e for e in library.entity_index() if e.name == html)
    index.ask_target(hostile)
    # the figures table
    figures = window.corpus.show_figures()
    qtbot.waitUntil(lambda: figures.model.rowCount() > 0, timeout=WAIT_MS)
    tips_of(figures.model, figures)
    # the timeline: its series, legend, hover tooltip and a period's articles
    issue = next(row.id for row in library.issues() if row.paper == html)
    library.set_issue_details({issue: {"date": "2024-08-30"}})
    timeline = window.corpus.show_timeline()
    qtbot.waitUntil(lambda: html in timeline._by_name, timeout=WAIT_MS)
    for kind, name in (("entity", html), ("tag", html), ("query", "新闻标题")):
        with qtbot.waitSignal(timeline.loaded, timeout=WAIT_MS):
            assert timeline.add(kind, name) is not None
    assert timeline.timeline is not None and timeline.timeline.periods
    tips_of(timeline.series_model, timeline.series_view)
    timeline.chart.grab()
    timeline.chart._moved(timeline.chart.scene_point(0, 0))
    assert html in timeline.chart.tip_text
    QToolTip.hideText()
    with qtbot.waitSignal(timeline.listed, timeout=WAIT_MS):
        timeline.show_period(1, 0)
    tips_of(timeline.articles_model, timeline.articles)
    timeline.grab()
    # co-occurrence: the pairs table, the heat map's names and tooltips, a pair's articles
    pairs = window.corpus.show_cooccurrence()
    pairs.min_shared.setValue(1)
    pairs.top.setValue(5000)  # the hostile name is in one article: not among the top 200
    with qtbot.waitSignal(pairs.loaded, timeout=WAIT_MS):
        pairs.refresh()
    hostile_pairs = [pairs.model.pair_at(n) for n in range(pairs.model.rowCount())
                     if html in (pairs.model.pair_at(n).a_name, pairs.model.pair_at(n).b_name)]
    assert hostile_pairs
    tips_of(pairs.model, pairs.table)
    pairs.tabs.setCurrentWidget(pairs.matrix)
    pairs.matrix.set_pairs(hostile_pairs)
    pairs.matrix.grab()
    with qtbot.waitSignal(pairs.listed, timeout=WAIT_MS):
        pairs.show_pair(hostile_pairs[0])
    tips_of(pairs.articles_model, pairs.articles)
    pairs.grab()
    # the tag manager: its table and tooltips, its questions, and the tree filtered by it
    manager = window.corpus.show_tag_manager()
    QApplication.processEvents()
    tips_of(manager.model, manager.table)
    manager.select([html])
    assert manager.selected_names() == [html]
    for ask in (lambda: manager.ask_name(html), lambda: manager.ask_target([html, "别的"]),
                lambda: manager.confirm(f"Merge “{html}”?")):
        close_modal_soon()
        ask()
    manager.delete_selected()  # the status line names the tag
    QApplication.processEvents()
    manager._history.stack.undo()
    manager.select([html])
    with qtbot.waitSignal(window.tree_pane.filter_applied, timeout=WAIT_MS):
        manager.show_selected()
    assert window.proxy.filter_text(), "the tree is filtered by the hostile tag"
    tips_of(window.proxy, window.tree)
    window.tags.chip_menu(0).close()
    # lists drawn with emphasised spans (search hits, mentions) are painted as text
    window.left_tabs.setCurrentWidget(window.search)
    window.search.list.viewport().grab()
    window.entities.mentions.viewport().grab()
    # the bar above a copy names its original; the rejected names' list
    shown = library.article(article)
    window.banner.show_for(replace(shown, duplicate_of=shown.id), html)
    window.banner.grab()
    library.reject_entity("person", html)
    index.refresh()
    tips_of(index.corrections.model, index.corrections)
    index.tabs.setCurrentWidget(index.corrections)
    index.corrections.list.viewport().grab()
    assert not watch.opened(), "library text was rendered as HTML somewhere"
