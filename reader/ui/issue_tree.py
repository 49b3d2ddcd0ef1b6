"""The paper → year → month → issue → article tree: a lazy QAbstractItemModel over ids from
the library."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
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
from PySide6.QtGui import QFont

from reader.library import ArticleLabel, IssueRow, Library
from reader.ui import plain
from reader.ui.icons import kind_icon

Index = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()

PAPER, YEAR, MONTH, ISSUE, ARTICLE = "paper", "year", "month", "issue", "article"
GROUPS = (PAPER, YEAR, MONTH, ISSUE)
"""Rows that hold other rows (and are shown when one of their articles is)."""
DATE_GROUPS = (PAPER, YEAR, MONTH)
"""Rows that hold issues (the undated issues of a paper are a YEAR row of their own)."""
ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""data(index, ID_ROLE) is the issue's or article's id (a group's row number)."""
KIND_ROLE = Qt.ItemDataRole.UserRole + 2
"""data(index, KIND_ROLE) is ``paper``, ``year``, ``month``, ``issue`` or the article's
kind."""
REMOVED_ROLE = Qt.ItemDataRole.UserRole + 3
"""True for an annotated article that a re-import removed from its issue's text."""

UNTITLED_CHARS = 18

BULK_FILL = 50
"""Above this many issues, ``fill`` resets the model instead of inserting issue by issue."""

Key = tuple[str, ...]
"""What a group or issue row is, stable across reloads (to keep rows expanded)."""


@dataclass(eq=False)
class Node:
    """One row of the tree: what it is, its id and label; children are fetched when needed."""

    kind: str
    id: int
    parent: Node | None = None
    row: int = 0
    """Its position among its parent's children (kept, so ``parent()`` is O(1))."""
    label: str = ""
    title: str = ""
    """A paper's, year's or issue's label without its count (the filter counts anew)."""
    key: Key = ()
    children: list[Node] = field(default_factory=list)
    fetched: bool = True
    removed: bool = False

    def add(self, child: Node) -> Node:
        child.parent, child.row = self, len(self.children)
        self.children.append(child)
        return child


def tr(text: str) -> str:
    return QCoreApplication.translate("IssueTreeModel", text)


def month_name(month: int) -> str:
    """The name of a month (1-12) in the interface's language."""
    return (tr("January"), tr("February"), tr("March"), tr("April"), tr("May"), tr("June"),
            tr("July"), tr("August"), tr("September"), tr("October"), tr("November"),
            tr("December"))[month - 1]


def origin_text(origin: str) -> str:
    """Where an issue's date, edition or number came from, for a tooltip or a dialog."""
    texts = {"name": tr("read from the file name"), "folder": tr("read from its folders"),
             "text": tr("read from the page header"), "user": tr("set by you")}
    return texts.get(origin, "")


def first_words(body: str, limit: int = UNTITLED_CHARS) -> str:
    """The start of an untitled item's text, cut at ``limit`` characters with an ellipsis."""
    line = body.split("\n", 1)[0].lstrip("▲△ ").strip()
    return line if len(line) <= limit else line[:limit] + "…"


