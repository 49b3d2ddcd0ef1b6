"""Background reads: answers come back on the GUI thread, superseded ones never show."""

from __future__ import annotations

import threading
import time

from pytestqt.qtbot import QtBot

from reader.library import Library
from reader.ui.reads import ReadRunner


def test_only_the_latest_answer_for_a_key_is_delivered(qtbot: QtBot, library: Library) -> None:
    runner = ReadRunner(library)
    answers: list[object] = []
    threads: list[str] = []

    def slow(lib: Library) -> int:
        threads.append(threading.current_thread().name)
        time.sleep(0.3)
        return len(lib.issues())

    runner.ask("filter", slow, answers.append)
    runner.ask("filter", lambda lib: "second", answers.append)
    runner.ask("other", lambda lib: "other", answers.append)
    qtbot.waitUntil(lambda: not runner.pending("filter") and not runner.pending("other"))
    runner.shutdown()
    assert sorted(map(str, answers)) == ["other", "second"]
    assert threading.current_thread().name not in threads  # if it ran, it ran elsewhere


def test_a_failing_read_is_reported_not_raised(qtbot: QtBot, library: Library) -> None:
    runner = ReadRunner(library)
    with qtbot.waitSignal(runner.failed, timeout=5_000) as failed:
        runner.ask("x", lambda lib: lib.article(10**9), print)
    runner.shutdown()
    assert "10" in failed.args[0]


def test_the_reader_sees_what_the_window_wrote(qtbot: QtBot, library: Library) -> None:
    runner = ReadRunner(library)
    article = library.articles(library.issues()[0].id)[0][0]
    library.add_tag(article, "后台读取")
    answers: list[object] = []
    runner.ask("t", lambda lib: lib.tree_matches("后台读取").ids, answers.append)
    qtbot.waitUntil(lambda: bool(answers))
    runner.shutdown()
    assert answers == [{article}]


def test_a_superseded_read_is_interrupted_not_waited_for(qtbot: QtBot, library: Library) -> None:
    """Typing on in the filter must not wait for the answer to what was typed before."""
    runner = ReadRunner(library)
    answers: list[object] = []
    started = threading.Event()

    def endless(lib: Library) -> object:
        started.set()
        return lib.db.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
                              "SELECT count(*) FROM n").fetchone()  # never ends by itself

    runner.ask("filter", endless, answers.append)
    assert started.wait(10)
    began = time.perf_counter()
    runner.ask("filter", lambda lib: len(lib.issues()), answers.append)
    qtbot.waitUntil(lambda: bool(answers), timeout=10_000)
    waited = time.perf_counter() - began
    runner.shutdown()
    assert answers == [len(library.issues())]
    assert waited < 5  # the endless query was stopped, not run to its end
