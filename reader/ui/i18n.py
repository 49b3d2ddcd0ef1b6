"""The UI language: pick it (system, 中文, English), load its Qt Linguist translations live.

Translations live in ``resources/translations/baokan_<lang>.ts`` (edited with Qt Linguist,
refreshed by ``tools/update_translations.py``) beside the compiled ``.qm`` that is
loaded. The ``.qm`` is committed so bundles need no Qt tools; in a checkout a ``.qm``
older than its ``.ts`` is recompiled with ``pyside6-lrelease`` when that is at hand.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from reader.core.resources import resources_dir

SYSTEM, CHINESE, ENGLISH = "system", "zh_CN", "en"
LANGUAGES = (SYSTEM, CHINESE, ENGLISH)
LANGUAGE_NAMES = {CHINESE: "中文", ENGLISH: "English"}
"""Each language is named in itself, so that it can be found whatever the UI shows."""
DOMAIN = "baokan"

log = logging.getLogger(__name__)
_installed: list[QTranslator] = []
_shown = [ENGLISH]


def translations_dir() -> Path:
    return resources_dir() / "translations"


def resolve(language: str, locale: QLocale | None = None) -> str:
    """The language to show: ``zh_CN`` or ``en``; ``system`` follows the system locale."""
    if language in (CHINESE, ENGLISH):
        return language
    name = (locale or QLocale.system()).name()
    return CHINESE if name.startswith("zh") else ENGLISH


def lrelease() -> str | None:
    """The ``pyside6-lrelease`` beside this Python, or on PATH; None when absent."""
    beside = Path(sys.executable).with_name("pyside6-lrelease")
    return str(beside) if beside.exists() else shutil.which("pyside6-lrelease")


def compiled(language: str, folder: Path | None = None) -> Path | None:
    """The ``.qm`` for ``language``, compiled first if missing or older than the ``.ts``."""
    folder = folder or translations_dir()
    ts, qm = folder / f"{DOMAIN}_{language}.ts", folder / f"{DOMAIN}_{language}.qm"
    stale = ts.exists() and (not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime)
    tool = lrelease() if stale else None
    if tool is not None:
        try:
            subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True,
                           capture_output=True, timeout=60)
        except (OSError, subprocess.SubprocessError) as error:
            log.warning("cannot compile %s: %s", ts, error)
    return qm if qm.exists() else None


def _load(path: Path) -> QTranslator | None:
    translator = QTranslator()
    return translator if translator.load(str(path)) else None


def _translators(language: str) -> list[QTranslator]:
    found: list[QTranslator | None] = []
    qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    found.append(_load(qt_dir / f"qtbase_{language}.qm"))
    ours = compiled(language)
    found.append(_load(ours) if ours is not None else None)
    return [translator for translator in found if translator is not None]


def set_language(language: str) -> str:
    """Install the translations for ``language`` (a setting value); returns the one shown.

    Qt then sends every widget a LanguageChange event, and each window re-runs its
    ``retranslate_ui()``. English is the source language and needs no translator.
    """
    shown = resolve(language)
    app = QCoreApplication.instance()
    if app is None:
        return shown
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if shown != ENGLISH:
        for translator in _translators(shown):
            app.installTranslator(translator)
            _installed.append(translator)
    _shown[0] = shown
    return shown


def current_language() -> str:
    """The language last installed by ``set_language`` (``en`` before any)."""
    return _shown[0]
