"""Reading comfort (issue 14): upright captions, a CJK reading font, keyboard selection,
the empty-pane hint, Ctrl+0, the bar that says what a copy or fragment is, and the scroll
place of the last article restored."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QFontDatabase, QTextCursor
from pytestqt.qtbot import QtBot

from reader.library import Library
from reader.ui.article_view import (
    CJK_FAMILIES,
    ArticleView,
    default_reading_family,
    preferred_family,
)
from reader.ui.banner import banner_text
from reader.ui.main_window import MainWindow
from reader.ui.settings import Settings
from tests.ui.conftest import article_titled

BUDGET = "南开区一季度完成全年预算27.2%"


@pytest.fixture
def window(qtbot: QtBot, library: Library, settings: Settings) -> Iterator[MainWindow]:
    shown = MainWindow(library, settings)
    qtbot.addWidget(shown)
    shown.show()
    yield shown


def photo_with_caption(library: Library) -> int:
    for (article_id,) in library.db.execute(
            "SELECT id FROM articles WHERE kind = 'photo' ORDER BY id").fetchall():
        article = library.article(article_id)
        if any(kind == "caption" for kind, _s, _e in article.paragraphs) and article.credit:
            return int(article_id)
    raise AssertionError("the samples hold a photo with a caption and a credit")


def test_captions_and_credits_are_upright_and_set_apart(qtbot: QtBot, library: Library) -> None:
    view = ArticleView()
    qtbot.addWidget(view)
    article = library.article(photo_with_caption(library))
    view.show_article(article, [])
    document = view.document()
    checked = 0
    for number in range(document.blockCount()):
        block = document.findBlockByNumber(number)
        line = view.line_at(block.position())
        if line is None or (line[0] == "paragraph"
                            and article.paragraphs[line[1]][0] != "caption"):
            continue
        if line[0] not in ("paragraph", "credit"):
            continue
        cursor = QTextCursor(block)
        cursor.movePosition(QTextCursor.MoveOperation.NextCharacter)
        assert not cursor.charFormat().fontItalic(), block.text()  # no synthetic italic
        assert block.blockFormat().leftMargin() > 0  # set apart from body text instead
        checked += 1
    assert checked >= 2


def test_the_reading_font_is_a_cjk_face_when_the_reader_chose_none(qtbot: QtBot) -> None:
    assert preferred_family(["Arial", "SimSun", "Noto Serif CJK SC"]) == "Noto Serif CJK SC"
    assert preferred_family(["Arial", "Microsoft YaHei"]) == "Microsoft YaHei"
    assert preferred_family(["Arial", "DejaVu Sans"]) == ""
    view = ArticleView()
    qtbot.addWidget(view)
    expected = preferred_family(QFontDatabase.families())
    assert default_reading_family() == expected
    if expected:  # a CJK face is installed here: it is the one used
        assert view.reading_font().family() == expected
        assert expected in CJK_FAMILIES
    view.set_reading_font("DejaVu Sans", 14)
    assert view.reading_font().family() == "DejaVu Sans"  # the reader's choice wins


def test_shift_arrows_select_text_for_a_note(qtbot: QtBot, library: Library) -> None:
    view = ArticleView()
    qtbot.addWidget(view)
    view.show()
    article = library.article(article_titled(library, BUDGET))
    view.show_article(article, [])
    view.select_body_range(0, 0)
    view.setFocus()
    for _ in range(4):
        qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert view.selected_body_range() == (0, 4)
    assert view.shown_body(0, 4) == article.body[:4]


def test_the_empty_reading_pane_says_what_to_do(qtbot: QtBot, library: Library) -> None:
    view = ArticleView()
    qtbot.addWidget(view)
    assert "Ctrl+Shift+F" in view.placeholderText()
    view.show_article(library.article(article_titled(library, BUDGET)), [])
    view.clear_article()
    assert view.document().isEmpty() and view.placeholderText()


def test_ctrl_0_resets_the_zoom(qtbot: QtBot, window: MainWindow) -> None:
    window.view.zoom_in()
    window.view.zoom_in()
    assert window.view.zoom() == 2.0
    action = window.window_actions.zoom_reset_action
    assert action.shortcut().toString() == "Ctrl+0"
    action.trigger()
    assert window.view.zoom() == 0.0


def test_a_copy_says_so_and_opens_its_original(qtbot: QtBot, window: MainWindow,
                                                library: Library) -> None:
    copy_id, original_id = library.db.execute(
        "SELECT id, duplicate_of FROM articles WHERE duplicate_of IS NOT NULL").fetchone()
    window.open_article(article_titled(library, BUDGET))
    assert window.banner.isHidden()  # an ordinary article has no bar
    window.open_article(copy_id)
    assert window.banner.isVisible()
    original = library.article(original_id)
    assert (original.title or original.body[:10])[:10] in window.banner.text.text()
    assert window.banner.text.textFormat() == Qt.TextFormat.PlainText
    qtbot.mouseClick(window.banner.open_button, Qt.MouseButton.LeftButton)
    assert window.current_article() == original_id
    assert window.banner.isHidden()


def test_the_bar_names_removed_articles_and_fragments(library: Library) -> None:
    article = library.article(article_titled(library, BUDGET))
    assert banner_text(article, None) == ""
    removed = type(article)(**{**article.__dict__, "removed": True})
    assert "re-import" in banner_text(removed, None)
    fragment = type(article)(**{**article.__dict__, "kind": "fragment"})
    assert banner_text(fragment, None).startswith("Fragment")


def test_the_last_article_opens_at_the_place_it_was_read(qtbot: QtBot, library: Library,
                                                         tmp_path: object) -> None:
    path = f"{tmp_path}/restore.ini"
    longest = max(row[0] for row in library.db.execute(
        "SELECT id FROM articles ORDER BY length(body) DESC LIMIT 1").fetchall())
    first = MainWindow(library, Settings(QSettings(path, QSettings.Format.IniFormat)))
    qtbot.addWidget(first)
    first.resize(700, 400)
    first.show()
    first.open_article(longest)
    bar = first.view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum() // 2)
    place = first.view.top_position()
    assert place > 0
    first.close()
    second = MainWindow(library, Settings(QSettings(path, QSettings.Format.IniFormat)))
    qtbot.addWidget(second)
    second.resize(700, 400)
    second.show()
    second.restore_last_article()
    assert second.current_article() == longest
    shown = second.view.document().findBlock(second.view.top_position())
    assert shown.contains(place) or abs(second.view.top_position() - place) < 40
