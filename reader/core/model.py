"""Plain dataclasses for a parsed issue: its items, paragraphs, entities and figures."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

ItemKind = Literal["article", "photo", "fragment"]
ParagraphKind = Literal["text", "subhead", "caption"]
EntityType = Literal["person", "place", "org"]


@dataclass
class Entity:
    """A mention of a person, place or organization inside one paragraph."""

    type: EntityType
    text: str
    paragraph: int
    start: int
    end: int
    canonical: str = ""


@dataclass
class Figure:
    """A number with its kind, unit and normalized value inside one paragraph."""

    kind: str
    text: str
    value: float | int | None
    unit: str
    paragraph: int
    start: int
    end: int
    norm: str = ""
    """Normalized form of a date or period (``2024-08-30``, ``2024-Q1``); see docs/analysis.md."""
    qualifier: str = ""
    """``about``, ``nearly``, ``over`` or ``under`` when the text hedges (约, 近, 超, 余)."""
    upper: float | int | None = None
    """Upper bound of a range (``2至3元``: value 2, upper 3)."""


@dataclass(slots=True)
class Paragraph:
    """One paragraph of an item: body text, a subhead or a photo caption."""

    kind: ParagraphKind
    text: str


@dataclass(slots=True)
class Item:
    """One article, photo or fragment of an issue, in reading order."""

    index: int
    kind: ItemKind
    title_lines: list[str] = field(default_factory=list)
    bylines: list[str] = field(default_factory=list)
    byline: str = ""
    credit: str = ""
    paragraphs: list[Paragraph] = field(default_factory=list)
    duplicate_of: int | None = None
    entities: list[Entity] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)

    @property
    def title(self) -> str:
        """The title for display: the title lines joined by a space."""
        return " ".join(self.title_lines)

    @property
    def body(self) -> str:
        """The paragraphs' text, one paragraph a line."""
        return "\n".join(p.text for p in self.paragraphs)


@dataclass
class Source:
    """Where an issue came from: file name, content hash and the encoding it was read in."""

    name: str
    sha256: str
    encoding: str


@dataclass
class Issue:
    """A parsed issue: its title, date, edition (版次) and number (期), read from the file
    name and the page headers (``reader.core.issue_details``), and its items."""

    title: str
    date: str | None
    source: Source
    items: list[Item] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    edition: str | None = None
    number: str | None = None
    read_from: dict[str, str] = field(default_factory=dict)
    """Where each of ``date``, ``edition`` and ``number`` was read: ``name`` or ``text``."""
