"""The statistical entity tagger: a character CRF over character n-grams and segmenter words."""

from __future__ import annotations

import hashlib
import marshal
import re
import struct
import threading
import time
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, compress, count, repeat
from operator import add, sub
from pathlib import Path
from typing import Any

import platformdirs

from reader.core.analyze.segmenter import APP_NAME, Tokens
from reader.core.analyze.wordtable import writable_folder, write_atomically
from reader.core.resources import resources_dir

MODEL_PATH = ("models", "entities.crfsuite")
"""Where the shipped model lives under resources/ (written by tools/train_entities.py)."""
FEATURE_VERSION = 3
"""Bump when ``features`` changes: a model is only valid for the features it was trained on."""
TYPES = {"PER": "person", "LOC": "place", "ORG": "org"}
PIECE = 1000
"""Longer texts are tagged in pieces that end after a sentence end (one at most 4 × as long)."""
SENTENCE_ENDS = frozenset({"。", "！", "？", "!", "?", "；", ";", "\n", "\r\n", "”"})

_DIGITS = re.compile("[0-9０-９]")
_LETTERS = re.compile("[a-zA-Zａ-ｚＡ-Ｚ]")
_SPACES = re.compile("[\u3000\t\n\r]")


def fold(text: str) -> str:
    """The text as the model sees it (same length as ``text``): digits (both widths) read
    as 0, Latin letters (both widths) as A, white space as one kind.

    Three substitutions in C: ``str.translate`` with a table looks every character up
    in a dict, three times as slow on Chinese text.
    """
    return _SPACES.sub(" ", _LETTERS.sub("A", _DIGITS.sub("0", text)))


def features(text: str, tokens: Tokens) -> list[list[str]]:
    """The attributes of every character of ``text``: five, each a string.

    The character, the bigrams it makes with the characters before and after it, the
    trigram of the three; and the part-of-speech tag of the segmenter's word that contains
    the character with the character's place in it (Begin, Middle, End, Single + word
    length up to 4). crfsuite's time, and pycrfsuite's copying of every attribute into
    C++, grow with the attributes per character, whether the model knows them or not:
    version 2 also had the characters at -1 and +1 and the word itself (eight; the same
    F1 within 0.01 on the development split and the seeds, docs/analysis.md, and a
    quarter slower); version 1 had fourteen.
    """
    t = "\x02" + fold(text) + "\x03"
    n = len(text)
    left, mid, right = t[:n], t[1:n + 1], t[2:n + 2]
    return [
        [f"c{c}", f"g{b}{c}", f"h{c}{d}", f"j{b}{c}{d}", p]
        for b, c, d, p in zip(left, mid, right, _place_features(tokens, n), strict=True)
    ]


def _place_features(tokens: Tokens, size: int) -> list[str]:
    """Per character: the word's tag + the character's place in the word."""
    out: list[str] = []
    for key in zip(tokens.tags, map(len, tokens.words), strict=True):
        out += _place_attributes(*key)
    if len(out) != size:  # tokens always cover the text; keep lengths equal regardless
        out = (out + ["p"] * size)[:size]
    return out


@lru_cache(maxsize=4096)
def _place_attributes(tag: str, length: int) -> list[str]:
    """The place attributes of the characters of a word of ``length`` tagged ``tag``."""
    if length == 1:
        return [f"p{tag}S"]
    span = min(length, 4)
    return [f"p{tag}B{span}", *[f"p{tag}M{span}"] * (length - 2), f"p{tag}E{span}"]


TEMPLATES = "cghjp"
"""The first letter of each attribute of ``features``, in the order they are listed."""
_SURROGATE = re.compile("[\ud800-\udfff]")


