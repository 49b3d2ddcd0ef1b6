"""Dictionary-only segmentation as jieba cuts it, with our dictionaries: words, offsets and tags."""

from __future__ import annotations

import importlib.util
import logging
import math
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from itertools import accumulate, compress, repeat
from operator import is_
from pathlib import Path
from typing import Any, cast

import platformdirs

from reader.core.analyze.lexicon import Lexicon, lexicon
from reader.core.analyze.wordtable import WordTable, load_table, writable_folder

APP_NAME = "baokan-reader"
USER_DICT_NAME = "userdict.txt"
GAZETTEER_FREQ = 2000
RE_HAN = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._%\\-]+)", re.U)
"""jieba 0.42's block pattern (re_han_default); text between blocks is cut by RE_SKIP."""
RE_SKIP = re.compile("(\r\n|\\s)", re.U)
RE_ENG = re.compile("[a-zA-Z0-9]", re.U)
ENG_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
"""The characters RE_ENG matches (a set look-up for the single characters of a route)."""
"""Frequency given to gazetteer names so jieba keeps them whole (南开区, 庆阳市)."""


@dataclass
class Tokens:
    """The words of a text with their start offsets and part-of-speech tags."""

    words: list[str]
    starts: list[int]
    tags: list[str]

    def __len__(self) -> int:
        return len(self.words)

    def end(self, index: int) -> int:
        """Offset just after word ``index``."""
        return self.starts[index] + len(self.words[index])


class Segmenter:
    """jieba's dictionary plus ours as one word table, loaded on first use (never at import)."""

    def __init__(self, cache_dir: Path | None = None, user_dict: Path | None = None) -> None:
        self.cache_dir = cache_dir or Path(platformdirs.user_cache_dir(APP_NAME))
        self.user_dict = user_dict or Path(platformdirs.user_data_dir(APP_NAME)) / USER_DICT_NAME
        self._lock = threading.Lock()
        self._table: WordTable | None = None
        self._logs: dict[str, float] = {}
        self._tag_memo: dict[str, str] = {}
        self._token_tags: dict[str, str] = {}
        """The tag of each word as ``tokens`` gives it (``x`` for none)."""
        self._freq_memo: dict[str, int] = {}
        self.user_words: dict[str, str] = {}
        """Words of the user's own list with their tag (nr, ns, nt …), if it has one."""

    @property
    def loaded(self) -> bool:
        """True once the word table has been read."""
        return self._table is not None

    def load(self) -> float:
        """Read the word table now if needed; return the seconds it took (0 if done)."""
        if self._table is not None:
            return 0.0
        with self._lock:
            if self._table is not None:
                return 0.0
            began = time.perf_counter()
            table = load_table(jieba_dict_file(), self._ensure_cache_dir())
            for word, freq, tag, user in self._our_words(lexicon()):
                _add(table, word, freq, tag, keep_higher=not user)
            self._table = table
            return time.perf_counter() - began

    def tokens(self, text: str) -> Tokens:
        """Segment ``text`` (dictionary words only, no HMM) into words with offsets and tags."""
        words = self.cut(text)
        if sum(map(len, words)) != len(text):
            words = list(text)  # never happens, but offsets must stay true
        starts = list(accumulate(map(len, words), initial=0))
        starts.pop()
        memo = self._token_tags
        tags = list(map(memo.get, words))  # in C: most words were seen before
        new = set(compress(words, map(is_, tags, repeat(None))))
        if new:  # each new word once: a fresh process meets 的 thousands of times in a text
            for word in new:
                memo[word] = self._tag_of(word) or "x"
            tags = list(map(memo.__getitem__, words))
        return Tokens(words, starts, cast(list[str], tags))

    def cut(self, text: str) -> list[str]:
        """The words of ``jieba.Tokenizer.cut(text, HMM=False)``, computed twice as fast.

        Same blocks, same dictionary, same route probabilities and tie-breaking as jieba
        0.42 (tests/core/analyze/test_segmenter.py compares both), with the logarithms of
        word frequencies remembered between calls.
        """
        table = self._table or self._loaded()
        if len(self._logs) > MAX_REMEMBERED:
            self._logs = {}
        if len(self._tag_memo) > MAX_REMEMBERED:
            self._tag_memo = {}
        if len(self._token_tags) > MAX_REMEMBERED:
            self._token_tags = {}
        if len(self._freq_memo) > MAX_REMEMBERED:
            self._freq_memo = {}
        logtotal = math.log(table.total)
        words: list[str] = []
        # the split alternates: other text, a block, other text, …, a block, other text
        for index, block in enumerate(RE_HAN.split(text)):
            if not block:
                continue
            if index & 1:
                words += _cut_block(block, table.count, logtotal, self._logs)
            else:
                for piece in RE_SKIP.split(block):
                    if RE_SKIP.match(piece):
                        words.append(piece)
                    else:
                        words.extend(piece)
        return words

    def tag(self, word: str) -> str | None:
        """The part-of-speech tag of a dictionary word, None if unknown."""
        return self._tag_of(word) or None

    def freq(self, word: str) -> int:
        """jieba's frequency of a dictionary word (0 if unknown)."""
        count = self._freq_memo.get(word)
        if count is None:
            count = self._freq_memo[word] = (self._table or self._loaded()).count(word) or 0
        return count

    def in_dictionary(self, word: str) -> bool:
        """True if ``word`` is a whole word of the segmenter's dictionary."""
        return self.freq(word) > 0

    def jieba_tokenizer(self) -> Any:
        """A ``jieba.Tokenizer`` given the same words (slow: for checks that both agree)."""
        import jieba

        jieba.setLogLevel(logging.WARNING)
        tokenizer = jieba.Tokenizer()
        tokenizer.tmp_dir = str(self._ensure_cache_dir())
        tokenizer.initialize()
        for word, freq, tag, user in self._our_words(lexicon()):
            wanted = freq
            if not user:
                wanted = max(wanted, tokenizer.FREQ.get(word) or 0)
            tokenizer.add_word(word, wanted, tag)
        return tokenizer

    def _loaded(self) -> WordTable:
        self.load()
        assert self._table is not None
        return self._table

    def _tag_of(self, word: str) -> str:
        """The tag of ``word``, '' if it has none (remembered: the table is a bisect)."""
        tag = self._tag_memo.get(word)
        if tag is None:
            tag = self._tag_memo[word] = (self._table or self._loaded()).tag(word) or ""
        return tag

    def _our_words(self, lex: Lexicon) -> list[tuple[str, int, str | None, bool]]:
        """(word, frequency, tag, from the user's list) in the order they are added."""
        words: list[tuple[str, int, str | None, bool]] = [
            (name, GAZETTEER_FREQ, "ns", False) for name in lex.places]
        for path in sorted(lex.dict_dir.glob("words*.txt")):
            words += self._word_file(path, user=False)
        if self.user_dict.is_file():
            words += self._word_file(self.user_dict, user=True)
        return words

    def _ensure_cache_dir(self) -> Path:
        return writable_folder(self.cache_dir)

    def _word_file(self, path: Path, user: bool) -> list[tuple[str, int, str | None, bool]]:
        words: list[tuple[str, int, str | None, bool]] = []
        for line in path.read_text(encoding="utf-8-sig", errors="replace").splitlines():
            parts = line.split()
            if not parts or parts[0].startswith("#"):
                continue
            freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
            tag = parts[-1] if len(parts) > 1 and not parts[-1].isdigit() else None
            words.append((parts[0], GAZETTEER_FREQ if freq is None else freq, tag, user))
            if user:
                self.user_words[parts[0]] = tag or ""
        return words


