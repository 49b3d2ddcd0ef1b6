"""Notes and tags panels: passages drawn in the note's color, save as you type, colors,
detached notes, Delete with Undo, tag chips; and the reading text size."""
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QKeyEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from reader.core.spans import to_document
from reader.core.tagcolors import TAG_PALETTE
from reader.library import Library
from reader.ui.main_window import MainWindow
from reader.ui.panels import COLOR_ROLE, NOTE_COLORS, NOTE_PREVIEW_CHARS, SAVE_DELAY_MS, close_rect
from reader.ui.settings import Settings
from tests.ui.conftest import article_titled, write_sql
from tests.ui.test_main_window import BUDGET, make_window, select_in_view

CTRL = Qt.KeyboardModifier.ControlModifier


def open_budget(qtbot: QtBot, library: Library, settings: Settings) -> tuple[MainWindow, int, str]:
    window = make_window(qtbot, library, settings)
    article_id = article_titled(library, BUDGET)
    window.open_article(article_id)
    return window, article_id, library.article(article_id).body


def note_selections(window: MainWindow) -> list[tuple[int, int, QColor]]:
    """(start, end, colour) of the note marks painted over the view's text."""
    return [(mark.start, mark.end, QColor(mark.color)) for mark in window.view.marks("notes")]


def test_a_note_is_drawn_over_its_passage_in_its_color(qtbot: QtBot, library: Library, settings: Settings) -> None:
    window, article_id, body = open_budget(qtbot, library, settings)
    text_before = window.view.document().toPlainText()
    start = body.index("11.07亿元")
    select_in_view(window, start, start + 7)
    window.window_actions.add_note_action.trigger()
    [note] = library.notes(article_id)
    first = to_document(window.view.blocks, start)
    assert note_selections(window) == [(first, first + 7, QColor(NOTE_COLORS[0]))]
    assert window.view.document().toPlainText() == text_before
    assert window.notes.current_note() is not None and window.notes.current_note().id == note.id
    assert window.notes.editor.hasFocus()


def test_typing_in_a_note_saves_it_after_a_pause(qtbot: QtBot, library: Library, settings: Settings) -> None:
    window, article_id, body = open_budget(qtbot, library, settings)
    start = body.index("奋力实现")
    note_id = library.add_note(article_id, "", start, start + 4)
    window.notes.refresh()
    window.notes.select_note(note_id)
    qtbot.keyClicks(window.notes.editor, "Q1 ")
    window.notes.editor.insertPlainText("开门红")  # as an input method commits it
    assert library.note(note_id).body == ""
    assert window.notes.save_timer.isActive()
    with qtbot.waitSignal(window.notes.note_saved, timeout=SAVE_DELAY_MS * 4):
        pass
    assert library.note(note_id).body == "Q1 开门红"
    assert "Q1 开门红" in window.notes.model.index(0, 0).data()
    assert window.notes.list.currentIndex().row() == 0


def test_switching_article_saves_at_once(qtbot: QtBot, library: Library, settings: Settings) -> None:
    window, article_id, _body = open_budget(qtbot, library, settings)
    note_id = library.add_note(article_id, "")
    window.notes.refresh()
    window.notes.select_note(note_id)
    window.notes.editor.setPlainText("整篇")
    window.next_article()
    assert library.note(note_id).body == "整篇"


def test_a_swatch_changes_the_note_color(qtbot: QtBot, library: Library, settings: Settings) -> None:
    window, article_id, body = open_budget(qtbot, library, settings)
    start = body.index("奋力实现")
    note_id = library.add_note(article_id, "n", start, start + 4)
    window.notes.refresh()
    window.notes.select_note(note_id)
    window.notes.swatches.button(2).click()
    assert library.note(note_id).color == NOTE_COLORS[2]
    assert [c for _s, _e, c in note_selections(window)] == [QColor(NOTE_COLORS[2])]
    assert window.notes.model.index(0, 0).data(COLOR_ROLE) == NOTE_COLORS[2]
    assert window.notes.swatches.checkedId() == 2


