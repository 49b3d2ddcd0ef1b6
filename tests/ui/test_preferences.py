"""Preferences: reading font and size, highlight colors, language, theme; remembered, live."""
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QFont, QKeySequence, QPalette, QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.core.spans import to_document
from reader.library import Library
from reader.ui import i18n, theme
from reader.ui.article_view import LAYER_COLORS
from reader.ui.main_window import MainWindow
from reader.ui.settings import DEFAULT_COLORS, Settings
from tests.ui.conftest import article_titled

BUDGET = "南开区一季度完成全年预算27.2%"


@pytest.fixture(autouse=True)
def light_english() -> Iterator[None]:
    """Every test leaves the application light and in English, as it found it."""
    yield
    theme.apply_theme(theme.LIGHT)
    i18n.set_language(i18n.ENGLISH)


def make_window(qtbot: QtBot, library: Library, settings: Settings) -> MainWindow:
    window = MainWindow(library, settings)
    qtbot.addWidget(window)
    window.show()
    return window


def figure_background(window: MainWindow) -> QColor:
    """The background of the first figure highlight in the open article."""
    article = window._library.article(window.current_article() or 0)
    figure = next(h for h in window._library.highlights(article.id) if h.layer == "figure")
    position = to_document(window.view.blocks, figure.start)
    assert position is not None
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(position + 1)
    return cursor.charFormat().background().color()


def test_settings_have_typed_defaults(settings: Settings) -> None:
    assert settings.font_family == "" and settings.font_size == 0.0
    assert settings.text_zoom == 0.0 and settings.theme == "system"
    assert settings.highlight_colors() == DEFAULT_COLORS
    settings.store.setValue("highlight/person", "not a color")
    settings.store.setValue("reading/zoom", "huge")
    settings.store.setValue("ui/theme", "neon")
    assert settings.highlight_color("person") == DEFAULT_COLORS["person"]
    assert settings.text_zoom == 0.0 and settings.theme == "system"


def test_preferences_action_uses_the_platform_shortcut_and_role(qtbot: QtBot, library: Library, settings: Settings) -> None:
    window = make_window(qtbot, library, settings)
    action = window.window_actions.preferences_action
    assert action.shortcut() == QKeySequence(QKeySequence.StandardKey.Preferences)
    assert action.menuRole() == action.MenuRole.PreferencesRole
    assert action in window.window_actions.edit_menu.actions()
    action.trigger()
    assert window.corpus.preferences is not None and window.corpus.preferences.isVisible()


def test_font_and_size_apply_live_and_are_remembered(qtbot: QtBot, library: Library, settings: Settings) -> None:
    window = make_window(qtbot, library, settings)
    window.open_article(article_titled(library, BUDGET))
    dialog = window.corpus.show_preferences()
    family = QFont("DejaVu Serif").family()
    dialog.font_combo.setCurrentFont(QFont(family))
    dialog.size_spin.setValue(15.0)
    assert settings.font_family == dialog.font_combo.currentFont().family()
    assert settings.font_size == 15.0
    assert window.view.text_size() == 15.0
    assert window.view.document().defaultFont().family() == settings.font_family
    window.window_actions.zoom_in_action.trigger()
    window.window_actions.zoom_in_action.trigger()
    assert settings.text_zoom == 2.0
    window.close()
    again = make_window(qtbot, library, settings)
    assert again.view.zoom() == 2.0
    assert again.view.text_size() == 17.0
    assert again.view.reading_font().family() == settings.font_family


def test_highlight_color_applies_live(qtbot: QtBot, library: Library, settings: Settings) -> None:
    window = make_window(qtbot, library, settings)
    window.open_article(article_titled(library, BUDGET))
    assert figure_background(window) == QColor(LAYER_COLORS["figure"])
    dialog = window.corpus.show_preferences()
    dialog.set_color("figure", "#ff00ff")
    assert settings.highlight_color("figure") == "#ff00ff"
    assert figure_background(window) == QColor("#ff00ff")
    dialog.reset_colors()
    assert figure_background(window) == QColor(LAYER_COLORS["figure"])


def test_dark_theme_darkens_the_palette_and_the_highlights(qtbot: QtBot, library: Library, settings: Settings) -> None:
    window = make_window(qtbot, library, settings)
    window.open_article(article_titled(library, BUDGET))
    dialog = window.corpus.show_preferences()
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData(theme.DARK))
    assert settings.theme == "dark"
    palette = QApplication.palette()
    assert theme.is_dark(palette)
    assert palette.color(QPalette.ColorRole.Window).lightnessF() < 0.3
    background = figure_background(window)
    assert background.lightnessF() < 0.4
    assert background.hslSaturationF() < QColor(LAYER_COLORS["figure"]).hslSaturationF()
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData(theme.LIGHT))
    assert not theme.is_dark(QApplication.palette())
    assert figure_background(window) == QColor(LAYER_COLORS["figure"])


def test_system_theme_follows_the_color_scheme(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(theme, "system_is_dark", lambda: True)
    assert theme.wants_dark(theme.SYSTEM) and theme.apply_theme(theme.SYSTEM)
    monkeypatch.setattr(theme, "system_is_dark", lambda: False)
    assert not theme.wants_dark(theme.SYSTEM) and not theme.apply_theme(theme.SYSTEM)
    assert theme.wants_dark(theme.DARK) and not theme.wants_dark(theme.LIGHT)


def test_language_choice_switches_live_like_the_view_menu(qtbot: QtBot, library: Library, settings: Settings) -> None:
    window = make_window(qtbot, library, settings)
    dialog = window.corpus.show_preferences()
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData(i18n.CHINESE))
    assert settings.language == i18n.CHINESE
    assert i18n.current_language() == i18n.CHINESE
    assert window.app_actions.language_actions[i18n.CHINESE].isChecked()
    qtbot.waitUntil(lambda: window.window_actions.file_menu.title() == "文件(&F)")
    assert dialog.windowTitle() == "偏好设置"
    assert dialog.theme_combo.itemText(2) == "深色"
    window.app_actions.set_language(i18n.ENGLISH)
    qtbot.waitUntil(lambda: window.window_actions.file_menu.title() == "&File")
    assert dialog.windowTitle() == "Preferences"
