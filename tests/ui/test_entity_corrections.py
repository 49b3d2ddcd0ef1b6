"""Entity corrections in the window (issue 14): reject and merge are undoable, rejected and
merged names are listed and can be restored, the merge dialog suggests related names
first and pre-fills none, and the corpus windows do not stay over the article they open."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from reader.library import Library
from reader.ui.entities import merge_candidates
from reader.ui.settings import Settings
from tests.ui.test_entities_ui import find_row, open_index
from tests.ui.test_main_window import make_window


def mentions(library: Library) -> set[tuple[int, int, int, str, str]]:
    return {(int(a), int(s), int(e), str(t), str(n)) for a, s, e, t, n in library.db.execute(
        'SELECT m.article_id, m.start, m."end", e.type, e.name FROM entity_mentions m '
        "JOIN entities e ON e.id = m.entity_id").fetchall()}


def test_reject_and_merge_are_undone_and_redone(qtbot: QtBot, library: Library,
                                                settings: Settings,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window(qtbot, library, settings)
    before = mentions(library)
    dialog = open_index(qtbot, window)
    dialog.table.setCurrentIndex(find_row(dialog, "place", "京津冀"))
    monkeypatch.setattr(dialog, "confirm", lambda _question: True)
    with qtbot.waitSignal(dialog.entities_changed):
        dialog.reject_button.click()
    assert not any(name == "京津冀" for *_, name in mentions(library))
    undo, redo = window.window_actions.undo_action, window.window_actions.redo_action
    assert "京津冀" in undo.text()
    with qtbot.waitSignal(dialog.entities_changed):
        undo.trigger()
    assert mentions(library) == before  # every mention back where it was
    assert not library.entity_corrections()
    with qtbot.waitSignal(dialog.entities_changed):
        redo.trigger()
    assert not any(name == "京津冀" for *_, name in mentions(library))
    with qtbot.waitSignal(dialog.entities_changed):
        undo.trigger()
    dialog.table.setCurrentIndex(find_row(dialog, "place", "天开园"))
    monkeypatch.setattr(dialog, "ask_target", lambda _entity: "天开高教科技园")
    with qtbot.waitSignal(dialog.entities_changed):
        dialog.merge_button.click()
    assert not any(name == "天开园" for *_, name in mentions(library))
    with qtbot.waitSignal(dialog.entities_changed):
        undo.trigger()
    assert mentions(library) == before


def test_a_rejected_name_is_listed_and_restored(qtbot: QtBot, library: Library,
                                                settings: Settings) -> None:
    """A rejection made long ago (no undo left) is restored from the list: the articles
    that hold the name are analysed again and find it as an import would."""
    before = mentions(library)
    library.reject_entity("org", "南开区财政局")
    library.merge_entity("place", "天开园", "天开高教科技园")
    window = make_window(qtbot, library, settings)
    dialog = open_index(qtbot, window)
    rows = [dialog.corrections.model.index(r).data()
            for r in range(dialog.corrections.model.rowCount())]
    assert rows[0].startswith("Merged: 天开园 → 天开高教科技园") and "Rejected: 南开区财政局" in rows[1]
    dialog.corrections.list.setCurrentIndex(dialog.corrections.model.index(1))
    with qtbot.waitSignal(dialog.entities_changed):
        dialog.corrections.restore_button.click()
    restored = {m for m in mentions(library) if m[4] == "南开区财政局"}
    assert restored == {m for m in before if m[4] == "南开区财政局"} and restored
    assert dialog.corrections.model.rowCount() == 1
    assert [c.name for c in library.entity_corrections()] == ["天开园"]
    with qtbot.waitSignal(dialog.entities_changed):
        window.window_actions.undo_action.trigger()  # rejected again
    assert not any(m[4] == "南开区财政局" for m in mentions(library))


def test_merge_suggests_related_names_first_and_prefills_none() -> None:
    names = ["南开区", "天开高教科技园", "京津冀", "天开园", "天津"]
    assert merge_candidates("天开园", names)[0] == "天开高教科技园"
    assert "天开园" not in merge_candidates("天开园", names)
    assert merge_candidates("天开园", names)[-1] == "京津冀"


def test_the_figures_table_does_not_stay_over_the_article_it_opens(
        qtbot: QtBot, library: Library, settings: Settings) -> None:
    window = make_window(qtbot, library, settings)
    figures = window.corpus.show_figures()
    index = window.corpus.show_entity_index()
    assert figures.parent() is None and index.parent() is None  # not the window's transients
    qtbot.waitUntil(lambda: figures.model.rowCount() > 0)
    with qtbot.waitSignal(figures.figure_opened):
        figures.table.doubleClicked.emit(figures.model.index(0, 0))
    assert window.current_article() is not None
    window.close()
    assert window.corpus.figures is None and not figures.isVisible()
