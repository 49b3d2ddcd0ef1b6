"""Chinese full-text search over FTS5 ``unicode61``: bigram index text, query parsing, hits."""

# The index format (what ``index_text`` returns; ``parse_query`` writes queries against it):
#
# * Punctuation, symbols and spaces become single spaces; Latin words and digits stay, and
#   unicode61 tokenizes them (case and diacritics folded).
# * A run of one Chinese character is that character: 3月5日 -> "3 月 5 日".
# * A run of n >= 2 characters is its n - 1 overlapping bigrams FOLLOWED BY ITS LAST
#   CHARACTER, the "end mark": 南开区委 -> "南开 开区 区委 委".
#
# The end mark costs one token per run (decade corpus, 23,772 articles: 12 % more tokens,
# FTS table 154 -> 166 MB when it also stored its text) and buys three things that plain
# bigrams cannot do:
#   1. No phrase matches across two runs. With plain bigrams "南开，开区委" indexes as
#      "南开 开区 区委", so the phrase for 南开区 ("南开 开区") matched a text that does not
#      contain 南开区. Here a run's last bigram is always followed by its end mark.
#   2. Every character of a run begins a token (its bigram, or the end mark for the last
#      one), so a single character is the prefix query "年" * : exact, in FTS, rankable.
#      The most common character counts its 22,438 articles in 20 ms. The table option
#      prefix='1' made that 1 ms, but it cost 32-43 MB on the decade (as much as the rest
#      of the index), so schema 4 dropped it: ranking all 23,758 articles holding 区 takes
#      about 90 ms instead of 50. An instr() scan takes 16-58 ms and cannot rank.
#   3. Terms that mix Chinese with letters or digits (市GDP, 第3届, 2024年) are exact too:
#      a run cut by the term's end becomes a prefix token, a run the term closes gets its
#      end mark.
# Chinese here: 〇, U+3400-U+9FFF (less the Yijing hexagram symbols U+4DC0-U+4DFF, which
# unicode61 treats as separators), U+F900-U+FAFF and U+20000-U+323AF (extensions B-H,
# which unicode61 keeps as token characters; checked on SQLite 3.40.1).
#
# The table is contentless (reader/db/search.py): a row is deleted by giving it these
# tokens again, derived from the stored text, so changing this format needs a migration
# that rebuilds the index.
#
# Speed of index_text: 4.9-5.1 M chars/s (2 M chars of the samples, and the 14.6 M chars of
# the decade corpus; CPython 3.11.7, this 2-core machine). test_index_text_speed prints it.

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TypeAlias

_CJK = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U000323af"
_SEPARATORS = re.compile(rf"(?:[^\w{_CJK}]|_)+")
_CJK_RUN = re.compile(rf"([{_CJK}]+)")
_SEGMENT = re.compile(rf"[{_CJK}]+|[^\s{_CJK}]+")
_IS_CJK = re.compile(rf"[{_CJK}]")
_WHITESPACE = re.compile(r"\s+")

KEYWORDS = frozenset({"AND", "OR", "NOT"})
"""Operators, recognised only in upper case and outside quotes."""

MAX_DEPTH = 16
"""Deepest nesting of parentheses accepted (FTS5's own parser stops near 100 levels)."""

_QUOTES = {'"': '"', "“": "”"}
_WORD_STOP = frozenset(_QUOTES) | {"(", ")"}


QUERY_MESSAGES = {
    "unclosed-quote": "The quotation mark %1 at character %2 is not closed: add the "
                      "closing one or remove it.",
    "needs-after": "“%1” at character %2 needs a search term after it.",
    "needs-before": "“%1” at character %2 needs a search term before it.",
    "stray-closing": "The parenthesis “)” at character %1 has no matching “(”.",
    "nothing": "Nothing to search for: type a word, a number or Chinese characters.",
    "not-alone": "“NOT” at character %1 needs something to exclude from: put it after the "
                 "words to find, as in 南开 NOT 区委.",
    "too-deep": "Too many nested parentheses: at most %1 levels.",
    "unclosed-paren": "The parenthesis “(” at character %1 is not closed.",
    "empty-parens": "The parentheses at character %1 are empty.",
}
"""What each QueryError says, in English, ``%1``, ``%2`` standing for its arguments (the
window shows its own translation of the same text)."""