class KnownAttributes:
    """The attributes a model has weights for, by template, as the bytes crfsuite reads.

    crfsuite drops every attribute its model does not know, but only after pycrfsuite has
    encoded it, copied it into C++ and crfsuite has looked it up by name: on news text
    about 40 % of what ``features`` lists (97 % of the trigrams, three bigrams in
    four). ``items`` looks each attribute up by its key (the characters or the tag and
    place after the template letter) in the model's own names, so no name is built,
    and gives the known ones as UTF-8 bytes, which pycrfsuite takes without encoding
    them, and an unknown one as ``UNKNOWN`` (the empty name, which no model has): every
    row is made by ``zip`` in C, in the order of ``features``, and crfsuite sees the same
    known attributes in the same order, so the labels are the same.
    """

    def __init__(self, names: list[bytes]) -> None:
        joined = b"\0" + b"\0".join(names)
        tables: dict[str, dict[str, bytes]] = {}
        for template in TEMPLATES:  # C loops: a Python one over 73,000 names takes 0.03 s
            group = re.findall(b"\0(" + template.encode() + b"[^\0]*)", joined)
            keys = b"\0".join(group).decode("utf-8")[1:].split("\0" + template)
            tables[template] = dict(zip(keys, group, strict=True)) if group else {}
        self._use(tables)

    @classmethod
    def from_record(cls, record: object) -> KnownAttributes:
        """The tables ``record()`` gave (ValueError if ``record`` is not such a one)."""
        if not isinstance(record, tuple) or len(record) != 2 or record[0] != KNOWN_VERSION or \
                not isinstance(record[1], dict) or sorted(record[1]) != sorted(TEMPLATES):
            raise ValueError("not a table of known attributes of this version")
        tables = {}
        for template, (keys, names) in record[1].items():
            if not isinstance(keys, str) or not isinstance(names, bytes):
                raise ValueError("not a table of known attributes")
            tables[template] = dict(zip(keys.split("\0"), names.split(b"\0"), strict=True)) \
                if names else {}
        known = cls.__new__(cls)
        known._use(tables)
        return known

    def record(self) -> tuple[int, dict[str, tuple[str, bytes]]]:
        """The tables as a value ``marshal`` writes and ``from_record`` reads back: per
        template, the keys and the names each joined by NUL (no name holds one)."""
        return KNOWN_VERSION, {template: ("\0".join(table), b"\0".join(table.values()))
                               for template, table in self.tables.items()}

    def _use(self, tables: dict[str, dict[str, bytes]]) -> None:
        self.tables = tables
        self._places: dict[tuple[str, int], list[bytes]] = {}
        self._trigram_heads = frozenset(key[:2] for key in tables["j"])
        """The first two characters of every trigram the model knows."""

    def items(self, text: str, tokens: Tokens) -> list[tuple[bytes, ...]]:
        """The attributes of every character of ``text`` in ``features``' order, each as
        the model's name for it or ``UNKNOWN``; the trigram only where the model knows it.

        The model knows 3 % of the trigrams of news text: rows are made without them
        (four columns, by ``zip``) and the few that have a known one get it in its place,
        so crfsuite is not handed and does not look up 97 empty names in a hundred. A
        trigram is looked up only after a bigram that starts a known one (a fifth of them).
        """
        n = len(text)
        chars = ["\x02", *fold(text), "\x03"]
        pairs = list(map(add, chars[:n + 1], chars[1:]))  # pairs[i]: characters i-1 and i
        before = pairs[:n]
        c, g, h, j = (self.tables[template] for template in "cghj")
        unknown = repeat(UNKNOWN)
        rows: list[tuple[bytes, ...]] = list(zip(
            map(c.get, chars[1:n + 1], unknown), map(g.get, before, unknown),
            map(h.get, pairs[1:], unknown), self._place_column(tokens, n), strict=True))
        for index in compress(count(), map(self._trigram_heads.__contains__, before)):
            trigram = j.get(pairs[index] + chars[index + 2])
            if trigram is not None:
                row = rows[index]
                rows[index] = (*row[:3], trigram, row[3])
        return rows

    def _place_column(self, tokens: Tokens, size: int) -> list[bytes]:
        """Per character: the place attribute (the word's tag + the character's place in
        it), made by C loops from each word's list, remembered per (tag, length)."""
        memo = self._places
        keys = list(zip(tokens.tags, map(len, tokens.words), strict=True))
        try:
            parts = list(map(memo.__getitem__, keys))
        except KeyError:  # a (tag, length) not met before: a few hundred in all
            if len(memo) > MAX_PLACES:
                memo.clear()
            known = self.tables["p"]
            for key in set(keys).difference(memo):
                memo[key] = [known.get(place[1:], UNKNOWN) for place in _place_attributes(*key)]
            parts = list(map(memo.__getitem__, keys))
        places = list(chain.from_iterable(parts))
        if len(places) != size:  # as in _place_features (never happens)
            places = (places + [self.tables["p"].get("", UNKNOWN)] * size)[:size]
        return places


