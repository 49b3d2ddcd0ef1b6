"""User corrections to the analysis (rejected entities, alias merges, added names), re-applied."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from reader.core.model import Entity, EntityType

ENTITY_TYPES: tuple[EntityType, ...] = ("person", "place", "org")


def _no_aliases() -> Mapping[str, str]:
    return MappingProxyType({})


def _nothing_added() -> Mapping[str, EntityType]:
    return MappingProxyType({})


@dataclass(frozen=True)
class Corrections:
    """What the user told us about entities; applied every time text is analyzed.

    - ``rejected``: names (surface text or canonical) that are never entities
      (a false highlight the user removed).
    - ``aliases``: surface text or canonical name → the canonical name it stands for
      (南开 → 南开区, 区投促局 → 南开区投资促进局).
    - ``added``: names the analysis missed → their type; found wherever they occur and
      preferred over overlapping guesses.
    """

    rejected: frozenset[str] = frozenset()
    aliases: Mapping[str, str] = field(default_factory=_no_aliases)
    added: Mapping[str, EntityType] = field(default_factory=_nothing_added)

    def __post_init__(self) -> None:
        for name, kind in self.added.items():
            if kind not in ENTITY_TYPES or not name:
                raise ValueError(f"added name {name!r} has an unknown type {kind!r}")

    def is_rejected(self, text: str, canonical: str = "") -> bool:
        """True if a mention with this text or canonical name was rejected."""
        return text in self.rejected or (bool(canonical) and canonical in self.rejected)

    def canonical_of(self, text: str, canonical: str) -> str:
        """The canonical name after alias merges (text first, then the computed canonical)."""
        target = self.aliases.get(text) or self.aliases.get(canonical) or canonical or text
        seen = {target}
        while target in self.aliases and self.aliases[target] not in seen:
            target = self.aliases[target]  # follow chains: a → b → c
            seen.add(target)
        return target

    def apply(self, entities: list[Entity]) -> list[Entity]:
        """Drop rejected mentions and rewrite canonical names; ``entities`` is not changed."""
        kept = []
        for entity in entities:
            if self.is_rejected(entity.text, entity.canonical):
                continue
            canonical = self.canonical_of(entity.text, entity.canonical)
            if self.is_rejected(entity.text, canonical):
                continue
            kept.append(Entity(entity.type, entity.text, entity.paragraph, entity.start,
                               entity.end, canonical))
        return kept


NO_CORRECTIONS = Corrections()
