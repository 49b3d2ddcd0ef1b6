"""The bar above the article that says what an unusual item is: a copy, a fragment, removed."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget

from reader.core.records import ArticleRow
from reader.ui import plain
from reader.ui.icons import kind_icon

TITLE_CHARS = 40


def tr(text: str) -> str:
    return QCoreApplication.translate("ItemBanner", text)


def short(title: str) -> str:
    return title if len(title) <= TITLE_CHARS else title[:TITLE_CHARS] + "…"


def banner_text(article: ArticleRow, original_title: str | None) -> str:
    """What the bar says of ``article`` ('' for an ordinary article). ``original_title``
    is the title (or first words) of the item it copies, when it is a copy."""
    parts = []
    if article.removed:
        parts.append(tr("Removed from the issue's file by a re-import; kept because it "
                        "carries your tags or notes."))
    if article.duplicate_of is not None:
        parts.append(tr("Copy of “%1”, printed again in this issue (often truncated).")
                     .replace("%1", short(original_title or "")))
    elif article.kind == "fragment":
        parts.append(tr("Fragment: text the parser could not attach to an article (a tail "
                        "printed away from its article, or a piece without a title)."))
    return " ".join(parts)


class ItemBanner(QFrame):
    """Says what the open item is when it is not an ordinary article, with a button that
    opens the original of a copy. Library text is shown as plain text."""

    original_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("itemBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.icon = plain.label(self)
        self.text = plain.label(self)
        self.text.setObjectName("itemBannerText")
        self.text.setWordWrap(True)
        self.open_button = QPushButton(self)
        self.open_button.setObjectName("openOriginalButton")
        self.open_button.clicked.connect(self._open_original)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.icon)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.open_button)
        self._original: int | None = None
        self._shown: tuple[ArticleRow | None, str | None] = (None, None)
        self.retranslate_ui()
        self.hide()

    def retranslate_ui(self) -> None:
        self.open_button.setText(tr("Open the original"))
        self.show_for(*self._shown)

    def show_for(self, article: ArticleRow | None, original_title: str | None = None) -> None:
        """Show what ``article`` is, or hide the bar for an ordinary one (or none)."""
        self._shown = (article, original_title)
        text = banner_text(article, original_title) if article is not None else ""
        self._original = article.duplicate_of if article is not None else None
        self.text.setText(text)
        icon = kind_icon(article.kind, article.duplicate_of is not None) if article else None
        self.icon.setPixmap(icon.pixmap(16, 16) if icon is not None else QPixmap())
        self.open_button.setVisible(self._original is not None)
        self.setVisible(bool(text))

    @Slot()
    def _open_original(self) -> None:
        if self._original is not None:
            self.original_requested.emit(self._original)