def test_a_detached_note_shows_its_quote_and_a_mark(qtbot: QtBot, library: Library, settings: Settings) -> None:
    window, article_id, body = open_budget(qtbot, library, settings)
    start = body.index("奋力实现")
    note_id = library.add_note(article_id, "旧段落", start, start + 4)
    write_sql(library, "UPDATE notes SET status = 'detached' WHERE id = ?", [note_id])
    window.notes.refresh()
    row = window.notes.model.index(0, 0)
    assert row.data().startswith("⚠ “奋力实现”")
    assert "no longer" in row.data(Qt.ItemDataRole.ToolTipRole)
    window.notes.select_note(note_id)
    assert "Detached" in window.notes.heading.text() and "奋力实现" in window.notes.heading.text()
    assert note_selections(window) == []
    window.notes.list.clicked.emit(row)
    assert not window.view.textCursor().hasSelection()


def test_delete_a_note_then_undo_and_redo(qtbot: QtBot, library: Library, settings: Settings) -> None:
    window, article_id, body = open_budget(qtbot, library, settings)
    start = body.index("奋力实现")
    note_id = library.add_note(article_id, "留着", start, start + 4, color=NOTE_COLORS[1])
    write_sql(library, "UPDATE notes SET status = 'detached' WHERE id = ?", [note_id])
    before = library.note(note_id)
    window.notes.refresh()
    window.notes.select_note(note_id)
    window.notes.list.setFocus()
    qtbot.keyClick(window.notes.list, Qt.Key.Key_Delete)
    assert library.notes(article_id) == []
    assert window.notes.model.rowCount() == 0
    assert "Undo" in window.statusBar().currentMessage()
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    [back] = library.notes(article_id)
    assert (back.uid, back.quote, back.body, back.color, back.status, back.created) == \
        (before.uid, "奋力实现", "留着", NOTE_COLORS[1], "detached", before.created)
    assert window.notes.current_note() is not None and window.notes.current_note().id == back.id
    window.window_actions.redo_action.trigger()
    assert library.notes(article_id) == []
    window.window_actions.undo_action.trigger()
    assert len(library.notes(article_id)) == 1


def chip_close_point(window: MainWindow, row: int) -> object:
    rect = window.tags.list.visualRect(window.tags.model.index(row, 0))
    return close_rect(rect.adjusted(1, 2, -1, -2)).center()


def test_tag_chips_remove_with_the_cross_and_undo(qtbot: QtBot, library: Library, settings: Settings) -> None:
    window, article_id, _body = open_budget(qtbot, library, settings)
    window.right_tabs.setCurrentWidget(window.tags)
    for name in ("财政", "预算"):
        window.tags.entry.setText(name)
        window.tags.entry.returnPressed.emit()
    assert window.tags.model.names() == ["财政", "预算"]
    qtbot.mouseClick(window.tags.list.viewport(), Qt.MouseButton.LeftButton,
                     pos=chip_close_point(window, 0))
    assert library.article_tags(article_id) == ["预算"]
    assert window.tags.model.names() == ["预算"]
    window.window_actions.undo_action.trigger()
    assert library.article_tags(article_id) == ["财政", "预算"]
    window.tags.list.setCurrentIndex(window.tags.model.index(1, 0))
    window.tags.list.setFocus()
    qtbot.keyClick(window.tags.list, Qt.Key.Key_Delete)
    assert library.article_tags(article_id) == ["财政"]
    window.window_actions.undo_action.trigger()
    assert library.article_tags(article_id) == ["财政", "预算"]
    window.window_actions.undo_action.trigger()  # then the adding of 预算
    assert library.article_tags(article_id) == ["财政"]


