"""One lazily loaded jieba tokenizer with our dictionaries, giving words, offsets and tags."""

from __future__ import annotations

import hashlib
import logging
import marshal
import math
import os
import re
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

from reader.core.analyze.lexicon import Lexicon, lexicon

APP_NAME = "baokan-reader"
USER_DICT_NAME = "userdict.txt"
GAZETTEER_FREQ = 2000
RE_HAN = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._%\\-]+)", re.U)
"""jieba 0.42's block pattern (re_han_default); text between blocks is cut by RE_SKIP."""
RE_SKIP = re.compile("(\r\n|\\s)", re.U)
RE_ENG = re.compile("[a-zA-Z0-9]", re.U)
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
    """A jieba ``Tokenizer`` plus a tag table, loaded on first use (never at import)."""

    def __init__(self, cache_dir: Path | None = None, user_dict: Path | None = None) -> None:
        self.cache_dir = cache_dir or Path(platformdirs.user_cache_dir(APP_NAME))
        self.user_dict = user_dict or Path(platformdirs.user_data_dir(APP_NAME)) / USER_DICT_NAME
        self._lock = threading.Lock()
        self._tokenizer: Any = None
        self._tags: dict[str, str] = {}
        self._logs: dict[str, float] = {}
        self.user_words: dict[str, str] = {}
        """Words of the user's own list with their tag (nr, ns, nt …), if it has one."""

    @property
    def loaded(self) -> bool:
        """True once the tokenizer has been built."""
        return self._tokenizer is not None

    def load(self) -> float:
        """Build the tokenizer now if needed; return the seconds it took (0 if done)."""
        if self._tokenizer is not None:
            return 0.0
        with self._lock:
            if self._tokenizer is not None:
                return 0.0
            began = time.perf_counter()
            self._tokenizer = self._build(lexicon())
            return time.perf_counter() - began

    def tokens(self, text: str) -> Tokens:
        """Segment ``text`` (dictionary words only, no HMM) into words with offsets and tags."""
        if self._tokenizer is None:
            self.load()
        words = self.cut(text)
        if sum(map(len, words)) != len(text):
            words = list(text)  # never happens, but offsets must stay true
        starts, offset = [], 0
        for word in words:
            starts.append(offset)
            offset += len(word)
        get = self._tags.get
        return Tokens(words, starts, [get(word, "x") for word in words])

    def cut(self, text: str) -> list[str]:
        """The words of ``jieba.Tokenizer.cut(text, HMM=False)``, computed twice as fast.

        Same blocks, same dictionary, same route probabilities and tie-breaking as jieba
        0.42 (tests/core/analyze/test_segmenter.py compares both), with the logarithms of
        word frequencies remembered between calls.
        """
        if self._tokenizer is None:
            self.load()
        freq = self._tokenizer.FREQ
        logtotal = math.log(self._tokenizer.total)
        words: list[str] = []
        for block in RE_HAN.split(text):
            if not block:
                continue
            if RE_HAN.match(block):
                words += _cut_block(block, freq, logtotal, self._logs)
            else:
                for piece in RE_SKIP.split(block):
                    if RE_SKIP.match(piece):
                        words.append(piece)
                    else:
                        words.extend(piece)
        return words

    def tag(self, word: str) -> str | None:
        """The part-of-speech tag of a dictionary word, None if unknown."""
        if self._tokenizer is None:
            self.load()
        return self._tags.get(word)

    def freq(self, word: str) -> int:
        """jieba's frequency of a dictionary word (0 if unknown)."""
        if self._tokenizer is None:
            self.load()
        return int(self._tokenizer.FREQ.get(word) or 0)

    def in_dictionary(self, word: str) -> bool:
        """True if ``word`` is a whole word of the segmenter's dictionary."""
        return self.freq(word) > 0

    def _build(self, lex: Lexicon) -> Any:
        import jieba

        jieba.setLogLevel(logging.WARNING)
        tokenizer = jieba.Tokenizer()
        tokenizer.tmp_dir = str(self._ensure_cache_dir())
        tokenizer.initialize()
        self._tags = self._load_tags(Path(jieba.__file__).parent / "dict.txt")
        for name in lex.places:
            self._add(tokenizer, name, GAZETTEER_FREQ, "ns")
        for path in sorted(lex.dict_dir.glob("words*.txt")):
            self._load_word_file(tokenizer, path, user=False)
        if self.user_dict.is_file():
            self._load_word_file(tokenizer, self.user_dict, user=True)
        return tokenizer

    def _ensure_cache_dir(self) -> Path:
        try:
            self.cache_dir.mkdir(parents=True, exist_ok=True)
            return self.cache_dir
        except OSError:
            return Path(tempfile.gettempdir())

    def _load_tags(self, dict_file: Path) -> dict[str, str]:
        """jieba's word → tag table, cached with marshal beside jieba's own cache."""
        stat = dict_file.stat()
        key = hashlib.sha1(f"{dict_file}|{stat.st_size}|{stat.st_mtime}".encode()).hexdigest()
        cache = Path(self._ensure_cache_dir()) / f"baokan-tags-{key[:16]}.marshal"
        try:
            with cache.open("rb") as handle:
                tags = marshal.load(handle)
            if isinstance(tags, dict):
                return tags
        except (OSError, EOFError, ValueError, TypeError):
            pass
        tags = _read_tags(dict_file)
        _write_atomically(cache, marshal.dumps(tags))
        return tags

    def _load_word_file(self, tokenizer: Any, path: Path, user: bool) -> None:
        for line in path.read_text(encoding="utf-8-sig", errors="replace").splitlines():
            parts = line.split()
            if not parts or parts[0].startswith("#"):
                continue
            freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
            tag = parts[-1] if len(parts) > 1 and not parts[-1].isdigit() else None
            self._add(tokenizer, parts[0], freq, tag, keep_higher=not user)
            if user:
                self.user_words[parts[0]] = tag or ""

    def _add(self, tokenizer: Any, word: str, freq: int | None, tag: str | None,
             keep_higher: bool = True) -> None:
        """Add a word; our own lists never lower the frequency jieba already has."""
        wanted = freq if freq is not None else GAZETTEER_FREQ
        if keep_higher:
            wanted = max(wanted, tokenizer.FREQ.get(word) or 0)
        tokenizer.add_word(word, wanted, tag)
        if tag:
            self._tags[word] = tag