class QueryError(ValueError):
    """A search query that cannot be understood; the message is written for the user.
    ``code`` names the message in QUERY_MESSAGES and ``args`` fill it in."""

    def __init__(self, code: str, *args: object) -> None:
        self.code = code
        self.args_ = tuple(str(arg) for arg in args)
        super().__init__(fill(QUERY_MESSAGES[code], self.args_))

    def __reduce__(self) -> tuple[type[QueryError], tuple[object, ...]]:
        return (QueryError, (self.code, *self.args_))


def fill(template: str, args: tuple[str, ...]) -> str:
    """``template`` with ``%1``, ``%2`` … replaced by ``args``."""
    return re.sub(r"%(\d)", lambda m: args[int(m.group(1)) - 1], template)


@dataclass(frozen=True)
class Query:
    """A parsed search query.

    ``fts`` is the FTS5 MATCH expression over the bigram index (every term quoted, so no
    FTS5 syntax from the user gets through); it is complete and exact on its own, single
    characters included. ``single_chars`` lists the one-character Chinese terms that every
    hit must contain (top-level AND terms only, never terms under OR or NOT): ``fts``
    already requires them, so scanning for them with instr() is redundant but harmless.
    ``terms`` are the literal words to highlight in hits (not the excluded ones).
    """

    fts: str
    single_chars: list[str] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- index text


def index_text(text: str) -> str:
    """The text to store in the FTS5 table for ``text`` (the format described above)."""
    parts = _CJK_RUN.split(_SEPARATORS.sub(" ", text))
    out: list[str] = []
    for i, part in enumerate(parts):
        if i % 2 == 0:
            part = part.strip()
            if part:
                out.append(part)
        elif len(part) == 1:
            out.append(part)
        else:
            out.append(" ".join(map(str.__add__, part, part[1:])))
            out.append(part[-1])
    return " ".join(out)


def _segments(text: str) -> list[str]:
    """Chinese runs and other words of ``text``, punctuation and spaces dropped."""
    return _SEGMENT.findall(_SEPARATORS.sub(" ", text))


def _query_tokens(segments: Sequence[str]) -> tuple[list[str], bool]:
    """Index tokens a term's segments must match, and whether the last is a prefix.

    A Chinese segment followed by more of the term is closed: the text's run ends there
    too, so it matches with its end mark (one character: the end mark or a lone
    character, the same token). The last segment may run on in the text: one character
    there is a prefix token, longer ones their bigrams. A run may also start earlier in
    the text than the term does, which bigrams and end marks do not mind.
    """
    tokens: list[str] = []
    prefix = False
    for i, segment in enumerate(segments):
        closed = i < len(segments) - 1
        if not _IS_CJK.match(segment):
            tokens.append(segment)
        elif len(segment) == 1:
            tokens.append(segment)
            prefix = not closed
        else:
            tokens += [segment[j : j + 2] for j in range(len(segment) - 1)]
            tokens += [segment[-1]] if closed else []
    return tokens, prefix


def _phrase(text: str) -> str:
    """The FTS5 phrase string for one term or quoted phrase."""
    tokens, prefix = _query_tokens(_segments(text))
    quoted = '"' + " ".join(tokens).replace('"', '""') + '"'
    return quoted + " *" if prefix else quoted


# ---------------------------------------------------------------- query syntax


@dataclass(frozen=True)
class _Token:
    kind: str  # "term", "(", ")", "AND", "OR", "NOT"
    text: str
    position: int


def _lex(query: str) -> list[_Token]:
    """Words, quoted phrases, parentheses and operators; terms with nothing to find dropped."""
    tokens: list[_Token] = []
    i = 0
    while i < len(query):
        char = query[i]
        if char.isspace():
            i += 1
        elif char in "()":
            tokens.append(_Token(char, char, i))
            i += 1
        elif char in _QUOTES:
            i = _read_phrase(query, i, tokens)
        else:
            i = _read_word(query, i, tokens)
    return tokens


