"""A library that opens with stale entity analysis is refreshed in the background: the
status bar counts the issues, reading goes on, and the new mentions are announced."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reader.app import build, parse_args
from reader.core.analyze import analysis_stamp
from reader.library import Changes, Library
from reader.ui import i18n
from reader.ui.settings import Settings


def stale_copy(prepared_db: Path, tmp_path: Path) -> Path:
    path = tmp_path / "stale.sqlite"
    shutil.copyfile(prepared_db, path)
    library = Library(path)
    with library.db.conn:
        library.db.execute("UPDATE issues SET analysis = 'features 2, rules 1, model old'")
    library.close()
    return path


def test_a_stale_library_is_refreshed_after_opening(qtbot: QtBot, prepared_db: Path,
                                                    tmp_path: Path, settings: Settings) -> None:
    window, library = build(parse_args(["--db", str(stale_copy(prepared_db, tmp_path))]),
                            settings, ask=False)
    qtbot.addWidget(window)
    refresh = window.analysis_refresh
    assert refresh.is_running() and refresh.label.isVisible()
    assert refresh.label.text() == "Updating entity analysis: 0 / 5 issues"
    seen: list[Changes] = []
    library.subscribe(seen.append)
    shown: list[Changes] = []  # what the window refreshed for
    window.library_changed.connect(shown.append)
    article = library.articles(library.issues()[0].id)[0][0]
    window.open_article(article)  # reading goes on meanwhile
    assert window.current_article() == article
    qtbot.waitUntil(lambda: library.stale_issue_count() < 5, timeout=60_000)
    window.poll_library()  # the refresh's writes are the window's own, not another program's
    with qtbot.waitSignal(refresh.refresh_finished, timeout=60_000) as finished:
        pass
    window.poll_library()
    assert not any(changes.everything for changes in shown)
    assert finished.args == [5]
    assert not refresh.label.isVisible() and not refresh.is_running()
    assert "5" in window.statusBar().currentMessage()
    assert any(changes.entities for changes in seen)
    assert library.stale_issue_count() == 0
    stamps = library.db.execute("SELECT DISTINCT analysis FROM issues").fetchall()
    assert [tuple(row) for row in stamps] == [(analysis_stamp(),)]
    window.close()
    library.close()


def test_an_up_to_date_library_starts_no_refresh(qtbot: QtBot, library: Library,
                                                 settings: Settings) -> None:
    path = library.path
    library.close()
    window, opened = build(parse_args(["--db", str(path)]), settings, ask=False)
    qtbot.addWidget(window)
    assert not window.analysis_refresh.is_running()
    assert not window.analysis_refresh.label.isVisible()
    window.close()
    opened.close()


def test_closing_the_window_stops_the_refresh_between_issues(
        qtbot: QtBot, prepared_db: Path, tmp_path: Path, settings: Settings) -> None:
    window, library = build(parse_args(["--db", str(stale_copy(prepared_db, tmp_path))]),
                            settings, ask=False)
    qtbot.addWidget(window)
    window.close()
    assert window.analysis_refresh.task is None
    assert 0 <= library.stale_issue_count() <= 5  # the rest waits for the next start
    library.close()


def test_the_status_reads_in_chinese(qtbot: QtBot, prepared_db: Path, tmp_path: Path,
                                     settings: Settings) -> None:
    settings.language = "zh_CN"
    try:
        window, library = build(parse_args(["--db", str(stale_copy(prepared_db, tmp_path))]),
                                settings, ask=False)
        qtbot.addWidget(window)
        refresh = window.analysis_refresh
        assert refresh.label.text() == "正在更新实体分析：0 / 5 期"
        with qtbot.waitSignal(refresh.refresh_finished, timeout=60_000):
            pass
        assert window.statusBar().currentMessage() == "已更新 5 期的实体分析。"
        window.close()
        library.close()
    finally:
        i18n.set_language(i18n.ENGLISH)


def test_restoring_a_backup_of_an_older_analysis_refreshes_it(
        qtbot: QtBot, prepared_db: Path, tmp_path: Path, settings: Settings,
        monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "lib.sqlite"
    shutil.copyfile(prepared_db, path)
    old = Library(path)
    with old.db.conn:  # the backup is of a library an older analysis read
        old.db.execute("UPDATE issues SET analysis = 'features 2, rules 1, model old'")
    old.make_backup()
    with old.db.conn:
        old.db.execute("UPDATE issues SET analysis = ?", [analysis_stamp()])
    old.close()
    window, library = build(parse_args(["--db", str(path)]), settings, ask=False)
    qtbot.addWidget(window)
    refresh = window.analysis_refresh
    assert not refresh.is_running()  # up to date when it opens
    dialog = window.app_actions.show_restore()
    monkeypatch.setattr(dialog, "confirm", lambda _backup: True)
    with qtbot.waitSignal(refresh.refresh_finished, timeout=60_000) as finished:
        dialog.restore_button.click()
    assert finished.args == [5]
    assert library.stale_issue_count() == 0
    window.close()
    library.close()
