"""Find place names: gazetteer words, chains of administrative units, and suffix rules."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import compress, count

from reader.core.analyze.context import (
    FUNCTION_CHARS,
    RARE_FREQ,
    Candidate,
    Context,
    Piece,
    is_proper_piece,
    left_tokens,
    name_piece_ok,
)

CHAIN_PARENTS = frozenset({"province", "city"})
CHAIN_KINDS = frozenset({"province", "city", "district", "county", "newarea"})
CHAIN_SUFFIXES = ("自治县", "自治旗", "新区", "区", "县", "市", "旗")
ROAD_TAILS = frozenset({"口", "上", "边", "旁", "段", "侧", "两侧", "沿线", "头"})
SITE_TAILS = frozenset({"内", "里", "中", "外", "旁", "边", "前", "周边", "北侧", "南侧"})
GENERIC_SITE_HEADS = frozenset({
    "城市", "口袋", "主题", "湿地", "森林", "郊野", "社区", "街心", "文化", "体育", "休闲", "生态",
    "商业", "科技", "产业", "工业", "国家", "公共", "综合", "市民", "居民", "老旧", "新建", "现代",
    "特色", "示范", "智慧", "数字", "大型", "小型", "高端", "重点", "农业", "物流", "电商", "创新",
    "商务", "办公", "写字", "住宅", "养老", "健康", "医疗", "教育", "旅游", "文旅", "网红", "这个",
    "部分", "该", "本", "全", "各", "多", "某", "首", "原", "其", "此", "轨道交通", "交通",
    "电子商务", "科创", "双创", "孵化", "试点", "周边", "附近", "当地", "沿街", "临街", "超级",
    "市政", "绿色", "低碳", "平安", "美丽", "和谐", "文明", "幸福",
})
STRONG_SITES = frozenset({"MALL", "大厦", "大楼", "广场", "小区", "公园", "商场", "购物中心"})
SITE_MIN = {"王府": 1, "庄": 1, "园": 2}
RARE_VERB_FREQ = 100
"""A verb this rare can be part of a site name (天开高教科创园, 启航创新大厦 …)."""
ANCHOR_REACH = 3
"""How many generic words a site name may cross to reach a place on its left (环县电商产业园)."""


def find_places(ctx: Context) -> list[Candidate]:
    """Place candidates: gazetteer words and chains first, then suffix rules."""
    found = _gazetteer(ctx)
    found += _chains(ctx, found)
    found += _suffixed(ctx)
    found += _tagged_water_and_hills(ctx)
    return found


def _gazetteer(ctx: Context) -> list[Candidate]:
    found = []
    places, words = ctx.lexicon.places, ctx.tokens.words
    for index in compress(count(), map(places.__contains__, words)):  # few tokens are places
        word = words[index]
        place = places[word]
        if word in ctx.lexicon.stopwords:
            continue
        start = ctx.tokens.starts[index]
        end = start + len(word) - _borrowed_suffix(ctx, index, word)
        found.append(Candidate("place", start, end, place.name, 2, place.kind))
    return found


def _borrowed_suffix(ctx: Context, index: int, word: str) -> int:
    """``合肥市|民``: the 市 belongs to 市民, so the place is 合肥 (1 character shorter)."""
    nxt = ctx.word(index + 1)
    if len(word) < 3 or len(nxt) != 1 or word[-1] not in "市区县省":
        return 0
    joined = word[-1] + nxt
    return 1 if ctx.segmenter.freq(joined) >= RARE_FREQ and joined not in ORG_JOINS else 0


ORG_JOINS = frozenset({"区委", "市委", "县委", "省委"})
"""南开区|委 stays 南开区: the organization rule makes 南开区委 of it."""


def enumerated_places(ctx: Context, chosen: list[Candidate]) -> list[Candidate]:
    """``双流区、郫都区``: in a list, an item with the suffix of a district next to it is one."""
    found = []
    for cand in chosen:
        text = ctx.text[cand.start:cand.end]
        if cand.type != "place" or not text.endswith(("区", "县", "市", "旗")):
            continue
        suffix = text[-1]
        found += _list_neighbours(ctx, cand.end, suffix, 1) + \
            _list_neighbours(ctx, cand.start, suffix, -1)
    return found


def _list_neighbours(ctx: Context, offset: int, suffix: str, step: int) -> list[Candidate]:
    found: list[Candidate] = []
    while True:
        sep = offset if step > 0 else offset - 1
        if ctx.char(sep) not in "、，,":
            return found
        item = _list_item(ctx, sep + 1 if step > 0 else sep, suffix, step)
        if item is None:
            return found
        found.append(Candidate("place", item[0], item[1], ctx.text[item[0]:item[1]], 1, "list"))
        offset = item[1] if step > 0 else item[0]


def _list_item(ctx: Context, edge: int, suffix: str, step: int) -> tuple[int, int] | None:
    for size in (2, 3, 4):
        start, end = (edge, edge + size) if step > 0 else (edge - size, edge)
        text = ctx.text[max(start, 0):end]
        if len(text) == size and text.endswith(suffix) and ctx.boundary(start) and \
                ctx.boundary(end) and all("\u4e00" <= ch <= "\u9fff" for ch in text) and \
                text not in ctx.lexicon.stopwords and text[0] not in FUNCTION_CHARS and \
                ctx.segmenter.tag(text) in (None, "ns"):
            return start, end
    return None


def _chains(ctx: Context, gazetteer: list[Candidate]) -> list[Candidate]:
    """``甘肃省庆阳市环县``: administrative units written together form one place."""
    found = []
    by_start = {c.start: c for c in gazetteer}
    ends = {c.end for c in gazetteer if c.rule in CHAIN_KINDS}
    for cand in gazetteer:
        if cand.rule not in CHAIN_PARENTS or cand.start in ends:
            continue
        end, last, parts, rule = cand.end, cand.canonical, 1, cand.rule
        while rule in CHAIN_PARENTS:
            nxt = by_start.get(end)
            if nxt is not None and nxt.rule in CHAIN_KINDS and _is_full_unit(ctx, nxt):
                end, last, parts, rule = nxt.end, nxt.canonical, parts + 1, nxt.rule
                continue
            unit = _unknown_unit(ctx, end) or _tagged_unit(ctx, end)
            if unit is None:
                break
            end, last, parts, rule = unit, ctx.text[end:unit], parts + 1, "county"
        if parts > 1:
            found.append(Candidate("place", cand.start, end, last, 3, "chain"))
    return found


def _is_full_unit(ctx: Context, cand: Candidate) -> bool:
    """A chain continues with full names (庆阳市), not short forms (庆阳)."""
    return ctx.text[cand.start:cand.end].endswith(("省", "市", "区", "县", "州", "盟", "旗"))


def _unknown_unit(ctx: Context, start: int) -> int | None:
    """End of a unit missing from the gazetteer right after a known one (环县, 庆城县)."""
    if not ctx.boundary(start):
        return None
    for size in (1, 2, 3):
        name = ctx.text[start:start + size]
        if not all("\u4e00" <= ch <= "\u9fff" and ch not in FUNCTION_CHARS for ch in name):
            return None
        for suffix in CHAIN_SUFFIXES:
            end = start + size + len(suffix)
            if ctx.text[start + size:end] == suffix and ctx.boundary(end) and \
                    _unit_name_ok(ctx, start, start + size):
                return end
    return None


def _tagged_unit(ctx: Context, start: int) -> int | None:
    """A unit jieba knows as a place word (大厂回族自治县) continues a chain too."""
    if not ctx.boundary(start) or start >= len(ctx.text):
        return None
    index = ctx.index_at(start)
    word = ctx.tokens.words[index]
    if ctx.tag(index) == "ns" and word.endswith(CHAIN_SUFFIXES) and len(word) >= 2:
        return ctx.tokens.end(index)
    return None


def _unit_name_ok(ctx: Context, start: int, end: int) -> bool:
    """The name of an unknown county is made of proper pieces, not verbs (助力环县)."""
    index = ctx.index_at(start)
    while index < len(ctx.tokens) and ctx.tokens.starts[index] < end:
        word = ctx.tokens.words[index]
        if word in ctx.lexicon.governing_verbs or ctx.is_function(index):
            return False
        if len(word) > 1 and ctx.tokens.end(index) <= end and ctx.tag(index) in ("v", "vn", "d"):
            return False
        index += 1
    return True


def _suffixed(ctx: Context) -> list[Candidate]:
    found: list[Candidate] = []
    floor = 0
    for match in _suffix_re(tuple(ctx.lexicon.place_suffixes)).finditer(ctx.text):
        suffix = match.group()
        kind = ctx.lexicon.place_suffixes[suffix]
        cand = _SUFFIX_RULES[kind](ctx, match.start(), match.end(), suffix, floor)
        if cand is not None:
            found.append(cand)
            if kind in ("site", "road"):
                floor = cand.end
    return found


@lru_cache(maxsize=4)
def _suffix_re(suffixes: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(s) for s in sorted(suffixes, key=len, reverse=True)))


def _tail_ok(ctx: Context, end: int, tails: frozenset[str]) -> bool:
    """The suffix must end a token, or be followed inside it by a locative (路口, 园内)."""
    if ctx.boundary(end):
        return True
    index = ctx.index_at(end)
    return ctx.text[end:ctx.tokens.end(index)] in tails


def _pieces(ctx: Context, start: int, size: int, floor: int) -> list[Piece]:
    """Pieces left of a suffix that do not reach into the previous place (floor)."""
    return [p for p in left_tokens(ctx, start, size) if p.start >= floor]


def _admin(ctx: Context, start: int, end: int, suffix: str, floor: int) -> Candidate | None:
    """X区, X县, X镇 …: a jieba place word, a known short form + suffix, or a proper name."""
    if not ctx.boundary(end):
        return None
    index = ctx.index_at(start)
    token_start = ctx.tokens.starts[index]
    if token_start < start and ctx.tokens.end(index) == end:
        word = ctx.tokens.words[index]
        if ctx.tag(index) == "ns" and word not in ctx.lexicon.stopwords and \
                (len(word) >= 3 or suffix in ("县", "旗")) and word not in ctx.lexicon.places \
                and ctx.segmenter.freq(word) < RARE_FREQ:
            return Candidate("place", token_start, end, word, 1, "admin-ns")
        return None
    pieces = _pieces(ctx, start, 4, floor)
    if not pieces or pieces[0].partial:
        return None
    name = pieces[0].text(ctx)
    place = ctx.lexicon.places.get(name)
    if place is not None and suffix in ("区", "县", "市") and place.kind != "country" and \
            not name.endswith(suffix):
        return Candidate("place", pieces[0].start, end, place.name, 1, "admin-short")
    if suffix in ("镇", "乡", "村"):
        run = _proper_run(ctx, pieces, 2, 3)
        if run is not None:
            return Candidate("place", run, end, ctx.text[run:end], 1, "admin-village")
    return None


def _proper_run(ctx: Context, pieces: list[Piece], low: int, high: int) -> int | None:
    """Start of the longest run of proper pieces of ``low``..``high`` characters, if any."""
    best = None
    for piece in pieces:
        if not is_proper_piece(ctx, piece) or piece.text(ctx) in ctx.lexicon.stopwords:
            break
        size = pieces[0].end - piece.start
        if size > high:
            break
        if size >= low:
            best = piece.start
    return best


def _road(ctx: Context, start: int, end: int, suffix: str, floor: int) -> Candidate | None:
    """冶金路, 红旗南路, 芥园西道, 南京路: a short name right before a road suffix."""
    if not _tail_ok(ctx, end, ROAD_TAILS):
        return None
    pieces = _pieces(ctx, start, 4, floor)
    if not pieces:
        return None
    first = pieces[0]
    if first.partial and ctx.tag(first.index) not in ("ns", "nr", "nz", "nrt"):
        return None
    if first.text(ctx) in GENERIC_SITE_HEADS or not name_piece_ok(ctx, first):
        return None
    name_start = first.start
    for piece in pieces[1:]:
        if not (is_proper_piece(ctx, piece) and len(piece.text(ctx)) == 1):
            break
        name_start = piece.start
    name = ctx.text[name_start:end]
    if end - len(suffix) - name_start < 2 or name in ctx.lexicon.stopwords or \
            _common_word(ctx, name):
        return None
    return Candidate("place", name_start, end, name, 1, "road")


def _common_word(ctx: Context, name: str) -> bool:
    """An everyday dictionary word (幼儿园, 主题公园), whatever jieba's tag says."""
    tag = ctx.segmenter.tag(name)
    if tag is None:
        return False
    return tag not in ("ns", "nr", "nz", "nrt", "nt") or ctx.segmenter.freq(name) >= RARE_FREQ