def _read_phrase(query: str, start: int, tokens: list[_Token]) -> int:
    end = query.find(_QUOTES[query[start]], start + 1)
    if end < 0:
        raise QueryError("unclosed-quote", query[start], start + 1)
    text = query[start + 1 : end]
    if _segments(text):
        tokens.append(_Token("term", text, start))
    return end + 1


def _read_word(query: str, start: int, tokens: list[_Token]) -> int:
    end = start
    while end < len(query) and not query[end].isspace() and query[end] not in _WORD_STOP:
        end += 1
    word = query[start:end]
    if word in KEYWORDS:
        tokens.append(_Token(word, word, start))
    elif _segments(word):
        tokens.append(_Token("term", word, start))
    return end


@dataclass(frozen=True)
class _Leaf:
    text: str


@dataclass(frozen=True)
class _All:
    positive: tuple[_Node, ...]
    negative: tuple[_Node, ...]


@dataclass(frozen=True)
class _Any:
    options: tuple[_Node, ...]


_Node: TypeAlias = "_Leaf | _All | _Any"


def _needs_after(token: _Token) -> QueryError:
    return QueryError("needs-after", token.kind, token.position + 1)


def _needs_before(token: _Token) -> QueryError:
    return QueryError("needs-before", token.kind, token.position + 1)


class _Parser:
    """Recursive descent: OR of AND-groups of (NOT) terms and parenthesised groups.

    NOT binds tightest and excludes from its AND-group (``a NOT b c`` keeps a and c, drops
    b); AND may be left out; OR binds loosest.
    """

    def __init__(self, tokens: list[_Token]) -> None:
        self.tokens = tokens
        self.pos = 0
        self.depth = 0

    def peek(self) -> _Token | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self) -> _Token:
        self.pos += 1
        return self.tokens[self.pos - 1]

    def parse(self) -> _Node:
        node = self.any_of()
        stray = self.peek()
        if stray is not None:
            raise QueryError("stray-closing", stray.position + 1)
        if node is None:
            raise QueryError("nothing")
        return node

    def any_of(self) -> _Node | None:
        options: list[_Node] = []
        while (node := self.all_of()) is not None:
            options.append(node)
            token = self.peek()
            if token is None or token.kind != "OR":
                return options[0] if len(options) == 1 else _Any(tuple(options))
            self.take()
        token = self.peek()
        if options:
            raise _needs_after(self.tokens[self.pos - 1])
        if token is not None and token.kind == "OR":
            raise _needs_before(token)
        return None

    def all_of(self) -> _Node | None:
        positive: list[_Node] = []
        negative: list[_Node] = []
        first_not: _Token | None = None
        while (token := self.peek()) is not None and token.kind not in ("OR", ")"):
            if token.kind == "AND":
                self.and_operator(bool(positive or negative))
            elif token.kind == "NOT":
                self.take()
                first_not = first_not or token
                negative.append(self.operand(token))
            else:
                positive.append(self.primary())
        if first_not is not None and not positive:
            raise QueryError("not-alone", first_not.position + 1)
        if len(positive) == 1 and not negative:
            return positive[0]
        return _All(tuple(positive), tuple(negative)) if positive else None

    def and_operator(self, has_left: bool) -> None:
        token = self.take()
        if not has_left:
            raise _needs_before(token)
        after = self.peek()
        if after is None or after.kind in ("AND", "OR", ")"):
            raise _needs_after(token)

    def operand(self, operator: _Token) -> _Node:
        token = self.peek()
        if token is None or token.kind not in ("term", "("):
            raise _needs_after(operator)
        return self.primary()

    def primary(self) -> _Node:
        token = self.take()
        return _Leaf(token.text) if token.kind == "term" else self.group(token)

    def group(self, opening: _Token) -> _Node:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise QueryError("too-deep", MAX_DEPTH)
        node = self.any_of()
        closing = self.peek()
        if closing is None:
            raise QueryError("unclosed-paren", opening.position + 1)
        if node is None:
            raise QueryError("empty-parens", opening.position + 1)
        self.take()
        self.depth -= 1
        return node


# ---------------------------------------------------------------- query output


def _wrap(node: _Node) -> str:
    return _render(node) if isinstance(node, _Leaf) else f"({_render(node)})"


