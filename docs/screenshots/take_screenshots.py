"""Take the README's screenshots: the window on the sample issues, light and dark, 中文 and
English.

Light: the tree, an article with its highlights and two notes, the Notes tab. Dark: the
search results (hits in bold), the same article, and the Entities tab with the mentions
of a place marked in their sentences. Files: ``main-window-{en,zh}.png`` (light) and
``main-window-dark-{en,zh}.png``.
Run under Xvfb with a CJK font installed (Debian: ``xvfb`` and ``fonts-noto-cjk``), from
the checkout:
``xvfb-run -a .venv/bin/python docs/screenshots/take_screenshots.py``
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from reader.app import application, build, parse_args
from reader.library import Library
from reader.ui.main_window import MainWindow
from reader.ui.settings import Settings

HERE = Path(__file__).resolve().parent
ARTICLE_TITLE = "南开区一季度完成全年预算27.2%"
SHOTS = {"main-window-en.png": ("en", "light"), "main-window-zh.png": ("zh_CN", "light"),
         "main-window-dark-en.png": ("en", "dark"),
         "main-window-dark-zh.png": ("zh_CN", "dark")}


def settle(app: QApplication, seconds: float = 0.5) -> None:
    """Let background reads come back and the window paint."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def annotate(library: Library, article_id: int) -> None:
    """Two notes and a tag on the article, as a reader would leave them."""
    body = library.article(article_id).body
    start = body.index("奋力实现")
    library.add_note(article_id, "财政收入“开门红”：与去年同期比较", start, start + 12)
    start = body.index("进一步盘活存量")
    library.add_note(article_id, "盘活存量的具体措施？", start, start + 7, color="#3b7dd8")
    library.add_tag(article_id, "财政")


def light(app: QApplication, window: MainWindow, article_id: int) -> None:
    window.open_article(article_id)
    window.left_tabs.setCurrentIndex(0)
    window.right_tabs.setCurrentWidget(window.notes)
    window.notes.select_note(window.notes.model.note_at(0).id)


def dark(app: QApplication, window: MainWindow, article_id: int) -> None:
    window.search.search_edit.setText("南开 财政")
    window.search.run("南开 财政")
    settle(app)
    window.open_article(article_id)
    window.left_tabs.setCurrentWidget(window.search)
    window.right_tabs.setCurrentWidget(window.entities)
    window.entities.tree.expandAll()
    group = window.entities.model.index(0, 0)
    window.entities.tree.setCurrentIndex(window.entities.model.index(0, 0, group))


def take(app: QApplication, tmp: Path, name: str, language: str, theme: str) -> None:
    """One screenshot of a fresh library of the samples."""
    args = parse_args(["--db", str(tmp / f"{name}.sqlite"), "--import-samples"])
    settings = Settings(QSettings(str(tmp / f"{name}.ini"), QSettings.Format.IniFormat))
    settings.language, settings.theme = language, theme
    window, library = build(args, settings, ask=False)
    window.resize(1400, 860)
    while window.app_actions.importer.is_running() or not library.issues():
        app.processEvents()  # the samples are imported in the background
    article_id = library.search(ARTICLE_TITLE)[0].article_id
    annotate(library, article_id)
    settle(app)
    (light if theme == "light" else dark)(app, window, article_id)
    window.tags.entry.setText("")
    settle(app)
    window.grab().save(str(HERE / name))
    window.close()
    library.close()


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        app = application()
        for name, (language, theme) in SHOTS.items():
            take(app, Path(tmp), name, language, theme)
        del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
