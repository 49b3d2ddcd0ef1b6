"""The tree filter's syntax: words and ``tag:`` terms, all of which an article must match."""

from __future__ import annotations

from dataclasses import dataclass

TAG_PREFIXES = ("tag:", "tag：", "标签:", "标签：")
"""What starts a tag term (the full-width colon is what a Chinese input method types)."""
QUOTES = {'"': '"', "“": "”", "”": "”"}
"""Opening quote → the quote that closes it (a phrase or a name with spaces)."""


@dataclass(frozen=True)
class TreeQuery:
    """What the tree filter asks: articles carrying every tag in ``tags`` (exact names,
    case ignored) and matching every one of ``words`` (in the title, the start of an
    untitled text, or as the whole name of a tag or entity)."""

    tags: tuple[str, ...] = ()
    words: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.tags or self.words)


def _tokens(text: str) -> list[tuple[str, bool]]:
    """(token, began with a quote) for the whitespace-separated parts of ``text``; quotes
    group words with spaces (``tag:"a b"``) and are dropped; an unclosed one runs to the
    end."""
    tokens: list[tuple[str, bool]] = []
    current: list[str] = []
    closing: str | None = None
    quoted = False
    for char in text:
        if closing is not None:
            if char == closing:
                closing = None
            else:
                current.append(char)
        elif char in QUOTES:
            closing, quoted = QUOTES[char], quoted or not current
        elif char.isspace():
            if current or quoted:
                tokens.append(("".join(current), quoted))
            current, quoted = [], False
        else:
            current.append(char)
    if current or quoted:
        tokens.append(("".join(current), quoted))
    return tokens


def tag_prefix(token: str) -> str | None:
    """The ``tag:`` prefix ``token`` starts with (any case), if it does."""
    lowered = token.lower()
    return next((p for p in TAG_PREFIXES if lowered.startswith(p)), None)


def parse_tree_filter(text: str) -> TreeQuery:
    """``tag:城市更新 南开`` → tags ("城市更新",), words ("南开",). A bare ``tag:`` (still
    being typed) and empty quotes ask nothing."""
    tags: list[str] = []
    words: list[str] = []
    for token, quoted in _tokens(text):
        prefix = None if quoted else tag_prefix(token)
        if prefix is not None:
            name = token[len(prefix):].strip()
            if name:
                tags.append(name)
        elif token.strip():
            words.append(token.strip())
    return TreeQuery(tuple(dict.fromkeys(tags)), tuple(dict.fromkeys(words)))


def tag_term(name: str) -> str:
    """The filter text that shows the articles tagged ``name`` (quoted when it must be)."""
    if any(char.isspace() or char in QUOTES for char in name):
        return f"tag:“{name}”" if '"' in name else f'tag:"{name}"'
    return f"tag:{name}"