def _add(table: WordTable, word: str, freq: int, tag: str | None, keep_higher: bool) -> None:
    """Add a word; our own lists never lower the frequency jieba already has."""
    wanted = max(freq, table.count(word) or 0) if keep_higher else freq
    table.add(word, wanted, tag)


def jieba_dict_file() -> Path:
    """jieba's dict.txt, found without importing jieba (0.1–0.3 s saved)."""
    spec = importlib.util.find_spec("jieba")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder) / "dict.txt"
        if path.is_file():
            return path
    import jieba

    return Path(jieba.__file__).parent / "dict.txt"


MAX_REMEMBERED = 1_000_000
"""Fragments whose look-up is remembered (cleared past this, so a decade does not grow it)."""


PREFIX_ONLY = math.nan
"""In the table of logarithms: a prefix of dictionary words that is no word itself. NaN,
so the route's comparison (``>=``) never picks it without a test of its own."""
UNKNOWN = 2.0
"""In the table of logarithms, this very object: neither a word nor a prefix of one (a log
probability is never positive). Tested by identity: ``logs`` holds only this object so."""


def _cut_block(block: str, count_of: Callable[[str], int | None], logtotal: float,
               logs: dict[str, float]) -> list[str]:
    """jieba's maximum-probability route through the word graph of one block, no HMM.

    ``logs`` remembers, for each fragment met, its log probability, ``PREFIX_ONLY`` or
    ``UNKNOWN``: one look-up in the word table per distinct fragment. ``stops[start]`` is
    the end (exclusive) of the best word starting at ``start``.
    """
    size = len(block)
    best = [0.0] * (size + 1)
    stops = [0] * (size + 1)
    get = logs.get
    for start in range(size - 1, -1, -1):
        best_p, best_stop = -math.inf, 0
        stop = start + 1
        while stop <= size:
            fragment = block[start:stop]
            logp = get(fragment)
            if logp is None:
                logp = _remember(fragment, count_of, logtotal, logs)
            if logp is UNKNOWN:
                break
            prob = logp + best[stop]  # NaN for a bare prefix: never >=
            # jieba's max over (probability, end): ends grow, so a tie goes to this one
            if prob >= best_p:
                best_p, best_stop = prob, stop
            stop += 1
        if not best_stop:
            best_p, best_stop = -logtotal + best[start + 1], start + 1
        best[start] = best_p
        stops[start] = best_stop
    return _route_words(block, stops)


def _remember(fragment: str, count_of: Callable[[str], int | None], logtotal: float,
              logs: dict[str, float]) -> float:
    """Look ``fragment`` up in the word table and remember its value in ``logs``."""
    count = count_of(fragment)
    logp = logs[fragment] = UNKNOWN if count is None else \
        math.log(count) - logtotal if count else PREFIX_ONLY
    return logp


def _route_words(block: str, stops: list[int]) -> list[str]:
    """Words along the route; single Latin letters and digits are glued (jieba's rule)."""
    words: list[str] = []
    position, buffer, size = 0, "", len(block)
    while position < size:
        stop = stops[position]
        word = block[position:stop]
        if stop - position == 1 and word in ENG_CHARS:
            buffer += word
        else:
            if buffer:
                words.append(buffer)
                buffer = ""
            words.append(word)
        position = stop
    if buffer:
        words.append(buffer)
    return words


_DEFAULT: list[Segmenter] = []
_DEFAULT_LOCK = threading.Lock()


def default_segmenter() -> Segmenter:
    """The process-wide segmenter (created here, loaded on first use)."""
    if not _DEFAULT:
        with _DEFAULT_LOCK:
            if not _DEFAULT:
                _DEFAULT.append(Segmenter())
    return _DEFAULT[0]
