"""Every visible string in 中文 mode is Chinese (issue 14): walk the window, its menus,
toolbars, panes, dialogs, tooltips, item views and messages in zh_CN, and fail on any text
still in English. Words that come from the library itself (file names, Latin words in
the articles) and technical names (Ctrl, CSV, AND …) are allowed."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFontComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from reader.core.records import RelatedArticle
from reader.library import Library
from reader.ui import i18n
from reader.ui.chart import UNUSED
from reader.ui.main_window import MainWindow
from reader.ui.settings import Settings
from tests.ui.conftest import article_titled

BUDGET = "南开区一季度完成全年预算27.2%"
WORD = re.compile(r"[A-Za-z][A-Za-z']+")
TECHNICAL = {
    "Ctrl", "Shift", "Alt", "Meta", "Cmd", "Del", "Delete", "Esc", "Enter", "Tab", "PgUp",
    "PgDown", "F3",
    "CSV", "JSON", "AND", "OR", "NOT", "UTF", "BOM", "GB", "Excel", "SQLite", "Qt", "PySide",
    "Baokan", "Reader", "PNG", "SVG", "PDF", "GBK", "Unicode", "Datasette", "sqlite",
    "utils", "txt", "MIT", "Noto", "CJK", "Python", "qdpx", "REFI", "QDA", "Linux",
    "macOS", "Windows", "zh", "CN", "en", "sqlite3",
    "QualCoder", "ATLAS", "ti", "MAXQDA",  # the QDA tools a REFI-QDA project opens in
    "English",  # each language is named in itself, so that it can be found
    "tag",  # the tree filter's syntax (tag:NAME)
}


def library_words(library: Library) -> set[str]:
    """Latin words that occur in what the library holds (they are the reader's text)."""
    words: set[str] = set()
    for query in ("SELECT title || ' ' || body FROM articles", "SELECT title FROM issues",
                  "SELECT name FROM papers", "SELECT coalesce(source_path, '') FROM issues",
                  "SELECT name FROM tags", "SELECT name FROM entities"):
        try:
            rows = library.db.execute(query).fetchall()
        except Exception:  # a column an older schema lacks
            continue
        for (text,) in rows:
            words |= set(WORD.findall(str(text)))
    return words


def shown(text: str) -> str:
    """What a reader sees of ``text``: a tooltip escaped into rich text is read as such."""
    if text.startswith("<"):
        return QTextDocumentFragment.fromHtml(text).toPlainText()
    return text.replace("&", "")


def english(texts: Iterable[tuple[str, str]], allowed: set[str]) -> list[tuple[str, str]]:
    """(where, text) of the texts that hold a Latin word that is neither allowed nor
    technical."""
    return sorted({(where, shown(text)) for where, text in texts
                   if any(word not in allowed and word not in TECHNICAL
                          for word in WORD.findall(shown(text)))})


def columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    try:
        return int(model.columnCount(parent))
    except TypeError:  # a list model keeps columnCount private: one column
        return 1


ROOT = QModelIndex()


def model_texts(model: QAbstractItemModel, where: str, parent: QModelIndex = ROOT,
                depth: int = 0) -> Iterator[tuple[str, str]]:
    for section in range(columns(model, parent)):
        header = model.headerData(section, Qt.Orientation.Horizontal)
        if header:
            yield f"{where} header", str(header)
    for row in range(min(model.rowCount(parent), 200)):
        for column in range(columns(model, parent)):
            index = model.index(row, column, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = index.data(role)
                if isinstance(value, str) and value:
                    yield where, value
            if depth < 3 and column == 0 and model.rowCount(index) > 0:
                yield from model_texts(model, where, index, depth + 1)


def widget_texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    name = f"{type(widget).__name__}#{widget.objectName()}"
    if widget.isWindow() and widget.windowTitle():
        yield f"{name} title", widget.windowTitle()
    if widget.toolTip():
        yield f"{name} tooltip", widget.toolTip()
    if isinstance(widget, QLabel):
        yield name, widget.text()
    if isinstance(widget, QAbstractButton):
        yield name, widget.text()
    if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
        yield f"{name} placeholder", widget.placeholderText()
    if isinstance(widget, QGroupBox):
        yield name, widget.title()
    if isinstance(widget, QTabWidget):
        for tab in range(widget.count()):
            yield f"{name} tab", widget.tabText(tab)
            yield f"{name} tab tooltip", widget.tabToolTip(tab)
    if isinstance(widget, QComboBox) and not isinstance(widget, QFontComboBox):
        yield from ((f"{name} item", widget.itemText(i)) for i in range(widget.count()))
    if isinstance(widget, QMenu):
        yield f"{name} menu", widget.title()
    for action in widget.actions():
        yield f"{name} action", action.text()
        yield f"{name} action tooltip", action.toolTip()
        menu = action.menu()
        if isinstance(menu, QMenu):
            yield f"{name} submenu", menu.title()
            for sub in menu.actions():
                yield f"{name} submenu action", sub.text()
    if (isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView)
            and widget.model() is not None):
        yield from model_texts(widget.model(), name)


def unused_chart_part(widget: QWidget | None) -> bool:
    """pyqtgraph's own plot-options menus and forms: disabled by the chart, never shown."""
    while widget is not None:
        if widget.property(UNUSED):
            assert not widget.isVisible()
            return True
        widget = widget.parentWidget()
    return False


def visible_texts() -> Iterator[tuple[str, str]]:
    widgets = QApplication.allWidgets()
    fonts = {id(w.model()) for w in widgets if isinstance(w, QFontComboBox)}
    for widget in widgets:  # font names are the fonts' own
        if unused_chart_part(widget):
            continue
        if isinstance(widget, QFontComboBox) or (
                isinstance(widget, QAbstractItemView) and id(widget.model()) in fonts):
            continue
        yield from widget_texts(widget)


@pytest.fixture
def chinese_window(qtbot: QtBot, library: Library, settings: Settings) -> Iterator[MainWindow]:
    settings.language = "zh_CN"
    i18n.set_language("zh_CN")  # as the app does before it builds the window
    window = MainWindow(library, settings)
    qtbot.addWidget(window)
    window.show()
    assert i18n.current_language() == "zh_CN"
    yield window
    window.close()
    i18n.set_language(i18n.ENGLISH)


def test_every_window_menu_tooltip_and_message_is_chinese(
        qtbot: QtBot, library: Library, chinese_window: MainWindow) -> None:
    window = chinese_window
    messages: list[str] = []
    window.statusBar().messageChanged.connect(lambda text: text and messages.append(text))
    article_id = article_titled(library, BUDGET)
    window.open_article(article_id)
    window.tree.expandAll()
    window.tags.entry.setText("城市更新")
    window.tags.entry.returnPressed.emit()  # an undoable change: Undo says what it undoes
    note_id = library.add_note(article_id, "一条笔记", 0, 4)
    window.notes.refresh()
    window.notes.select_note(note_id)
    # a query that cannot be understood says why
    window.search.search_edit.setText('"南开')
    window.search.run('"南开')
    qtbot.waitUntil(lambda: bool(messages))
    window.search.run("南开")
    qtbot.waitUntil(lambda: window.search.model_.rowCount() > 0)
    window.search.filters_button.setChecked(True)
    window.find_bar.open_bar()
    window.also_in.show_for([  # the "Also in" bar, long enough for its "All N" button
        RelatedArticle(article_id, 1, "人民日报", "2019-02-13", "1.txt", "标题", 0.9, 0.95, kind)
        for kind in ("copy", "part", "overlap", "copy")])
    assert window.also_in.isVisible() and window.also_in.more_button.isVisible()
    index = window.corpus.show_entity_index()
    qtbot.waitUntil(lambda: index.model.rowCount() > 0)
    figures = window.corpus.show_figures()
    qtbot.waitUntil(lambda: figures.model.rowCount() > 0)
    timeline = window.corpus.show_timeline()
    qtbot.waitUntil(lambda: bool(timeline._entities))
    for kind, name in (("tag", "城市更新"), ("query", "南开")):
        with qtbot.waitSignal(timeline.loaded):
            timeline.add(kind, name)
    cooccurrence = window.corpus.show_cooccurrence()
    qtbot.waitUntil(lambda: cooccurrence.model.rowCount() > 0)
    with qtbot.waitSignal(cooccurrence.listed):
        cooccurrence.show_pair(cooccurrence.model.pair_at(0))
    preferences = window.corpus.show_preferences()
    for panel in (window.notes, window.tags, window.entities):
        window.right_tabs.setCurrentWidget(panel)
    window.entities.tree.expandAll()
    group = window.entities.model.index(0, 0)
    window.entities.tree.setCurrentIndex(window.entities.model.index(0, 0, group))
    qtbot.wait(50)
    texts = list(visible_texts())
    view = window.view
    texts += [("highlight tooltip", view.tooltip_at(position))
              for position in range(view.document().characterCount() - 1)]
    texts += [("status message", text) for text in messages]
    texts += [("undo", window.window_actions.undo_action.text())]
    texts += [("timeline tooltip", timeline.chart.describe(0, 0))] if \
        timeline.timeline and timeline.timeline.periods else []
    texts += [("co-occurrence tooltip", cooccurrence.model.index(0, 4).data(
        Qt.ItemDataRole.ToolTipRole))]
    line_menu = view.context_menu(view.cursorRect().center())
    texts += list(widget_texts(line_menu))
    found = english(texts, library_words(library))
    assert not found, "\n".join(f"{where}: {text!r}" for where, text in found)
    assert preferences.language_combo.currentText() == "中文"


def test_preferences_show_the_language_chosen_in_the_view_menu(
        qtbot: QtBot, chinese_window: MainWindow) -> None:
    window = chinese_window
    preferences = window.corpus.show_preferences()
    assert preferences.language_combo.currentText() == "中文"
    preferences.hide()
    window.app_actions.language_actions["en"].trigger()
    preferences = window.corpus.show_preferences()
    assert preferences.language_combo.currentText() == "English"


def test_the_windows_query_messages_are_the_cores_in_english() -> None:
    """The window translates the core's query messages: the same English, every code."""
    from reader.core.fts import QUERY_MESSAGES, QueryError
    from reader.ui.messages import query_message, query_texts

    i18n.set_language(i18n.ENGLISH)
    assert query_texts() == QUERY_MESSAGES
    error = QueryError("unclosed-quote", '"', 1)
    assert query_message(error) == str(error)
