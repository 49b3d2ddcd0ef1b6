"""File dialogs that never open the library's own files.

On POSIX systems SQLite's locks are advisory locks held per process: when any code in
the process opens and closes the library file (a dialog sniffing its MIME type to pick
an icon, a thumbnailer, a preview), the kernel drops every lock the process holds on it,
and another process may then delete the WAL under the window ("How To Corrupt An SQLite
Database File", section 2.2). So every file dialog of the app is Qt's own dialog, with
an icon provider that decides by kind alone (folder or file) and never reads a file, and
a filter that hides the library, its journal, lock and backups from the listing. The
platform's native dialogs run code we cannot vouch for (shell extensions, previews), so
they are not used.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import (
    QFileInfo,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
)
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import QApplication, QFileDialog, QFileSystemModel, QStyle, QWidget

Index = QModelIndex | QPersistentModelIndex


class KindIconProvider(QAbstractFileIconProvider):
    """Folder, file and drive icons from the style, chosen without looking into the file."""

    def __init__(self) -> None:
        super().__init__()
        style = QApplication.style()
        self._icons = {
            "folder": style.standardIcon(QStyle.StandardPixmap.SP_DirIcon),
            "file": style.standardIcon(QStyle.StandardPixmap.SP_FileIcon),
            "drive": style.standardIcon(QStyle.StandardPixmap.SP_DriveHDIcon),
            "computer": style.standardIcon(QStyle.StandardPixmap.SP_ComputerIcon),
        }

    def icon(self, which: object) -> QIcon:
        if isinstance(which, QFileInfo):
            if which.isRoot():
                return self._icons["drive"]
            return self._icons["folder" if which.isDir() else "file"]
        kinds = {QAbstractFileIconProvider.IconType.Computer: "computer",
                 QAbstractFileIconProvider.IconType.Drive: "drive",
                 QAbstractFileIconProvider.IconType.Folder: "folder"}
        return self._icons[kinds.get(which, "file")]  # type: ignore[call-overload]

    def type(self, info: QFileInfo) -> str:
        return "Folder" if info.isDir() else "File"


_PROVIDER: KindIconProvider | None = None


def icon_provider() -> KindIconProvider:
    """The one icon provider of every file dialog (created once, on the GUI thread)."""
    global _PROVIDER
    if _PROVIDER is None:
        _PROVIDER = KindIconProvider()
    return _PROVIDER


class HideFiles(QSortFilterProxyModel):
    """Hides the given files, and everything inside the given folders, from a dialog."""

    def __init__(self, files: Iterable[Path], folders: Iterable[Path],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._files = {os.path.normcase(os.path.realpath(p)) for p in files}
        self._folders = [os.path.normcase(os.path.realpath(p)) + os.sep for p in folders]

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, QFileSystemModel):
            return True
        path = model.filePath(model.index(source_row, 0, source_parent))
        real = os.path.normcase(os.path.realpath(path))
        return real not in self._files and not any(real.startswith(f) for f in self._folders)


def library_files(library_path: str | Path) -> tuple[list[Path], list[Path]]:
    """The files and folders of a library that a dialog must not touch."""
    if str(library_path) == ":memory:":
        return [], []
    path = Path(library_path)
    files = [path, *(path.with_name(path.name + s) for s in ("-wal", "-shm", "-journal",
                                                            ".lock"))]
    return files, [path.with_name(path.name + ".backups")]


def safe_dialog(parent: QWidget | None, caption: str, folder: Path, library_path: str | Path,
                name_filter: str = "") -> QFileDialog:
    """A file dialog that never opens the library's files (see the module's docstring)."""
    dialog = QFileDialog(parent, caption, str(folder), name_filter)
    dialog.setObjectName("fileDialog")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setIconProvider(icon_provider())
    files, folders = library_files(library_path)
    dialog.setProxyModel(HideFiles(files, folders, dialog))
    return dialog


def open_files_dialog(parent: QWidget | None, caption: str, folder: Path,
                      library_path: str | Path, name_filter: str) -> QFileDialog:
    dialog = safe_dialog(parent, caption, folder, library_path, name_filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    return dialog


def folder_dialog(parent: QWidget | None, caption: str, folder: Path,
                  library_path: str | Path) -> QFileDialog:
    dialog = safe_dialog(parent, caption, folder, library_path)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    return dialog


def save_dialog(parent: QWidget | None, caption: str, suggested: Path,
                library_path: str | Path, name_filter: str) -> QFileDialog:
    dialog = safe_dialog(parent, caption, suggested.parent, library_path, name_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.selectFile(suggested.name)
    return dialog


def chosen(dialog: QFileDialog) -> list[Path]:
    """Run the dialog; the paths chosen, [] when cancelled."""
    if dialog.exec() != QFileDialog.DialogCode.Accepted:
        return []
    return [Path(name) for name in dialog.selectedFiles()]
