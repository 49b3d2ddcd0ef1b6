"""The "Also in" bar above the article: the other issues and papers that print its story,
each a button that opens that article."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from reader.core.records import RelatedArticle
from reader.ui import plain

SHOWN = 3
"""Entries shown before "All N…" is pressed."""
TITLE_CHARS = 40


def tr(text: str) -> str:
    return QCoreApplication.translate("AlsoIn", text)


def kind_label(kind: str) -> str:
    return {"copy": tr("same text"), "part": tr("shortened or extended copy"),
            "overlap": tr("shares a passage")}.get(kind, kind)


def percent(row: RelatedArticle) -> int:
    """How alike the two are, as the entry says it: the whole text for a copy, the share
    of the shorter text otherwise."""
    return round(100 * (row.similarity if row.kind == "copy" else row.contained))


def entry_text(row: RelatedArticle) -> str:
    """One entry: paper, date (or the issue's name), title, kind and how much."""
    title = row.title if len(row.title) <= TITLE_CHARS else row.title[:TITLE_CHARS] + "…"
    title = " ".join(title.split())
    return (f"{row.paper} · {row.issue_date or row.issue_name} · {title} — "
            f"{kind_label(row.kind)} {percent(row)} %")


def entry_tip(row: RelatedArticle) -> str:
    return (tr("%1 / %2, article %3\nSimilarity of the whole texts: %4 %; share of the "
               "shorter text found in the longer: %5 %")
            .replace("%1", row.paper).replace("%2", row.issue_name)
            .replace("%3", str(row.article_id))
            .replace("%4", str(round(100 * row.similarity)))
            .replace("%5", str(round(100 * row.contained))))


class AlsoInBar(QFrame):
    """Lists the related articles of the open one (plain text); hidden when there are none."""

    article_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alsoInBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.heading = plain.label(self)
        self.more_button = QPushButton(self)
        self.more_button.setObjectName("alsoInMore")
        self.more_button.setFlat(True)
        self.more_button.clicked.connect(self._toggle)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.more_button)
        self._entries = QVBoxLayout()
        self._entries.setSpacing(0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addLayout(self._entries)
        self._rows: list[RelatedArticle] = []
        self._all = False
        self.buttons: list[QPushButton] = []
        self.retranslate_ui()
        self.hide()

    def retranslate_ui(self) -> None:
        self.heading.setText(tr("Also in:"))
        self._fill()

    def show_for(self, rows: list[RelatedArticle]) -> None:
        """Show these related articles (none: hide the bar)."""
        if rows != self._rows:
            self._all = False
        self._rows = rows
        self._fill()

    def _fill(self) -> None:
        for button in self.buttons:
            button.deleteLater()
        shown = self._rows if self._all else self._rows[:SHOWN]
        self.buttons = [self._button(row) for row in shown]
        for button in self.buttons:
            self._entries.addWidget(button)
        more = len(self._rows) - SHOWN
        self.more_button.setVisible(more > 0)
        self.more_button.setText(tr("Fewer") if self._all else
                                 tr("All %1…").replace("%1", str(len(self._rows))))
        self.setVisible(bool(self._rows))

    def _button(self, row: RelatedArticle) -> QPushButton:
        button = QPushButton(entry_text(row).replace("&", "&&"), self)  # no mnemonic
        button.setFlat(True)
        button.setStyleSheet("text-align: left")
        button.setToolTip(plain.tip(entry_tip(row)))
        button.clicked.connect(lambda _=False, article=row.article_id:
                               self.article_requested.emit(article))
        return button

    @Slot()
    def _toggle(self) -> None:
        self._all = not self._all
        self._fill()
