"""The article view: layout of stored text, highlight formats, layer toggles, no HTML."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtGui import QColor, QTextCursor
from pytestqt.qtbot import QtBot

from reader.core.records import Highlight
from reader.core.spans import Block, to_document
from reader.library import Library
from reader.ui.article_view import (
    LAYER_COLORS,
    ArticleView,
    highlight_spans,
    title_roles,
    tooltip,
)
from tests.ui.conftest import article_titled

BUDGET = "南开区一季度完成全年预算27.2%"


@dataclass
class FakeArticle:
    id: int = 1
    title_lines: list[str] = field(default_factory=list)
    byline: str = ""
    credit: str = ""
    body: str = ""
    paragraphs: list[tuple[str, int, int]] = field(default_factory=list)


def background_at(view: ArticleView, position: int) -> QColor | None:
    cursor = QTextCursor(view.document())
    cursor.setPosition(position + 1)
    fmt = cursor.charFormat()
    return fmt.background().color() if fmt.hasProperty(fmt.Property.BackgroundBrush) else None


def open_budget(qtbot: QtBot, library: Library) -> tuple[ArticleView, str, list[Block]]:
    view = ArticleView()
    qtbot.addWidget(view)
    article = library.article(article_titled(library, BUDGET))
    view.show_article(article, library.highlights(article.id))
    return view, article.body, view.blocks


# ---------------------------------------------------------------- pure helpers

def test_spans_split_at_paragraph_ends_and_skip_hidden_layers() -> None:
    blocks = [Block(0, 5, 20), Block(6, 10, 26)]
    spans = [Highlight(3, 8, "org", "X"), Highlight(0, 2, "person", "Y")]
    assert highlight_spans(spans, blocks) == [(23, 25, "org"), (26, 28, "org"), (20, 22, "person")]
    assert highlight_spans(spans, blocks, ["person"]) == [(20, 22, "person")]


def test_title_roles_follow_form_and_position_not_length() -> None:
    # a headline broken mid-phrase is one title (南开区打造 + what it builds), not a kicker
    assert title_roles(["南开区打造", "“消费+园区”帮扶新模式 助力对口协作", "副题也更长一些的一行"]) == [
        ("title", "南开区打造"), ("title", "“消费+园区”帮扶新模式 助力对口协作"),
        ("subtitle", "副题也更长一些的一行")]
    assert title_roles(["市长在全市安全生产工作会议上强调", "压实责任 守牢底线"]) == [
        ("kicker", "市长在全市安全生产工作会议上强调"), ("title", "压实责任 守牢底线")]


def test_tooltip_names_type_and_value() -> None:
    assert tooltip(Highlight(0, 3, "place", "南开区")) == "Place · 南开区"
    assert tooltip(Highlight(0, 3, "figure", "money", 1107000000.0, "元")) == \
        "Figure (money) · 1,107,000,000 元"


# ---------------------------------------------------------------- rendering

def test_entity_and_figure_are_highlighted_in_their_layer_color(qtbot: QtBot, library: Library) -> None:
    view, body, blocks = open_budget(qtbot, library)
    place = to_document(blocks, body.index("南开区"))
    figure = to_document(blocks, body.index("11.07亿元"))
    assert place is not None and figure is not None
    assert background_at(view, place) == QColor(LAYER_COLORS["place"])
    assert background_at(view, figure) == QColor(LAYER_COLORS["figure"])
    assert view.tooltip_at(figure) == "Figure (money) · 1,107,000,000 元"
    assert view.tooltip_at(place) == "Place · 南开区"
    plain = view.document().toPlainText()
    assert plain[figure:figure + 7] == "11.07亿元"


def test_title_byline_and_body_are_rendered_in_order(qtbot: QtBot, library: Library) -> None:
    view, body, _ = open_budget(qtbot, library)
    lines = view.document().toPlainText().split("\n")
    assert lines[0] == BUDGET
    assert lines[1] == "通讯员 翟志华 石梦"
    assert "\n".join(lines[2:]) == body
    title = QTextCursor(view.document())
    title.setPosition(1)
    assert title.charFormat().fontWeight() > 400


def test_toggling_a_layer_off_removes_its_format(qtbot: QtBot, library: Library) -> None:
    view, body, _ = open_budget(qtbot, library)
    with qtbot.waitSignal(view.layers_changed):
        view.layer_actions["figure"].setChecked(False)
    blocks = view.blocks
    figure = to_document(blocks, body.index("11.07亿元"))
    place = to_document(blocks, body.index("南开区"))
    assert figure is not None and place is not None
    assert background_at(view, figure) is None
    assert view.tooltip_at(figure) == ""
    assert background_at(view, place) == QColor(LAYER_COLORS["place"])
    view.layer_actions["figure"].setChecked(True)
    assert background_at(view, figure) == QColor(LAYER_COLORS["figure"])


def test_html_in_an_article_is_shown_literally(qtbot: QtBot) -> None:
    view = ArticleView()
    qtbot.addWidget(view)
    text = '<img src="http://example.com/x.png"> and <a href="http://example.com">link</a>'
    view.show_article(FakeArticle(title_lines=["<b>bold?</b>"], body=text,
                                  paragraphs=[("text", 0, len(text))]), [])
    document = view.document()
    assert document.toPlainText() == "<b>bold?</b>\n" + text
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fmt = iterator.fragment().charFormat()
            assert not fmt.isImageFormat() and not fmt.isAnchor()
            iterator += 1
        block = block.next()
    assert view.openLinks() is False and view.openExternalLinks() is False


def test_selection_maps_back_to_body_offsets(qtbot: QtBot, library: Library) -> None:
    view, body, blocks = open_budget(qtbot, library)
    start = body.index("奋力实现")
    doc_start = to_document(blocks, start)
    assert doc_start is not None
    cursor = view.textCursor()
    cursor.setPosition(doc_start)
    cursor.setPosition(doc_start + 4, QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    assert view.selected_body_range() == (start, start + 4)