def test_adding_a_tag_is_undone_and_a_repeat_is_refused(qtbot: QtBot, library: Library, settings: Settings) -> None:
    window, article_id, _body = open_budget(qtbot, library, settings)
    window.tags.entry.setText("财政")
    window.tags.add_button.click()
    window.tags.entry.setText("财政")
    window.tags.add_button.click()
    assert "already" in window.statusBar().currentMessage()
    assert window.history.stack.count() == 1
    window.window_actions.undo_action.trigger()
    assert library.article_tags(article_id) == []
    assert window.tags.model.rowCount() == 0


def test_a_chip_is_colored_by_name_and_the_color_is_undone(
        qtbot: QtBot, library: Library, settings: Settings) -> None:
    """The right-click menu names the colours (no hex codes); Ctrl+Z takes one back."""
    window, article_id, _body = open_budget(qtbot, library, settings)
    library.add_tag(article_id, "财政")
    window.tags.refresh()
    menu = window.tags.chip_menu(0)
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == ["No color", "Red", "Orange", "Yellow", "Green", "Cyan", "Blue", "Purple",
                     "Gray", "Remove"]
    assert [a.text() for a in menu.actions() if a.isChecked()] == ["No color"]
    next(a for a in menu.actions() if a.text() == "Blue").trigger()
    assert [t.color for t in library.tags()] == [dict(TAG_PALETTE)["blue"]]
    assert window.tags.model.index(0, 0).data(COLOR_ROLE) == dict(TAG_PALETTE)["blue"]
    assert [a.text() for a in window.tags.chip_menu(0).actions() if a.isChecked()] == ["Blue"]
    window.history.stack.undo()
    assert [t.color for t in library.tags()] == [""]
    assert window.tags.model.index(0, 0).data(COLOR_ROLE) == "#e8e8e8"


def test_tag_color_shows_on_the_chip(qtbot: QtBot, library: Library, settings: Settings, qtmodeltester: ModelTester) -> None:
    window, article_id, _body = open_budget(qtbot, library, settings)
    library.add_tag(article_id, "财政")
    window.tags.refresh()
    assert window.tags.model.index(0, 0).data(COLOR_ROLE) == "#e8e8e8"
    window.tags.set_color("财政", "#ffd6d6")
    assert [t.color for t in library.tags()] == ["#ffd6d6"]
    assert window.tags.model.index(0, 0).data(COLOR_ROLE) == "#ffd6d6"
    qtmodeltester.check(window.tags.model)
    library.add_note(article_id, "n", 0, 3)
    window.notes.refresh()
    qtmodeltester.check(window.notes.model)


def body_point_size(window: MainWindow, offset: int) -> float:
    position = to_document(window.view.blocks, offset)
    assert position is not None
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(position + 1)
    return cursor.charFormat().fontPointSize()


def test_ctrl_plus_and_minus_change_the_text_size(qtbot: QtBot, library: Library, settings: Settings) -> None:
    window, article_id, body = open_budget(qtbot, library, settings)
    start = body.index("奋力实现")
    library.add_note(article_id, "n", start, start + 4)
    window.notes.refresh()
    size = body_point_size(window, start)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Equal, CTRL)
    assert body_point_size(window, start) == size + 1
    qtbot.keyClick(window.view, Qt.Key.Key_Plus, CTRL)
    assert body_point_size(window, start) == size + 2
    with qtbot.waitSignal(window.view.text_size_changed):
        qtbot.keyClick(window.view, Qt.Key.Key_Minus, CTRL)
    assert body_point_size(window, start) == size + 1
    assert len(note_selections(window)) == 1


def test_a_very_long_note_is_listed_by_its_start_and_edited_whole(qtbot: QtBot, library: Library, settings: Settings) -> None:
    """A 1 MB note froze the window for 15 s: the list laid out its whole text in a row."""
    window = make_window(qtbot, library, settings)
    article = article_titled(library, BUDGET)
    body = "长笔记" * 350_000
    note = library.add_note(article, body, 0, 4)
    window.open_article(article)
    row = window.notes.model.index(window.notes.model.row_of(note))
    listed = str(row.data(Qt.ItemDataRole.DisplayRole))
    assert listed.split("\n", 1)[1] == body[:NOTE_PREVIEW_CHARS] + "…"
    window.notes.select_note(note)
    assert window.notes.editor.toPlainText() == body


