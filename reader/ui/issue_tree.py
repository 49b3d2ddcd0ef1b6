"""The issue → article tree: a lazy QAbstractItemModel over ids from the library."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from reader.library import Library

Index = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()

ISSUE, ARTICLE = "issue", "article"
ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""data(index, ID_ROLE) is the issue's or article's id."""
KIND_ROLE = Qt.ItemDataRole.UserRole + 2
"""data(index, KIND_ROLE) is ``issue`` or the article's kind (article, photo, fragment)."""

PHOTO_MARK = "📷 "
UNTITLED_CHARS = 18


@dataclass(eq=False)
class Node:
    """One row of the tree: what it is and its id; children are fetched when needed."""

    kind: str
    id: int
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)
    fetched: bool = False

    def row(self) -> int:
        return 0 if self.parent is None else self.parent.children.index(self)


def tr(text: str) -> str:
    return QCoreApplication.translate("IssueTreeModel", text)


def first_words(body: str, limit: int = UNTITLED_CHARS) -> str:
    """The start of an untitled item's text, cut at ``limit`` characters with an ellipsis."""
    line = body.split("\n", 1)[0].lstrip("▲△ ").strip()
    return line if len(line) <= limit else line[:limit] + "…"


class IssueTreeModel(QAbstractItemModel):
    """Issues newest first, each with its items in reading order, fetched on expand."""

    def __init__(self, library: Library, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._library = library
        self._root = Node(ISSUE, 0, fetched=True)
        self._labels: dict[tuple[str, int], str] = {}
        self._kinds: dict[int, str] = {}
        self.reload()

    # ---------------------------------------------------------------- loading

    def reload(self) -> None:
        """Re-read the list of issues; articles are fetched again when their issue opens."""
        self.beginResetModel()
        self._labels.clear()
        self._kinds.clear()
        self._root.children = []
        for issue in self._library.issues():
            self._root.children.append(Node(ISSUE, issue.id, self._root))
            self._labels[(ISSUE, issue.id)] = _issue_label(issue.date, issue.title,
                                                           issue.item_count)
        self.endResetModel()

    def canFetchMore(self, parent: Index) -> bool:
        node = self._node(parent)
        return node.kind == ISSUE and not node.fetched

    def fetchMore(self, parent: Index) -> None:
        node = self._node(parent)
        if node.fetched or node.kind != ISSUE:
            return
        node.fetched = True
        rows = self._library.articles(node.id)
        if not rows:
            return
        self.beginInsertRows(parent, 0, len(rows) - 1)
        for article_id, kind, title in rows:
            node.children.append(Node(ARTICLE, article_id, node, fetched=True))
            self._kinds[article_id] = kind
            self._labels[(ARTICLE, article_id)] = self._article_label(article_id, kind, title)
        self.endInsertRows()

    def fetch_all(self) -> None:
        """Fetch every issue's articles (for filtering over the whole tree)."""
        for row in range(len(self._root.children)):
            self.fetchMore(self.index(row, 0))

    def _article_label(self, article_id: int, kind: str, title: str) -> str:
        if title:
            return PHOTO_MARK + title if kind == "photo" else title
        words = first_words(self._library.article(article_id).body)
        if kind == "photo":
            return PHOTO_MARK + words
        return tr("(untitled) %1").replace("%1", words)

    # ---------------------------------------------------------------- structure

    def _node(self, index: Index) -> Node:
        if not index.isValid():
            return self._root
        node = index.internalPointer()
        assert isinstance(node, Node)
        return node

    def index(self, row: int, column: int, parent: Index = NO_PARENT) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        children = self._node(parent).children
        if row >= len(children):
            return QModelIndex()
        return self.createIndex(row, 0, children[row])

    def parent(self, index: Index = NO_PARENT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        parent = self._node(index).parent
        if parent is None or parent is self._root:
            return QModelIndex()
        return self.createIndex(parent.row(), 0, parent)

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 1

    def hasChildren(self, parent: Index = NO_PARENT) -> bool:
        node = self._node(parent)
        if node.kind == ISSUE and not node.fetched:
            return True
        return bool(node.children)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # ---------------------------------------------------------------- data

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        node = self._node(index)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._labels.get((node.kind, node.id), "")
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(node)
        if role == ID_ROLE:
            return node.id
        if role == KIND_ROLE:
            return ISSUE if node.kind == ISSUE else self._kinds.get(node.id, ARTICLE)
        return None

    def _tooltip(self, node: Node) -> str:
        label = self._labels.get((node.kind, node.id), "")
        if node.kind == ISSUE:
            return label
        article = self._library.article(node.id)
        lines = [article.title or label]
        if article.bylines:
            lines.append(tr("By: %1").replace("%1", " ".join(article.bylines)))
        tags = self._library.article_tags(node.id)
        if tags:
            lines.append(tr("Tags: %1").replace("%1", ", ".join(tags)))
        return "\n".join(lines)

    # ---------------------------------------------------------------- lookups

    def issue_index(self, issue_id: int) -> QModelIndex:
        """The index of an issue (invalid if unknown)."""
        for row, issue in enumerate(self._root.children):
            if issue.id == issue_id:
                return self.createIndex(row, 0, issue)
        return QModelIndex()

    def article_index(self, article_id: int) -> QModelIndex:
        """The index of an article, fetching its issue if needed (invalid if unknown)."""
        issue_id = self._library.article(article_id).issue_id
        for row, issue in enumerate(self._root.children):
            if issue.id == issue_id:
                self.fetchMore(self.index(row, 0))
                for child in issue.children:
                    if child.id == article_id:
                        return self.createIndex(child.row(), 0, child)
        return QModelIndex()

    def neighbour(self, article_id: int | None, step: int) -> int | None:
        """The article ``step`` (±1) away in tree order, crossing issues; None at an end."""
        if article_id is None:
            return self._first_article(range(len(self._root.children)))
        index = self.article_index(article_id)
        if not index.isValid():
            return None
        node = self._node(index)
        assert node.parent is not None
        row = node.row() + step
        if 0 <= row < len(node.parent.children):
            return node.parent.children[row].id
        issue_row = node.parent.row()
        rows = range(issue_row + 1, len(self._root.children)) if step > 0 \
            else range(issue_row - 1, -1, -1)
        return self._first_article(rows, last=step < 0)

    def _first_article(self, issue_rows: range, last: bool = False) -> int | None:
        for row in issue_rows:
            self.fetchMore(self.index(row, 0))
            children = self._root.children[row].children
            if children:
                return children[-1 if last else 0].id
        return None


def _issue_label(date: str | None, title: str, count: int) -> str:
    head = f"{date} · {title}" if date else title
    return f"{head} ({count})"


class ArticleFilterProxy(QSortFilterProxyModel):
    """Shows the articles whose label contains the filter text or whose id the library
    matched (by title, tag or entity), with their issues; everything when unfiltered."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._text = ""
        self._ids: set[int] = set()

    def set_filter(self, text: str, matching_ids: set[int]) -> None:
        """Filter by ``text`` on the labels, plus the articles ``matching_ids``."""
        if not hasattr(self, "beginFilterChange"):  # Qt < 6.9
            self._text, self._ids = text.casefold(), set(matching_ids)
            self.invalidateRowsFilter()
            return
        self.beginFilterChange()
        self._text, self._ids = text.casefold(), set(matching_ids)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filter_text(self) -> str:
        return self._text

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._text:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        if index.data(KIND_ROLE) == ISSUE:
            return False  # shown when one of its articles is (recursive filtering)
        if index.data(ID_ROLE) in self._ids:
            return True
        return self._text in str(index.data(Qt.ItemDataRole.DisplayRole)).casefold()
