"""Screenshots of issue dates (issue 15): the paper → year → month → issue tree with two
dated papers and the undated samples, and the "Set date…" dialog with a name pattern.

Run under Xvfb with a CJK font installed, from the checkout:
``xvfb-run -a .venv/bin/python docs/screenshots/take_issue_dates.py [--en]``
"""

from __future__ import annotations

import shutil
import sys
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
SAMPLES = sorted((HERE.parent.parent / "resources" / "samples").glob("*.txt"))


def settle(app: QApplication) -> None:
    for _ in range(10):
        app.processEvents()


def papers(tmp: Path) -> Library:
    """南开报 dated by its folders (and the undated samples), 天津日报 by its page headers."""
    text = [path.read_text(encoding="utf-8") for path in SAMPLES]
    nankai, tianjin = tmp / "南开报", tmp / "天津日报"
    for key, body in (("2024/08/30/01.txt", text[0]), ("2024/08/30/02.txt", text[1]),
                      ("2024/07/12/01.txt", text[3]), ("2023/12/29/01.txt", text[4])):
        (nankai / key).parent.mkdir(parents=True, exist_ok=True)
        (nankai / key).write_text(body + "\n（南开报）\n", encoding="utf-8")
    tianjin.mkdir()
    (tianjin / "tjrb-a.txt").write_text(
        "天津日报\n2024年8月29日 星期四 第1234期\n今日8版\n\n" + text[2], encoding="utf-8")
    (tianjin / "tjrb-b.txt").write_text(
        "天津日报\n2024年6月3日 星期一 第1203期\n\n" + text[0], encoding="utf-8")
    for path in SAMPLES:
        shutil.copy(path, nankai / path.name)
    library = Library(tmp / "lib.sqlite")
    library.import_paths([nankai, tianjin])
    return library


def _expand_groups(window: MainWindow, index: object) -> None:
    from reader.ui.issue_tree import DATE_GROUPS, KIND_ROLE

    if index.data(KIND_ROLE) in DATE_GROUPS:  # type: ignore[attr-defined]
        window.tree.expand(index)  # type: ignore[arg-type]
        for row in range(window.proxy.rowCount(index)):  # type: ignore[arg-type]
            _expand_groups(window, window.proxy.index(row, 0, index))  # type: ignore[arg-type]


def main() -> int:
    suffix = "-en" if "--en" in sys.argv else ""
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        app = application()
        library = papers(tmp)
        settings = Settings(QSettings(str(tmp / "s.ini"), QSettings.Format.IniFormat))
        settings.language = "en" if suffix else "zh_CN"
        i18n.set_language(settings.language)
        window = MainWindow(library, settings)
        window.resize(1280, 760)
        window.splitter.setSizes([380, 600, 300])
        window.show()
        first = library.issues()[0]
        window.open_article(library.articles(first.id)[0][0])
        window.tree.collapseAll()
        for row in range(window.proxy.rowCount()):  # every paper, year and month
            _expand_groups(window, window.proxy.index(row, 0))
        window.tree_pane.select(library.articles(first.id)[0][0])
        settle(app)
        window.grab().save(str(HERE / f"issue-dates{suffix}.png"))
        nankai = [row.id for row in library.issues() if row.paper == "南开报"]
        dialog = window.ask_issue_details(nankai)
        assert dialog is not None
        dialog.resize(640, 520)
        dialog.use_pattern("{date:%Y/%m/%d}/{edition}.txt")
        settle(app)
        dialog.grab().save(str(HERE / f"issue-dates-dialog{suffix}.png"))
        dialog.close()
        window.close()
        library.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
