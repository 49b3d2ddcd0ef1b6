"""The "Also in" bar: the other issues that print the open article's story, each opening it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.core.records import RelatedArticle
from reader.library import Library
from reader.ui.also_in import SHOWN, AlsoInBar, entry_text
from reader.ui.main_window import MainWindow
from reader.ui.settings import Settings

HOSTILE = "<img src=/dev/zero>要闻 & 转载"


@pytest.fixture
def window(qtbot: QtBot, library: Library, settings: Settings) -> Iterator[MainWindow]:
    shown = MainWindow(library, settings)
    qtbot.addWidget(shown)
    shown.show()
    yield shown


def longest_article(library: Library) -> tuple[int, str]:
    article_id, body = library.db.execute(
        "SELECT id, body FROM articles WHERE kind = 'article' AND duplicate_of IS NULL "
        "ORDER BY length(body) DESC LIMIT 1").fetchone()
    return int(article_id), str(body)


def reprint(tmp_path: Path, paper: str, title: str, body: str) -> Path:
    """An issue of another paper that prints the first 60 % of ``body`` under ``title``."""
    folder = tmp_path / paper
    folder.mkdir()
    part = body[: len(body) * 3 // 5]
    (folder / "2024-09-02.txt").write_text(
        f"\n\n{title}\n\n■ 记者 李明\n\n" + "\n\n".join(part.split("\n")) + "\n",
        encoding="utf-8")
    return folder


def test_an_article_shows_the_other_papers_and_a_click_opens_one(
        qtbot: QtBot, window: MainWindow, library: Library, tmp_path: Path) -> None:
    original, body = longest_article(library)
    window.open_article(original)
    assert window.also_in.isHidden()  # the samples print no story twice
    library.import_paths([reprint(tmp_path, "天津日报", HOSTILE, body)])
    [row] = library.related_articles(original)
    assert row.paper == "天津日报" and row.kind == "part"
    qtbot.waitUntil(window.also_in.isVisible)  # the import's changes refresh the bar
    [button] = window.also_in.buttons
    assert "天津日报" in button.text() and "<img src=/dev/zero>要闻 && 转载" in button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.current_article() == row.article_id
    [back] = window.also_in.buttons
    qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    assert window.current_article() == original


def related(n: int) -> RelatedArticle:
    return RelatedArticle(100 + n, 7, "人民日报", "2019-02-13", f"{n}.txt", f"标题{n}",
                          0.9, 0.95, "copy")


def test_a_long_list_opens_on_request(qtbot: QtBot) -> None:
    bar = AlsoInBar()
    qtbot.addWidget(bar)
    bar.show()
    bar.show_for([related(n) for n in range(SHOWN + 2)])
    assert len(bar.buttons) == SHOWN and bar.more_button.isVisible()
    qtbot.mouseClick(bar.more_button, Qt.MouseButton.LeftButton)
    assert len(bar.buttons) == SHOWN + 2
    with qtbot.waitSignal(bar.article_requested) as opened:
        qtbot.mouseClick(bar.buttons[-1], Qt.MouseButton.LeftButton)
    assert opened.args == [100 + SHOWN + 1]
    bar.show_for([])
    assert bar.isHidden()


def test_an_entry_says_paper_date_title_and_how_alike() -> None:
    assert entry_text(related(1)) == "人民日报 · 2019-02-13 · 标题1 — same text 90 %"
    undated = RelatedArticle(5, 2, "南开报", None, "000_x.txt", "标题", 0.4, 0.91, "part")
    assert entry_text(undated) == "南开报 · 000_x.txt · 标题 — shortened or extended copy 91 %"
