"""Read models: what the library hands to the command line and the window.

Plain frozen dataclasses, made by ``reader.db`` from its rows and used unchanged by the
library facade and the UI (so a view never declares its own idea of an article).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.core.splits import SplitFix

ArticleLabel = tuple[int, str, str, str, bool, bool]
"""(id, kind, title, head of the text when untitled, removed, a copy of another item)
of a tree row."""


@dataclass(frozen=True)
class IssueRow:
    id: int
    title: str
    date: str | None
    source_name: str
    sha256: str
    encoding: str
    item_count: int
    imported_at: str
    paper: str
    source_key: str
    """The issue's name within its paper: its path under the imported folder."""
    edition: str | None = None
    """版次 (``01``, ``A04``), read or set by the user; None when unknown."""
    number: str | None = None
    """期 (``1234``); None when unknown."""
    date_from: str = ""
    """Where the date came from: ``name``, ``folder``, ``text``, ``user`` ('' if none)."""
    edition_from: str = ""
    number_from: str = ""


@dataclass(frozen=True)
class ArticleRow:
    id: int
    issue_id: int | None
    position: int
    kind: str
    title: str
    title_lines: list[str]
    bylines: list[str]
    byline: str
    credit: str
    duplicate_of: int | None
    body: str
    paragraphs: list[tuple[str, int, int]]
    issue_title: str
    issue_date: str | None
    removed: bool = False
    """No longer in its issue's text since a re-import; kept for the reader's tags or notes."""
    issue_edition: str | None = None
    """版次 of the article's issue (None when unknown)."""
    issue_number: str | None = None
    """期 of the article's issue."""
    paper: str = ""
    """The paper the article's issue belongs to."""


@dataclass(frozen=True)
class Highlight:
    """A span of an article's text to highlight: an entity mention or a figure."""

    start: int
    end: int
    layer: str
    """``person``, ``place``, ``org`` or ``figure``."""
    label: str
    """The canonical name of an entity, or the kind of a figure (money, percent …)."""
    value: float | None = None
    unit: str = ""


@dataclass(frozen=True)
class Mention:
    """One mention of an entity, with the sentence around it."""

    article_id: int
    issue_title: str
    issue_date: str | None
    article_title: str
    context: str
    start: int
    end: int
    context_start: int = -1
    """Where the mention starts in ``context`` (it ends ``end - start`` later)."""


@dataclass(frozen=True)
class EntityCorrection:
    """A rejection (``target`` empty) or a merge of ``name`` into ``target``, and when."""

    action: str
    type: str
    name: str
    target: str
    created: str


@dataclass(frozen=True)
class EntityCount:
    """An entity of the corpus and how often it occurs (a row of the entity index)."""

    id: int
    type: str
    name: str
    mentions: int
    articles: int
    issues: int


@dataclass(frozen=True)
class FigureRow:
    """A figure of the corpus with where it occurs (a row of the figures table)."""

    article_id: int
    issue_title: str
    issue_date: str | None
    article_title: str
    kind: str
    text: str
    value: float | None
    upper: float | None
    unit: str
    norm: str
    qualifier: str
    start: int
    end: int
    context: str


@dataclass(frozen=True)
class TagRow:
    id: int
    name: str
    color: str
    count: int


@dataclass(frozen=True)
class TagState:
    """A tag as it was, with the articles it was on: what undoing a rename, merge, colour
    or delete puts back."""

    id: int
    name: str
    color: str
    created: str
    links: tuple[tuple[int, str], ...]
    """(article id, when it was tagged) of every article that carried it."""


@dataclass(frozen=True)
class NoteRow:
    id: int
    uid: str
    article_id: int
    start: int | None
    end: int | None
    quote: str
    prefix: str
    suffix: str
    status: str
    body: str
    color: str
    created: str
    updated: str


@dataclass(frozen=True)
class Filters:
    """Restrictions that combine with a query (all optional)."""

    tag: str | None = None
    entity: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    kinds: tuple[str, ...] = ()


@dataclass(frozen=True)
class Hit:
    article_id: int
    issue_id: int | None
    issue_title: str
    issue_date: str | None
    kind: str
    title: str
    snippet: str
    """Text around the first hit, the hits marked ``[`` ``]`` (for a terminal)."""
    rank: float
    terms: list[str] = field(default_factory=list)
    excerpt: str = ""
    """The same text unmarked (a window marks the terms itself)."""


@dataclass(frozen=True)
class FixRecord:
    """A stored split correction with its id, issue and time."""

    id: int
    issue_id: int
    fix: SplitFix
    created: str


@dataclass(frozen=True)
class RelatedArticle:
    """An article of another issue that prints the same story (``reader.core.neardup``)."""

    article_id: int
    issue_id: int
    paper: str
    issue_date: str | None
    issue_name: str
    """The issue's name in its paper (its file's path under the imported folder)."""
    title: str
    """The article's title, or the head of its text when it has none."""
    similarity: float
    """Estimated Jaccard similarity of the two texts' 3-gram sets (0-1)."""
    contained: float
    """Estimated share of the shorter text found in the longer one (0-1)."""
    kind: str
    """``copy``, ``part`` (one text inside the other) or ``overlap``."""
