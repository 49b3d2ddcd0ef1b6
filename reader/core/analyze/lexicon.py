"""Load the analysis dictionaries in resources/dict/ into one read-only Lexicon."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from reader.core.resources import resources_dir

ADMIN_SUFFIXES = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州",
                  "自治县", "地区", "新区", "林区", "省", "市", "区", "县", "盟")


@dataclass(frozen=True)
class Place:
    """A gazetteer entry: its full name and kind (province, city, district, river …)."""

    name: str
    kind: str


@dataclass(frozen=True)
class Lexicon:
    """Every word list the rules use; built once from resources/dict/."""

    places: dict[str, Place] = field(default_factory=dict)
    """Full and short gazetteer names → the entry (南开 → 南开区)."""
    surnames: frozenset[str] = frozenset()
    rare_surnames: frozenset[str] = frozenset()
    compound_surnames: frozenset[str] = frozenset()
    people: frozenset[str] = frozenset()
    before_person: frozenset[str] = frozenset()
    after_person: frozenset[str] = frozenset()
    honorifics: frozenset[str] = frozenset()
    byline_roles: frozenset[str] = frozenset()
    credit_words: frozenset[str] = frozenset()
    org_suffixes: dict[str, str] = field(default_factory=dict)
    place_suffixes: dict[str, str] = field(default_factory=dict)
    stopwords: frozenset[str] = frozenset()
    governing_verbs: frozenset[str] = frozenset()
    dict_dir: Path = Path()

    def place_of(self, name: str) -> Place | None:
        """The gazetteer entry of a full or short name, if any."""
        return self.places.get(name)


_LOCK = threading.Lock()
_LEXICON: list[Lexicon] = []


def lexicon() -> Lexicon:
    """The process-wide lexicon, loaded on first use."""
    if not _LEXICON:
        with _LOCK:
            if not _LEXICON:
                _LEXICON.append(load_lexicon(resources_dir() / "dict"))
    return _LEXICON[0]


def load_lexicon(folder: Path) -> Lexicon:
    """Read every dictionary file of ``folder``."""
    surnames = _sections(folder / "surnames.txt")
    context = _sections(folder / "person_context.txt")
    return Lexicon(
        places=_gazetteer(folder / "places.txt"),
        surnames=frozenset(surnames["common"]) | frozenset(surnames["rare"]),
        rare_surnames=frozenset(surnames["rare"]),
        compound_surnames=frozenset(surnames["compound"]),
        people=frozenset(_words(folder / "people.txt")),
        before_person=frozenset(context["before"]),
        after_person=frozenset(context["after"]),
        honorifics=frozenset(context["honorific"]),
        byline_roles=frozenset(context["byline"]),
        credit_words=frozenset(context["credit"]),
        org_suffixes=_table(folder / "org_suffixes.txt"),
        place_suffixes=_table(folder / "place_suffixes.txt"),
        stopwords=frozenset(_words(folder / "stopwords.txt")),
        governing_verbs=frozenset(_words(folder / "governing_verbs.txt")),
        dict_dir=folder,
    )


def _lines(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"]


def _words(path: Path) -> list[str]:
    return [word for line in _lines(path) for word in line.split()]


def _sections(path: Path) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current: list[str] = []
    for line in _lines(path):
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
        else:
            current.extend(line.split())
    return sections


def _table(path: Path) -> dict[str, str]:
    table: dict[str, str] = {}
    for line in _lines(path):
        key, value = line.split("\t")[:2]
        table[key] = value
    return table


def _gazetteer(path: Path) -> dict[str, Place]:
    places: dict[str, Place] = {}
    for line in _lines(path):
        name, kind, *rest = line.split("\t")
        place = Place(name, kind)
        places.setdefault(name, place)
        for short in _short_forms(name, rest[0] if rest else None):
            places.setdefault(short, place)
    return places


def _short_forms(name: str, given: str | None) -> list[str]:
    if given == "-":
        return []
    if given:
        return given.split(",")
    for suffix in ADMIN_SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return [name[: -len(suffix)]]
    return []
