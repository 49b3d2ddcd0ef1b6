"""The window's speed: UI heartbeat during a background import, article open, tree on a decade.

Targets (issue 5): during an import the UI thread never blocks more than 100 ms (a 10 ms
QTimer heartbeat records the longest gap); opening a 6,000-character article with its
highlights, from the click in the tree to the repainted view, under 30 ms median; the tree
over the decade corpus shown in under 300 ms.

Run (offscreen): QT_QPA_PLATFORM=offscreen .venv/bin/python -m benchmarks.bench_ui
    [--issues 300] [--decade-db /path/to/decade/library.sqlite]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QElapsedTimer, QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QTreeView

from benchmarks.corpus import generate
from reader.core.decode import read_file
from reader.core.parse import parse_decoded
from reader.core.resources import sample_issues
from reader.library import Library
from reader.ui.issue_tree import IssueTreeModel
from reader.ui.main_window import MainWindow
from reader.ui.settings import Settings

LONG_TITLE = "长文基准：南开区城市更新与财政收支综述"
LONG_CHARS = 6000
OPENINGS = 30


class Heartbeat:
    """A 10 ms timer on the UI thread that remembers the longest gap between its ticks."""

    def __init__(self, interval_ms: int = 10) -> None:
        self.gaps: list[float] = []
        self._clock = QElapsedTimer()
        self._timer = QTimer()
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._clock.start()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        self.gaps.append(self._clock.nsecsElapsed() / 1e6)
        self._clock.restart()


def long_article_issue(folder: Path) -> Path:
    """An issue file holding one article of about 6,000 characters made of sample paragraphs."""
    paragraphs = [p.text for path in sample_issues()
                  for item in parse_decoded(read_file(path)).items if item.kind != "photo"
                  for p in item.paragraphs if p.kind == "text" and len(p.text) > 60]
    body: list[str] = []
    while sum(len(p) for p in body) < LONG_CHARS:
        body.append(paragraphs[len(body) % len(paragraphs)])
    path = folder / "南开报_2030-01-01.txt"
    path.write_text("\n\n" + "\n\n".join([LONG_TITLE, "■ 通讯员 王芳", *body]) + "\n",
                    encoding="utf-8")
    return path


def wait_for(signal: object, timeout_ms: int = 600_000) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)  # type: ignore[attr-defined]
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


def bench_import(window: MainWindow, paths: list[Path]) -> tuple[float, list[float], float]:
    """Import in the background while the heartbeat runs; (longest gap, gaps, seconds)."""
    heartbeat = Heartbeat()
    heartbeat.start()
    started = time.perf_counter()
    window.app_actions.import_paths(paths)
    wait_for(window.app_actions.importer.import_finished)
    seconds = time.perf_counter() - started
    heartbeat.stop()
    return max(heartbeat.gaps), heartbeat.gaps, seconds


def article_id(library: Library, title: str) -> int:
    for issue in library.issues():
        for found, _kind, article_title in library.articles(issue.id):
            if article_title == title:
                return found
    raise LookupError(title)


def open_ms(window: MainWindow, target: int, other: int) -> float:
    """Click (select in the tree) → article shown and the view repainted, in ms."""
    window.open_article(other)
    QApplication.processEvents()
    index = window.proxy.mapFromSource(window.tree_model.article_index(target))
    started = time.perf_counter()
    window.tree.setCurrentIndex(index)
    window.view.viewport().repaint()
    elapsed = (time.perf_counter() - started) * 1000
    assert window.current_article() == target, "the click did not open the article"
    return elapsed


def bench_open(window: MainWindow, library: Library) -> tuple[float, int, int]:
    """Median ms of opening the long article; also its length and highlight count."""
    target = article_id(library, LONG_TITLE)
    other = library.articles(library.issues()[-1].id)[0][0]
    times = [open_ms(window, target, other) for _ in range(OPENINGS)]
    article = library.article(target)
    return statistics.median(times), len(article.body), len(library.highlights(target))


def bench_decade_tree(db: Path) -> tuple[float, int]:
    """ms to build the tree model over a decade library and show it painted; issue count."""
    library = Library(db, readonly=True)
    started = time.perf_counter()
    model = IssueTreeModel(library)
    view = QTreeView()
    view.setUniformRowHeights(True)
    view.setModel(model)
    view.resize(320, 800)
    view.show()
    for row in range(model.rowCount()):  # papers open with their newest year, as at start
        paper = model.index(row, 0)
        view.expand(paper)
        view.expand(model.index(0, 0, paper))
    view.viewport().repaint()
    elapsed = (time.perf_counter() - started) * 1000
    rows = len(model.issue_ids())
    view.close()
    library.close()
    return elapsed, rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--issues", type=int, default=300)
    parser.add_argument("--decade-db", type=Path, default=None,
                        help="an existing library of the decade corpus (bench_import --keep)")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory(prefix="baokan-ui-") as tmp:
        work = Path(tmp)
        paths = generate(work / "issues", issues=args.issues)
        paths.append(long_article_issue(work / "issues"))
        library = Library(work / "lib.sqlite")
        settings = Settings(QSettings(str(work / "s.ini"), QSettings.Format.IniFormat))
        window = MainWindow(library, settings)
        window.resize(1280, 800)
        window.show()
        QApplication.processEvents()
        longest, gaps, seconds = bench_import(window, paths)
        over = sum(gap > 100 for gap in gaps)
        print(f"import of {len(paths)} issues in the background: {seconds:.1f} s; "
              f"UI heartbeat (10 ms) ticks {len(gaps)}, longest gap {longest:.1f} ms, "
              f"p99 {sorted(gaps)[int(len(gaps) * 0.99)]:.1f} ms, gaps > 100 ms: {over}")
        median, chars, spans = bench_open(window, library)
        print(f"open article ({chars} chars, {spans} highlights) click → repainted: "
              f"median of {OPENINGS} {median:.1f} ms")
        window.close()
        library.close()
    if args.decade_db is not None:
        elapsed, rows = bench_decade_tree(args.decade_db)
        print(f"decade tree ({rows} issues): built and painted in {elapsed:.1f} ms")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