class IssueTreeModel(QAbstractItemModel):
    """Papers, their years (newest first), their issues, each issue's items in reading
    order (fetched on expand), then the annotated items a re-import removed."""

    def __init__(self, library: Library, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._library = library
        self._root = Node(PAPER, 0)
        self._issues: list[Node] = []
        self._issue_nodes: dict[int, Node] = {}
        self._kinds: dict[int, str] = {}
        self._rows: dict[int, IssueRow] = {}
        self._copies: set[int] = set()
        self.reload()

    # ---------------------------------------------------------------- loading

    def reload(self) -> None:
        """Re-read papers and issues; articles are fetched again when their issue opens."""
        self.beginResetModel()
        self._root = Node(PAPER, 0)
        self._kinds.clear()
        self._copies.clear()
        self._issues = []
        self._rows = {}
        groups: dict[Key, Node] = {}
        for issue in self._library.issues():
            parent = self._group_of(issue, groups)
            title = issue_title(issue)
            node = parent.add(Node(ISSUE, issue.id, key=(ISSUE, str(issue.id)),
                                   label=f"{title} ({issue.item_count})", title=title,
                                   fetched=False))
            self._issues.append(node)
            self._rows[issue.id] = issue
        self._issue_nodes = {node.id: node for node in self._issues}
        for group in groups.values():
            group.label = f"{group.label} ({count_issues(group)})"
        self.endResetModel()

    def _group_of(self, issue: IssueRow, groups: dict[Key, Node]) -> Node:
        """The row an issue goes under: its paper's month of its year, or its paper's
        undated row (made when first needed)."""
        year, month = (issue.date or "")[:4], (issue.date or "")[5:7]
        path: list[tuple[str, Key, str]] = [(PAPER, (PAPER, issue.paper), issue.paper)]
        path.append((YEAR, (YEAR, issue.paper, year), year or tr("No date")))
        if year and month:
            path.append((MONTH, (MONTH, issue.paper, year, month), month_name(int(month))))
        parent = self._root
        for kind, key, label in path:
            node = groups.get(key)
            if node is None:
                node = groups[key] = parent.add(
                    Node(kind, len(parent.children), key=key, label=label, title=label))
            parent = node
        return parent

    def canFetchMore(self, parent: Index) -> bool:
        node = self._node(parent)
        return node.kind == ISSUE and not node.fetched

    def fetchMore(self, parent: Index) -> None:
        node = self._node(parent)
        if node.fetched or node.kind != ISSUE:
            return
        self._insert(node, self._library.article_labels([node.id])[node.id])

    def fill(self, labels: dict[int, list[ArticleLabel]]) -> None:
        """Insert the rows of issues read elsewhere (a background read); fetched issues
        are left as they are. Many issues at once are one model reset, not an insertion
        each (which a filtering proxy would answer issue by issue)."""
        todo = [(node, rows) for issue_id, rows in labels.items()
                if (node := self._issue_nodes.get(issue_id)) is not None and not node.fetched]
        if len(todo) <= BULK_FILL:
            for node, rows in todo:
                self._insert(node, rows)
            return
        self.beginResetModel()
        for node, rows in todo:
            self._add_rows(node, rows)
        self.endResetModel()

    def _insert(self, node: Node, rows: list[ArticleLabel]) -> None:
        if not rows:
            node.fetched = True
            return
        self.beginInsertRows(self._index_of(node), 0, len(rows) - 1)
        self._add_rows(node, rows)
        self.endInsertRows()

    def _add_rows(self, node: Node, rows: list[ArticleLabel]) -> None:
        node.fetched = True
        for article_id, kind, title, head, removed, copy in rows:
            self._kinds[article_id] = kind
            if copy:
                self._copies.add(article_id)
            label = article_label(kind, title, head, copy)
            if removed:
                label = tr("Removed from the file: %1").replace("%1", label)
            node.add(Node(ARTICLE, article_id, label=label, removed=removed))

    def fetch_all(self) -> None:
        """Fetch every issue's articles (in one query)."""
        self.fill(self._library.article_labels([n.id for n in self._issues if not n.fetched]))

    # ---------------------------------------------------------------- structure

    def _node(self, index: Index) -> Node:
        if not index.isValid():
            return self._root
        node = index.internalPointer()
        assert isinstance(node, Node)
        return node

    def node_at(self, row: int, parent: Index) -> Node | None:
        """The row ``row`` under ``parent`` (for the filter, without building an index)."""
        children = self._node(parent).children
        return children[row] if 0 <= row < len(children) else None

    def _index_of(self, node: Node) -> QModelIndex:
        return QModelIndex() if node is self._root else self.createIndex(node.row, 0, node)

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
        return self.createIndex(parent.row, 0, parent)

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
            return node.label
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain.tip(self._tooltip(node))
        if role == Qt.ItemDataRole.DecorationRole and node.kind == ARTICLE:
            return kind_icon(self._kinds.get(node.id, ARTICLE), node.id in self._copies)
        if role == ID_ROLE:
            return node.id
        if role == KIND_ROLE:
            return node.kind if node.kind != ARTICLE else self._kinds.get(node.id, ARTICLE)
        if role == REMOVED_ROLE:
            return node.removed
        if role == Qt.ItemDataRole.FontRole and (node.removed or node.kind in DATE_GROUPS):
            font = QFont()
            font.setItalic(node.removed)
            font.setBold(node.kind == PAPER)
            return font
        return None

    def _tooltip(self, node: Node) -> str:
        if node.kind == ISSUE and node.id in self._rows:
            return issue_tooltip(self._rows[node.id])
        if node.kind == YEAR and node.key[2:] == ("",):
            return tr("Issues whose date is not known. Right-click to set their dates.")
        if node.kind != ARTICLE:
            return node.label
        article = self._library.article(node.id)
        lines = [article.title or node.label]
        if article.bylines:
            lines.append(tr("By: %1").replace("%1", " ".join(article.bylines)))
        tags = self._library.article_tags(node.id)
        if tags:
            lines.append(tr("Tags: %1").replace("%1", ", ".join(tags)))
        if node.removed:
            lines.append(tr("No longer in the issue's file since a re-import; kept because "
                            "it carries your tags or notes."))
        return "\n".join(lines)

    # ---------------------------------------------------------------- lookups

    def key(self, index: Index) -> Key:
        """What a row is, to find it again after a reload (articles: their id)."""
        node = self._node(index)
        return node.key or (ARTICLE, str(node.id))

    def index_of_key(self, key: Key) -> QModelIndex:
        """The group or issue row of ``key`` after a reload (invalid if gone)."""
        if key[:1] == (ISSUE,):
            return self.issue_index(int(key[1]))
        todo = list(self._root.children)
        while todo:
            node = todo.pop()
            if node.key == key:
                return self._index_of(node)
            if node.kind in DATE_GROUPS:
                todo.extend(node.children)
        return QModelIndex()

    def issue_row(self, issue_id: int) -> IssueRow | None:
        """The library's row of an issue in the tree (date, edition, paper …)."""
        return self._rows.get(issue_id)

    def issues_under(self, node: Node) -> list[int]:
        """The ids of the issues a row holds (an issue: itself; an article: its issue)."""
        if node.kind == ISSUE:
            return [node.id]
        if node.kind not in DATE_GROUPS:
            return [node.parent.id] if node.parent is not None else []
        return [issue for child in node.children for issue in self.issues_under(child)]

    def issue_index(self, issue_id: int) -> QModelIndex:
        """The index of an issue (invalid if unknown)."""
        node = self._issue_nodes.get(issue_id)
        return self._index_of(node) if node is not None else QModelIndex()

    def article_index(self, article_id: int) -> QModelIndex:
        """The index of an article, fetching its issue if needed (invalid if unknown)."""
        try:
            issue_id = self._library.article(article_id).issue_id
        except ValueError:
            return QModelIndex()
        issue = self._issue_nodes.get(issue_id) if issue_id is not None else None
        if issue is None:
            return QModelIndex()
        self.fetchMore(self._index_of(issue))
        for child in issue.children:
            if child.id == article_id:
                return self._index_of(child)
        return QModelIndex()

    def issue_node(self, issue_id: int) -> Node | None:
        return self._issue_nodes.get(issue_id)

    def root(self) -> Node:
        return self._root

    def node_index(self, node: Node) -> QModelIndex:
        """The model index of ``node`` (built from its row: no search)."""
        return self._index_of(node)

    def issue_nodes(self) -> list[Node]:
        """Every issue row, in tree order."""
        return list(self._issues)

    def issue_ids(self) -> list[int]:
        """Every issue's id in tree order."""
        return [node.id for node in self._issues]

    def neighbour(self, article_id: int | None, step: int) -> int | None:
        """The article ``step`` (±1) away in tree order, crossing issues; None at an end."""
        if article_id is None:
            return self._first_article(range(len(self._issues)))
        index = self.article_index(article_id)
        if not index.isValid():
            return None
        node = self._node(index)
        assert node.parent is not None
        row = node.row + step
        if 0 <= row < len(node.parent.children):
            return node.parent.children[row].id
        position = self._issues.index(node.parent)
        rows = range(position + 1, len(self._issues)) if step > 0 \
            else range(position - 1, -1, -1)
        return self._first_article(rows, last=step < 0)

    def _first_article(self, positions: range, last: bool = False) -> int | None:
        for position in positions:
            issue = self._issues[position]
            self.fetchMore(self._index_of(issue))
            if issue.children:
                return issue.children[-1 if last else 0].id
        return None


def article_label(kind: str, title: str, head: str, copy: bool = False) -> str:
    """A tree row's label: its title, else what it is and the start of its text (a photo
    says so by its icon, ``icons.kind_icon``, not by an emoji a font may lack)."""
    if title:
        return title
    words = first_words(head)
    if copy:
        return tr("(copy) %1").replace("%1", words)
    if kind == "fragment":
        return tr("(fragment) %1").replace("%1", words)
    if kind == "photo":
        return words
    return tr("(untitled) %1").replace("%1", words)


def issue_title(issue: IssueRow) -> str:
    """An issue's row without its count: date, edition and number when known, its name."""
    parts = [issue.date or "", tr("ed. %1").replace("%1", issue.edition) if issue.edition
             else "", tr("no. %1").replace("%1", issue.number) if issue.number else "",
             issue.title]
    return " · ".join(p for p in parts if p)


def issue_tooltip(issue: IssueRow) -> str:
    """Where an issue comes from and where each of its details was read."""
    lines = [f"{issue.paper} / {issue.source_key}"]
    for value, origin, text in (
            (issue.date, issue.date_from, tr("Date: %1")),
            (issue.edition, issue.edition_from, tr("Edition: %1")),
            (issue.number, issue.number_from, tr("Number: %1"))):
        if value:
            lines.append(text.replace("%1", value) + f" ({origin_text(origin)})")
    if not issue.date:
        lines.append(tr("No date: right-click and choose Set date… to give it one."))
    return "\n".join(lines)


def count_issues(group: Node) -> int:
    """How many issues a paper, year or month row holds."""
    if group.kind not in DATE_GROUPS:
        return 1 if group.kind == ISSUE else 0
    return sum(count_issues(child) for child in group.children)


class ArticleFilterProxy(QSortFilterProxyModel):
    """Shows the articles the library matched for the filter text (by title, the start of
    an untitled text, tag or entity: ``Library.tree_matches``), with their issues and
    groups; everything when unfiltered.

    Not Qt's recursive filtering, which asks every article of every issue: the groups and
    issues that hold a match are worked out once, so an issue's articles are only looked
    at when the issue is opened."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._text = ""
        self._ids: set[int] = set()
        self._holders: set[int] = set()
        """id() of every paper, year and issue node holding a matching article."""
        self._counts: dict[int, int] = {}
        """id() of those nodes → how many matching articles each holds."""

    def set_filter(self, text: str, matching_ids: set[int], issue_ids: set[int],
                   counts: dict[int, int] | None = None) -> None:
        """Show the articles ``matching_ids`` for ``text``, in the issues ``issue_ids``
        that hold them (with their groups); ``counts`` (issue id → matching articles)
        become the numbers after the issues, years and papers while the filter is on."""
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.9
            self.beginFilterChange()
        self._text, self._ids = text.casefold(), set(matching_ids)
        self._holders = self._holding(issue_ids) if self._text else set()
        self._counts = self._counted(counts or {}) if self._text else {}
        if hasattr(self, "endFilterChange"):
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateRowsFilter()

    def _issue_nodes(self, issue_ids: Iterable[int]) -> Iterator[Node]:
        model = self.sourceModel()
        if isinstance(model, IssueTreeModel):
            for issue_id in issue_ids:
                if (node := model.issue_node(issue_id)) is not None:
                    yield node

    def _holding(self, issue_ids: set[int]) -> set[int]:
        """id() of the issue nodes ``issue_ids`` and of their years and papers (the
        issues' articles need not have been read)."""
        holders: set[int] = set()
        for issue in self._issue_nodes(issue_ids):
            node: Node | None = issue
            while node is not None and id(node) not in holders:
                holders.add(id(node))
                node = node.parent
        return holders

    def _counted(self, counts: dict[int, int]) -> dict[int, int]:
        """id() of each issue, year and paper node → the matching articles it holds."""
        held: dict[int, int] = {}
        for issue in self._issue_nodes(counts):
            node: Node | None = issue
            while node is not None and node.parent is not None:
                held[id(node)] = held.get(id(node), 0) + counts[issue.id]
                node = node.parent
        return held

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """While filtered, a paper, year or issue counts the articles that match."""
        if role == Qt.ItemDataRole.DisplayRole and self._counts and index.isValid():
            node = self.mapToSource(index).internalPointer()
            if isinstance(node, Node) and (count := self._counts.get(id(node))) is not None:
                return f"{node.title} ({count})"
        return super().data(index, role)

    def holds(self, node: Node) -> bool:
        """Whether a paper, year or issue node holds a match of the filter."""
        return id(node) in self._holders

    def filter_text(self) -> str:
        return self._text

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._text:
            return True
        model = self.sourceModel()
        assert isinstance(model, IssueTreeModel)
        node = model.node_at(source_row, source_parent)
        if node is None:
            return False
        if node.kind in GROUPS:
            return id(node) in self._holders
        return not node.removed and node.id in self._ids
