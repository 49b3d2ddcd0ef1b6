"""Find person names: bylines and photo credits, titles and verbs around a name, honorifics."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import compress, count
from operator import itemgetter

from reader.core.analyze.context import FUNCTION_CHARS, PUNCT, Candidate, Context

_HAN = r"\u3400-\u9fff"
_ROLE = (r"(?:本报|本刊|特约|首席|见习|实习|摄影|融媒体|新华社)?"
         r"(?:记者|通讯员|实习生|撰稿|摄影)")
BYLINE_RE = re.compile(
    rf"(?:^|(?<=[\s■□●◆▲△★☆（(]))(?P<role>{_ROLE})(?P<sep>[ \t\u3000]*[:：]?[ \t\u3000]*)"
    rf"(?P<names>[{_HAN}·]{{2,5}}(?:[ \t\u3000、，,]+[{_HAN}·]{{2,5}})*)",
    re.MULTILINE,
)
MARKED_NAMES_RE = re.compile(
    rf"^[■□●◆▲△★☆][ \t\u3000]*(?P<names>[{_HAN}]{{2,4}}(?:[ \t\u3000]+[{_HAN}]{{2,4}})*)"
    rf"(?:[ \t\u3000]*摄)?[ \t\u3000]*$",
    re.MULTILINE,
)
ROLE_WORD_RE = re.compile(rf"^{_ROLE}$")
NOT_NAMES = frozenset({"报道", "摄影", "供图", "拍摄", "文图", "编辑", "制图", "整理"})
STOP_AFTER_NAME = ("派出所", "街道", "社区", "小区", "公司", "集团", "大学", "学院", "医院",
                   "中心", "路", "街", "道", "村", "镇", "乡", "区", "县", "市", "省", "局", "委",
                   "办", "站", "所", "队", "园", "里", "庄", "大厦", "广场", "公园", "片区",
                   "项目", "团队", "工作室", "品牌", "牌", "式", "家族", "故居", "同志们")
COMMON_GIVEN_FREQ = 1000
SPEECH_END = set("，,。：:；;！!？?、”’）) \n")


def find_persons(ctx: Context) -> list[Candidate]:
    """Person candidates of the text, with their evidence as the rule name."""
    found = list(_bylines(ctx))
    found += _famous(ctx)
    found += _context_names(ctx)
    found += _listed_names(ctx, found)
    return found


def _bylines(ctx: Context) -> Iterator[Candidate]:
    for match in BYLINE_RE.finditer(ctx.text):
        if match.group("sep"):
            yield from _names_in(ctx, match.start("names"), match.group("names"), "byline")
        else:
            yield from _attached_name(ctx, match.start("names"), match.group("names"))
    for match in MARKED_NAMES_RE.finditer(ctx.text):
        yield from _names_in(ctx, match.start("names"), match.group("names"), "byline")


def _names_in(ctx: Context, offset: int, body: str, rule: str) -> Iterator[Candidate]:
    """Names of a byline body (``王英浩 阎家言``): stops at the first chunk that is no name."""
    for chunk in re.finditer(r"[^\s、，,]+", body):
        name = chunk.group()
        if ROLE_WORD_RE.match(name):
            continue
        if name.endswith("摄") and len(name) > 2:
            name = name[:-1]
        if name in NOT_NAMES or not _has_surname(ctx, name) or len(name) > 4:
            if chunk.start() == 0:
                return
            break
        start = offset + chunk.start()
        yield Candidate("person", start, start + len(name), name, 3, rule)


ATTACHED_TAILS = ("摄", "报道", "文", "图")


def _attached_name(ctx: Context, offset: int, body: str) -> Iterator[Candidate]:
    """``记者王英浩摄``, ``记者王英浩说``: a name written right after the role, no space."""
    chunk = re.match(r"[^\s、，,]+", body)
    if chunk is None:
        return
    text = chunk.group()
    for size in (3, 2, 4):
        name, rest = text[:size], text[size:]
        end = offset + size
        if len(name) < size or not _has_surname(ctx, name):
            continue
        if (not rest and chunk.end() == len(body)) or rest.startswith(ATTACHED_TAILS) or \
                ctx.after_startswith(end, ctx.lexicon.after_person):
            if ctx.boundary(end) or rest.startswith(ATTACHED_TAILS):
                yield Candidate("person", offset, end, name, 3, "byline")
            return


LIST_SEPARATORS = ("、", "和", "与", "及")
LIST_ENDS = frozenset("、，,。；;：:！？!?）)”等和与及") | {" "}


def _listed_names(ctx: Context, found: list[Candidate]) -> list[Candidate]:
    """``书记张三、李四、王五出席``: names listed right after a name found with evidence."""
    listed: list[Candidate] = []
    for cand in found:
        if cand.rule not in ("before", "after", "byline"):
            continue
        end = cand.end
        while ctx.text.startswith(LIST_SEPARATORS, end):
            nxt = _listed_name(ctx, end + 1)
            if nxt is None:
                break
            listed.append(nxt)
            end = nxt.end
    return listed


def _listed_name(ctx: Context, start: int) -> Candidate | None:
    if start >= len(ctx.text) or not ctx.boundary(start):
        return None
    index = ctx.index_at(start)
    surname = _surname_of(ctx, ctx.tokens.words[index])
    if not surname or surname in ctx.lexicon.rare_surnames:
        return None
    for end in sorted(_name_options(ctx, index, start, surname), reverse=True):
        if ctx.char(end) in LIST_ENDS or ctx.after_startswith(end, ctx.lexicon.after_person):
            return _person(ctx, start, end, "list")
    return None


def _has_surname(ctx: Context, name: str) -> bool:
    lex = ctx.lexicon
    return name[:1] in lex.surnames or name[:2] in lex.compound_surnames


def _famous(ctx: Context) -> list[Candidate]:
    pattern = _alternation(ctx.lexicon.people)
    return [Candidate("person", m.start(), m.end(), m.group(), 3, "famous")
            for m in pattern.finditer(ctx.text)]


@lru_cache(maxsize=4)
def _alternation(names: frozenset[str]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))


@lru_cache(maxsize=4)
def _openers(surnames: frozenset[str], compound: frozenset[str]) -> frozenset[str]:
    return surnames | {name[0] for name in compound}


def _context_names(ctx: Context) -> list[Candidate]:
    found = []
    openers = _openers(ctx.lexicon.surnames, ctx.lexicon.compound_surnames)
    words = ctx.tokens.words
    for index in compress(count(), map(openers.__contains__, map(itemgetter(0), words))):
        word = words[index]
        surname = _surname_of(ctx, word)
        if not surname:
            continue
        start = ctx.tokens.starts[index]
        candidate = _honorific(ctx, start, surname) or _full_name(ctx, index, start, surname)
        if candidate:
            found.append(candidate)
    return found


def _surname_of(ctx: Context, word: str) -> str:
    """The surname a token starts with, if the token can open a name."""
    lex = ctx.lexicon
    if word[:2] in lex.compound_surnames and len(word) <= 3:
        return word[:2]
    if word[:1] in lex.surnames and (len(word) == 1 or ctx.segmenter.tag(word) in
                                     ("nr", "nrfg", "nrt")):
        return word[:1]
    return ""


def _honorific(ctx: Context, start: int, surname: str) -> Candidate | None:
    """``李女士``, ``赵先生``, ``小赵``: a surname joined to a form of address."""
    after = start + len(surname)
    title = ctx.after_startswith(after, ctx.lexicon.honorifics, 3)
    if title and ctx.boundary(after + len(title)) and not _is_full_name_before(ctx, start):
        end = after + len(title)
        return Candidate("person", start, end, ctx.text[start:end], 2, "honorific")
    if len(surname) == 1 and ctx.char(start - 1) in "小老" and surname not in \
            ctx.lexicon.rare_surnames and ctx.char(start + 1) in SPEECH_END | {"是", "说"} and \
            not ctx.segmenter.in_dictionary(ctx.text[start - 1:start + 1]) and \
            ctx.boundary(start - 1):
        return Candidate("person", start - 1, start + 1, ctx.text[start - 1:start + 1], 1,
                         "familiar")
    return None


def _is_full_name_before(ctx: Context, start: int) -> bool:
    return start > 0 and "\u3400" <= ctx.char(start - 1) <= "\u9fff" and \
        ctx.char(start - 1) not in FUNCTION_CHARS and not ctx.boundary(start)


def _full_name(ctx: Context, index: int, start: int, surname: str) -> Candidate | None:
    """A surname and a one- or two-character given name, kept only with context."""
    before = ctx.before_endswith(start, ctx.lexicon.before_person)
    options = _name_options(ctx, index, start, surname)
    if not options:
        return None
    rare = surname in ctx.lexicon.rare_surnames
    for end in sorted(options, reverse=True):
        after = ctx.after_startswith(end, ctx.lexicon.after_person)
        if after and _after_ok(ctx, end, after) and not rare:
            return _person(ctx, start, end, "after")
    if (before and surname not in ctx.lexicon.rare_surnames) or (before and len(before) > 1):
        return _person(ctx, start, _pick_length(ctx, options), "before")
    return None


def _after_ok(ctx: Context, end: int, after: str) -> bool:
    """``表示`` must not be the start of a longer word (表示出 is fine, 说明书 is not)."""
    follow = end + len(after)
    return ctx.boundary(follow) or ctx.char(follow) in PUNCT


def _person(ctx: Context, start: int, end: int, rule: str) -> Candidate:
    return Candidate("person", start, end, ctx.text[start:end], 2, rule)


def _name_options(ctx: Context, index: int, start: int, surname: str) -> list[int]:
    """End offsets where a name starting at ``start`` could stop (two or three characters)."""
    options = []
    for size in (2, 3) if len(surname) == 1 else (3, 4):
        end = start + size
        if end > len(ctx.text) or not ctx.boundary(end):
            continue
        given = ctx.text[start + len(surname):end]
        if not all("\u4e00" <= ch <= "\u9fff" and ch not in FUNCTION_CHARS for ch in given):
            continue
        name = ctx.text[start:end]
        if _suffix_follows(ctx, end) or name in ctx.lexicon.stopwords or \
                ctx.segmenter.tag(name) not in (None, "nr", "nrfg", "nrt"):
            continue  # 沙龙 is a word, not 沙 + 龙
        if _swallows_word(ctx, index, end) or _common_given_name(ctx, given):
            continue
        options.append(end)
    return options


def _common_given_name(ctx: Context, given: str) -> bool:
    """全会, 有关: a frequent ordinary word is no given name (建国, 海涛 are: name tags)."""
    if len(given) < 2:
        return False
    tag = ctx.segmenter.tag(given)
    return tag is not None and tag not in ("nr", "nrfg", "nrt", "ns", "nz") and \
        ctx.segmenter.freq(given) > COMMON_GIVEN_FREQ


def _suffix_follows(ctx: Context, end: int) -> bool:
    """``王顶堤派出所``: a name followed by an institutional or place suffix is no person."""
    return ctx.text.startswith(STOP_AFTER_NAME, end)


def _swallows_word(ctx: Context, index: int, end: int) -> bool:
    """A given name may not contain a dictionary word of three characters or more."""
    position = index + 1
    while position < len(ctx.tokens) and ctx.tokens.starts[position] < end:
        if len(ctx.tokens.words[position]) > 2:
            return True
        position += 1
    return False


def _pick_length(ctx: Context, options: list[int]) -> int:
    """With a title before the name: three characters unless the third opens a longer word."""
    longest = max(options)
    if len(options) == 1:
        return longest
    third = ctx.index_at(longest - 1)
    if len(ctx.tokens.words[third]) == 1 and ctx.boundary(longest):
        nxt = ctx.index_at(longest)
        if len(ctx.word(nxt)) >= 2 or ctx.is_punct(nxt) or ctx.is_function(nxt) or \
                longest >= len(ctx.text):
            return longest
    if len(ctx.tokens.words[third]) == 2:
        return longest
    return min(options)
