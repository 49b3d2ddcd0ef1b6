"""Vote between the rules' entities and the tagger's: explainable rules, in docs/analysis.md."""

from __future__ import annotations

from bisect import bisect_left

from reader.core.analyze.context import PUNCT, Candidate, Context
from reader.core.analyze.corrections import Corrections
from reader.core.analyze.entities import USER_PRIORITY
from reader.core.analyze.lexicon import Place
from reader.core.analyze.tagger import Span

CONVENTION_RULES = frozenset({
    "user", "byline", "famous",                        # the user's names, bylines, known people
    "honorific", "familiar",                           # 赵先生, 小王: one span with the address
    "chain", "road", "site", "admin-village",          # 北京市海淀区, 冶金路, 水上公园, 王庄村
    "org-placed", "org-chain", "org-child", "org-gov", "org-local",  # 南开区人民政府,
    # 公安南开分局王顶堤派出所, 区投资促进局, 向阳路街道 …
    "org-brand",                                       # 沃坦电气: the model reads a person
})
"""Rules that carry the reader's own conventions or evidence the model cannot weigh: where
they and the model disagree, they win. Every other rule (a gazetteer name, a surname with a
title, a word jieba tags as a name, a company by its suffix …) is generic: the model, better
on news text, wins any overlap with it."""
FOREIGN_KINDS = frozenset({"country", "continent"})
"""A body of a country (美国政府) is not one span for the reader either: the country is."""


def combine(ctx: Context, rules: list[Candidate], model: list[Span],
            corrections: Corrections) -> list[Candidate]:
    """The rules' chosen mentions merged with the model's, without overlaps, in text order.

    0. A rule organization opened by a verb or preposition (加上政府) is dropped.
    1. The user's corrections come first: a rejected name is never taken from the model;
       added names, bylines and known people are never overridden.
    2. A rule mention that the model cuts into adjacent pieces covering it exactly stays
       whole (北京市|海淀区, 京|津|冀); so does a rule organization whose head the model
       reads as places, the rest unmarked (北京市|海淀区|教师进修学校).
    3. A model organization overlapping a rule organization must end where it ends (it may
       only lengthen it on the left: 宁德时代新能源科技有限公司 over 新能源科技有限公司).
    4. Otherwise a model span beats the generic rule mentions it overlaps (中国足球报 over
       中国, 东北 over 东北地区) but a convention only when it strictly contains it with
       the same type (李明轩 over 李明, 东湖高新区 over 高新区); a model person never beats
       a firm named right after 企业 or 公司 (上市公司金百泽).
    5. A model span that overlaps nothing is added unless ``_plausible`` says no; a rule
       mention the model did not mark stays (the rules find what the news data lacks).
    """
    rules = [c for c in rules if not _opens_with_verb(ctx, c)]
    kept: list[Candidate | None] = list(rules)
    owner = [-1] * len(ctx.text)
    for index, cand in enumerate(rules):
        owner[cand.start:cand.end] = [index] * (cand.end - cand.start)
    places = _place_edges(model)
    tiled = _tiled(rules, model) | _place_headed(ctx, rules, model)
    for span in model:
        text = ctx.text[span.start:span.end]
        if corrections.is_rejected(text) or not _plausible(ctx, span, text, places):
            continue
        hit = set(owner[span.start:span.end]) - {-1}
        losers = [cand for cand in (kept[index] for index in hit) if cand is not None]
        if hit & tiled or not all(_model_wins(ctx, span, cand) for cand in losers):
            continue
        for index in hit:
            lost = kept[index]
            if lost is not None:
                owner[lost.start:lost.end] = [-1] * (lost.end - lost.start)
            kept[index] = None
        owner[span.start:span.end] = [len(kept)] * (span.end - span.start)
        kept.append(_candidate(ctx, span, text))
    return sorted((c for c in kept if c is not None), key=lambda c: c.start)


def _tiled(rules: list[Candidate], model: list[Span]) -> set[int]:
    """Indexes of rule mentions that the model cuts into adjacent pieces covering them
    exactly (北京市|海淀区, 京|津|冀, 北京市|海淀区教师进修学校): the reader keeps such names
    whole."""
    by_start = {span.start: span for span in model}
    tiled = set()
    for index, rule in enumerate(rules):
        position, pieces = rule.start, 0
        while position < rule.end and position in by_start:
            position, pieces = by_start[position].end, pieces + 1
        if position == rule.end and pieces >= 2:
            tiled.add(index)
    return tiled


def _place_headed(ctx: Context, rules: list[Candidate], model: list[Span]) -> set[int]:
    """Indexes of rule organizations whose head the model reads as places and whose rest it
    leaves unmarked (北京市|海淀区|教师进修学校 with only the two places marked): a body
    named after its place is one span for the reader (南开区人民政府), unless the place is a
    foreign country (美国|政府)."""
    by_start = {span.start: span for span in model}
    starts = sorted(by_start)
    headed = set()
    for index, rule in enumerate(rules):
        if rule.type != "org" or rule.start not in by_start:
            continue
        position = rule.start
        while position < rule.end and position in by_start and \
                by_start[position].type == "place":
            position = by_start[position].end
        rest = bisect_left(starts, position)
        if position >= rule.end or position == rule.start or \
                (rest < len(starts) and starts[rest] < rule.end):
            continue
        place = _leading_place(ctx, ctx.text[rule.start:rule.end])
        if place is None or place.kind not in FOREIGN_KINDS:
            headed.add(index)
    return headed


