"""Entities tab (by type, mentions across the library), entity index (reject, merge) and the
figures table (sort, filter, open at the figure)."""
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from reader.library import EntityCount, Library
from reader.ui.entities import EntityGroupsModel, EntityIndexDialog, group_entities
from reader.ui.figures import COLUMNS, FiguresDialog
from reader.ui.main_window import MainWindow
from reader.ui.settings import Settings
from tests.ui.conftest import article_titled
from tests.ui.test_main_window import BUDGET, make_window


def entity_rows(model: EntityGroupsModel) -> dict[str, list[str]]:
    groups = {}
    for row in range(model.rowCount()):
        group = model.index(row, 0)
        groups[group.data()] = [model.index(r, 0, group).data() for r in range(model.rowCount(group))]
    return groups


def test_the_entities_tab_groups_the_article_entities_by_type(qtbot: QtBot, library: Library, settings: Settings, qtmodeltester: ModelTester) -> None:
    window = make_window(qtbot, library, settings)
    window.open_article(article_titled(library, BUDGET))
    groups = entity_rows(window.entities.model)
    assert groups["Places"][0] == "南开区"
    assert set(groups["Places"]) == {"南开区", "京津冀", "天开高教科技园"}
    assert groups["Organizations"] == ["南开区财政局"]
    place = window.entities.model.index(list(groups).index("Places"), 0)
    assert window.entities.model.index(0, 1, place).data() == "2"
    qtmodeltester.check(window.entities.model)


def test_choosing_an_entity_lists_its_mentions_and_opens_one(qtbot: QtBot, library: Library, settings: Settings) -> None:
    window = make_window(qtbot, library, settings)
    window.open_article(article_titled(library, BUDGET))
    window.right_tabs.setCurrentWidget(window.entities)
    model = window.entities.model
    groups = entity_rows(model)
    places = model.index(list(groups).index("Places"), 0)
    with qtbot.waitSignal(window.entities.entity_chosen) as chosen:
        window.entities.tree.setCurrentIndex(model.index(groups["Places"].index("京津冀"), 0, places))
    assert chosen.args == ["place", "京津冀"]
    expected = library.entity_mentions("place", "京津冀")
    mentions = window.entities.mentions_model
    assert mentions.rowCount() == len(expected) > 1
    assert "京津冀" in window.entities.heading.text()
    texts = [mentions.index(r, 0).data() for r in range(mentions.rowCount())]
    assert all(m.context in text for m, text in zip(expected, texts, strict=True))
    assert all(library.article(m.article_id).body[m.start:m.end] in m.context for m in expected)
    other = next(r for r, t in enumerate(texts) if not t.startswith(BUDGET))
    with qtbot.waitSignal(window.article_opened) as opened:
        window.entities.mentions.clicked.emit(mentions.index(other, 0))
    assert opened.args == [expected[other].article_id]
    mention = expected[other]
    assert window.view.textCursor().selectedText() == \
        library.article(mention.article_id).body[mention.start:mention.end]


def test_group_entities_counts_and_orders() -> None:
    class H:
        def __init__(self, layer: str, label: str) -> None:
            self.layer, self.label, self.start, self.end, self.value, self.unit = layer, label, 0, 1, None, ""
    spans = [H("place", "乙"), H("place", "甲"), H("place", "乙"), H("figure", "money"), H("person", "丙")]
    assert group_entities(spans) == [("person", [("丙", 1)]), ("place", [("乙", 2), ("甲", 1)])]  # type: ignore[arg-type]


# ---------------------------------------------------------------- entity index


def find_row(dialog: EntityIndexDialog, type_: str, name: str) -> QModelIndex:
    for row in range(dialog.proxy.rowCount()):
        entity = dialog.model.entity_at(dialog.proxy.mapToSource(dialog.proxy.index(row, 0)).row())
        if (entity.type, entity.name) == (type_, name):
            return dialog.proxy.index(row, 1)
    raise LookupError(name)


def open_index(qtbot: QtBot, window: MainWindow) -> EntityIndexDialog:
    """Open the entity index and wait for its background count."""
    dialog = window.corpus.show_entity_index()
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0)
    return dialog


def test_entity_index_lists_by_frequency_and_filters(qtbot: QtBot, library: Library, settings: Settings, qtmodeltester: ModelTester) -> None:
    window = make_window(qtbot, library, settings)
    window.window_actions.entity_index_action.trigger()
    dialog = window.corpus.entity_index
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0)
    counts = [int(dialog.proxy.index(r, 2).data()) for r in range(dialog.proxy.rowCount())]
    assert counts == sorted(counts, reverse=True) and dialog.proxy.index(0, 1).data() == "南开区"
    dialog.filter_edit.setText("财政")
    assert {dialog.proxy.index(r, 1).data() for r in range(dialog.proxy.rowCount())} >= {"南开区财政局"}
    assert all("财政" in dialog.proxy.index(r, 1).data() for r in range(dialog.proxy.rowCount()))
    dialog.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    names = [dialog.proxy.index(r, 1).data() for r in range(dialog.proxy.rowCount())]
    assert names == sorted(names)
    qtmodeltester.check(dialog.model)
    qtmodeltester.check(dialog.proxy)


