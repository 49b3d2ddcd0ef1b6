"""List rows of plain text with some spans emphasised (search hits, an entity in its
sentence), drawn with QTextLayout formats: the text is never parsed as HTML."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

EMPHASIS_ROLE = Qt.ItemDataRole.UserRole + 20
"""A row's spans to emphasise: a list of (start, end) into its display text."""
HIT_COLOR, HIT_COLOR_DARK = "#ffb86b", "#7a4a1c"
"""The background of an emphasised span: orange, apart from the entity and figure colours
(green, pink, blue, yellow) and from the find marks; a dark tone on a dark theme."""

Index = QModelIndex | QPersistentModelIndex


def emphasis_ranges(spans: list[tuple[int, int]], length: int, dark: bool
                    ) -> list[QTextLayout.FormatRange]:
    """The layout formats of ``spans`` (clamped to the text): bold on the hit colour."""
    ranges = []
    for start, end in spans:
        start, end = max(0, start), min(length, end)
        if start >= end:
            continue
        fmt = QTextCharFormat()
        fmt.setFontWeight(QFont.Weight.Bold)
        fmt.setBackground(QBrush(QColor(HIT_COLOR_DARK if dark else HIT_COLOR)))
        piece = QTextLayout.FormatRange()
        piece.start, piece.length, piece.format = start, end - start, fmt
        ranges.append(piece)
    return ranges


def _layout(text: str, font: QFont, width: float) -> tuple[QTextLayout, float]:
    """``text`` laid out in lines of ``width``; returns the layout and its height."""
    layout = QTextLayout(text.replace("\n", "\u2028"), font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    height = 0.0
    while (line := layout.createLine()).isValid():
        line.setLineWidth(max(width, 10.0))
        line.setPosition(QPointF(0, height))
        height += line.height()
    layout.endLayout()
    return layout, height


class MarkedTextDelegate(QStyledItemDelegate):
    """Draws a row's display text wrapped, with its EMPHASIS_ROLE spans in bold on the hit
    colour; rows without spans are drawn the same way, so all rows look alike."""

    MARGIN = 4

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        text, item.text = item.text, ""
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is None:
            return
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, item, widget)
        layout, _height = _layout(text, item.font, rect.width() - 2 * self.MARGIN)
        dark = item.palette.color(QPalette.ColorRole.Base).lightnessF() < 0.5
        selected = bool(item.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorGroup.Normal
        painter.save()
        painter.setPen(item.palette.color(group, QPalette.ColorRole.HighlightedText if selected
                                          else QPalette.ColorRole.Text))
        spans = index.data(EMPHASIS_ROLE) or []
        layout.draw(painter, QPointF(rect.left() + self.MARGIN, rect.top() + 2),
                    emphasis_ranges(spans, len(text), dark))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        widget = option.widget
        width = widget.viewport().width() if isinstance(widget, QWidget) and hasattr(
            widget, "viewport") else option.rect.width()
        _unused, height = _layout(item.text, item.font, width - 2 * self.MARGIN - 8)
        return QSize(width, int(height) + 6)
