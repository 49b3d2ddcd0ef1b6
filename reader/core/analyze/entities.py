"""Turn candidates into entities: longest span wins, names spread across texts, canonical names."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import compress, repeat

from reader.core.analyze.context import PUNCT, Candidate, Context
from reader.core.analyze.corrections import Corrections
from reader.core.analyze.orgs import find_orgs
from reader.core.analyze.persons import find_persons
from reader.core.analyze.places import find_places
from reader.core.model import Entity, EntityType

USER_PRIORITY = 9
SPREAD_MIN = {"person": 2, "place": 2, "org": 4}
"""Shortest name that is looked for again elsewhere once found with evidence."""
USER_TAGS: dict[str, EntityType] = {"nr": "person", "nrfg": "person", "nrt": "person",
                                    "ns": "place", "nt": "org"}


@dataclass
class Learned:
    """A name found with evidence, to be looked for in the other texts of an item."""

    type: EntityType
    canonical: str


def candidates(ctx: Context, corrections: Corrections) -> list[Candidate]:
    """Every candidate of one text, user-added names included, rejected ones removed."""
    persons = find_persons(ctx)
    ctx.barrier = {offset for c in persons if c.rule != "honorific"
                   for offset in range(c.start, c.end)}
    places = find_places(ctx)
    orgs = find_orgs(ctx)
    found = persons + places + orgs + _placed_orgs(places, orgs)
    found += _user_names(ctx, corrections)
    return [c for c in found if not corrections.is_rejected(ctx.text[c.start:c.end])]


ADMIN_RULES = frozenset({"province", "city", "district", "county", "newarea", "chain",
                         "admin-ns", "admin-short"})


def _placed_orgs(places: list[Candidate], orgs: list[Candidate]) -> list[Candidate]:
    """An administrative place written right before a body is part of its name
    (浙江省杭州市 + 西湖区人民法院)."""
    ends: dict[int, list[Candidate]] = {}
    for place in places:
        if place.rule in ADMIN_RULES:
            ends.setdefault(place.end, []).append(place)
    return [Candidate("org", place.start, org.end, "", org.priority, "org-placed")
            for org in orgs for place in ends.get(org.start, [])]


def _user_names(ctx: Context, corrections: Corrections) -> list[Candidate]:
    names: dict[str, EntityType] = {word: USER_TAGS[tag] for word, tag in
                                    ctx.segmenter.user_words.items() if tag in USER_TAGS}
    names.update(corrections.added)
    found = []
    for name, kind in names.items():
        start = ctx.text.find(name)
        while start >= 0:
            found.append(Candidate(kind, start, start + len(name), name, USER_PRIORITY, "user"))
            start = ctx.text.find(name, start + len(name))
    return found


def resolve(found: Iterable[Candidate], size: int) -> list[Candidate]:
    """Keep non-overlapping candidates: user names first, then the longest, then priority."""
    chosen: list[Candidate] = []
    occupied = bytearray(size)
    order = sorted(found, key=lambda c: (c.priority < USER_PRIORITY, -(c.end - c.start),
                                         -c.priority, c.start))
    for cand in order:
        if cand.end <= cand.start or any(occupied[cand.start:cand.end]):
            continue
        chosen.append(cand)
        occupied[cand.start:cand.end] = b"\x01" * (cand.end - cand.start)
    chosen.sort(key=lambda c: c.start)
    return chosen


def learn(ctx: Context, chosen: list[Candidate], into: dict[str, Learned]) -> None:
    """Remember names found with evidence so other mentions of them are found too."""
    for cand in chosen:
        text = ctx.text[cand.start:cand.end]
        kind: EntityType = cand.type  # type: ignore[assignment]
        if len(text) >= SPREAD_MIN[kind] and text not in into:
            into[text] = Learned(kind, cand.canonical or text)
        if cand.rule == "chain" and len(cand.canonical) >= 2 and cand.canonical not in into:
            into[cand.canonical] = Learned("place", cand.canonical)  # 甘肃省庆阳市环县 → 环县
        short = _short_form(text, cand)
        if short and short not in into and short not in ctx.lexicon.stopwords and \
                ctx.segmenter.tag(short) in (None, "ns"):
            into[short] = Learned("place", cand.canonical or text)


def _short_form(text: str, cand: Candidate) -> str:
    """A county or district found by rule is also written without its suffix (庆城县 → 庆城)."""
    if cand.type != "place" or cand.rule not in ("chain", "admin-ns"):
        return ""
    last = cand.canonical or text
    for suffix in ("县", "区", "市"):
        if last.endswith(suffix) and len(last) - len(suffix) >= 2:
            return last[: -len(suffix)]
    return ""


def spread(ctx: Context, chosen: list[Candidate], learned: dict[str, Learned]) -> list[Candidate]:
    """Add the other mentions of learned names where nothing else was found."""
    occupied = bytearray(len(ctx.text))
    for cand in chosen:
        occupied[cand.start:cand.end] = b"\x01" * (cand.end - cand.start)
    added = []
    text = ctx.text
    firsts: dict[str, list[int]] = {}
    heads: dict[str, list[int]] = {}
    for name in sorted(learned, key=len, reverse=True):
        positions = heads.get(name[:2])
        if positions is None:
            first = firsts.get(name[0])
            if first is None:
                first = firsts[name[0]] = _positions(text, name[0])
            positions = heads[name[:2]] = _starting(text, name[:2], first)
        end = 0  # what text.find(name, end) finds, one after the other
        for start in _starting(text, name, positions):
            if start < end:
                continue
            end = start + len(name)
            if not any(occupied[start:end]) and _clean_edges(ctx, start, end):
                info = learned[name]
                added.append(Candidate(info.type, start, end, info.canonical, 1, "spread"))
                occupied[start:end] = b"\x01" * (end - start)
    return sorted(chosen + added, key=lambda c: c.start)


def _positions(text: str, char: str) -> list[int]:
    """Every offset of ``char`` in ``text``. The names learned in a long text (1,300 first
    two characters of the 1,700 names learned in pd_dev read as one text) are looked for
    where those two characters stand, found among the offsets of the first: one find per
    name over the whole text took 0.13 s there, one per pair of characters too."""
    found = []
    position = text.find(char)
    while position >= 0:
        found.append(position)
        position = text.find(char, position + 1)
    return found


def _starting(text: str, prefix: str, positions: list[int]) -> list[int]:
    """The offsets among ``positions`` where ``text`` goes on with ``prefix`` (tested in C)."""
    return list(compress(positions, map(text.startswith, repeat(prefix), positions)))


def _clean_edges(ctx: Context, start: int, end: int) -> bool:
    """A name found again must start and end on word boundaries (or punctuation)."""
    left = ctx.boundary(start) or ctx.char(start - 1) in PUNCT
    right = ctx.boundary(end) or ctx.char(end) in PUNCT
    return left and right


def to_entities(texts: list[str], chosen: list[list[Candidate]],
                corrections: Corrections) -> list[list[Entity]]:
    """Entities of each text, with canonical names resolved across all of them."""
    org_names = {texts[i][c.start:c.end] for i, cands in enumerate(chosen) for c in cands
                 if c.type == "org"}
    result = []
    for paragraph, (text, cands) in enumerate(zip(texts, chosen, strict=True)):
        entities = [_entity(c, text, paragraph, org_names) for c in cands]
        result.append(corrections.apply(entities))
    return result


def _entity(cand: Candidate, text: str, paragraph: int, org_names: set[str]) -> Entity:
    kind: EntityType = cand.type  # type: ignore[assignment]
    surface = text[cand.start:cand.end]
    return Entity(kind, surface, paragraph, cand.start, cand.end,
                  _canonical(cand, surface, org_names))


def _canonical(cand: Candidate, text: str, org_names: set[str]) -> str:
    if cand.type == "org":
        return _full_org_name(text, org_names)
    return cand.canonical or text


def _full_org_name(text: str, org_names: set[str]) -> str:
    """``区投资促进局`` is ``南开区投资促进局`` when the longer form occurs too."""
    if text[:1] not in "区市县省":
        return text
    longer = [name for name in org_names if name != text and name.endswith(text)]
    return max(longer, key=len) if longer else text
