"""Library text shown as text, never as HTML.

Qt renders a tooltip, a QLabel in AutoText mode and a message box as rich text as soon as
the string looks like it starts with a tag (``Qt::mightBeRichText``). Titles, passages,
notes, tags, entity names and file names come from files we did not write: rendered as
HTML, ``<img src=/dev/zero>`` allocates until the app aborts and ``<img src=file:///…>``
makes the app open local files. So every widget that shows such text goes through here:
labels and message boxes in PlainText mode, tooltips escaped inside a rich-text wrapper
(a tooltip has no plain-text mode).
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QLabel, QLineEdit, QMessageBox, QWidget


def tip(text: str | None) -> str:
    """``text`` as a tooltip shown exactly as written (line breaks kept)."""
    if not text:
        return ""
    return f'<p style="white-space: pre-wrap">{html.escape(text)}</p>'


def label(parent: QWidget | None = None) -> QLabel:
    """A label that shows its text as text."""
    widget = QLabel(parent)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    return widget


def ask(parent: QWidget | None, title: str, question: str) -> bool:
    """A yes / no question whose text (it may quote library text) is plain text."""
    box = QMessageBox(QMessageBox.Icon.Question, title, question,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box.exec() == QMessageBox.StandardButton.Yes


def warn(parent: QWidget | None, title: str, message: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, title, message,
                      QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


def choose(parent: QWidget | None, title: str, prompt: str, items: list[str],
           editable: bool, text: str | None = None) -> str | None:
    """Pick one of ``items`` (or type one when ``editable``); the prompt is plain text.
    ``text`` is what the field starts with (None: the first item)."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(prompt)
    dialog.setComboBoxItems(items)
    dialog.setComboBoxEditable(editable)
    if text is not None:
        dialog.setTextValue(text)
    for child in dialog.findChildren(QLabel):
        child.setTextFormat(Qt.TextFormat.PlainText)
    if dialog.exec() != QInputDialog.DialogCode.Accepted:
        return None
    return dialog.textValue()


def ask_text(parent: QWidget | None, title: str, prompt: str, text: str = "") -> str | None:
    """Ask for a line of text (``text`` filled in); the prompt is plain text."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(prompt)
    dialog.setTextValue(text)
    dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
    for child in dialog.findChildren(QLabel):
        child.setTextFormat(Qt.TextFormat.PlainText)
    if dialog.exec() != QInputDialog.DialogCode.Accepted:
        return None
    return dialog.textValue()
