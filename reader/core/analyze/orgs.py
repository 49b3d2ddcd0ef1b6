"""Find organization names: a place or descriptor, then an institutional suffix, longest span."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import compress, count

from reader.core.analyze.context import (
    PUNCT,
    Candidate,
    Context,
    Piece,
    is_proper_piece,
    left_tokens,
    name_piece_ok,
    single_char_ok,
)

MAX_NAME = 24
RELATIVE_PREFIXES = frozenset({"区", "市", "县", "省", "州", "镇", "乡"})
RELATIVE_HEADS = frozenset({"区委", "市委", "县委", "省委", "州委", "区政府", "市政府", "县政府",
                            "省政府", "区人大", "市人大", "区政协", "市政协", "党委", "党组"})
SELF_DESCRIBING = frozenset({"常委会", "常务委员会", "管委会", "纪委", "监委", "工委", "党工委",
                             "人大", "政协", "人民政府", "政府", "党委", "党组"})
ORG_PREFIXES = frozenset({"中共", "中国共产党", "共青团", "公安", "中央", "国家", "中国", "全国",
                          "国务院", "中华人民共和国", "中华全国", "民革", "民盟", "民建", "民进",
                          "农工党", "致公党", "九三学社", "台盟"})
"""Words that may stand before the place of a name (中共南开区委, 公安南开分局)."""
CHILD_BODIES = SELF_DESCRIBING | frozenset({"办事处", "办公室", "居委会", "村委会", "党支部",
                                           "党总支", "工会", "团委", "妇联", "支部"})
GENERIC_HEADS = frozenset({
    "企业", "公司", "单位", "部门", "机构", "高校", "央企", "国企", "民企", "上市公司",
    "民营企业", "龙头企业", "平台", "项目", "团队", "基地", "各", "有关", "相关", "该", "本",
    "其", "多家", "一批", "部分", "所有", "其他", "其它", "这些", "那些", "全国", "全区",
    "全市", "全省", "我区", "我市", "本市", "本区", "属地", "所在", "当地", "辖区", "试点",
    "行业", "专业", "知名", "优质", "重点", "首批", "旗下", "下属", "直属", "所属", "区属",
    "市属", "国有", "民营", "私营", "外资", "合资", "大型", "微型", "小型", "中小", "小微",
    "头部", "领军", "骨干", "主管", "职能", "业务", "办公", "负责", "牵头", "联合", "共同",
    "成员", "会员", "参与", "参加", "原", "前", "现", "全资", "每个", "这个",
})
"""Words that stop an organization name on its left (上市企业|爱尔眼科, 各|派出所)."""
APPOSITION_HEADS = ("上市公司", "上市企业", "龙头企业", "领军企业", "小巨人企业", "重点企业",
                    "科技企业", "民营企业", "国有企业", "市属国企", "区属国企", "国企", "央企",
                    "单项冠军", "服务企业", "企业")
SITE_WORD_RE = re.compile(r"(?:大厦|大楼|广场|公园|小区|商场|酒店|宾馆|MALL|中心城区)$")
PLACE_BOUND = frozenset({"厅", "署"})
"""Suffixes that name a body only after a place (广东省科学技术厅; 报告厅 is a hall)."""
DICTIONARY_ORG_ENDS = tuple("院会社团台行馆署校部局委办所队站学司心")
"""Last characters of the words jieba tags nt that really name a body (国务院, 红十字会)."""
OFFICE_TAGS = frozenset({"n", "vn", "nz", "j", "nt"})


def find_orgs(ctx: Context) -> list[Candidate]:
    """Organization candidates, chains of parent and child bodies merged."""
    found: list[Candidate] = []
    floor = 0
    for match in _suffix_re(tuple(ctx.lexicon.org_suffixes)).finditer(ctx.text):
        cand = _suffixed(ctx, match.start(), match.end(), match.group(), floor)
        if cand is None and floor and floor == _head_start(ctx, match.start()):
            cand = _child(ctx, floor, match.end(), match.group())
        if cand is not None:
            found.append(cand)
            floor = cand.end
    found += _dictionary_orgs(ctx)
    found += _appositions(ctx)
    found += _brands(ctx)
    return _merge_chains(found)


@lru_cache(maxsize=4)
def _suffix_re(suffixes: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(s) for s in sorted(suffixes, key=len, reverse=True)))


def _suffixed(ctx: Context, start: int, end: int, suffix: str, floor: int) -> Candidate | None:
    if not ctx.boundary(end):
        return None
    index = ctx.index_at(start)
    token_start = ctx.tokens.starts[index]
    head_start = start
    if token_start < start:
        word = ctx.tokens.words[index]
        if ctx.tokens.end(index) != end or not _institution_word(ctx, index, word, suffix):
            return None
        head_start = token_start
    kind = ctx.lexicon.org_suffixes[suffix]
    pieces = [p for p in _name_pieces(ctx, head_start, kind, suffix) if p.start >= floor]
    if len(suffix) == 1 and head_start == start and not _single_suffix_ok(ctx, pieces, suffix):
        return None
    if not _class_ok(ctx, kind, suffix, pieces, ctx.text[head_start:start]):
        return None
    name_start = pieces[-1].start if pieces else head_start
    text = ctx.text[name_start:end]
    if text in ctx.lexicon.stopwords:
        return None
    return Candidate("org", name_start, end, text, 2, f"org-{kind}")


def _head_start(ctx: Context, start: int) -> int:
    index = ctx.index_at(start)
    return ctx.tokens.starts[index] if ctx.tokens.starts[index] < start else start


def _child(ctx: Context, start: int, end: int, suffix: str) -> Candidate | None:
    """A body right after its parent (常委会 after 南开区委, 办事处 after …街道)."""
    if not ctx.boundary(end) or ctx.text[start:end] not in CHILD_BODIES:
        return None
    return Candidate("org", start, end, ctx.text[start:end], 1, "org-child")


def _institution_word(ctx: Context, index: int, word: str, suffix: str) -> bool:
    """A token ending with the suffix is an institution (公安局, 服务中心), not 格局 or 干部."""
    if word in ctx.lexicon.stopwords or word in RELATIVE_HEADS:
        return False
    tag = ctx.tag(index)
    if tag == "nt":
        return True
    if len(suffix) == 1 and ctx.segmenter.tag(word[-2:]) not in (None, "nt"):
        return False  # 空间布局 ends with the ordinary word 布局
    return len(word) >= 3 and tag in ("n", "nz", "j", "x")


def _name_pieces(ctx: Context, head_start: int, kind: str, suffix: str) -> list[Piece]:
    """The pieces left of the suffix that belong to the name, nearest first."""
    accepted: list[Piece] = []
    pieces = left_tokens(ctx, head_start, MAX_NAME)
    parents = _parents(ctx)
    placed = False
    for position, piece in enumerate(pieces):
        word = piece.text(ctx)
        if placed and word not in ctx.lexicon.places and word not in parents:
            break  # a name starts at its place: 家住|南开区…社区, 拓展|南开区委
        if word == "之" and accepted and len(accepted[-1].text(ctx)) == 1 and \
                position + 1 < len(pieces) and len(pieces[position + 1].text(ctx)) == 1:
            accepted.append(piece)  # 绿之缘: 之 inside a name of single characters
            continue
        if not _piece_ok(ctx, piece, kind, suffix, parents):
            break
        accepted.append(piece)
        placed = placed or _admin_place(ctx, word) or word in ORG_PREFIXES
    return accepted


def _admin_place(ctx: Context, word: str) -> bool:
    place = ctx.lexicon.places.get(word)
    return place is not None and place.kind in ("province", "city", "district", "county",
                                                "newarea")


@lru_cache(maxsize=4)
def _parent_words(suffixes: tuple[str, ...]) -> frozenset[str]:
    return frozenset(suffixes) | RELATIVE_HEADS | ORG_PREFIXES


def _parents(ctx: Context) -> frozenset[str]:
    suffixes = ctx.lexicon.org_suffixes
    for known, words in _PARENTS:  # not tuple(suffixes) and its hash for every name
        if known is suffixes:
            return words
    words = _parent_words(tuple(suffixes))
    _PARENTS[:] = [(suffixes, words)]
    return words


_PARENTS: list[tuple[dict[str, str], frozenset[str]]] = []


def _piece_ok(ctx: Context, piece: Piece, kind: str, suffix: str,
              parents: frozenset[str]) -> bool:
    word = piece.text(ctx)
    if word in GENERIC_HEADS or (word.endswith(suffix) and len(word) > len(suffix)):
        return False
    if SITE_WORD_RE.search(word) and kind != "local":
        return False
    return name_piece_ok(ctx, piece, parents)


def _single_suffix_ok(ctx: Context, pieces: list[Piece], suffix: str) -> bool:
    """局, 委, 办 … on their own need a word of two characters or more right before them
    (办 a noun: 政务办, not the verb of 集成办) and, without a place in front, may not
    sit in a short quotation (“码上办”)."""
    if not pieces or len(pieces[0].text(ctx)) < 2:
        return False
    if suffix == "办" and ctx.tag(pieces[0].index) not in OFFICE_TAGS:
        return False
    words = [p.text(ctx) for p in pieces]
    if any(w in ctx.lexicon.places or w in RELATIVE_PREFIXES for w in words):
        return True
    return not _in_short_quote(ctx, pieces[-1].start)


def _in_short_quote(ctx: Context, start: int) -> bool:
    opening = max(ctx.text.rfind("“", 0, start), ctx.text.rfind("‘", 0, start))
    if opening < 0 or start - opening > 12:
        return False
    closing = max(ctx.text.rfind("”", 0, start), ctx.text.rfind("’", 0, start))
    return closing < opening


def _class_ok(ctx: Context, kind: str, suffix: str, pieces: list[Piece], head: str) -> bool:
    """gov needs a descriptor or a place; named needs a place or a proper part; local too."""
    words = [p.text(ctx) for p in pieces]
    places = [w for w in words if w in ctx.lexicon.places]
    relative = bool(words) and (words[-1] in RELATIVE_PREFIXES or words[-1] in RELATIVE_HEADS)
    descriptors = "".join(w for w in words if w not in ctx.lexicon.places and
                          w not in RELATIVE_PREFIXES and w not in RELATIVE_HEADS) + head
    if suffix in PLACE_BOUND and not (places or relative):
        return False
    if kind == "gov":
        if suffix in SELF_DESCRIBING or (head + suffix) in SELF_DESCRIBING:
            return bool(places or relative or len(descriptors) >= 2)
        return len(descriptors) >= 2 or bool(places)
    proper = any(is_proper_piece(ctx, p) for p in pieces)
    if kind == "local":
        return bool(words) and (proper or bool(places) or _road_like(words))
    return (proper and len("".join(words)) >= 2) or bool(places) or relative


def _road_like(words: list[str]) -> bool:
    return any(w.endswith(("路", "道", "街", "园", "里", "村", "庄", "公园")) for w in words)


def _dictionary_orgs(ctx: Context) -> list[Candidate]:
    """Words jieba or our lists tag as organizations (国务院, 中国红十字会)."""
    found = []
    for index in compress(count(), map("nt".__eq__, ctx.tokens.tags)):
        word = ctx.tokens.words[index]
        if len(word) < 3 or word in ctx.lexicon.stopwords:
            continue
        if not word.endswith(DICTIONARY_ORG_ENDS):
            continue
        start = ctx.tokens.starts[index]
        pieces = _name_pieces(ctx, start, "named", word)
        name_start = pieces[-1].start if pieces and any(
            p.text(ctx) in ctx.lexicon.places or p.text(ctx) in RELATIVE_PREFIXES
            for p in pieces) else start
        found.append(Candidate("org", name_start, start + len(word),
                               ctx.text[name_start:start + len(word)], 2, "org-dict"))
    return found


def _appositions(ctx: Context) -> list[Candidate]:
    """``上市企业爱尔眼科``, ``重点企业荟聚人力``: a firm's name right after the word 企业."""
    found = []
    for head in APPOSITION_HEADS:
        start = ctx.text.find(head)
        while start >= 0:
            end = start + len(head)
            if ctx.boundary(start) and ctx.boundary(end):
                cand = _apposition_name(ctx, end)
                if cand is not None:
                    found.append(cand)
            start = ctx.text.find(head, end)
    return found


