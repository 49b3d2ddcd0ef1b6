"""Take the README screenshot: the window on the sample issues, an article with highlights.

Run under Xvfb with a CJK font installed (PLATFORM.md §6), from the checkout:
``xvfb-run -a .venv/bin/python docs/screenshots/take_screenshots.py``
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from reader.app import application, build, parse_args
from reader.ui.settings import Settings

HERE = Path(__file__).resolve().parent
ARTICLE_TITLE = "南开区一季度完成全年预算27.2%"


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        args = parse_args(["--db", str(Path(tmp) / "lib.sqlite"), "--import-samples"])
        app = application()
        settings = Settings(QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat))
        window, library = build(args, settings, ask=False)
        window.resize(1400, 860)
        hits = window.run_search(ARTICLE_TITLE)
        window.open_article(hits[0].article_id)
        window.left_tabs.setCurrentIndex(0)
        window.tree.expandAll()
        window.tags.entry.setText("")
        for _ in range(5):
            QApplication.processEvents()
        window.grab().save(str(HERE / "main-window.png"))
        window.close()
        library.close()
        del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