MAX_PLACES = 10_000
"""(tag, length) pairs whose place attributes are remembered (cleared past this)."""
KNOWN_VERSION = 1
"""Bump when ``KnownAttributes.record`` changes."""


def known_attributes(model: Path, cache_dir: Path) -> KnownAttributes:
    """The known attributes of the model file ``model``, from the cache in ``cache_dir``
    (written if missing, keyed by the model's path, size and time).

    Reading them from the model takes 350M instructions (0.03-0.05 s, most of the model's
    load); the cache reads in a third of that. Raises ValueError or OSError if the model
    is not laid out as crfsuite 0.12 lays it out.
    """
    stat = model.stat()
    key = hashlib.sha1(f"{KNOWN_VERSION}|{model}|{stat.st_size}|{stat.st_mtime_ns}"
                       .encode()).hexdigest()
    cache = cache_dir / f"baokan-attributes-{key[:16]}.marshal"
    try:
        with cache.open("rb") as handle:
            return KnownAttributes.from_record(marshal.load(handle))
    except (OSError, EOFError, ValueError, TypeError):
        pass
    known = KnownAttributes(model_attributes(model))
    write_atomically(cache, marshal.dumps(known.record()))
    return known


UNKNOWN = b""
"""An attribute the model does not know: the empty name (every name starts with its
template letter), which crfsuite drops like any other it does not know."""


def model_attributes(path: Path) -> list[bytes]:
    """The attribute names of a crfsuite model file, read from the file itself.

    The layout is crfsuite 0.12's (``crf1d`` model, little-endian): a header whose uint32 at
    36 is the offset of the attributes, a constant quark database there (``CQDB``, six
    uint32, 256 hash tables of two uint32, then the records ``int32 id, uint32 size,
    name\\0`` one after another in id order, then the tables and the array of record
    offsets). ``Tagger.info()`` lists them too, but parses the whole model (0.8 s).
    Raises ValueError if the file is not laid out so.
    """
    data = path.read_bytes()
    try:
        if data[:4] != b"lCRF" or data[8:12] != b"FOMC":
            raise ValueError("not a crfsuite model")
        (num_attrs,) = struct.unpack_from("<I", data, 24)
        (base,) = struct.unpack_from("<I", data, 36)
        chunk, _, flag, byteorder, size, offsets = struct.unpack_from("<4s5I", data, base)
        if chunk != b"CQDB" or flag != 0 or byteorder != 0x62445371 or size != num_attrs:
            raise ValueError("unexpected attribute database")
        first = base + 24 + 256 * 8
        (last,) = struct.unpack_from("<I", data, base + offsets + 4 * (size - 1))
        last_id, last_size = struct.unpack_from("<iI", data, base + last)
        if last_id != size - 1 or struct.unpack_from("<iI", data, first)[0] != 0:
            raise ValueError("attribute records out of order")
        names = _RECORD.findall(data, first, base + last + 8 + last_size)
    except struct.error as error:
        raise ValueError(f"truncated model: {error}") from error
    if len(names) != size:
        raise ValueError("attribute records not contiguous")
    return names


_RECORD = re.compile(rb"(?s).{8}([^\0]*)\0")
"""One record of a CQDB: id and size (eight bytes), the name, its terminating NUL."""


@dataclass(frozen=True)
class Span:
    """A mention proposed by the model: type, offsets and the model's confidence."""

    type: str
    start: int
    end: int
    confidence: float


def spans_of(labels: list[str]) -> list[tuple[str, int, int]]:
    """(type, start, end) of each well-formed BIOES run (a broken run is dropped)."""
    found: list[tuple[str, int, int]] = []
    start, current, last = -1, "", -2
    for index in compress(count(), map("O".__ne__, labels)):  # most labels are O: skip them
        if index != last + 1:
            start = -1  # an O in between breaks the run, as it would below
        last = index
        head, _, kind = labels[index].partition("-")
        if head == "S":
            found.append((kind, index, index + 1))
            start = -1
        elif head == "B":
            start, current = index, kind
        elif head == "I" and start >= 0 and kind == current:
            continue
        elif head == "E" and start >= 0 and kind == current:
            found.append((kind, start, index + 1))
            start = -1
        else:
            start = -1
    return found