def _apposition_name(ctx: Context, start: int) -> Candidate | None:
    index = ctx.index_at(start)
    end, proper, size, nouns = start, False, 0, 0
    while index < len(ctx.tokens) and size < 6:
        word, tag = ctx.tokens.words[index], ctx.tag(index)
        if ctx.is_punct(index) or not ctx.is_han(index) or word in ctx.lexicon.governing_verbs:
            break
        if len(word) == 1:
            if not single_char_ok(word, tag):
                break
            proper = True
            nouns += tag not in ("v", "a", "vg", "ag", "d")
        elif tag not in ("n", "nz", "nr", "ns", "nrt", "j", "x", "eng") or \
                word in GENERIC_HEADS or word in ctx.lexicon.stopwords:
            break
        else:
            proper = proper or is_proper_piece(ctx, Piece(ctx.tokens.starts[index],
                                                           ctx.tokens.end(index), index, False))
            nouns += 2
        size += len(word)
        end = ctx.tokens.end(index)
        index += 1
    first = ctx.index_at(start)
    if not proper or nouns < 2 or not 2 <= end - start <= 6 or \
            not _apposition_end_ok(ctx, end) or ctx.text[end - 1] in "化性式型率" or \
            not (len(ctx.tokens.words[first]) == 1 or is_proper_piece(
                ctx, Piece(ctx.tokens.starts[first], ctx.tokens.end(first), first, False))):
        return None
    return Candidate("org", start, end, ctx.text[start:end], 1, "org-apposition")


