"""Screenshot of the window with notes drawn over their passages and the Entities tab open.

Run: QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1600x1000x24" \
     .venv/bin/python docs/screenshots/take_notes_entities.py docs/screenshots/notes-entities.png
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer

from reader.app import application
from reader.library import Library
from reader.ui.main_window import MainWindow
from reader.ui.settings import Settings
from tests.conftest import SAMPLES
from tests.ui.conftest import article_titled

TITLE = "南开区一季度完成全年预算27.2%"


def annotated_library(folder: Path) -> tuple[Library, int]:
    library = Library(folder / "lib.sqlite")
    library.import_paths([SAMPLES], workers=1)
    article = article_titled(library, TITLE)
    body = library.article(article).body
    start = body.index("11.07亿元")
    library.add_note(article, "一季度收入规模,对比去年同期", start, start + 7)
    start = body.index("奋力实现财政收入")
    library.add_note(article, "“开门红”的说法值得追踪", start, start + 12, color="#cfe3ff")
    library.add_tag(article, "财政")
    return library, article


def choose_entity(window: MainWindow, group: str, name: str) -> None:
    model = window.entities.model
    for row in range(model.rowCount()):
        parent = model.index(row, 0)
        for child in range(model.rowCount(parent)):
            if parent.data() == group and model.index(child, 0, parent).data() == name:
                window.entities.tree.setCurrentIndex(model.index(child, 0, parent))


def main(target: str) -> None:
    app = application([])
    folder = Path(tempfile.mkdtemp())
    library, article = annotated_library(folder)
    settings = Settings(QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(library, settings)
    window.resize(1400, 860)
    window.splitter.setSizes([300, 700, 400])
    window.show()
    window.open_article(article)
    window.right_tabs.setCurrentWidget(window.entities)
    choose_entity(window, "Places", "京津冀")
    QTimer.singleShot(600, lambda: (window.grab().save(target), app.quit()))
    app.exec()


if __name__ == "__main__":
    main(sys.argv[1])
