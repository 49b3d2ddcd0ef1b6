"""The article view's Layout submenu: the reader corrects how the issue was split."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMenu, QWidget

from reader.library import AnnotationError, Library
from reader.ui import plain
from reader.ui.undo import AnnotationHistory


def tr(text: str) -> str:
    return QCoreApplication.translate("SplitMenu", text)


ROLES = ("title", "subhead", "body", "byline")


class SplitMenu(QObject):
    """Builds, for the line under the pointer, the menu of split corrections; each goes on
    the window's undo stack and is applied at once."""

    def __init__(self, library: Library, history: AnnotationHistory, parent: QWidget) -> None:
        super().__init__(parent)
        self._library = library
        self._history = history
        self._parent = parent

    def menu_for(self, article_id: int, line: tuple[str, int]) -> QMenu | None:
        """The Layout submenu for ``line`` of the article, or None if it has none."""
        try:
            article = self._library.article(article_id)
        except AnnotationError:
            return None
        if article.issue_id is None:
            return None
        siblings = [a for a, _, _ in self._library.articles(article.issue_id)]
        if article_id not in siblings:
            return None  # a removed article: its issue no longer holds it
        where, index = line
        kind = article.paragraphs[index][0] if where == "paragraph" else where
        position = siblings.index(article_id)
        menu = QMenu(tr("Layout"), self._parent)
        menu.setObjectName("layoutMenu")
        self._add(menu, "split", tr("Split the article here"), article_id, line,
                  enabled=where == "paragraph" and index > 0)
        self._add(menu, "join", tr("Join with the previous item"), article_id, line,
                  enabled=position > 0, show=siblings[position - 1] if position else None)
        menu.addSeparator()
        labels = {"title": tr("This line is a title"), "subhead": tr("This line is a subhead"),
                  "body": tr("This line is body text"), "byline": tr("This line is a byline")}
        current = {"title": "title", "byline": "byline", "subhead": "subhead", "text": "body",
                   "caption": "body", "credit": ""}.get(kind, "")
        for role in ROLES:
            self._add(menu, role, labels[role], article_id, line, enabled=role != current)
        menu.addSeparator()
        copy = menu.addAction(tr("Mark as a copy of…"))
        copy.setObjectName("split_copy")
        copy.setEnabled(len(siblings) > 1)
        copy.triggered.connect(lambda: self.choose_original(article_id, line, siblings))
        if article.duplicate_of is not None:
            self._add(menu, "original", tr("Not a copy"), article_id, line)
        return menu

    def _add(self, menu: QMenu, action: str, label: str, article_id: int,
             line: tuple[str, int], enabled: bool = True, show: int | None = None) -> None:
        item = menu.addAction(label)
        item.setObjectName(f"split_{action}")
        item.setEnabled(enabled)
        item.triggered.connect(
            lambda: self._history.correct_split(label, article_id, action, line, show=show))

    def choose_original(self, article_id: int, line: tuple[str, int],
                        siblings: list[int]) -> None:
        """Ask which item of the issue this one copies, then mark it."""
        others = [a for a in siblings if a != article_id]
        names = [self._label(a) for a in others]
        name = plain.choose(self._parent, tr("Mark as a copy"), tr("This item is a copy of:"),
                            names, editable=False)
        if name in names:
            self.mark_copy(article_id, line, others[names.index(name)])

    def mark_copy(self, article_id: int, line: tuple[str, int], original: int) -> None:
        target = self._first_line(original)
        self._history.correct_split(tr("Mark as a copy"), article_id, "copy", line,
                                    target=(original, *target))

    def _first_line(self, article_id: int) -> tuple[str, int]:
        article = self._library.article(article_id)
        if article.title_lines:
            return ("title", 0)
        if article.byline:
            return ("byline", 0)
        return ("paragraph", 0) if article.paragraphs else ("credit", 0)

    def _label(self, article_id: int) -> str:
        article = self._library.article(article_id)
        if article.title:
            return article.title
        first = article.body.split("\n", 1)[0]
        return first[:30] + ("…" if len(first) > 30 else "") or tr("(untitled)")