class Tagger:
    """The CRF model, opened on first use (never at import) and shared by threads."""

    def __init__(self, path: Path | None = None, cache_dir: Path | None = None) -> None:
        self.path = path or resources_dir().joinpath(*MODEL_PATH)
        self.cache_dir = cache_dir or Path(platformdirs.user_cache_dir(APP_NAME))
        self._lock = threading.Lock()
        self._tagger: Any = None
        self._known: KnownAttributes | None = None
        self.load_seconds = 0.0

    @property
    def available(self) -> bool:
        """True if the model file exists (the analysis falls back to rules alone if not)."""
        return self._tagger is not None or self.path.is_file()

    def load(self) -> float:
        """Open the model now if needed; return the seconds it took (0 if done)."""
        if self._tagger is not None:
            return 0.0
        with self._lock:
            if self._tagger is not None:
                return 0.0
            import pycrfsuite

            began = time.perf_counter()
            tagger = pycrfsuite.Tagger()
            tagger.open(str(self.path))
            try:
                self._known = known_attributes(self.path, writable_folder(self.cache_dir))
            except (ValueError, OSError):
                self._known = None  # another layout: give crfsuite every attribute
            self._tagger = tagger
            self.load_seconds = time.perf_counter() - began
            return self.load_seconds

    def tag(self, text: str, tokens: Tokens) -> list[str]:
        """The BIOES label of every character of ``text``."""
        if not text:
            return []
        self.load()
        with self._lock:  # a crfsuite tagger holds one sequence at a time
            return list(self._tag(text, tokens))

    def spans(self, text: str, tokens: Tokens) -> list[Span]:
        """The mentions the model finds in ``text`` (tagged in pieces of whole sentences)."""
        if not text:
            return []
        self.load()
        found = []
        with self._lock:
            for start, end, piece in _pieces(text, tokens):
                labels = self._tag(text[start:end], piece)
                found += [Span(TYPES[kind], start + begin, start + end, 1.0)
                          for kind, begin, end in spans_of(labels) if kind in TYPES]
        return found

    def _tag(self, text: str, tokens: Tokens) -> list[str]:
        """The labels of one piece (the lock held)."""
        if _SURROGATE.search(text):  # lone surrogates: UTF-8 cannot hold them
            text = _encodable(text)
            tokens = Tokens([_encodable(word) for word in tokens.words], tokens.starts,
                            tokens.tags)
        if self._known is not None:
            return self._tagger.tag(self._known.items(text, tokens))  # type: ignore[no-any-return]
        return self._tagger.tag(features(text, tokens))  # type: ignore[no-any-return]


def _encodable(text: str) -> str:
    """``text`` with characters UTF-8 cannot hold (lone surrogates) as ``?``, same length."""
    return text.encode("utf-8", "replace").decode("utf-8")


def _pieces(text: str, tokens: Tokens) -> list[tuple[int, int, Tokens]]:
    """``text`` cut after sentence ends into pieces of about ``PIECE`` characters or less,
    each with its own tokens (a 1 MB line is not turned into one feature list).

    A piece ends with the first sentence end that makes it ``PIECE`` characters long, or
    the first token that makes it ``4 * PIECE`` long, or the last token; found by bisection
    in the token ends, not by a Python step per token."""
    if len(text) <= PIECE:
        return [(0, len(text), tokens)]
    words, starts, tags = tokens.words, tokens.starts, tokens.tags
    ends = list(map(add, starts, map(len, words)))
    sentence_ends = list(compress(count(), map(SENTENCE_ENDS.__contains__, words)))
    last = len(words) - 1
    pieces: list[tuple[int, int, Tokens]] = []
    first = 0
    while first <= last:
        offset = starts[first]
        long_enough = bisect_left(ends, offset + PIECE, first)
        at = bisect_left(sentence_ends, long_enough)
        index = min(sentence_ends[at] if at < len(sentence_ends) else last,
                    bisect_left(ends, offset + 4 * PIECE, first), last)
        pieces.append((offset, ends[index],
                       Tokens(words[first:index + 1],
                              list(map(sub, starts[first:index + 1], repeat(offset))),
                              tags[first:index + 1])))
        first = index + 1
    return pieces


_DEFAULT: list[Tagger] = []
_DEFAULT_LOCK = threading.Lock()


def default_tagger() -> Tagger:
    """The process-wide tagger (created here, opened on first use)."""
    if not _DEFAULT:
        with _DEFAULT_LOCK:
            if not _DEFAULT:
                _DEFAULT.append(Tagger())
    return _DEFAULT[0]
