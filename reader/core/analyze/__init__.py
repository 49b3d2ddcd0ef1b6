"""Entity and figure analysis of newspaper text: the public API (docs/analysis.md)."""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.core.analyze.combine import combine
from reader.core.analyze.context import Context
from reader.core.analyze.corrections import NO_CORRECTIONS, Corrections
from reader.core.analyze.entities import Learned, candidates, learn, resolve, spread, to_entities
from reader.core.analyze.figures import find_figures
from reader.core.analyze.lexicon import lexicon
from reader.core.analyze.places import enumerated_places
from reader.core.analyze.segmenter import Segmenter, default_segmenter
from reader.core.analyze.stamp import RULES_VERSION, analysis_stamp
from reader.core.analyze.tagger import Tagger, default_tagger
from reader.core.model import Entity, Figure, Issue, Item

__all__ = ["RULES_VERSION", "Analysis", "Corrections", "Tagger", "analysis_stamp", "analyze_issue",
           "analyze_item", "analyze_text", "analyze_texts", "warm_up"]


@dataclass
class Analysis:
    """Entities and figures of one text; offsets are ``str`` indexes into that text."""

    entities: list[Entity] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)


def warm_up(segmenter: Segmenter | None = None, tagger: Tagger | None = None) -> float:
    """Load the tokenizer, dictionaries and model now; return the seconds it took (0 if loaded)."""
    seg = segmenter or default_segmenter()
    model = tagger or default_tagger()
    lexicon()
    seconds = seg.load()
    return seconds + (model.load() if model.available else 0.0)


def analyze_text(text: str, corrections: Corrections | None = None,
                 segmenter: Segmenter | None = None, tagger: Tagger | None = None) -> Analysis:
    """Entities and figures of one text (paragraph field 0)."""
    return analyze_texts([text], corrections, segmenter=segmenter, tagger=tagger)[0]


def analyze_texts(texts: list[str], corrections: Corrections | None = None,
                  known_persons: list[str] | None = None,
                  segmenter: Segmenter | None = None,
                  tagger: Tagger | None = None) -> list[Analysis]:
    """Analyze the paragraphs of one article together: a name found in one is found in all.

    ``paragraph`` of each mention is the index of its text in ``texts``. ``known_persons``
    (the byline's names) are looked for in every text. The rules and the tagger (the
    shipped model unless given; rules alone if its file is missing) vote (combine.py).
    """
    fixes = corrections or NO_CORRECTIONS
    seg = segmenter or default_segmenter()
    model = tagger or default_tagger()
    use_model = model.available
    lex = lexicon()
    contexts = [Context(text, seg.tokens(text), lex, seg) for text in texts]
    learned: dict[str, Learned] = {name: Learned("person", name)
                                   for name in known_persons or [] if len(name) >= 2}
    chosen = []
    for ctx in contexts:
        picked = resolve(candidates(ctx, fixes), len(ctx.text))
        picked = resolve(picked + enumerated_places(ctx, picked), len(ctx.text))
        if use_model:
            picked = combine(ctx, picked, model.spans(ctx.text, ctx.tokens), fixes)
        learn(ctx, picked, learned)
        chosen.append(picked)
    chosen = [spread(ctx, picked, learned) for ctx, picked in zip(contexts, chosen, strict=True)]
    entities = to_entities(texts, chosen, fixes)
    results = []
    for index, ctx in enumerate(contexts):
        figures = find_figures(ctx.text, ctx.tokens)
        for figure in figures:
            figure.paragraph = index
        results.append(Analysis(entities[index], figures))
    return results


def analyze_item(item: Item, corrections: Corrections | None = None,
                 segmenter: Segmenter | None = None, tagger: Tagger | None = None) -> None:
    """Fill ``item.entities`` and ``item.figures`` from its paragraphs (titles are not read)."""
    texts = [paragraph.text for paragraph in item.paragraphs]
    analyses = analyze_texts(texts, corrections, known_persons=item.bylines,
                             segmenter=segmenter, tagger=tagger)
    item.entities = [e for a in analyses for e in a.entities]
    item.figures = [f for a in analyses for f in a.figures]


def analyze_issue(issue: Issue, corrections: Corrections | None = None,
                  segmenter: Segmenter | None = None, tagger: Tagger | None = None) -> None:
    """Fill the entities and figures of every item of ``issue`` in place."""
    for item in issue.items:
        analyze_item(item, corrections, segmenter, tagger)