def test_reject_from_the_index_removes_the_entity_everywhere(qtbot: QtBot, library: Library, settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window(qtbot, library, settings)
    window.open_article(article_titled(library, BUDGET))
    dialog = open_index(qtbot, window)
    dialog.table.setCurrentIndex(find_row(dialog, "place", "京津冀"))
    monkeypatch.setattr(dialog, "confirm", lambda question: "京津冀" in question)
    with qtbot.waitSignals([dialog.entities_changed, dialog.loaded]):
        dialog.reject_button.click()
    assert ("place", "京津冀") not in {(e.type, e.name) for e in library.entity_index()}
    with pytest.raises(LookupError):
        find_row(dialog, "place", "京津冀")
    assert "京津冀" not in entity_rows(window.entities.model).get("Places", [])
    assert all(h.label != "京津冀" for h in library.highlights(window.current_article() or 0))


def test_merge_from_the_index_moves_the_mentions(qtbot: QtBot, library: Library, settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window(qtbot, library, settings)
    dialog = open_index(qtbot, window)
    before = {(e.type, e.name): e for e in library.entity_index()}
    dialog.table.setCurrentIndex(find_row(dialog, "place", "天开园"))
    asked: list[EntityCount] = []
    monkeypatch.setattr(dialog, "ask_target", lambda entity: asked.append(entity) or "天开高教科技园")
    with qtbot.waitSignal(dialog.loaded):
        dialog.merge_button.click()
    assert asked[0].name == "天开园"
    after = {(e.type, e.name): e for e in library.entity_index()}
    assert ("place", "天开园") not in after
    target = ("place", "天开高教科技园")
    assert after[target].mentions == before[target].mentions + before[("place", "天开园")].mentions
    assert find_row(dialog, *target).isValid()


def test_double_click_in_the_index_shows_the_mentions(qtbot: QtBot, library: Library, settings: Settings) -> None:
    window = make_window(qtbot, library, settings)
    dialog = open_index(qtbot, window)
    dialog.table.doubleClicked.emit(find_row(dialog, "org", "南开区财政局"))
    assert window.right_tabs.currentWidget() is window.entities
    assert window.entities.mentions_model.rowCount() == len(library.entity_mentions("org", "南开区财政局"))


# ---------------------------------------------------------------- figures table


def column(dialog: FiguresDialog, name: str) -> list[object]:
    model, number = dialog.model, COLUMNS.index(name)
    return [model.index(r, number).data(Qt.ItemDataRole.UserRole + 10) for r in range(model.rowCount())]


def open_figures(qtbot: QtBot, library: Library, settings: Settings) -> tuple[MainWindow, FiguresDialog]:
    window = make_window(qtbot, library, settings)
    window.window_actions.figures_action.trigger()
    assert window.corpus.figures is not None and window.corpus.figures.isVisible()
    qtbot.waitUntil(lambda: window.corpus.figures.model.rowCount() > 0)
    return window, window.corpus.figures


def answered(qtbot: QtBot, dialog: FiguresDialog, change: Callable[[], object]) -> None:
    """Make a change that asks the library again, and wait for the table to show it."""
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        change()


def test_figures_sort_by_value_kind_and_issue(qtbot: QtBot, library: Library, settings: Settings, qtmodeltester: ModelTester) -> None:
    _window, dialog = open_figures(qtbot, library, settings)
    assert dialog.model.rowCount() == len(library.figure_table())
    assert [dialog.model.figure_at(r) for r in range(dialog.model.rowCount())] == library.figure_table()
    answered(qtbot, dialog, lambda: dialog.table.sortByColumn(COLUMNS.index("value"), Qt.SortOrder.DescendingOrder))
    values = column(dialog, "value")
    assert values == sorted(values, reverse=True)
    assert dialog.model.index(0, 0).data() != ""
    for name in ("kind", "issue"):
        answered(qtbot, dialog, lambda name=name: dialog.table.sortByColumn(COLUMNS.index(name), Qt.SortOrder.AscendingOrder))
        assert column(dialog, name) == sorted(column(dialog, name))  # type: ignore[type-var]
    qtmodeltester.check(dialog.model)


def test_figures_filter_and_open_the_article_at_the_figure(qtbot: QtBot, library: Library, settings: Settings) -> None:
    window, dialog = open_figures(qtbot, library, settings)
    answered(qtbot, dialog, lambda: dialog.filter_edit.setText("11.07亿元"))
    texts = column(dialog, "text")
    assert "11.07亿元" in texts and len(texts) < 10
    assert dialog.count.text().startswith(f"{len(texts)} of")
    with qtbot.waitSignal(window.article_opened) as opened:
        dialog.table.doubleClicked.emit(dialog.model.index(texts.index("11.07亿元"), 3))
    assert opened.args == [article_titled(library, BUDGET)]
    assert window.view.textCursor().selectedText() == "11.07亿元"
    answered(qtbot, dialog, lambda: dialog.filter_edit.setText("percent"))
    assert dialog.model.rowCount() > 1
    assert set(column(dialog, "kind")) == {"percent"}
