"""Screenshot of the "Also in" bar: a sample article that two other papers reprinted (one
cut short, one re-wrapped), as the window shows it.

Run: QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1600x1000x24" \
     .venv/bin/python docs/screenshots/take_also_in.py docs/screenshots/also-in.png [zh_CN|en]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer

from reader.app import application
from reader.library import Library
from reader.ui import i18n
from reader.ui.main_window import MainWindow
from reader.ui.settings import Settings
from tests.conftest import SAMPLES

STORY = "天拖片区"


def reprints(folder: Path, title: str, body: str) -> list[Path]:
    """Two papers' issues that reprint ``body``: cut after 60 %, and re-wrapped whole."""
    paragraphs = body.split("\n")
    cut = "\n\n".join(paragraphs[: max(1, len(paragraphs) * 3 // 5)])
    flat = "".join(paragraphs)
    wrapped = "\n".join(flat[i:i + 26] for i in range(0, len(flat), 26))
    made = []
    for paper, day, text in (("天津日报", "2024-09-02", cut), ("今晚报", "2024-09-05", wrapped)):
        path = folder / paper / f"{day}.txt"
        path.parent.mkdir(parents=True)
        path.write_text(f"\n\n{title}\n\n■ 记者 李明\n\n{text}\n", encoding="utf-8")
        made.append(path.parent)
    return made


def main(target: str, language: str) -> None:
    app = application([])
    folder = Path(tempfile.mkdtemp())
    library = Library(folder / "lib.sqlite")
    library.import_paths([SAMPLES], workers=1)
    article_id = next(a for issue in library.issues()
                      for a, _k, t in library.articles(issue.id) if STORY in t)
    article = library.article(article_id)
    library.import_paths(reprints(folder, article.title, article.body), workers=1)
    settings = Settings(QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat))
    settings.language = language
    i18n.set_language(language)
    window = MainWindow(library, settings)
    window.resize(1400, 860)
    window.splitter.setSizes([380, 640, 380])
    window.show()
    window.tree_pane.expand_defaults()
    window.open_article(article_id)
    QTimer.singleShot(1200, lambda: (window.grab().save(target), app.quit()))
    app.exec()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "also-in.png",
         sys.argv[2] if len(sys.argv) > 2 else "zh_CN")
