"""Emphasised spans in list rows (issue 14): search hits in bold, not in [brackets]; an
entity's mention marked inside its sentence; drawn as formats, never as HTML."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QListView
from pytestqt.qtbot import QtBot

from reader.library import Library
from reader.ui.entities import mention_row
from reader.ui.marked import EMPHASIS_ROLE, MarkedTextDelegate, emphasis_ranges
from reader.ui.row_list import Row, RowListModel
from reader.ui.search_pane import hit_row


def test_search_hits_are_emphasised_not_bracketed(library: Library) -> None:
    hits = library.search("南开 财政", limit=20)
    assert hits
    for hit in hits:
        row = hit_row(hit)
        assert "[南开]" not in row.text and "[财政]" not in row.text
        marked = [row.text[start:end] for start, end in row.emphasis]
        assert marked and all(text in ("南开", "财政") for text in marked)
        assert row.text.count("南开") + row.text.count("财政") >= len(marked)


def test_a_mention_is_marked_inside_its_sentence(library: Library) -> None:
    mentions = library.entity_mentions("org", "南开区财政局")
    assert mentions
    for number, mention in enumerate(mentions):
        body = library.article(mention.article_id).body
        row = mention_row(number, mention)
        (start, end), = row.emphasis
        assert row.text[start:end] == body[mention.start:mention.end]
        assert row.text.endswith(mention.context)


def test_emphasis_is_bold_and_clamped_to_the_text() -> None:
    ranges = emphasis_ranges([(0, 2), (5, 99), (7, 3)], 8, dark=False)
    assert [(r.start, r.length) for r in ranges] == [(0, 2), (5, 3)]
    assert all(r.format.fontWeight() == QFont.Weight.Bold for r in ranges)


def test_the_delegate_draws_the_emphasis(qtbot: QtBot) -> None:
    """Two rows of the same text, one with a span emphasised, are drawn differently; the
    text is drawn as it is (a tag-like string is not rendered)."""
    text = "<b>南开区</b> 财政收入 <img src=x>"
    model = RowListModel()
    model.set_rows([Row(1, text, "", ((3, 6),)), Row(2, text)])
    view = QListView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setItemDelegate(MarkedTextDelegate(view))
    view.resize(400, 200)
    view.show()
    qtbot.waitExposed(view)
    assert model.index(0).data(EMPHASIS_ROLE) == [(3, 6)]
    first = view.viewport().grab(view.visualRect(model.index(0))).toImage()
    second = view.viewport().grab(view.visualRect(model.index(1))).toImage()
    assert first.size() == second.size()
    assert first != second
