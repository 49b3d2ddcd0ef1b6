"""The reading view: one article rendered from stored text, with highlights as formats."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import cache
from typing import Any, NamedTuple

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QPointF, QRectF, Qt, Signal, Slot
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QContextMenuEvent,
    QFont,
    QFontDatabase,
    QHelpEvent,
    QIcon,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPixmap,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextLine,
)
from PySide6.QtWidgets import QMenu, QTextBrowser, QTextEdit, QToolTip, QWidget

from reader.core.records import ArticleRow, Highlight
from reader.core.spans import Block, document_spans, to_body, to_document
from reader.core.textrules import title_roles as line_roles
from reader.ui import plain
from reader.ui.settings import DEFAULT_COLORS
from reader.ui.settings import LAYERS as SETTING_LAYERS
from reader.ui.theme import LIGHT_TEXT, shown_color, text_over_highlight

LAYERS = SETTING_LAYERS
LAYER_COLORS = DEFAULT_COLORS
LAYER_PROPERTY = QTextCharFormat.Property.UserProperty + 1
"""The layer a highlighted character belongs to, kept in its char format."""
MARK_LAYERS = ("notes", "terms", "find", "current")
"""Overlays drawn as ExtraSelections over the text, later ones on top."""
ZOOM_STEP = 1.0
MUTED, MUTED_ON_DARK = "#666666", "#a8a8a8"
"""The colour of bylines, captions and credits on a light and on a dark background."""
CJK_FAMILIES = (
    "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "STSong", "SimSun", "NSimSun",
    "Noto Serif SC", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC",
    "Microsoft YaHei", "Hiragino Sans GB", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei",
    "Noto Sans SC",
)
"""Reading fonts for Chinese, best first: a Song (serif) face as in print, then the
system's sans faces (Linux, macOS, Windows)."""
ZOOM_MIN, ZOOM_MAX = -6.0, 16.0


def tr(text: str) -> str:
    return QCoreApplication.translate("ArticleView", text)


def layer_names() -> dict[str, str]:
    return {"person": tr("People"), "place": tr("Places"), "org": tr("Organizations"),
            "figure": tr("Figures")}


# ---------------------------------------------------------------- pure helpers


def placed_highlights(highlights: Iterable[Highlight], blocks: Sequence[Block],
                      layers: Iterable[str] = LAYERS) -> list[tuple[int, int, Highlight]]:
    """(doc_start, doc_end, highlight) of the shown layers, split at paragraph ends."""
    shown = set(layers)
    return [(start, end, highlight) for highlight in highlights if highlight.layer in shown
            for start, end in document_spans(blocks, highlight.start, highlight.end)]


def highlight_spans(highlights: Iterable[Highlight], blocks: Sequence[Block],
                    layers: Iterable[str] = LAYERS) -> list[tuple[int, int, str]]:
    """(doc_start, doc_end, layer) spans to format, for the shown layers."""
    return [(s, e, h.layer) for s, e, h in placed_highlights(highlights, blocks, layers)]


def figure_kind_names() -> dict[str, str]:
    """The kinds of figure (docs/analysis.md) as the UI names them."""
    return {"money": tr("money"), "percent": tr("percent"), "ppt": tr("percentage points"),
            "area": tr("area"), "measure": tr("measure"), "count": tr("count"),
            "duration": tr("duration"), "date": tr("date"), "period": tr("period"),
            "number": tr("number")}


def figure_kind_name(kind: str) -> str:
    return figure_kind_names().get(kind, kind)


def format_value(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.6g}"


def tooltip(highlight: Highlight) -> str:
    """What hovering a highlight says: its type, canonical name, or a figure's value."""
    if highlight.layer != "figure":
        kinds = {"person": tr("Person"), "place": tr("Place"), "org": tr("Organization")}
        return f"{kinds.get(highlight.layer, highlight.layer)} · {highlight.label}"
    text = tr("Figure (%1)").replace("%1", figure_kind_name(highlight.label))
    if highlight.value is not None:
        text += f" · {format_value(highlight.value)} {highlight.unit}".rstrip()
    return text