def _site(ctx: Context, start: int, end: int, suffix: str, floor: int) -> Candidate | None:
    """Parks, squares, buildings, estates and zones: a proper name before the suffix."""
    if not _tail_ok(ctx, end, SITE_TAILS):
        return None
    pieces = _pieces(ctx, start, 10, floor)
    if not pieces:
        return None
    name_start = _site_name_start(ctx, pieces, suffix in STRONG_SITES)
    if name_start is None or end - len(suffix) - name_start < SITE_MIN.get(suffix, 2):
        return None
    name = ctx.text[name_start:end]
    if name in ctx.lexicon.stopwords or _common_word(ctx, name):
        return None
    return Candidate("place", name_start, end, name, 1, "site")


def _site_name_start(ctx: Context, pieces: list[Piece], strong: bool) -> int | None:
    """Leftmost start of acceptable pieces; one must be proper (or a noun before 大厦 …)."""
    start, proper = None, False
    for position, piece in enumerate(pieces):
        word = piece.text(ctx)
        verb = len(word) > 1 and ctx.tag(piece.index) in ("v", "vn", "vd") and \
            not piece.partial and ctx.segmenter.freq(word) >= RARE_VERB_FREQ
        if word in GENERIC_SITE_HEADS or verb or not name_piece_ok(ctx, piece):
            anchor = _anchor(ctx, pieces, position)
            if anchor is not None:
                return anchor
            break
        proper = proper or is_proper_piece(ctx, piece) or (
            strong and position == 0 and len(word) >= 2 and ctx.tag(piece.index) == "n"
            and ctx.segmenter.freq(word) < RARE_FREQ)
        start = piece.start
    return start if proper else None


