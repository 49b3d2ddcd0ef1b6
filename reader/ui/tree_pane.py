"""The left pane's issue tree with its filter: what is open, what is selected, J / K, and
the menu that sets issues' dates."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal, Slot
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QMenu, QTreeView, QVBoxLayout, QWidget

from reader.core.treefilter import parse_tree_filter, tag_term
from reader.library import Library, TreeMatches
from reader.ui.issue_tree import (
    GROUPS,
    ID_ROLE,
    ISSUE,
    KIND_ROLE,
    MONTH,
    PAPER,
    ArticleFilterProxy,
    IssueTreeModel,
    Key,
    Node,
)
from reader.ui.reads import ReadRunner

OPEN_MATCHES = 40
"""Issues opened to show the filter's matches; the others show theirs when opened."""


class TreePane(QWidget):
    """The tree of papers, years, issues and articles, and the filter above it."""

    article_selected = Signal(int)
    details_requested = Signal(list)
    """The user asked to set the date, edition and number of these issues (ids)."""
    filter_applied = Signal(str)
    """The tree shows the articles for this filter text (its background read came back)."""

    def __init__(self, library: Library, reads: ReadRunner, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self._reads = reads
        self.model = IssueTreeModel(library, self)
        self.proxy = ArticleFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.tree = QTreeView(self)
        self.tree.setObjectName("issueTree")
        self.tree.setModel(self.proxy)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._show_menu)
        self.read_only = False
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("treeFilter")
        self.filter_edit.setClearButtonEnabled(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.tree, 1)
        self.filter_edit.textChanged.connect(self.set_filter)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.filter_edit.setPlaceholderText(
            self.tr("Filter by title, tag or entity; tag:name for a tag only"))

    # ---------------------------------------------------------------- contents

    def reload(self, selected: int | None) -> None:
        """Re-read the library, keeping open rows, the filter and the selection; a tree
        that was empty (the first import) opens as at start."""
        expanded = self.expanded_keys()
        was_empty = self.model.rowCount() == 0
        self.model.reload()
        if was_empty:
            self.expand_defaults()
        for key in expanded:
            index = self.proxy.mapFromSource(self.model.index_of_key(key))
            if index.isValid():
                self.tree.expand(index)
        self.set_filter(self.filter_edit.text())
        if selected is not None:
            self.select(selected)

    def _open_nodes(self) -> list[Node]:
        """The papers, years and issues open in the tree, walking down open rows only (a
        closed year's issues are not looked at)."""
        found: list[Node] = []
        todo = list(reversed(self.model.root().children))
        while todo:
            node = todo.pop()
            index = self.proxy.mapFromSource(self.model.node_index(node))
            if index.isValid() and self.tree.isExpanded(index):
                found.append(node)
                if node.kind != ISSUE:
                    todo.extend(reversed(node.children))
        return found

    def expanded_keys(self) -> list[Key]:
        """What is open in the tree: papers, years and issues."""
        return [node.key for node in self._open_nodes()]

    def expanded_issues(self) -> list[int]:
        """The ids of the issues open in the tree."""
        return [node.id for node in self._open_nodes() if node.kind == ISSUE]

    def expand_defaults(self) -> None:
        """At start: every paper open, with its newest year and that year's newest month."""
        for row in range(self.proxy.rowCount()):
            paper = self.proxy.index(row, 0)
            if paper.data(KIND_ROLE) == PAPER:
                self.tree.expand(paper)
                year = self.proxy.index(0, 0, paper)
                if year.isValid():
                    self.tree.expand(year)
                    month = self.proxy.index(0, 0, year)
                    if month.isValid() and month.data(KIND_ROLE) == MONTH:
                        self.tree.expand(month)

    # ---------------------------------------------------------------- selection

    def select(self, article_id: int) -> None:
        index = self.proxy.mapFromSource(self.model.article_index(article_id))
        if index.isValid() and index != self.tree.currentIndex():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)

    def neighbour(self, article_id: int | None, step: int) -> int | None:
        """The article ``step`` (±1) away in tree order."""
        return self.model.neighbour(article_id, step)

    @Slot(QModelIndex, QModelIndex)
    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and current.data(KIND_ROLE) not in GROUPS:
            self.article_selected.emit(int(current.data(ID_ROLE)))

    # ---------------------------------------------------------------- issue details

    def chosen_issues(self, at: QModelIndex | None = None) -> list[int]:
        """The issues the menu acts on: those of the selected rows (an issue, or every
        issue of a selected paper, year or month, or an article's issue) when ``at`` is
        one of them, else those of the row ``at``."""
        rows = self.tree.selectionModel().selectedRows()
        if at is not None and at.isValid() and at not in rows:
            rows = [at]
        found: dict[int, None] = {}
        for index in rows:
            source = self.proxy.mapToSource(index)
            node = self.model.node_at(source.row(), source.parent())
            if node is not None:
                found.update(dict.fromkeys(self.model.issues_under(node)))
        return list(found)

    def menu_for(self, at: QModelIndex) -> QMenu | None:
        """The context menu of a row: set the date, edition and number of its issues."""
        issues = self.chosen_issues(at)
        if not issues:
            return None
        menu = QMenu(self)
        menu.setObjectName("issueTreeMenu")
        rows = [self.model.issue_row(issue) for issue in issues]
        undated = all(row is not None and not row.date for row in rows)
        if len(issues) == 1:
            text = self.tr("Set date…") if undated else self.tr("Set date, edition and number…")
        else:
            text = self.tr("Set dates of %1 issues…").replace("%1", str(len(issues)))
        action = menu.addAction(text)
        action.setObjectName("setIssueDetails")
        action.setEnabled(not self.read_only)
        action.triggered.connect(lambda: self.details_requested.emit(issues))
        return menu

    @Slot(QPoint)
    def _show_menu(self, position: QPoint) -> None:
        menu = self.menu_for(self.tree.indexAt(position))
        if menu is not None:
            menu.exec(self.tree.viewport().mapToGlobal(position))
            menu.deleteLater()

    # ---------------------------------------------------------------- filter

    @Slot(str)
    def set_filter(self, text: str) -> None:
        """Narrow the tree to articles whose title contains ``text`` or that carry a tag
        or mention an entity of that name; ``tag:NAME`` terms and several words all
        have to match (asked in the background). A bare ``tag:`` still being typed
        filters nothing yet."""
        text = text.strip()
        if not parse_tree_filter(text):
            self._reads.ask("tree-filter", lambda _library: None, lambda _none: None)
            if self.proxy.filter_text():
                self._show_unfiltered()
            self.filter_applied.emit("")
            return
        if not self.proxy.filter_text():
            self._unfiltered_open = self.expanded_keys()
        order = self.model.issue_ids()  # tree order: the first matches are read whole
        self._reads.ask("tree-filter",
                        lambda library: library.tree_matches(text, order, OPEN_MATCHES),
                        self._filter_answered)

    def show_tag(self, name: str) -> None:
        """Filter the tree to the articles tagged ``name``."""
        self.filter_edit.setText(tag_term(name))

    def _filter_answered(self, matches: TreeMatches) -> None:
        index = self.tree.currentIndex()
        current = index.data(ID_ROLE) if index.data(KIND_ROLE) not in GROUPS else None
        self.tree.collapseAll()
        self.model.fill(matches.labels)
        self.proxy.set_filter(matches.text, matches.ids, matches.issues, matches.counts)
        self._expand_matches()
        if current in matches.ids:
            self.select(int(current))
        self.filter_applied.emit(matches.text)

    def _expand_matches(self) -> None:
        """Open the papers that hold matches, and the years, months and issues of the
        first OPEN_MATCHES matching issues; later ones stay closed (opening every year of
        a decade lays out thousands of issue rows, every issue tens of thousands of
        articles). Walks the model's nodes: only the rows it opens are looked up."""
        self.tree.setUpdatesEnabled(False)
        try:
            opened = 0
            for paper in self.model.root().children:
                if self.proxy.holds(paper):
                    self._expand_node(paper)
                    opened = self._expand_holding(paper.children, opened)
        finally:
            self.tree.setUpdatesEnabled(True)

    def _expand_holding(self, nodes: list[Node], opened: int) -> int:
        """Open the rows of ``nodes`` (and below) that hold matches, until OPEN_MATCHES
        issues are open; returns how many are."""
        for node in nodes:
            if opened >= OPEN_MATCHES or not self.proxy.holds(node):
                continue
            self._expand_node(node)
            if node.kind == ISSUE:
                opened += 1
            else:
                opened = self._expand_holding(node.children, opened)
        return opened

    def _expand_node(self, node: Node) -> None:
        self.tree.expand(self.proxy.mapFromSource(self.model.node_index(node)))

    def _show_unfiltered(self) -> None:
        """Back to the whole tree, opened as it was before the filter."""
        self.tree.collapseAll()
        self.proxy.set_filter("", set(), set())
        for key in getattr(self, "_unfiltered_open", []):
            index = self.proxy.mapFromSource(self.model.index_of_key(key))
            if index.isValid():
                self.tree.expand(index)
