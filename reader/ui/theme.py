"""The window theme (system, light, dark) and highlight colors that stay readable on it.

``dark`` installs a dark QPalette; ``light`` the style's standard palette; ``system``
follows ``QStyleHints.colorScheme()`` and is applied again when the system switches.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

SYSTEM, LIGHT, DARK = "system", "light", "dark"
THEMES = (SYSTEM, LIGHT, DARK)
DARK_TEXT, LIGHT_TEXT = "#f0f0f0", "#1a1a1a"
"""The text color over a highlight, on a dark and on a light background."""


def dark_palette() -> QPalette:
    """A calm dark palette (greys, not black) with a blue selection."""
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    palette = QPalette()
    colors = {
        role.Window: "#2b2b2b", role.WindowText: "#e6e6e6", role.Base: "#1f1f1f",
        role.AlternateBase: "#2a2a2a", role.ToolTipBase: "#3a3a3a", role.ToolTipText: "#f0f0f0",
        role.PlaceholderText: "#8a8a8a", role.Text: "#e6e6e6", role.Button: "#353535",
        role.ButtonText: "#e6e6e6", role.BrightText: "#ff6b6b", role.Light: "#4a4a4a",
        role.Midlight: "#3e3e3e", role.Mid: "#2f2f2f", role.Dark: "#1a1a1a",
        role.Shadow: "#000000", role.Highlight: "#3d6fb4", role.HighlightedText: "#ffffff",
        role.Link: "#7fb0ff", role.LinkVisited: "#c49bff",
    }
    for color_role, color in colors.items():
        palette.setColor(color_role, QColor(color))
    for color_role in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(group.Disabled, color_role, QColor("#7a7a7a"))
    return palette


def system_is_dark() -> bool:
    """Whether the system asks for a dark color scheme."""
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def wants_dark(theme: str) -> bool:
    """Whether ``theme`` (a setting value) means a dark window now."""
    return theme == DARK or (theme not in (LIGHT, DARK) and system_is_dark())


def apply_theme(theme: str) -> bool:
    """Give the application the palette of ``theme``; returns True when it is dark."""
    app = QApplication.instance()
    dark = wants_dark(theme)
    if isinstance(app, QApplication):
        style = app.style()
        app.setPalette(dark_palette() if dark else style.standardPalette())
    return dark


def is_dark(palette: QPalette) -> bool:
    """Whether text is drawn on a dark background with this palette."""
    return palette.color(QPalette.ColorRole.Base).lightnessF() < 0.5


def on_dark(color: str) -> str:
    """A highlight color for a dark background: the same hue, darker and less saturated."""
    source = QColor(color)
    hue, saturation = source.hslHueF(), source.hslSaturationF()
    return QColor.fromHslF(max(hue, 0.0), saturation * 0.55, 0.30, 1.0).name()


def shown_color(color: str, dark: bool) -> str:
    """The highlight color as drawn: ``color`` itself on light, toned down on dark."""
    return on_dark(color) if dark else QColor(color).name()


def text_over_highlight(dark: bool) -> str:
    return DARK_TEXT if dark else LIGHT_TEXT