def title_roles(lines: Sequence[str]) -> list[tuple[str, str]]:
    """(role, line) for the title lines: kicker, title or subtitle by position and form
    (``reader.core.textrules.title_roles``), never by length."""
    return list(zip(line_roles(list(lines)), lines, strict=True))


class Mark(NamedTuple):
    """An overlay over document positions ``start``..``end`` (a note, a find match).

    A find or search mark is drawn as a background (an ExtraSelection); a note's mark
    (``note_id`` set) as a tint and a bar under its lines, painted over the text, so it
    never hides an entity's colour and reads the same on a dark theme. ``label`` is what
    hovering it says (the note's text)."""

    start: int
    end: int
    color: str
    underline: bool = False
    note_id: int | None = None
    label: str = ""


def mark_selection(document: QTextDocument, mark: Mark) -> QTextEdit.ExtraSelection:
    """The ExtraSelection that draws ``mark``; the text itself is untouched. Marks are
    light, so their text is dark on any theme."""
    selection = QTextEdit.ExtraSelection()
    cursor = QTextCursor(document)
    cursor.setPosition(mark.start)
    cursor.setPosition(mark.end, QTextCursor.MoveMode.KeepAnchor)
    selection.cursor = cursor
    fmt = QTextCharFormat()
    fmt.setBackground(QBrush(QColor(mark.color)))
    fmt.setForeground(QBrush(QColor(LIGHT_TEXT)))
    if mark.underline:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(QColor(mark.color).darker(220))
    selection.format = fmt
    return selection


NOTE_BAR = 3.0
"""Pixels of the coloured bar drawn under a noted passage's lines."""
NOTE_TINT_ALPHA = 56
"""How strongly a noted passage is tinted with its note's colour (of 255)."""


def x_of(line: QTextLine, position: int) -> float:
    """The x of the cursor before ``position`` (in its block) on ``line``."""
    found: Any = line.cursorToX(position)  # PySide6 answers (x, position)
    return float(found[0] if isinstance(found, tuple) else found)


def line_rects(document: QTextDocument, start: int, end: int) -> list[QRectF]:
    """Document rectangles of the text ``start``..``end``, one per line it spans."""
    layout = document.documentLayout()
    rects = []
    block = document.findBlock(start)
    while block.isValid() and block.position() < end:
        origin = layout.blockBoundingRect(block).topLeft()
        text_layout = block.layout()
        for number in range(text_layout.lineCount()):
            line = text_layout.lineAt(number)
            first = block.position() + line.textStart()
            low, high = max(start, first), min(end, first + line.textLength())
            if low >= high:
                continue
            left = x_of(line, low - block.position())
            right = x_of(line, high - block.position())
            rects.append(QRectF(origin.x() + left, origin.y() + line.y(), right - left,
                                line.height()))
        block = block.next()
    return rects


def swatch(color: str, size: int = 12) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


def preferred_family(available: Iterable[str]) -> str:
    """The first of ``CJK_FAMILIES`` among ``available`` font families ('' if none)."""
    present = set(available)
    return next((family for family in CJK_FAMILIES if family in present), "")


@cache
def default_reading_family() -> str:
    """The reading font when the reader chose none: a CJK face installed here, if any."""
    return preferred_family(QFontDatabase.families())


# ---------------------------------------------------------------- the widget