def test_the_notes_panel_works_without_a_view_by_signals(qtbot: QtBot, library: Library) -> None:
    """The panel holds no article view: it asks for marks and selections by signal and is
    handed the passage to note."""
    from reader.ui.panels import NotesPanel
    from reader.ui.undo import AnnotationHistory

    panel = NotesPanel(library, AnnotationHistory(library))
    qtbot.addWidget(panel)
    article_id = article_titled(library, BUDGET)
    body = library.article(article_id).body
    start = body.index("11.07亿元")
    panel.set_article(article_id)
    panel.editor.setPlainText("一条笔记")
    with qtbot.waitSignal(panel.passages_changed) as marked:
        panel.add_on((start, start + 7), body[start:start + 7])
    [note] = library.notes(article_id)
    assert marked.args == [article_id, [(start, start + 7, NOTE_COLORS[0], note.id, "一条笔记")]]
    [note] = library.notes(article_id)
    assert (note.body, note.quote) == ("一条笔记", "11.07亿元")
    with qtbot.waitSignal(panel.passage_requested) as requested:
        panel.list.clicked.emit(panel.model.index(0, 0))
    assert requested.args == [start, start + 7]
    with qtbot.waitSignal(panel.message_posted):
        panel.add_on(None, "")  # nothing selected: said, nothing added
    with qtbot.waitSignal(panel.add_requested):
        panel.add_button.click()
    assert len(library.notes(article_id)) == 1


def type_into(widget: QWidget, text: str) -> None:
    """Type Chinese text as an input method commits it (QTest cannot type non-ASCII)."""
    QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown,
                                             Qt.KeyboardModifier.NoModifier, text))


def test_a_picked_completion_adds_exactly_that_tag_and_empties_the_field(
        qtbot: QtBot, library: Library, settings: Settings) -> None:
    """↓ + Enter on a completion used to add it and leave its text in the field, so the
    next tag was glued onto it ("盘活存量工业遗产")."""
    window, article_id, _body = open_budget(qtbot, library, settings)
    elsewhere = library.articles(library.issues()[1].id)[0][0]
    for name in ("盘活存量", "工业遗产"):
        library.add_tag(elsewhere, name)
    window.tags.refresh_names()
    entry, popup = window.tags.entry, window.tags.completer.popup()
    entry.setFocus()
    type_into(entry, "盘")
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: entry.text() == "")
    assert library.article_tags(article_id) == ["盘活存量"]
    type_into(entry, "遗产")  # then a click on the completion
    qtbot.waitUntil(popup.isVisible)
    rect = popup.visualRect(popup.model().index(0, 0))
    qtbot.mouseClick(popup.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: entry.text() == "")
    assert sorted(library.article_tags(article_id)) == ["工业遗产", "盘活存量"]
    assert len(library.tags()) == 2  # nothing glued together


def test_ctrl_n_without_a_selection_focuses_the_draft_then_notes_the_whole_article(
        qtbot: QtBot, library: Library, settings: Settings) -> None:
    """Ctrl+N with nothing selected used to leave the focus in the text, where a typed
    "k" paged back; now the draft box takes it, and Add note files a whole-article note."""
    window, article_id, _body = open_budget(qtbot, library, settings)
    window.view.setFocus()
    window.window_actions.add_note_action.trigger()
    assert window.notes.editor.hasFocus() and library.notes(article_id) == []
    qtbot.keyClicks(window.notes.editor, "k")
    assert window.current_article() == article_id  # typed into the note, no paging
    window.notes.editor.setPlainText("整篇的笔记")
    window.notes.add_button.click()
    [note] = library.notes(article_id)
    assert (note.body, note.start, note.end) == ("整篇的笔记", None, None)
    assert window.notes.model.index(0, 0).data().startswith("(whole article)")
