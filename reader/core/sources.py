"""Which files an import reads, and each one's identity: its paper and its name in the paper."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from reader.core.decode import display_name

ISSUE_SUFFIXES = (".txt", ".text")
UNSORTED = "Unsorted"
"""The paper of a file whose folder has no name (the root of a drive)."""

FileId = tuple[int, int]
"""(device, inode) of a file: the same file whatever path names it."""


@dataclass(frozen=True)
class Source:
    """One issue file to import."""

    path: Path
    """Where to read it (may hold bytes that are not UTF-8 on POSIX)."""
    paper: str
    """The publication: the imported folder's name unless the user named it."""
    key: str
    """The issue's name within its paper: its path under the imported folder (``/``)."""

    @property
    def display(self) -> str:
        return printable(self.path)


@dataclass(frozen=True)
class Skipped:
    """A path that is not imported, with the reason to show the user."""

    path: str
    reason: str


def printable(path: str | Path) -> str:
    """A path as text that can always be printed and stored (bad bytes as ``\\xNN``)."""
    return display_name(os.fspath(path))


def file_id(path: str | Path) -> FileId | None:
    """(device, inode) of ``path`` without opening it; None if it cannot be looked at."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def collect_sources(paths: Iterable[str | Path], paper: str | None = None,
                    exclude: frozenset[FileId] = frozenset()
                    ) -> tuple[list[Source], list[Skipped]]:
    """The issue files named or found (recursively, ``*.txt``) under ``paths``, in order.

    Files in ``exclude`` (the library itself, its journal and backups) are never opened;
    what cannot be read (a missing path, a FIFO or device, a folder without permission)
    is reported and the rest goes on.
    """
    sources: list[Source] = []
    skipped: list[Skipped] = []
    for raw in paths:
        _collect(Path(raw), paper, exclude, sources, skipped)
    unique: dict[Path, Source] = {}
    for source in sources:
        unique.setdefault(Path(os.path.abspath(source.path)), source)
    return list(unique.values()), skipped


def _collect(path: Path, paper: str | None, exclude: frozenset[FileId],
             sources: list[Source], skipped: list[Skipped]) -> None:
    try:
        info = os.stat(path)
    except FileNotFoundError:
        skipped.append(Skipped(printable(path), "no such file or folder"))
        return
    except OSError as error:
        skipped.append(Skipped(printable(path), f"cannot be read ({error.strerror})"))
        return
    if stat.S_ISDIR(info.st_mode):
        _walk(path, paper or _folder_name(path), exclude, sources, skipped)
    elif (info.st_dev, info.st_ino) in exclude:
        skipped.append(Skipped(printable(path), "this is the library's own file, not an issue"))
    elif not stat.S_ISREG(info.st_mode):
        skipped.append(Skipped(printable(path),
                               "not a regular file (a pipe, device or socket); not read"))
    else:
        folder = _folder_name(Path(os.path.abspath(path)).parent)
        sources.append(Source(path, paper or folder, printable(path.name)))


def _walk(root: Path, paper: str, exclude: frozenset[FileId], sources: list[Source],
          skipped: list[Skipped]) -> None:
    def unreadable(error: OSError) -> None:
        name = error.filename if error.filename is not None else root
        skipped.append(Skipped(printable(name), f"folder cannot be read ({error.strerror})"))

    for folder, dirs, files in os.walk(root, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(folder) / name
            if name.startswith(".") or path.suffix.lower() not in ISSUE_SUFFIXES:
                continue
            ident = file_id(path)
            if ident is None or ident in exclude:
                continue
            if not path.is_file():
                skipped.append(Skipped(printable(path), "not a regular file (a pipe, device "
                                       "or socket); not read"))
                continue
            key = printable(path.relative_to(root).as_posix())
            sources.append(Source(path, paper, key))


def _folder_name(path: Path) -> str:
    return printable(Path(os.path.abspath(path)).name) or UNSORTED
