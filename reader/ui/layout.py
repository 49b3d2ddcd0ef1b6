"""The window's three panes: issues and search results, the article, notes / tags / entities."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QLabel, QSplitter, QTabWidget, QWidget


class Panes(QSplitter):
    """Left tabs (issues, search results), the reading pane, right tabs (side panels)."""

    def __init__(self, left: list[QWidget], centre: QWidget, right: list[QWidget],
                 parent: QWidget) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName("mainSplitter")
        self.left_tabs, self.right_tabs = QTabWidget(self), QTabWidget(self)
        for tabs, pages in ((self.left_tabs, left), (self.right_tabs, right)):
            for page in pages:
                tabs.addTab(page, "")
        for widget in (self.left_tabs, centre, self.right_tabs):
            self.addWidget(widget)
        self.setStretchFactor(1, 1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        for tabs, names in ((self.left_tabs, (self.tr("Issues"), self.tr("Search results"))),
                            (self.right_tabs, (self.tr("Notes"), self.tr("Tags"),
                                               self.tr("Entities")))):
            for number, name in enumerate(names[:tabs.count()]):
                tabs.setTabText(number, name)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def window_title(article_title: str, read_only: bool, broken: bool) -> str:
    """The main window's title: the open article and the library's state. Qt adds the
    application's name after it (so the title never names the app itself, which made
    "Baokan Reader — 报刊阅读器 Baokan Reader")."""
    def tr(text: str) -> str:
        return QCoreApplication.translate("MainWindow", text)
    state = (tr("read-only: the library cannot be saved") if broken
             else tr("read-only") if read_only else "")
    if not state:
        return article_title
    return f"{article_title} ({state})" if article_title else f"({state})"


class ReadOnlyLabel(QLabel):
    """The status bar's mark that this window only reads the library."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("readOnlyLabel")
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setText(self.tr("Read-only"))
        self.setToolTip(self.tr("Another Baokan Reader is using this library: you can read "
                                "and search, but not change it."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
