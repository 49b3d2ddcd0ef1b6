"""The Preferences dialog: reading font and size, highlight colors, language, theme.

Every change is written to ``Settings`` at once and announced by ``preferences_changed``;
the window applies it live (there is no OK/Apply step, as on macOS).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal, Slot
from PySide6.QtGui import QColor, QFont, QShowEvent
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFontComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.ui import i18n, theme
from reader.ui.article_view import ArticleView, layer_names, swatch
from reader.ui.settings import DEFAULT_COLORS, FONT_SIZE_MAX, FONT_SIZE_MIN, LAYERS, Settings


class PreferencesDialog(QDialog):
    """Edits the user's preferences; each change is saved and applied immediately."""

    preferences_changed = Signal()

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self._settings = settings
        self.font_combo = QFontComboBox(self)
        self.font_combo.setObjectName("fontFamily")
        self.size_spin = QDoubleSpinBox(self)
        self.size_spin.setObjectName("fontSize")
        self.size_spin.setRange(FONT_SIZE_MIN - 1, FONT_SIZE_MAX)
        self.size_spin.setDecimals(1)
        self.size_spin.setSingleStep(1.0)
        self.color_buttons: dict[str, QPushButton] = {}
        for layer in LAYERS:
            button = QPushButton(self)
            button.setObjectName(f"color_{layer}")
            button.clicked.connect(lambda _=False, name=layer: self.ask_color(name))
            self.color_buttons[layer] = button
        self.reset_colors_button = QPushButton(self)
        self.reset_colors_button.clicked.connect(self.reset_colors)
        self.language_combo = QComboBox(self)
        self.language_combo.setObjectName("language")
        self.theme_combo = QComboBox(self)
        self.theme_combo.setObjectName("theme")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        self._layout()
        self.retranslate_ui()
        self._load()
        self.font_combo.currentFontChanged.connect(self._font_chosen)
        self.size_spin.valueChanged.connect(self._size_chosen)
        self.language_combo.currentIndexChanged.connect(self._language_chosen)
        self.theme_combo.currentIndexChanged.connect(self._theme_chosen)

    def _row(self, form: QFormLayout, field: QWidget) -> None:
        """Add ``field`` to ``form`` with a label (its text is set by retranslate_ui)."""
        label = QLabel(self)
        label.setBuddy(field)
        form.addRow(label, field)
        self._labels[field] = label

    def _layout(self) -> None:
        self._labels: dict[QWidget, QLabel] = {}
        self.reading_box = QGroupBox(self)
        self.reading_form = QFormLayout(self.reading_box)
        self._row(self.reading_form, self.font_combo)
        self._row(self.reading_form, self.size_spin)
        self.colors_box = QGroupBox(self)
        self.colors_form = QFormLayout(self.colors_box)
        for button in self.color_buttons.values():
            self._row(self.colors_form, button)
        self.colors_form.addRow(self.reset_colors_button)
        self.look_box = QGroupBox(self)
        self.look_form = QFormLayout(self.look_box)
        self._row(self.look_form, self.language_combo)
        self._row(self.look_form, self.theme_combo)
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        for widget in (self.reading_box, self.colors_box, self.look_box, self.buttons):
            layout.addWidget(widget)

    def _label(self, field: QWidget, text: str) -> None:
        self._labels[field].setText(text)

    def retranslate_ui(self) -> None:
        """Set every text (again, when the language changes)."""
        self.setWindowTitle(self.tr("Preferences"))
        self.reading_box.setTitle(self.tr("Reading"))
        self._label(self.font_combo, self.tr("Font:"))
        self._label(self.size_spin, self.tr("Size:"))
        self.size_spin.setSpecialValueText(self.tr("Default"))
        self.size_spin.setSuffix(self.tr(" pt"))
        self.colors_box.setTitle(self.tr("Highlight colors"))
        names = layer_names()
        for layer, button in self.color_buttons.items():
            self._label(button, self.tr("%1:").replace("%1", names[layer]))
            button.setText(self.tr("Choose…"))
        self.reset_colors_button.setText(self.tr("Restore default colors"))
        self.look_box.setTitle(self.tr("Appearance"))
        self._label(self.language_combo, self.tr("Language:"))
        self._label(self.theme_combo, self.tr("Theme:"))
        self._fill_combo(self.language_combo, [
            (i18n.SYSTEM, self.tr("System language")),
            *((lang, name) for lang, name in i18n.LANGUAGE_NAMES.items())])
        self._fill_combo(self.theme_combo, [
            (theme.SYSTEM, self.tr("System")), (theme.LIGHT, self.tr("Light")),
            (theme.DARK, self.tr("Dark"))])

    @staticmethod
    def _fill_combo(combo: QComboBox, items: list[tuple[str, str]]) -> None:
        """(Re)fill ``combo`` with (value, text), keeping its current value, silently."""
        current = combo.currentData()
        blocked = combo.blockSignals(True)
        combo.clear()
        for value, text in items:
            combo.addItem(text, value)
        if current is not None:
            combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(blocked)

    def _load(self) -> None:
        """Show the stored preferences (without announcing them as changes)."""
        widgets = (self.font_combo, self.size_spin, self.language_combo, self.theme_combo)
        blocked = [widget.blockSignals(True) for widget in widgets]
        if self._settings.font_family:
            self.font_combo.setCurrentFont(QFont(self._settings.font_family))
        self.size_spin.setValue(self._settings.font_size or self.size_spin.minimum())
        self.language_combo.setCurrentIndex(
            max(0, self.language_combo.findData(self._settings.language)))
        self.theme_combo.setCurrentIndex(max(0, self.theme_combo.findData(self._settings.theme)))
        for widget, was in zip(widgets, blocked, strict=True):
            widget.blockSignals(was)
        self._show_colors()

    def showEvent(self, event: QShowEvent) -> None:
        """Show what is stored now: the language or theme may have been switched from the
        View menu since the dialog was last open."""
        self._load()
        super().showEvent(event)

    def _show_colors(self) -> None:
        for layer, button in self.color_buttons.items():
            button.setIcon(swatch(self._settings.highlight_color(layer), 16))

    # ---------------------------------------------------------------- changes

    @Slot(QFont)
    def _font_chosen(self, font: QFont) -> None:
        self._settings.font_family = font.family()
        self.preferences_changed.emit()

    @Slot(float)
    def _size_chosen(self, size: float) -> None:
        self._settings.font_size = size if size >= FONT_SIZE_MIN else 0.0
        self.preferences_changed.emit()

    @Slot(int)
    def _language_chosen(self, _index: int) -> None:
        self._settings.language = str(self.language_combo.currentData())
        self.preferences_changed.emit()

    @Slot(int)
    def _theme_chosen(self, _index: int) -> None:
        self._settings.theme = str(self.theme_combo.currentData())
        self.preferences_changed.emit()

    def set_color(self, layer: str, color: str) -> None:
        """Highlight ``layer`` in ``color`` from now on."""
        self._settings.set_highlight_color(layer, color)
        self._show_colors()
        self.preferences_changed.emit()

    def ask_color(self, layer: str) -> None:
        chosen = QColorDialog.getColor(QColor(self._settings.highlight_color(layer)), self,
                                       layer_names()[layer])
        if chosen.isValid():
            self.set_color(layer, chosen.name())

    @Slot()
    def reset_colors(self) -> None:
        for layer, color in DEFAULT_COLORS.items():
            self._settings.set_highlight_color(layer, color)
        self._show_colors()
        self.preferences_changed.emit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def apply_appearance(settings: Settings, view: ArticleView) -> None:
    """Apply the stored theme, reading font and highlight colors to the app and the view."""
    dark = theme.apply_theme(settings.theme)
    view.set_reading_font(settings.font_family, settings.font_size)
    view.set_layer_colors(settings.highlight_colors(), dark)
