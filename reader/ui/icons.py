"""Small icons drawn with QPainter, so they show on every system without an emoji font."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

SIZE = 16
INK = "#5b6470"
"""A mid grey that reads on light and dark backgrounds alike."""


def _canvas() -> tuple[QPixmap, QPainter]:
    pixmap = QPixmap(SIZE * 2, SIZE * 2)  # drawn at 2x: sharp on high-DPI screens
    pixmap.setDevicePixelRatio(2.0)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(QColor(INK))
    pen.setWidthF(1.4)
    painter.setPen(pen)
    return pixmap, painter


@cache
def photo_icon() -> QIcon:
    """A camera: the marker of a photo item in the tree and in search results."""
    pixmap, painter = _canvas()
    painter.drawRoundedRect(QRectF(1.5, 4.5, 13, 9), 2, 2)
    painter.drawRect(QRectF(5.5, 2.5, 5, 2))
    painter.drawEllipse(QPointF(8, 9), 2.6, 2.6)
    painter.end()
    return QIcon(pixmap)


@cache
def copy_icon() -> QIcon:
    """Two sheets: the marker of a duplicate (a copy of another item) or a fragment."""
    pixmap, painter = _canvas()
    painter.drawRect(QRectF(5.5, 1.5, 8, 10))
    painter.fillRect(QRectF(2, 4.5, 8.5, 10.5), Qt.GlobalColor.transparent)
    painter.setBrush(QColor(255, 255, 255, 0))
    painter.drawRect(QRectF(2.5, 4.5, 8, 10))
    painter.end()
    return QIcon(pixmap)


def kind_icon(kind: str, duplicate: bool = False) -> QIcon | None:
    """The tree's marker of an item: a camera for a photo, two sheets for a copy or a
    fragment, none for an ordinary article."""
    if kind == "photo":
        return photo_icon()
    if duplicate or kind == "fragment":
        return copy_icon()
    return None
