"""Screenshots of View → Timeline… and View → Co-occurrence… (issue 15) on a library of
dated issues, e.g. the two papers of ``benchmarks/bench_timeline.py`` (a copy is used).

Run under Xvfb with a CJK font installed, from the checkout:
``xvfb-run -a .venv/bin/python docs/screenshots/take_timeline.py --db LIBRARY [--en]``
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from reader.app import application
from reader.library import Library
from reader.ui import i18n
from reader.ui.main_window import MainWindow
from reader.ui.settings import Settings

HERE = Path(__file__).resolve().parent


def settle(app: QApplication, until: object = None, rounds: int = 400) -> None:
    """Let background reads answer (``until()`` true) and the window paint."""
    import time

    for _ in range(rounds):
        app.processEvents()
        if until is not None and until():  # type: ignore[operator]
            break
        time.sleep(0.02)
    for _ in range(10):
        app.processEvents()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--en", action="store_true")
    args = parser.parse_args()
    suffix = "-en" if args.en else ""
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        shutil.copyfile(args.db, tmp / "lib.sqlite")
        app = application()
        library = Library(tmp / "lib.sqlite")
        settings = Settings(QSettings(str(tmp / "s.ini"), QSettings.Format.IniFormat))
        settings.language = "en" if suffix else "zh_CN"
        i18n.set_language(settings.language)
        window = MainWindow(library, settings)
        window.resize(1280, 760)
        window.show()
        timeline = window.corpus.show_timeline()
        timeline.resize(1000, 700)
        settle(app, lambda: bool(timeline._entities))
        people = [e for e in library.entity_index() if e.type == "person"][:1]
        places = [e for e in library.entity_index() if e.type == "place"][:1]
        for entity in people + places:
            timeline.add("entity", entity.name)
        timeline.add("query", "城市更新")
        timeline.bin_combo.setCurrentIndex(1)  # per month
        settle(app, lambda: timeline.timeline is not None and len(timeline.timeline.series) == 3
               and not timeline._reads.pending("timeline"))
        counts = timeline.timeline.series[1].counts
        busiest = max(range(len(counts)), key=lambda n: counts[n])
        timeline.show_period(1, busiest)
        settle(app, lambda: timeline.articles_model.rowCount() > 0)
        timeline.chart._moved(timeline.chart.scene_point(1, busiest))
        timeline.grab().save(str(HERE / f"timeline{suffix}.png"))
        pairs = window.corpus.show_cooccurrence()
        pairs.resize(1000, 700)
        year = max(row.date for row in library.issues() if row.date)[:4]
        pairs.date_from.setText(year)
        pairs.refresh()
        settle(app, lambda: pairs.answer is not None and not pairs._reads.pending(
            "cooccurrence"))
        pairs.table.sortByColumn(4, pairs.table.horizontalHeader().sortIndicatorOrder())
        pairs.show_pair(pairs.model.pair_at(0))
        settle(app, lambda: pairs.articles_model.rowCount() > 0)
        pairs.grab().save(str(HERE / f"cooccurrence{suffix}.png"))
        pairs.tabs.setCurrentWidget(pairs.matrix)
        settle(app)
        pairs.grab().save(str(HERE / f"cooccurrence-matrix{suffix}.png"))
        window.close()
        library.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
