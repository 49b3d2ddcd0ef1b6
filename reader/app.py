"""Composition root of the desktop app: QApplication, settings, library, main window."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from reader import __version__
from reader.core.resources import resources_dir
from reader.library import Library, StorageError
from reader.ui import i18n
from reader.ui.instance import LibraryLock
from reader.ui.main_window import MainWindow
from reader.ui.settings import APPLICATION, ORGANIZATION, Settings


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="baokan", description="Baokan Reader (报刊阅读器)")
    parser.add_argument("--db", type=Path, default=None,
                        help="library file (default: $BAOKAN_DB or the user data dir)")
    parser.add_argument("--import-samples", action="store_true",
                        help="import the sample issues into an empty library without asking")
    args, _qt_args = parser.parse_known_args(list(argv) if argv is not None else [])
    return args


def application(argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication (an existing one is reused), named for settings and the desktop."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication([sys.argv[0] if sys.argv else "baokan", *(argv or [])])
    QGuiApplication.setApplicationDisplayName("报刊阅读器 Baokan Reader")
    app.setWindowIcon(app_icon())
    return app


def app_icon() -> QIcon:
    """The application's icon (a stylised 报 on a newspaper page), from resources/icons."""
    return QIcon(str(resources_dir() / "icons" / "baokan.svg"))


def offer_samples(window: MainWindow, library: Library, ask: bool) -> None:
    """When the library is empty, import the sample issues (asking first unless told not to)."""
    if library.readonly or library.issues():
        return
    if ask:
        answer = QMessageBox.question(
            window, QCoreApplication.translate("MainWindow", "Empty library"),
            QCoreApplication.translate(
                "MainWindow", "The library has no issues yet. Import the sample issues?"))
        if answer != QMessageBox.StandardButton.Yes:
            return
    window.app_actions.import_samples()


def warn_read_only(lock: LibraryLock) -> None:
    """Tell the user that another instance has the library: this one only reads it."""
    holder = lock.holder()
    QMessageBox.warning(
        None, QCoreApplication.translate("MainWindow", "Library in use"),
        QCoreApplication.translate(
            "MainWindow", "Another Baokan Reader (process %1) is using this library. It is "
            "opened read-only: you can read and search, but not change it.")
        .replace("%1", str(holder) if holder is not None else "?"))


def open_library(path: Path | None, ask: bool = True) -> tuple[Library, LibraryLock | None]:
    """The library, writable if this instance got its lock, else read-only (after a warning).

    Raises StorageError when the file cannot be opened at all (not a library, a folder);
    a damaged library opens read-only, and the user is told the way out.
    """
    library_path = Library.resolve_path(path)
    if str(library_path) == ":memory:":
        return Library(library_path), None
    lock = LibraryLock(library_path)
    if lock.acquire():
        try:
            library = Library(library_path)
        except StorageError:
            lock.release()
            raise
        if library.damage and ask:
            warn_damaged(library)
        return library, lock
    if ask:
        warn_read_only(lock)
    return Library(library_path, readonly=True), None


def warn_damaged(library: Library) -> None:
    """The library failed its check on opening: it is read-only; say what to do."""
    QMessageBox.warning(
        None, QCoreApplication.translate("MainWindow", "The library is damaged"),
        QCoreApplication.translate(
            "MainWindow", "The library failed its check on opening:\n%1\n\nIt is opened "
            "read-only so that nothing more is lost. Restore a backup (Help → Restore a "
            "backup), or close Baokan Reader and run “baokan repair”, which copies what can "
            "still be read into a new file and keeps the damaged one.")
        .replace("%1", "; ".join(library.damage[:3])))


def refuse_library(path: Path | None, error: Exception) -> int:
    """A library that cannot be opened: a dialog that says why (never a silent exit)."""
    box = QMessageBox(QMessageBox.Icon.Critical,
                      QCoreApplication.translate("MainWindow", "Cannot open the library"),
                      QCoreApplication.translate(
                          "MainWindow", "Baokan Reader cannot open the library %1:\n%2\n\n"
                          "Choose another file with “baokan --db FILE”, or restore a backup "
                          "with “baokan backup --list” and “--restore”.")
                      .replace("%1", str(Library.resolve_path(path))).replace("%2", str(error)),
                      QMessageBox.StandardButton.Close)
    box.setObjectName("cannotOpen")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()
    return 2


def build(args: argparse.Namespace, settings: Settings | None = None,
          ask: bool = True) -> tuple[MainWindow, Library]:
    """Open the library and the window, ready to show."""
    settings = settings or Settings()
    i18n.set_language(settings.language)
    library, lock = open_library(args.db, ask)
    window = MainWindow(library, settings)
    window.library_lock = lock
    window.show()
    offer_samples(window, library, ask and not args.import_samples)
    window.restore_last_article()
    window.app_actions.start_daily_backup()
    window.analysis_refresh.start()
    return window, library


def main(argv: Sequence[str] | None = None) -> int:
    """Run the app; returns the exit status."""
    args = parse_args(argv)
    app = application(argv)
    try:
        window, library = build(args)
    except StorageError as error:
        return refuse_library(args.db, error)
    try:
        return app.exec()
    finally:
        if window.library_lock is not None:
            window.library_lock.release()
        window.deleteLater()
        library.close()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
