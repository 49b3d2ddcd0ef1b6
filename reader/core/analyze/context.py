"""The text under analysis with its tokens, lexicon and the helpers every rule shares."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from reader.core.analyze.lexicon import Lexicon
from reader.core.analyze.segmenter import Segmenter, Tokens

FUNCTION_TAGS = frozenset({"p", "c", "u", "uj", "ul", "uz", "uv", "ud", "ug", "r", "d", "y",
                           "e", "o", "rr", "rz", "k", "h"})
NAME_TAGS = frozenset({"ns", "nr", "nrt", "nrfg", "nz", "nt", "eng"})
RARE_FREQ = 500
"""A dictionary word tagged as a name counts as proper only below this frequency (都市 is
tagged ns by jieba, but it is an everyday word)."""
SINGLE_STOP = frozenset(
    "好多少很最更太另仅只同共均暨即系乃属不没未正已再又"
    "还才曾仍皆亦便则却且而故因若如按据经至自往替沿照"
    "凭趁随除较我你他她它咱此某本各每该其这那谁啥哪但"
    "受要会能可应须得需总式性化型级者员们旧"
)
"""Single characters that never sit inside a name (adverbs, pronouns, bound suffixes)."""
SINGLE_STOP_TAGS = frozenset({"m", "mq", "u", "uj", "ul", "uz", "uv", "ud", "ug", "y", "e", "o"})
DIRECTION_CHARS = frozenset("中东西南北")
COUNTED_Q = frozenset("个位名家件项次批些种类条")
STOP_TAGS = frozenset({"p", "c", "u", "uj", "ul", "uz", "uv", "ud", "ug", "r", "rr", "rz", "d",
                       "ad", "y", "e", "o", "m", "mq", "t", "i", "l", "f", "k", "h"})
PUNCT = frozenset(
    "，,。.、；;：:！!？?（）()《》〈〉“”‘’\"'「」『』【】[]"
    "—-…·/\\|■□●◆◇▲△★☆▶►◎ \t\r\n\u3000"
)
FUNCTION_CHARS = frozenset(
    "的了在是和与等对把被将也都就从向到为以于及并或而之"
    "其这那个们着过又还给让由所该每各"
)


@dataclass
class Candidate:
    """A possible entity mention before overlaps are resolved."""

    type: str
    start: int
    end: int
    canonical: str = ""
    priority: int = 0
    """Higher wins between candidates of the same span length."""
    rule: str = ""


@dataclass
class Context:
    """Everything a rule needs about one text."""

    text: str
    tokens: Tokens
    lexicon: Lexicon
    segmenter: Segmenter
    token_starts: set[int] = field(default_factory=set)
    barrier: set[int] = field(default_factory=set)
    """Offsets inside person names found with evidence: no place or org reaches into them."""

    def __post_init__(self) -> None:
        self.token_starts = set(self.tokens.starts)

    def index_at(self, offset: int) -> int:
        """Index of the token that contains ``offset``."""
        return max(0, bisect_right(self.tokens.starts, offset) - 1)

    def boundary(self, offset: int) -> bool:
        """True if a token starts (or the text ends) at ``offset``."""
        return offset in self.token_starts or offset >= len(self.text) or offset == 0

    def before_endswith(self, offset: int, words: frozenset[str], longest: int = 6) -> str:
        """The word of ``words`` that the text ends with just before ``offset``, or ''."""
        for size in range(min(longest, offset), 0, -1):
            piece = self.text[offset - size:offset]
            if piece in words:
                return piece
        return ""

    def after_startswith(self, offset: int, words: frozenset[str], longest: int = 6) -> str:
        """The word of ``words`` that the text starts with at ``offset``, or ''."""
        for size in range(min(longest, len(self.text) - offset), 0, -1):
            piece = self.text[offset:offset + size]
            if piece in words:
                return piece
        return ""

    def char(self, offset: int) -> str:
        """The character at ``offset``, or a space outside the text."""
        return self.text[offset] if 0 <= offset < len(self.text) else " "

    def tag(self, index: int) -> str:
        """The tag of token ``index``."""
        return self.tokens.tags[index]

    def word(self, index: int) -> str:
        """Token ``index`` (empty outside the text)."""
        words = self.tokens.words
        return words[index] if 0 <= index < len(words) else ""

    def is_function(self, index: int) -> bool:
        """True for particles, prepositions, conjunctions, adverbs and pronouns."""
        word = self.word(index)
        return self.tag(index) in FUNCTION_TAGS or (len(word) == 1 and word in FUNCTION_CHARS)

    def is_punct(self, index: int) -> bool:
        """True if token ``index`` is punctuation or space."""
        word = self.word(index)
        return not word or PUNCT.issuperset(word)

    def is_han(self, index: int) -> bool:
        """True if token ``index`` is made only of Chinese characters."""
        return HAN_ONLY.fullmatch(self.word(index)) is not None


HAN_ONLY = re.compile("[\u3400-\u9fff]*")
"""Text made only of Chinese characters (the empty text too)."""


def left_tokens(ctx: Context, suffix_start: int, max_chars: int) -> list[Piece]:
    """Pieces to the left of a suffix, nearest first.

    The first piece may be the head of the token the suffix starts inside (天|开园 gives
    开); the others are whole tokens. Stops at punctuation, non-Chinese text, the text start
    or ``max_chars``.
    """
    pieces: list[Piece] = []
    end = suffix_start
    index = ctx.index_at(suffix_start - 1) if suffix_start > 0 else -1
    words, starts, barrier = ctx.tokens.words, ctx.tokens.starts, ctx.barrier
    while index >= 0:
        start, word = starts[index], words[index]
        # punctuation or space, or anything but Chinese characters (is_punct, is_han)
        if suffix_start - start > max_chars or PUNCT.issuperset(word) or \
                HAN_ONLY.fullmatch(word) is None:
            break
        if barrier and not barrier.isdisjoint(range(start, end)):
            break
        pieces.append(Piece(start, end, index, end < start + len(word)))
        end = start
        index -= 1
    return pieces


@dataclass(slots=True)
class Piece:
    """Part of a name left of its suffix: a whole token, or the head of one (``partial``).
    Not frozen: a frozen dataclass sets its fields through ``object.__setattr__``, and
    thousands of pieces are made per article."""

    start: int
    end: int
    index: int
    partial: bool

    def text(self, ctx: Context) -> str:
        """The characters of the piece."""
        return ctx.text[self.start:self.end]


def is_proper_piece(ctx: Context, piece: Piece) -> bool:
    """True if a piece looks like part of a proper name rather than an ordinary word.

    Single characters left over by the segmenter (unknown names come out that way),
    jieba's name tags (ns, nr, nz, j …) and gazetteer names count as proper.
    """
    word = piece.text(ctx)
    if word in ctx.lexicon.places:
        return True
    tag = ctx.tag(piece.index)
    if piece.partial:
        return tag in NAME_TAGS and ctx.segmenter.freq(ctx.tokens.words[piece.index]) < RARE_FREQ
    if len(word) == 1:
        return single_char_ok(word, tag)
    return tag in NAME_TAGS and ctx.segmenter.freq(word) < RARE_FREQ


def single_char_ok(word: str, tag: str) -> bool:
    """A single character left by the segmenter can be part of a name unless it is a
    function character, a numeral or a locative (东西南北中 are fine: 中交, 南运河)."""
    if word in FUNCTION_CHARS or word in SINGLE_STOP or tag in SINGLE_STOP_TAGS:
        return False
    return tag != "f" or word in DIRECTION_CHARS


def name_piece_ok(ctx: Context, piece: Piece, parents: frozenset[str] = frozenset()) -> bool:
    """True if a piece can belong to a name that ends with a suffix to its right.

    Stops at governing verbs (推动, 落户 …), generic words, function words, numbers and
    idioms; single characters are accepted unless they are function characters.
    ``parents`` are stopwords still allowed inside a name (街道 in 向阳路街道办事处).
    """
    word = piece.text(ctx)
    tag = ctx.tag(piece.index)
    lex = ctx.lexicon
    if word in lex.governing_verbs or (word in lex.stopwords and word not in parents):
        return False
    if word in lex.places or word in parents:
        return True
    if len(word) == 1:
        return single_char_ok(word, tag) and not (tag == "q" and word in COUNTED_Q)
    if tag in ("m", "mq"):
        return word.startswith("第")
    return tag not in STOP_TAGS and tag != "q"
