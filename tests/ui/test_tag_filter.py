"""The tree filter's tag: terms (issue 14): only tagged articles, AND with words, and the
numbers after papers, years and issues counting the matches while a filter is on."""
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex
from pytestqt.qtbot import QtBot

from reader.library import Library
from reader.ui.issue_tree import ID_ROLE, KIND_ROLE
from reader.ui.main_window import MainWindow
from reader.ui.settings import Settings
from tests.ui.conftest import article_titled, issue_rows
from tests.ui.test_main_window import BUDGET, make_window, shown_articles, type_filter

HAIGUANG = "海光MALL 等你来"
"""A photo in another issue than BUDGET, without 南开 in its title."""


def count_of(label: str) -> int:
    found = re.search(r"\((\d+)\)$", label)
    assert found, label
    return int(found.group(1))


def group_rows(window: MainWindow) -> list[QModelIndex]:
    """The paper, year and month rows shown, top down."""
    rows, todo = [], [QModelIndex()]
    while todo:
        parent = todo.pop()
        for row in range(window.proxy.rowCount(parent)):
            index = window.proxy.index(row, 0, parent)
            if index.data(KIND_ROLE) in ("paper", "year", "month"):
                rows.append(index)
                todo.append(index)
    return rows


def tagged(library: Library, name: str, *titles: str) -> list[int]:
    ids = [article_titled(library, title) for title in titles]
    for article in ids:
        library.add_tag(article, name)
    return ids


def test_a_tag_term_shows_only_the_tagged_articles(qtbot: QtBot, library: Library,
                                                   settings: Settings) -> None:
    window = make_window(qtbot, library, settings)
    ids = tagged(library, "城市更新", BUDGET, HAIGUANG)
    type_filter(qtbot, window, "tag:城市更新")
    assert sorted(shown_articles(window)) == sorted(ids)
    type_filter(qtbot, window, "tag:城市更新 南开")  # AND: tagged, and 南开 in the title
    assert shown_articles(window) == [ids[0]]
    type_filter(qtbot, window, "tag:城市")  # a tag by its whole name only
    assert shown_articles(window) == []
    type_filter(qtbot, window, "")
    assert len(issue_rows(window.proxy)) == 5


def test_counts_follow_the_filter(qtbot: QtBot, library: Library, settings: Settings) -> None:
    window = make_window(qtbot, library, settings)
    items = {issue.id: issue.item_count for issue in library.issues()}
    unfiltered = [index.data() for index in group_rows(window)]
    ids = tagged(library, "城市更新", BUDGET, HAIGUANG)
    type_filter(qtbot, window, "tag:城市更新")
    issues = issue_rows(window.proxy)
    assert len(issues) == 2
    for issue in issues:
        assert count_of(issue.data()) == 1 != items[issue.data(ID_ROLE)]
    assert all(count_of(group.data()) == len(ids) for group in group_rows(window))
    type_filter(qtbot, window, "南开")
    matches = library.tree_matches("南开")
    for issue in issue_rows(window.proxy):
        assert count_of(issue.data()) == matches.counts[issue.data(ID_ROLE)]
    paper = group_rows(window)[0]
    assert count_of(paper.data()) == len(matches.ids)
    type_filter(qtbot, window, "")
    for issue in issue_rows(window.proxy):
        assert count_of(issue.data()) == items[issue.data(ID_ROLE)]
    assert [index.data() for index in group_rows(window)] == unfiltered


def test_tagging_while_filtered_by_the_tag_shows_the_article(
        qtbot: QtBot, library: Library, settings: Settings) -> None:
    window = make_window(qtbot, library, settings)
    budget = tagged(library, "城市更新", BUDGET)[0]
    type_filter(qtbot, window, "tag:城市更新")
    other = article_titled(library, HAIGUANG)
    with qtbot.waitSignal(window.tree_pane.filter_applied, timeout=10_000):
        window.history.add_tag(other, "城市更新")
    assert sorted(shown_articles(window)) == sorted([budget, other])


def test_a_bare_tag_prefix_filters_nothing_yet(qtbot: QtBot, library: Library,
                                               settings: Settings) -> None:
    window = make_window(qtbot, library, settings)
    type_filter(qtbot, window, "tag:")
    assert len(issue_rows(window.proxy)) == 5
    assert window.proxy.filter_text() == ""


def test_show_tag_quotes_a_name_with_spaces(qtbot: QtBot, library: Library,
                                            settings: Settings) -> None:
    window = make_window(qtbot, library, settings)
    ids = tagged(library, "urban renewal", BUDGET)
    tagged(library, "urban", HAIGUANG)
    with qtbot.waitSignal(window.tree_pane.filter_applied, timeout=10_000):
        window.tree_pane.show_tag("urban renewal")
    assert window.tree_pane.filter_edit.text() == 'tag:"urban renewal"'
    assert shown_articles(window) == ids
