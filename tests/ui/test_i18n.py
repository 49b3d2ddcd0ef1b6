"""UI language: system default, the View → Language switch live, complete zh_CN translations."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from pytestqt.qtbot import QtBot

from reader.library import Library
from reader.ui import i18n
from reader.ui.layout import window_title
from reader.ui.main_window import MainWindow
from reader.ui.settings import Settings
from tests.conftest import ROOT

TS = ROOT / "resources" / "translations" / "baokan_zh_CN.ts"


@pytest.fixture
def window(qtbot: QtBot, library: Library, settings: Settings) -> Iterator[MainWindow]:
    shown = MainWindow(library, settings)
    qtbot.addWidget(shown)
    shown.show()
    yield shown
    i18n.set_language(i18n.ENGLISH)


def menu_titles(window: MainWindow) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


@pytest.mark.parametrize(("locale", "shown"), [
    ("zh_CN", "zh_CN"), ("zh_TW", "zh_CN"), ("en_US", "en"), ("de_DE", "en"), ("C", "en")])
def test_system_language_follows_the_locale(locale: str, shown: str) -> None:
    assert i18n.resolve(i18n.SYSTEM, QLocale(locale)) == shown
    assert i18n.resolve(i18n.ENGLISH, QLocale("zh_CN")) == "en"
    assert i18n.resolve(i18n.CHINESE, QLocale("en_US")) == "zh_CN"


def test_language_setting_defaults_to_the_system_and_is_kept(settings: Settings) -> None:
    assert settings.language == "system"
    settings.language = "zh_CN"
    assert settings.language == "zh_CN"
    settings.store.setValue("ui/language", "klingon")
    assert settings.language == "system"


def test_switching_to_chinese_retranslates_the_menus_and_back(qtbot: QtBot, window: MainWindow,
                                                              settings: Settings) -> None:
    assert menu_titles(window)[0] == "&File"
    window.app_actions.language_actions["zh_CN"].trigger()
    qtbot.waitUntil(lambda: menu_titles(window)[0] == "文件(&F)")
    titles = menu_titles(window)
    assert "视图(&V)" in titles and titles[-1] == "帮助(&H)"
    assert window.app_actions.import_files_action.text() == "导入文件(&I)…"
    assert window_title("通知", True, False) == "通知 (只读)"
    assert settings.language == "zh_CN"
    assert i18n.current_language() == "zh_CN"
    window.app_actions.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: menu_titles(window)[0] == "&File")
    assert menu_titles(window)[-1] == "&Help"
    assert settings.language == "en"


def test_chinese_plurals_and_qt_own_strings_are_translated(window: MainWindow) -> None:
    i18n.set_language(i18n.CHINESE)
    assert QCoreApplication.translate("SearchPane", "%n article(s) found.", "", 3) == \
        "找到 3 篇文章。"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"


def test_a_missing_or_stale_qm_is_compiled_from_the_ts(tmp_path: Path) -> None:
    if i18n.lrelease() is None:
        pytest.skip("pyside6-lrelease is not installed")
    (tmp_path / TS.name).write_bytes(TS.read_bytes())
    qm = i18n.compiled("zh_CN", tmp_path)
    assert qm is not None and qm.stat().st_size > 1000


def test_every_string_is_translated() -> None:
    root = ET.parse(TS).getroot()
    unfinished = [message.findtext("source") for message in root.iter("message")
                  if message.find("translation").get("type") == "unfinished"]  # type: ignore[union-attr]
    assert unfinished == []
    assert len(list(root.iter("message"))) > 100


def test_the_ts_holds_every_string_of_the_sources() -> None:
    if i18n.lrelease() is None:
        pytest.skip("the Qt Linguist tools are not installed")
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "update_translations.py"),
                             "--check"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