def _apposition_end_ok(ctx: Context, end: int) -> bool:
    """The name must end before punctuation, 等/和/与, or a verb (携手, 正式, 盘活 …)."""
    if end >= len(ctx.text) or ctx.char(end) in PUNCT:
        return True
    index = ctx.index_at(end)
    word, tag = ctx.tokens.words[index], ctx.tag(index)
    return word in ("等", "和", "与", "及", "在", "为", "将", "已", "也", "的") or \
        word in ctx.lexicon.governing_verbs or tag in ("v", "ad", "d", "p")


INDUSTRY_WORDS = frozenset({
    "电气", "风机", "轨道", "网络", "科技", "电子", "智能", "能源", "机械", "医药", "药业",
    "生物", "实业", "物流", "传媒", "软件", "通信", "汽车", "环保", "材料", "化工", "光电",
    "电力", "重工", "钢铁", "食品", "电器", "家居", "装备", "股份", "数码", "半导体", "新能源",
})
"""Words of an industry that end a firm's name written without 公司 (沃坦电气, 澜冈风机)."""


def _brands(ctx: Context) -> list[Candidate]:
    """A firm named by two characters the segmenter could not join into any word, then an
    industry word (沃|坦|电气, 钦|宇|网络), ending before punctuation, 等, 的, a verb …:
    an unknown name glued to what the firm makes. The characters must each be able to sit
    in a name and the name must not go on to the left (a third loose character)."""
    found = []
    words = ctx.tokens.words
    for index in compress(count(), map(INDUSTRY_WORDS.__contains__, words)):
        if index < 2:
            continue
        if not all(_loose_char(ctx, i) for i in (index - 2, index - 1)):
            continue
        if index >= 3 and len(words[index - 3]) == 1 and ctx.is_han(index - 3) and \
                single_char_ok(words[index - 3], ctx.tag(index - 3)):
            continue  # 某|伦|登|风机: where the name starts is not clear
        start, end = ctx.tokens.starts[index - 2], ctx.tokens.end(index)
        if not _apposition_end_ok(ctx, end):
            continue
        found.append(Candidate("org", start, end, ctx.text[start:end], 2, "org-brand"))
    return found


def _loose_char(ctx: Context, index: int) -> bool:
    word = ctx.tokens.words[index]
    return len(word) == 1 and ctx.is_han(index) and single_char_ok(word, ctx.tag(index)) and \
        not ctx.barrier.intersection(range(ctx.tokens.starts[index], ctx.tokens.end(index)))


def _merge_chains(found: list[Candidate]) -> list[Candidate]:
    """A body written right after its parent is one organization (公安南开分局王顶堤派出所)."""
    merged = [c for c in found]
    frontier = [c for c in found if c.rule != "org-apposition"]
    by_start: dict[int, list[Candidate]] = {}
    for cand in frontier:
        by_start.setdefault(cand.start, []).append(cand)
    while frontier:
        grown = [Candidate("org", cand.start, nxt.end, "", 3, "org-chain")
                 for cand in frontier for nxt in by_start.get(cand.end, [])]
        merged += grown
        frontier = grown
    return merged
