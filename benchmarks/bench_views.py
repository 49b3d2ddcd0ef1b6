"""The corpus views on a decade library: how long the UI thread blocks, and the wait.

Issue 13 measured, on a decade library (2,500 issues of two papers), the figures table
blocking the UI thread 15 s on opening, two characters typed in the tree filter 0.9 s, the
entity index 0.2 s and a 1 MB note 15 s. Each is measured here with a 5 ms heartbeat on the
UI thread (the longest gap is what the user feels as a freeze) and the time until the
answer is shown. Target: no gap over 100 ms.

Run (offscreen): QT_QPA_PLATFORM=offscreen .venv/bin/python -m benchmarks.bench_views
    --db /path/to/decade/library.sqlite   (build one with benchmarks/bench_import.py --keep)
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from benchmarks.bench_ui import Heartbeat, wait_for
from reader.library import Library
from reader.ui.main_window import MainWindow
from reader.ui.settings import Settings


def measured(action: Callable[[], None], done: object | None) -> tuple[float, float]:
    """(longest UI gap in ms, seconds until ``done`` fired) around ``action``."""
    heartbeat = Heartbeat(interval_ms=5)
    heartbeat.start()
    started = time.perf_counter()
    action()
    if done is not None:
        wait_for(done, 120_000)
    QApplication.processEvents()
    seconds = time.perf_counter() - started
    heartbeat.stop()
    heartbeat.gaps.append(0.0)
    return max(heartbeat.gaps), seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, required=True)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "library.sqlite"
        shutil.copyfile(args.db, db)
        library = Library(db)
        settings = Settings(QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat))
        started = time.perf_counter()
        window = MainWindow(library, settings)
        window.show()
        QApplication.processEvents()
        window_up = time.perf_counter() - started
        issues = len(library.issues())
        print(f"machine: {platform.machine()}, Python {platform.python_version()}, "
              f"load {os.getloadavg()[0]:.1f}; library: {issues} issues, "
              f"{library.figure_count():,} figures")
        rows: list[tuple[str, float, float]] = [("window up (library open, tree shown)", 0.0,
                                                 window_up)]
        first = library.articles(library.issues()[0].id)[0][0]
        window.open_article(first)
        def press_j_and_k() -> None:
            for n in range(30):
                (window.next_article if n < 15 else window.previous_article)()
                QApplication.processEvents()  # one key press each: the gap is per press

        rows.append(("J / K: 30 presses, one at a time", *measured(press_j_and_k, None)))
        rows.append(("search a common word (南开)", *measured(
            lambda: window.search.run("南开"), window.search.searched)))
        edit = window.tree_pane.filter_edit
        rows.append(("tree filter: type 南, then 南开", *measured(
            lambda: (edit.setText("南"), edit.setText("南开")), window.tree_pane.filter_applied)))
        rows.append(("tree filter: clear", *measured(lambda: edit.setText(""), None)))
        tagged = [library.articles(issue.id)[0][0] for issue in library.issues()[::5]]
        for article_id in tagged:
            library.add_tag(article_id, "城市更新")
        rows.append((f"tree filter: tag:城市更新 ({len(tagged)})", *measured(
            lambda: edit.setText("tag:城市更新"), window.tree_pane.filter_applied)))
        rows.append(("tree filter: tag:城市更新 南开", *measured(
            lambda: edit.setText("tag:城市更新 南开"), window.tree_pane.filter_applied)))
        edit.setText("")
        rows.append(("tag manager: open", *measured(window.corpus.show_tag_manager, None)))
        dialog_box: list[object] = []
        rows.append(("figures table: open", *measured(
            lambda: dialog_box.append(window.corpus.show_figures()), None)))
        figures = window.corpus.figures
        assert figures is not None
        if figures.model.rowCount() == 0:
            wait_for(figures.loaded, 120_000)
        rows.append(("figures table: sort by value", *measured(
            lambda: figures.table.sortByColumn(0, Qt.SortOrder.DescendingOrder),
            figures.loaded)))
        rows.append(("figures table: filter 亿元", *measured(
            lambda: figures.filter_edit.setText("亿元"), figures.loaded)))
        rows.append(("entity index: open", *measured(window.corpus.show_entity_index, None)))
        article = library.articles(library.issues()[0].id)[0][0]
        library.add_note(article, "长笔记" * 350_000)
        other = library.articles(library.issues()[1].id)[0][0]
        window.open_article(other)
        rows.append(("open an article with a 1 MB note", *measured(
            lambda: window.open_article(article), None)))
        print(f"{'view':<36} {'longest UI gap':>15} {'until shown':>12}")
        for name, gap, seconds in rows:
            print(f"{name:<36} {gap:>12.0f} ms {seconds:>10.2f} s")
        window.close()
        library.close()
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