def _anchor(ctx: Context, pieces: list[Piece], position: int) -> int | None:
    """A place a few generic words to the left anchors the name (庆城县现代苹果产业园)."""
    for piece in pieces[position:position + ANCHOR_REACH]:
        word = piece.text(ctx)
        if _is_place_word(ctx, piece):
            return piece.start
        if word not in GENERIC_SITE_HEADS and ctx.tag(piece.index) not in ("n", "t", "b"):
            return None
    return None


def _is_place_word(ctx: Context, piece: Piece) -> bool:
    word = piece.text(ctx)
    if piece.partial or len(word) < 2:
        return False
    if word in ctx.lexicon.places and ctx.lexicon.places[word].kind != "country":
        return True
    return ctx.tag(piece.index) == "ns" and word.endswith(("县", "区", "市", "镇")) and \
        word not in ctx.lexicon.stopwords


_SUFFIX_RULES = {"admin": _admin, "road": _road, "site": _site}


def _tagged_water_and_hills(ctx: Context) -> list[Candidate]:
    """jieba place words ending like a river, lake or mountain (海河, 泰山)."""
    found = []
    tokens = ctx.tokens
    for index in compress(count(), map("ns".__eq__, tokens.tags)):
        word, start = tokens.words[index], tokens.starts[index]
        if len(word) >= 2 and word[-1] in "江河湖海山岭峰岛湾" and \
                word not in ctx.lexicon.stopwords and word not in ctx.lexicon.places and \
                ctx.segmenter.freq(word) < RARE_FREQ:
            found.append(Candidate("place", start, start + len(word), word, 1, "water"))
    return found
