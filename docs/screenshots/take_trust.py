"""Screenshots of papers in the tree, the restore dialog and the failure dialog (issue 10).

Run under Xvfb with a CJK font installed, from the checkout:
``xvfb-run -a .venv/bin/python docs/screenshots/take_trust.py``
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from reader.app import application
from reader.library import Library
from reader.ui.main_window import MainWindow
from reader.ui.settings import Settings

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parent.parent / "resources" / "samples"


def settle(app: QApplication) -> None:
    for _ in range(10):
        app.processEvents()


def papers(tmp: Path) -> Library:
    """Two papers whose files have the same date names, plus the samples."""
    for paper, day in (("天津日报", "2024-08-30"), ("南开报", "2024-08-30")):
        for n, sample in enumerate(sorted(SAMPLES.glob("*.txt"))[:2]):
            folder = tmp / paper / "2024"
            folder.mkdir(parents=True, exist_ok=True)
            shutil.copy(sample, folder / f"{day[:-1]}{n}.txt")
            text = (folder / f"{day[:-1]}{n}.txt").read_text(encoding="utf-8")
            (folder / f"{day[:-1]}{n}.txt").write_text(text + f"\n{paper}\n", encoding="utf-8")
    library = Library(tmp / "lib.sqlite")
    library.import_paths([tmp / "天津日报", tmp / "南开报"])
    library.db.execute("UPDATE issues SET date = substr(source_key, 6, 10)")
    return library


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        app = application()
        library = papers(tmp)
        settings = Settings(QSettings(str(tmp / "s.ini"), QSettings.Format.IniFormat))
        settings.language = "zh_CN" if "--zh" in sys.argv else "en"
        from reader.ui import i18n

        i18n.set_language(settings.language)
        window = MainWindow(library, settings)
        window.resize(1280, 760)
        window.show()
        window.tree_model.reload()
        window.tree.expandAll()
        issue = library.issues()[0]
        window.open_article(library.articles(issue.id)[1][0])
        library.make_backup()
        settle(app)
        window.grab().save(str(HERE / "papers-tree.png"))
        dialog = window.app_actions.show_restore()
        settle(app)
        dialog.grab().save(str(HERE / "restore-backup.png"))
        dialog.close()
        library.db.execute("VACUUM")
        pages = library.db.execute("PRAGMA page_count").fetchone()[0]
        library.db.execute(f"PRAGMA max_page_count = {pages}")
        window.tags.entry.setText("城市更新" * 3000)
        window.tags.add_entered()
        settle(app)
        box = window.findChild(QMessageBox, "libraryFailure")
        if box is not None:
            box.grab().save(str(HERE / "library-failure.png"))
        window.grab().save(str(HERE / "read-only-after-failure.png"))
        window.close()
        library.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
