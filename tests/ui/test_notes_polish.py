"""Notes from a day of use (issue 14): one note editor, a noted passage that shows its note
when clicked or hovered, and note, hit and find colours apart from the entity colours and
readable on the dark theme."""
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot

from reader.library import Library
from reader.ui.article_view import NOTE_TINT_ALPHA, line_rects
from reader.ui.find import CURRENT_COLOR, MATCH_COLOR, TERM_COLOR
from reader.ui.panels import NOTE_COLORS, OLD_NOTE_COLORS, note_color
from reader.ui.settings import DEFAULT_COLORS, Settings
from reader.ui.theme import DARK_TEXT, dark_palette
from tests.ui.test_panels import open_budget


def distance(first: str, second: str) -> float:
    a, b = QColor(first), QColor(second)
    return float(((a.red() - b.red()) ** 2 + (a.green() - b.green()) ** 2
                  + (a.blue() - b.blue()) ** 2) ** 0.5)


def luminance(color: QColor) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(color.red()) + 0.7152 * channel(color.green()) \
        + 0.0722 * channel(color.blue())


def contrast(first: QColor, second: QColor) -> float:
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def blend(base: str, color: str, alpha: int) -> QColor:
    a, b = QColor(base), QColor(color)
    mix = alpha / 255
    return QColor(round(a.red() * (1 - mix) + b.red() * mix),
                  round(a.green() * (1 - mix) + b.green() * mix),
                  round(a.blue() * (1 - mix) + b.blue() * mix))


def test_the_panel_has_one_note_editor_and_keeps_a_draft(qtbot: QtBot, library: Library,
                                                         settings: Settings) -> None:
    """Two look-alike boxes (the note and the draft) are one editor: it edits the chosen
    note, or holds the draft of a new one, which is kept while a note is looked at."""
    window, article_id, _body = open_budget(qtbot, library, settings)
    assert len(window.notes.findChildren(QPlainTextEdit)) == 1
    note_id = library.add_note(article_id, "旧笔记")
    window.notes.refresh()
    window.notes.editor.setPlainText("草稿")
    window.notes.select_note(note_id)
    assert window.notes.editor.toPlainText() == "旧笔记"
    assert "whole article" in window.notes.heading.text()
    window.notes.new_draft()
    assert window.notes.editor.toPlainText() == "草稿"
    assert window.notes.current_note() is None
    assert "New note" in window.notes.heading.text()
    assert library.note(note_id).body == "旧笔记"  # the draft never went into it


def test_clicking_a_noted_passage_chooses_its_note(qtbot: QtBot, library: Library,
                                                   settings: Settings) -> None:
    window, article_id, body = open_budget(qtbot, library, settings)
    start = body.index("11.07亿元")
    other = library.add_note(article_id, "别的", 0, 4)
    note_id = library.add_note(article_id, "收入的笔记", start, start + 7)
    window.notes.refresh()
    window.notes.select_note(other)
    window.right_tabs.setCurrentWidget(window.entities)
    [first, *_] = window.view.document_spans(start + 2, start + 3)
    rect = line_rects(window.view.document(), *first)[0]
    point = QPoint(int(rect.center().x()), int(rect.center().y())) - QPoint(
        window.view.horizontalScrollBar().value(), window.view.verticalScrollBar().value())
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.notes.current_note() is not None
    assert window.notes.current_note().id == note_id
    assert window.right_tabs.currentWidget() is window.notes
    tip = window.view.tooltip_at(first[0])
    assert "收入的笔记" in tip and "Figure" in tip  # the note, and the figure under it


def test_a_note_is_painted_as_a_bar_in_its_colour_over_the_passage(
        qtbot: QtBot, library: Library, settings: Settings) -> None:
    window, article_id, body = open_budget(qtbot, library, settings)
    start = body.index("奋力实现")
    library.add_note(article_id, "n", start, start + 4, color=NOTE_COLORS[1])
    window.notes.refresh()
    [span] = window.view.document_spans(start, start + 4)
    rect = line_rects(window.view.document(), *span)[0]
    rect.translate(-window.view.horizontalScrollBar().value(),
                   -window.view.verticalScrollBar().value())
    image = window.view.viewport().grab().toImage()
    bar = QColor(image.pixel(int(rect.center().x()), int(rect.bottom()) - 1))
    assert distance(bar.name(), NOTE_COLORS[1]) < 40
    # the text over the passage keeps its own colour: no pale background under light text
    assert all(mark.note_id is None for mark in window.view.marks("find"))


def test_marks_are_apart_from_the_entity_colours_and_readable_when_dark() -> None:
    entity = list(DEFAULT_COLORS.values())
    for color in (*NOTE_COLORS, MATCH_COLOR, CURRENT_COLOR, TERM_COLOR):
        assert min(distance(color, other) for other in entity) > 60, color
    assert len({QColor(c).name() for c in NOTE_COLORS}) == len(NOTE_COLORS)
    assert min(distance(a, b) for a in NOTE_COLORS for b in NOTE_COLORS if a != b) > 80
    base = dark_palette().color(dark_palette().ColorRole.Base).name()
    for color in NOTE_COLORS:  # light text over a tinted passage on the dark theme
        assert contrast(QColor(DARK_TEXT), blend(base, color, NOTE_TINT_ALPHA)) >= 7
    for old, new in zip(OLD_NOTE_COLORS, NOTE_COLORS, strict=True):
        assert note_color(SimpleNamespace(color=old)) == new  # type: ignore[arg-type]