def _render(node: _Node) -> str:
    """The FTS5 expression for a parsed query, every operator's operands parenthesised."""
    if isinstance(node, _Leaf):
        return _phrase(node.text)
    if isinstance(node, _Any):
        return " OR ".join(map(_wrap, node.options))
    keep = " AND ".join(map(_wrap, node.positive))
    if not node.negative:
        return keep
    return f"({keep}) NOT ({' OR '.join(map(_wrap, node.negative))})"


def _positive_leaves(node: _Node) -> list[_Leaf]:
    if isinstance(node, _Leaf):
        return [node]
    children = node.options if isinstance(node, _Any) else node.positive
    return [leaf for child in children for leaf in _positive_leaves(child)]


def _single_chars(node: _Node) -> list[str]:
    """One-character Chinese terms of the top-level AND group."""
    top = [node] if isinstance(node, _Leaf) else node.positive if isinstance(node, _All) else ()
    chars: list[str] = []
    for leaf in top:
        segments = _segments(leaf.text) if isinstance(leaf, _Leaf) else []
        if len(segments) == 1 and len(segments[0]) == 1 and _IS_CJK.match(segments[0]):
            chars.append(segments[0])
    return list(dict.fromkeys(chars))


def _highlight_terms(node: _Node) -> list[str]:
    pieces = [piece for leaf in _positive_leaves(node)
              for piece in _SEPARATORS.split(leaf.text) if piece]
    return list(dict.fromkeys(pieces))


def parse_query(query: str) -> Query:
    """Parse the user's search syntax; raises QueryError with a message for the user.

    Terms are separated by spaces (all must match); "quoted phrases" (also “…”) match as
    written, with any punctuation or space where the phrase has one; AND, OR, NOT (upper
    case) and parentheses combine them. Latin words and numbers match whole words,
    case-insensitively; Chinese matches any substring, one character included.
    """
    tree = _Parser(_lex(query)).parse()
    return Query(_render(tree), _single_chars(tree), _highlight_terms(tree))


# ---------------------------------------------------------------- hits


@lru_cache(maxsize=64)
def _terms_pattern(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    ordered = sorted({t for t in terms if t}, key=len, reverse=True)
    if not ordered:
        return None
    return re.compile(f"(?=({'|'.join(map(re.escape, ordered))}))", re.IGNORECASE)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with overlapping or touching ones joined."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def highlight_spans(text: str, terms: Sequence[str]) -> list[tuple[int, int]]:
    """Sorted, non-overlapping ``(start, end)`` spans covering every occurrence of a term.

    Overlapping or adjacent occurrences become one span; Latin letters match in any case.
    """
    pattern = _terms_pattern(tuple(terms))
    if pattern is None:
        return []
    return _merge([(m.start(1), m.end(1)) for m in pattern.finditer(text)])


def _window(length: int, hit: tuple[int, int], width: int) -> tuple[int, int]:
    """A slice of about ``width`` characters with the hit in its middle."""
    start, end = hit
    if end - start < width:
        start -= (width - (end - start)) // 2
    start = max(0, min(start, length - width))
    return start, min(length, start + width)


def snippet(text: str, terms: Sequence[str], width: int = 60,
            mark: tuple[str, str] = ("[", "]")) -> str:
    """About ``width`` characters around the first hit, hits marked, "…" where cut.

    Runs of whitespace (line breaks included) become one space. ``text`` is not escaped:
    with HTML marks, escape it first or escape the pieces yourself.
    """
    spans = highlight_spans(text, terms)
    start, end = _window(len(text), spans[0] if spans else (0, 0), max(width, 1))
    pieces: list[str] = []
    at = start
    for s, e in spans:
        s, e = max(s, start), min(e, end)
        if s < e:
            pieces += [_WHITESPACE.sub(" ", text[at:s]), mark[0],
                       _WHITESPACE.sub(" ", text[s:e]), mark[1]]
            at = e
    pieces.append(_WHITESPACE.sub(" ", text[at:end]))
    body = "".join(pieces).strip()
    return ("…" if start > 0 else "") + body + ("…" if end < len(text) else "")