class ArticleView(QTextBrowser):
    """Read-only view of one article; text is inserted as text, never parsed as HTML."""

    layers_changed = Signal()
    article_shown = Signal()
    text_size_changed = Signal(float)
    note_clicked = Signal(int)
    """A noted passage was clicked: the id of its note."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setReadOnly(True)
        # Read-only, but the keyboard selects like the mouse (Shift+arrows, Shift+End …),
        # so a passage can be noted without a mouse.
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setObjectName("articleView")
        self._text: ArticleRow | None = None
        self._highlights: list[Highlight] = []
        self._blocks: list[Block] = []
        self._lines: list[LineKey] = []
        self._line_menu: Callable[[int, LineKey], QMenu | None] | None = None
        self._marks: dict[str, list[Mark]] = {}
        self._zoom = 0.0
        self._colors = dict(LAYER_COLORS)
        self._dark = False
        self._family = ""
        self._base_size = 0.0
        self._context_actions: list[QAction] = []
        self.layer_actions = self._make_layer_actions()

    def _make_layer_actions(self) -> dict[str, QAction]:
        actions = {}
        for layer in LAYERS:
            action = QAction(swatch(LAYER_COLORS[layer]), "", self)
            action.setCheckable(True)
            action.setChecked(True)
            action.setObjectName(f"layer_{layer}")
            action.toggled.connect(self._layer_toggled)
            actions[layer] = action
        self.retranslate_ui()
        return actions

    def retranslate_ui(self) -> None:
        self.setPlaceholderText(tr("Choose an article in the tree on the left, or search the "
                                   "library with Ctrl+Shift+F."))
        names = layer_names()
        for layer, action in getattr(self, "layer_actions", {}).items():
            action.setText(names[layer])
            action.setToolTip(tr("Show or hide the highlights of %1").replace("%1",
                                                                              names[layer]))

    # ---------------------------------------------------------------- state

    def shown_layers(self) -> list[str]:
        return [layer for layer, action in self.layer_actions.items() if action.isChecked()]

    @property
    def blocks(self) -> list[Block]:
        return list(self._blocks)

    def article_id(self) -> int | None:
        return self._text.id if self._text else None

    def article_title(self) -> str:
        return self._text.title if self._text else ""

    # ---------------------------------------------------------------- rendering

    def show_article(self, text: ArticleRow, highlights: Sequence[Highlight]) -> None:
        """Render ``text`` and format its highlights."""
        self._text = text
        self._highlights = list(highlights)
        self._marks.clear()
        self._render()
        self.article_shown.emit()

    def clear_article(self) -> None:
        self._text = None
        self._highlights = []
        self._blocks = []
        self._lines = []
        self._marks.clear()
        self.setDocument(QTextDocument(self))
        self.article_shown.emit()

    @Slot(bool)
    def _layer_toggled(self, _checked: bool) -> None:
        self._rerender()
        self.layers_changed.emit()

    def _render(self) -> None:
        assert self._text is not None
        document = QTextDocument(self)
        document.setDefaultFont(self._reading_font())
        document.setDocumentMargin(24)
        cursor = QTextCursor(document)
        self._blocks, self._lines = write_article(cursor, self._text, self.text_size(),
                                                  MUTED_ON_DARK if self._dark else MUTED)
        for start, end, highlight in placed_highlights(self._highlights, self._blocks,
                                                       self.shown_layers()):
            apply_highlight(cursor, start, end, highlight, self.layer_color(highlight.layer),
                            text_over_highlight(self._dark))
        self.setDocument(document)
        self._apply_marks()

    def _reading_font(self) -> QFont:
        font = QFont(self.font())
        family = self._family or default_reading_family()
        if family:
            font.setFamily(family)
        font.setPointSizeF(max(11.0, self.text_size() * 1.25))
        return font

    def _rerender(self) -> None:
        """Render again (same text, so document positions and marks stay), keeping the scroll."""
        if self._text is not None:
            scroll = self.verticalScrollBar().value()
            self._render()
            self.verticalScrollBar().setValue(scroll)

    # ---------------------------------------------------------------- text size

    def text_size(self) -> float:
        """The point size of body text: the reading size (or the widget's) plus the zoom."""
        return max(4.0, (self._base_size or self.font().pointSizeF()) + self._zoom)

    def set_reading_font(self, family: str, size: float) -> None:
        """Read in ``family`` at ``size`` points (``""`` and 0: the widget's font)."""
        if (family, size) != (self._family, self._base_size):
            self._family, self._base_size = family, size
            self._rerender()
            self.text_size_changed.emit(self.text_size())

    def reading_font(self) -> QFont:
        """The font body text is drawn in."""
        return self._reading_font()

    # ---------------------------------------------------------------- colors

    def set_layer_colors(self, colors: dict[str, str], dark: bool) -> None:
        """Highlight each layer in ``colors`` (light-background colors), toned down if dark."""
        self._colors = {layer: colors.get(layer, LAYER_COLORS[layer]) for layer in LAYERS}
        self._dark = dark
        for layer, action in self.layer_actions.items():
            action.setIcon(swatch(self.layer_color(layer)))
        self._rerender()

    def layer_color(self, layer: str) -> str:
        """The background a highlight of ``layer`` is drawn with now."""
        return shown_color(self._colors.get(layer, "#eeeeee"), self._dark)

    def set_zoom(self, zoom: float) -> None:
        """Make body text ``zoom`` points larger (smaller when negative) than the font."""
        zoom = min(ZOOM_MAX, max(ZOOM_MIN, zoom))
        if zoom != self._zoom:
            self._zoom = zoom
            self._rerender()
            self.text_size_changed.emit(self.text_size())

    def zoom(self) -> float:
        return self._zoom

    @Slot()
    def zoom_in(self) -> None:
        self.set_zoom(self._zoom + ZOOM_STEP)

    @Slot()
    def zoom_out(self) -> None:
        self.set_zoom(self._zoom - ZOOM_STEP)

    @Slot()
    def reset_zoom(self) -> None:
        """Back to the reading size chosen in Preferences (Ctrl+0)."""
        self.set_zoom(0.0)

    # ---------------------------------------------------------------- context menu

    def set_context_actions(self, actions: Sequence[QAction]) -> None:
        """Actions offered first in the context menu (e.g. Add note), before Copy."""
        self._context_actions = list(actions)

    def set_line_menu(self, factory: Callable[[int, LineKey], QMenu | None]) -> None:
        """``factory(article id, line)`` gives the submenu for a line (split, roles …)."""
        self._line_menu = factory

    def line_at(self, position: int) -> LineKey | None:
        """The article line shown at document ``position``, if any."""
        number = self.document().findBlock(position).blockNumber()
        return self._lines[number] if 0 <= number < len(self._lines) else None

    def line_at_point(self, point: QPoint) -> LineKey | None:
        """The article line under ``point`` (viewport coordinates)."""
        return self.line_at(self.cursorForPosition(point).position())

    def context_menu(self, position: QPoint) -> QMenu:
        """The context menu at ``position`` (viewport coordinates): our actions, then the
        line's layout submenu, then the standard Copy and Select All."""
        menu = self._standard_menu(position)
        line = self.line_at_point(position)
        if self._line_menu is not None and self._text is not None and line is not None:
            submenu = self._line_menu(self._text.id, line)
            if submenu is not None:
                submenu.setParent(menu, submenu.windowFlags())
                menu.addSeparator()
                menu.addMenu(submenu)
        return menu

    def _standard_menu(self, position: QPoint) -> QMenu:
        menu = self.createStandardContextMenu(position)
        menu.setObjectName("articleContextMenu")
        for action in menu.actions():
            if action.objectName() == "link-copy":  # articles never hold links
                menu.removeAction(action)
        if self._context_actions:
            first = menu.actions()[0] if menu.actions() else None
            menu.insertActions(first, self._context_actions)  # type: ignore[arg-type]
            menu.insertSeparator(first)  # type: ignore[arg-type]
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.context_menu(self.viewport().mapFromGlobal(event.globalPos()))
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(event.globalPos())

    # ---------------------------------------------------------------- overlays

    def set_marks(self, layer: str, marks: Sequence[Mark]) -> None:
        """Draw ``marks`` as the overlay ``layer`` (one of MARK_LAYERS), replacing it."""
        self._marks[layer] = list(marks)
        self._apply_marks()

    def marks(self, layer: str) -> list[Mark]:
        return list(self._marks.get(layer, []))

    def document_spans(self, start: int, end: int) -> list[tuple[int, int]]:
        """Where body offsets ``start``..``end`` are shown, one span per paragraph."""
        return document_spans(self._blocks, start, end)

    def _apply_marks(self) -> None:
        document = self.document()
        length = document.characterCount()
        self.setExtraSelections([
            mark_selection(document, mark) for layer in MARK_LAYERS
            for mark in self._marks.get(layer, [])
            if 0 <= mark.start < mark.end < length and mark.note_id is None])
        self.viewport().update()

    def note_marks_at(self, position: int) -> list[Mark]:
        """The note marks covering document ``position``."""
        return [mark for mark in self._marks.get("notes", [])
                if mark.note_id is not None and mark.start <= position < mark.end]

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        notes = [mark for mark in self._marks.get("notes", []) if mark.note_id is not None]
        if not notes:
            return
        painter = QPainter(self.viewport())
        shift = self._scroll_offset()
        for mark in notes:
            color = QColor(mark.color)
            tint = QColor(color)
            tint.setAlpha(NOTE_TINT_ALPHA)
            for rect in line_rects(self.document(), mark.start, mark.end):
                rect.translate(-shift)
                painter.fillRect(rect, tint)
                painter.fillRect(QRectF(rect.left(), rect.bottom() - NOTE_BAR, rect.width(),
                                        NOTE_BAR), color)
        painter.end()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """A click (not a drag) on a noted passage asks for its note."""
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or self.textCursor().hasSelection():
            return
        position = self.document().documentLayout().hitTest(
            event.position() + self._scroll_offset(), Qt.HitTestAccuracy.ExactHit)
        marks = self.note_marks_at(position) if position >= 0 else []
        if marks:
            self.note_clicked.emit(marks[-1].note_id)

    # ---------------------------------------------------------------- selection

    def shown_body(self, start: int, end: int) -> str:
        """The article text at body offsets ``start``..``end`` as the view shows it."""
        return self._text.body[start:end] if self._text is not None else ""

    def selected_body_range(self) -> tuple[int, int] | None:
        """Body offsets of the selection, or None when nothing of the body is selected."""
        cursor = self.textCursor()
        if not cursor.hasSelection() or not self._blocks:
            return None
        start = to_body(self._blocks, cursor.selectionStart())
        end = to_body(self._blocks, cursor.selectionEnd())
        return (start, end) if start < end else None

    def select_body_range(self, start: int, end: int) -> None:
        """Select body offsets ``start``..``end`` and scroll them into view."""
        first, last = to_document(self._blocks, start), to_document(self._blocks, end)
        if first is None or last is None:
            return
        cursor = self.textCursor()
        cursor.setPosition(first)
        cursor.setPosition(last, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def top_position(self) -> int:
        """The document position of the first character shown at the top of the view."""
        return self.cursorForPosition(QPoint(0, 0)).position()

    def scroll_to_position(self, position: int) -> None:
        """Scroll so that document ``position`` is at the top of the view."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(max(0, position), self.document().characterCount() - 1))
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + self.cursorRect(cursor).top())

    # ---------------------------------------------------------------- hover

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            self._show_tooltip(event)
            return True
        return super().viewportEvent(event)

    def _show_tooltip(self, event: QHelpEvent) -> None:
        position = self.document().documentLayout().hitTest(
            QPointF(event.pos()) + self._scroll_offset(), Qt.HitTestAccuracy.ExactHit)
        text = self.tooltip_at(position) if position >= 0 else ""
        if text:
            QToolTip.showText(event.globalPos(), plain.tip(text), self.viewport())
        else:
            QToolTip.hideText()
            event.ignore()

    def _scroll_offset(self) -> QPointF:
        return QPointF(self.horizontalScrollBar().value(), self.verticalScrollBar().value())

    def tooltip_at(self, position: int) -> str:
        """The tooltip of the character at document ``position`` ('' if none): its
        highlight, and the text of the notes on it."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(position)
        cursor.movePosition(QTextCursor.MoveOperation.NextCharacter,
                            QTextCursor.MoveMode.KeepAnchor)
        notes = [tr("Note: %1").replace("%1", mark.label or tr("(empty)"))
                 for mark in self.note_marks_at(position)]
        return "\n".join(filter(None, [cursor.charFormat().toolTip(), *notes]))


# ---------------------------------------------------------------- document building


def char_format(size: float, bold: bool = False, color: str = "") -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFontPointSize(size)
    fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
    if color:
        fmt.setForeground(QBrush(QColor(color)))
    return fmt


def block_format(top: float = 0, bottom: float = 8, center: bool = False,
                 indent: bool = False, margin: float = 0) -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setTopMargin(top)
    fmt.setBottomMargin(bottom)
    fmt.setLeftMargin(margin)
    fmt.setRightMargin(margin)
    fmt.setLineHeight(150, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    if center:
        fmt.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    if indent:
        fmt.setTextIndent(28)
    return fmt


class _Writer:
    """Appends blocks to a document through one cursor."""

    def __init__(self, cursor: QTextCursor) -> None:
        self.cursor = cursor
        self.first = True

    def block(self, text: str, blockf: QTextBlockFormat, charf: QTextCharFormat) -> int:
        """Append ``text`` as a new block; returns the document position where it starts."""
        if self.first:
            self.cursor.setBlockFormat(blockf)
            self.cursor.setBlockCharFormat(charf)
            self.first = False
        else:
            self.cursor.insertBlock(blockf, charf)
        start = self.cursor.position()
        self.cursor.insertText(text, charf)
        return start


LineKey = tuple[str, int]
"""A line of the article as the library names it: (title / byline / paragraph / credit, n)."""


def write_article(cursor: QTextCursor, text: ArticleRow, base: float, muted: str = MUTED
                  ) -> tuple[list[Block], list[LineKey]]:
    """Write title lines, byline, paragraphs and credit; return where the body sits and
    which line of the article each document block shows. ``muted`` is the colour of the
    byline, captions and credit."""
    writer = _Writer(cursor)
    lines: list[LineKey] = []
    sizes = {"kicker": base * 1.1, "title": base * 1.7, "subtitle": base * 1.2}
    for n, (role, line) in enumerate(title_roles(text.title_lines)):
        writer.block(line, block_format(bottom=4, center=True),
                     char_format(sizes[role], bold=role == "title"))
        lines.append(("title", n))
    if text.byline:
        writer.block(text.byline, block_format(top=4, bottom=14, center=True),
                     char_format(base, color=muted))
        lines.append(("byline", 0))
    blocks = []
    for n, (kind, start, end) in enumerate(text.paragraphs):
        # Captions are set apart by size, colour and margins, never by a slant: Hanzi have
        # no italic, and a synthetic one is hard to read.
        charf = char_format(base * 1.15 if kind == "subhead" else
                            base * 0.95 if kind == "caption" else base,
                            bold=kind == "subhead", color=muted if kind == "caption" else "")
        doc_start = writer.block(text.body[start:end],
                                 block_format(top=6 if kind == "subhead" else 0,
                                              indent=kind == "text",
                                              margin=16 if kind == "caption" else 0), charf)
        blocks.append(Block(start, end, doc_start))
        lines.append(("paragraph", n))
    if text.credit:
        writer.block(text.credit, block_format(top=2, margin=16),
                     char_format(base * 0.9, color=muted))
        lines.append(("credit", 0))
    return blocks, lines


def apply_highlight(cursor: QTextCursor, start: int, end: int, highlight: Highlight,
                    background: str = "", foreground: str = LIGHT_TEXT) -> None:
    """Merge the highlight's background, tooltip and layer into the characters."""
    fmt = QTextCharFormat()
    color = background or LAYER_COLORS.get(highlight.layer, "#eeeeee")
    fmt.setBackground(QBrush(QColor(color)))
    fmt.setForeground(QBrush(QColor(foreground)))
    fmt.setToolTip(tooltip(highlight))
    fmt.setProperty(LAYER_PROPERTY, highlight.layer)
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    cursor.mergeCharFormat(fmt)
