"""What a change to the library touched, so that every view can refresh what it shows."""

from __future__ import annotations

from dataclasses import dataclass, field, fields


@dataclass(frozen=True)
class Changes:
    """Announced after every change to the library (Anki's ``OpChanges``).

    Views compare it with what they show: the article view re-reads its article when the
    article is in ``articles``, the notes panel when it is in ``notes``, the tree reloads
    when ``issues`` is not empty, and so on. ``everything`` says "assume anything
    changed" (a restore, another program writing the file).
    """

    issues: frozenset[int] = field(default_factory=frozenset)
    """Issues added, replaced or moved to another paper."""
    articles: frozenset[int] = field(default_factory=frozenset)
    """Articles whose text, items or highlights changed (re-import, entity correction)."""
    notes: frozenset[int] = field(default_factory=frozenset)
    """Articles whose notes changed."""
    tagged: frozenset[int] = field(default_factory=frozenset)
    """Articles whose tags changed."""
    tags: bool = False
    """Tag names or colours (every article carrying them shows them)."""
    entities: bool = False
    """Entities or their mentions across the corpus (a rejection, a merge)."""
    papers: bool = False
    everything: bool = False

    def __or__(self, other: Changes) -> Changes:
        values = {}
        for f in fields(self):
            mine, theirs = getattr(self, f.name), getattr(other, f.name)
            values[f.name] = mine | theirs
        return Changes(**values)

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    def touches_article(self, article_id: int | None) -> bool:
        """Whether the text or highlights of ``article_id`` may have changed."""
        return article_id is not None and (self.everything or self.entities
                                           or article_id in self.articles)

    def touches_notes(self, article_id: int | None) -> bool:
        return article_id is not None and (self.everything or article_id in self.notes
                                           or article_id in self.articles)

    def touches_tags(self, article_id: int | None) -> bool:
        return article_id is not None and (self.everything or self.tags
                                           or article_id in self.tagged)

    def touches_tree(self) -> bool:
        """Whether the issue tree (papers, issues, article titles, tag filter) may be stale."""
        return bool(self.everything or self.issues or self.papers or self.articles)

    def touches_corpus(self) -> bool:
        """Whether corpus-wide tables (entity index, figures) may be out of date."""
        return bool(self.everything or self.issues or self.entities or self.articles)


EVERYTHING = Changes(everything=True)