PREFIX_ONLY = 1.0
"""In the table of logarithms: a prefix of dictionary words that is no word itself (a log
probability is never positive)."""


def _cut_block(block: str, freq: dict[str, int], logtotal: float,
               logs: dict[str, float]) -> list[str]:
    """jieba's maximum-probability route through the word graph of one block, no HMM.

    ``logs`` remembers, for each fragment met, its log probability or ``PREFIX_ONLY``: one
    dictionary look-up per fragment that is a word or prefix once it has been seen.
    """
    size = len(block)
    best = [0.0] * (size + 1)
    ends = [0] * (size + 1)
    get = logs.get
    for start in range(size - 1, -1, -1):
        best_p, best_end = 0.0, -1
        end, frag = start, block[start]
        while end < size:
            logp = get(frag)
            if logp is None:
                count = freq.get(frag)
                if count is None:
                    break
                logp = logs[frag] = math.log(count) - logtotal if count else PREFIX_ONLY
            if logp != PREFIX_ONLY:
                prob = logp + best[end + 1]
                if best_end < 0 or prob > best_p or (prob == best_p and end > best_end):
                    best_p, best_end = prob, end
            end += 1
            frag = block[start:end + 1]
        if best_end < 0:
            best_p, best_end = -logtotal + best[start + 1], start
        best[start], ends[start] = best_p, best_end
    return _route_words(block, ends)


def _route_words(block: str, ends: list[int]) -> list[str]:
    """Words along the route; single Latin letters and digits are glued (jieba's rule)."""
    words: list[str] = []
    position, buffer = 0, ""
    while position < len(block):
        stop = ends[position] + 1
        word = block[position:stop]
        if stop - position == 1 and RE_ENG.match(word):
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


def _read_tags(dict_file: Path) -> dict[str, str]:
    tags: dict[str, str] = {}
    with dict_file.open("rb") as handle:
        for raw in handle:
            parts = raw.decode("utf-8", "replace").split()
            if len(parts) == 3:
                tags[parts[0]] = parts[2]
    return tags


def _write_atomically(path: Path, data: bytes) -> None:
    try:
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".baokan-")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temp, path)
    except OSError:
        pass


_DEFAULT: list[Segmenter] = []
_DEFAULT_LOCK = threading.Lock()


def default_segmenter() -> Segmenter:
    """The process-wide segmenter (created here, loaded on first use)."""
    if not _DEFAULT:
        with _DEFAULT_LOCK:
            if not _DEFAULT:
                _DEFAULT.append(Segmenter())
    return _DEFAULT[0]
