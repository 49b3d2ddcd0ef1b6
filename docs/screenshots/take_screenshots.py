"""Take the README screenshots: the window on the sample issues, an article with highlights.

``main-window.png`` (the system language), then ``main-window-zh.png`` and
``main-window-en.png`` with the UI in Chinese and in English.
Run under Xvfb with a CJK font installed (Debian: ``xvfb`` and ``fonts-noto-cjk``), from
the checkout:
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


SHOTS = {"main-window.png": "system", "main-window-zh.png": "zh_CN", "main-window-en.png": "en"}


def take(app: QApplication, tmp: Path, name: str, language: str) -> None:
    """One screenshot of a fresh library of the samples, the UI in ``language``."""
    args = parse_args(["--db", str(tmp / f"{language}.sqlite"), "--import-samples"])
    settings = Settings(QSettings(str(tmp / f"{language}.ini"), QSettings.Format.IniFormat))
    settings.language = language
    window, library = build(args, settings, ask=False)
    window.resize(1400, 860)
    while window.app_actions.importer.is_running() or not library.issues():
        app.processEvents()  # the samples are imported in the background
    hits = library.search(ARTICLE_TITLE)
    window.open_article(hits[0].article_id)
    window.left_tabs.setCurrentIndex(0)
    window.tree.expandAll()
    window.tags.entry.setText("")
    for _ in range(5):
        app.processEvents()
    window.grab().save(str(HERE / name))
    window.close()
    library.close()


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        app = application()
        for name, language in SHOTS.items():
            take(app, Path(tmp), name, language)
        del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
