"""Screenshot of the tag manager over the window, the tree filtered by one of the tags.

Run: QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1600x1000x24" \
     .venv/bin/python docs/screenshots/take_tag_manager.py docs/screenshots/tag-manager.png
     [zh_CN|en]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QRect, QSettings, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPixmap

from reader.app import application
from reader.core.tagcolors import TAG_PALETTE
from reader.library import Library
from reader.ui import i18n
from reader.ui.main_window import MainWindow
from reader.ui.settings import Settings
from tests.conftest import SAMPLES

TAGS = {"城市更新": ("green", ["天拖片区城市更新", "盘活存量资产", "工业遗产", "室内供暖设施"]),
        "财政": ("orange", ["完成全年预算", "盘活存量资产"]),
        "营商环境": ("blue", ["高效办成一件事", "码上办", "轨道产业生态圈"]),
        "就业": ("", ["暖冬送岗", "春风行动"]),
        "安全": ("red", ["消防安全", "违规“进楼入户”", "消除隐患"])}
TITLE_BAR = 26


def tagged_library(folder: Path) -> Library:
    library = Library(folder / "lib.sqlite")
    library.import_paths([SAMPLES], workers=1)
    titles = [(a, t) for issue in library.issues() for a, _k, t in library.articles(issue.id)]
    for name, (color, parts) in TAGS.items():
        for part in parts:
            library.add_tag(next(a for a, t in titles if part in t), name)
        library.set_tag_color(name, dict(TAG_PALETTE).get(color, ""))
    return library


def composite(window: MainWindow, target: str) -> None:
    """The window, with the manager drawn where it stands, in a plain frame with its
    title (Xvfb has no window manager to draw one)."""
    shot = window.grab()
    manager = window.corpus.tag_manager
    assert manager is not None
    picture = QPixmap(shot.size())
    painter = QPainter(picture)
    painter.drawPixmap(0, 0, shot)
    offset = manager.mapToGlobal(manager.rect().topLeft()) - window.mapToGlobal(
        window.rect().topLeft())
    bar = QRect(offset.x() - 1, offset.y() - TITLE_BAR, manager.width() + 2,
                manager.height() + TITLE_BAR + 1)
    painter.fillRect(bar, QColor("#dcdcdc"))
    painter.setPen(QColor("#8a8a8a"))
    painter.drawRect(bar.adjusted(0, 0, -1, -1))
    painter.setPen(QColor("#1a1a1a"))
    painter.drawText(QRect(bar.x(), bar.y(), bar.width(), TITLE_BAR),
                     Qt.AlignmentFlag.AlignCenter, manager.windowTitle())
    painter.drawPixmap(offset, manager.grab())
    painter.end()
    picture.save(target)


def main(target: str, language: str) -> None:
    app = application([])
    folder = Path(tempfile.mkdtemp())
    library = tagged_library(folder)
    settings = Settings(QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat))
    settings.language = language
    i18n.set_language(language)
    window = MainWindow(library, settings)
    window.resize(1400, 860)
    window.splitter.setSizes([380, 640, 380])
    window.show()
    window.tree_pane.expand_defaults()
    window.open_article(next(a for issue in library.issues()
                             for a, _k, t in library.articles(issue.id) if "天拖片区" in t))
    window.right_tabs.setCurrentWidget(window.tags)
    manager = window.corpus.show_tag_manager()
    manager.resize(440, 330)
    manager.move(window.geometry().x() + 560, window.geometry().y() + 300)
    manager.select(["城市更新"])
    manager.show_selected()
    QTimer.singleShot(1200, lambda: (composite(window, target), app.quit()))
    app.exec()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "tag-manager.png",
         sys.argv[2] if len(sys.argv) > 2 else "zh_CN")