def _place_edges(model: list[Span]) -> tuple[set[int], set[int]]:
    """Start and end offsets of the model's places."""
    places = [span for span in model if span.type == "place"]
    return {span.start for span in places}, {span.end for span in places}


def _plausible(ctx: Context, span: Span, text: str, places: tuple[set[int], set[int]]) -> bool:
    """A model mention is dropped when it

    - is a generic word of the stopword list (全区, 我市, 社区 …) or a bare institutional
      suffix (联盟, 公司);
    - holds punctuation (a span across brackets or a list), a middle dot in a foreign
      person's name excepted;
    - is a single-character place not written next to another place (在京举办: no;
      中美关系, 中日韩: yes);
    - is a single-character person without a title or form of address right after it
      (江主席, 李女士: yes).
    """
    if text in ctx.lexicon.stopwords or text in ctx.lexicon.org_suffixes:
        return False
    inner = text.replace("·", "") if span.type == "person" else text
    if not PUNCT.isdisjoint(inner):
        return False
    if len(text) == 1 and span.type == "place":
        starts, ends = places
        return span.start in ends or span.end in starts
    if span.type != "person" and _holds_verb(ctx, span):
        return False
    if len(text) == 1 and span.type == "person":
        lex = ctx.lexicon
        return bool(ctx.after_startswith(span.end, lex.before_person | lex.honorifics))
    return True


VERB_TAGS = frozenset({"v", "vd", "i", "l"})


def _holds_verb(ctx: Context, span: Span) -> bool:
    """True if a verb or idiom of two characters or more lies wholly inside the span
    (南开区围绕区委, 庆城县依托西北农林科技大学 are no names)."""
    index = ctx.index_at(span.start)
    words, starts, tags = ctx.tokens.words, ctx.tokens.starts, ctx.tokens.tags
    while index < len(words) and starts[index] < span.end:
        word, start = words[index], starts[index]
        inside = start >= span.start and start + len(word) <= span.end
        if inside and len(word) >= 2 and (tags[index] in VERB_TAGS or
                                          word in ctx.lexicon.governing_verbs):
            return True
        index += 1
    return False


def _model_wins(ctx: Context, span: Span, rule: Candidate) -> bool:
    """True if the model's span beats a rule mention it overlaps.

    A generic rule mention always loses. A convention loses only to a model span of its own
    type that strictly contains it (李明轩 over 李明, 东湖高新区 over 高新区); an organization
    only to one that lengthens it on its left (宁德时代新能源科技有限公司 over 新能源科技有限公司).
    """
    if rule.priority >= USER_PRIORITY or rule.rule in ("user", "byline", "famous"):
        return False
    if rule.type == "org" and span.type == "org" and span.end != rule.end:
        return False  # 南开大学 + 教授团队: a body is only lengthened on its left
    if rule.rule == "org-apposition" and span.type == "person":
        return False  # 上市公司金百泽: the word before says firm; the model reads a person
    if not is_convention(ctx, rule):
        return True
    contains = span.start <= rule.start and rule.end <= span.end and \
        (span.end - span.start) > (rule.end - rule.start)
    return contains and rule.type == span.type


def is_convention(ctx: Context, rule: Candidate) -> bool:
    """True if the rule mention follows the reader's conventions (see ``CONVENTION_RULES``);
    a body named after a foreign country (美国政府, 印度外交部) or a government named after
    no Chinese division (克林顿政府) is generic."""
    if rule.priority >= USER_PRIORITY:
        return True
    if rule.rule not in CONVENTION_RULES:
        return False
    if rule.type == "org":
        text = ctx.text[rule.start:rule.end]
        place = _leading_place(ctx, text)
        if place is not None and place.kind in FOREIGN_KINDS:
            return False
        if text.endswith("政府") and place is None:
            return False
    return True


def _leading_place(ctx: Context, text: str) -> Place | None:
    """The longest gazetteer name that ``text`` starts with (a shorter rest left)."""
    for size in range(min(len(text) - 1, 8), 0, -1):
        place = ctx.lexicon.place_of(text[:size])
        if place is not None:
            return place
    return None


OPENING_TAGS = frozenset({"v", "vd", "p", "d", "c"})


def _opens_with_verb(ctx: Context, rule: Candidate) -> bool:
    """True for a rule organization whose first word is a verb, preposition,
    adverb or conjunction (加上政府, 主持自治区人民政府, 得到…委员会): a governing word
    missing from governing_verbs.txt, not part of the name."""
    if rule.type != "org" or rule.priority >= USER_PRIORITY or \
            rule.rule in ("user", "byline", "famous"):
        return False
    index = ctx.index_at(rule.start)
    word = ctx.word(index)
    return ctx.tokens.starts[index] == rule.start and len(word) >= 2 and \
        ctx.tag(index) in OPENING_TAGS and ctx.tokens.end(index) < rule.end


def _candidate(ctx: Context, span: Span, text: str) -> Candidate:
    """A model mention as a candidate; a place of the gazetteer takes its full name."""
    place = ctx.lexicon.place_of(text) if span.type == "place" else None
    return Candidate(span.type, span.start, span.end, place.name if place else "", 1, "model")
