"""Near-duplicate detection across issues: normalised text, MinHash signatures, LSH band
keys and the similarity of two signatures (pure Python, deterministic in every process).

A text is normalised (whitespace and punctuation dropped, full-width letters and digits
made half-width, Latin letters lower-cased), cut into overlapping character
``SHINGLE``-grams, and each distinct shingle becomes one stable integer (its code points
side by side) hashed once by a fixed universal hash ``(A·x + B) mod P``. One-permutation
MinHash: the hash's low bits pick one of ``BUCKETS`` buckets, each bucket keeps its
smallest value. Two signatures agree in a bucket with a probability of about the Jaccard
similarity of the two shingle sets; with the sets' sizes that also estimates how much of
the smaller text stands in the larger one (containment: a truncated or embedded copy).

Candidates are found by LSH banding: the buckets are read ``ROWS`` at a time (``BANDS``
bands) and each band with no empty bucket gives a 32-bit key; two texts sharing any key
are compared. More keys are the text's first ``HEAD_CHARS`` characters, so a copy cut
short after its first paragraphs is found whatever its length, and its anchors: the
``ANCHOR_CHARS`` characters at the places the text's own 3-grams pick (about one in
``ANCHOR_EVERY``), so a short article printed inside a long one is found too. Only the
keys are stored (``reader.db.related``); the texts that share most keys with one are
compared when it is asked for (``ranked``, ``relate``).
"""

from __future__ import annotations

import hashlib
import heapq
import unicodedata
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import pairwise
from operator import eq
from typing import Literal

from reader.core.model import Issue

SHINGLE = 3
"""Characters per shingle (3-grams: see docs/benchmarks.md for bigrams against 3-grams)."""
BUCKETS = 128
ROWS = 2
BANDS = 16
"""LSH bands, read from the first ``BANDS * ROWS`` buckets (all ``BUCKETS`` serve the
estimate: 64 buckets misjudged how much of a short text stands in a long one). The bands
find copies with edits (Jaccard 0.5 and more meets in a band with a probability of 0.99);
the head and anchor keys find the truncated and embedded ones. 32 bands found nothing
more on the built pairs and cost 16 more index rows an article."""
MIN_CHARS = 50
"""Normalised characters below which an item gets no signature (credits, short captions)."""
HEAD_CHARS = 24
ANCHOR_EVERY = 61
ANCHOR_CHARS = 16
MAX_ANCHORS = 256
"""Anchors: about one in ``ANCHOR_EVERY`` (a prime) places of a text starts a key of the
``ANCHOR_CHARS`` characters there (at most ``MAX_ANCHORS``). A short article printed
inside one several times its length shares too few buckets to meet in a band (its
Jaccard similarity is 0.1-0.2) but shares its anchors."""
EMPTY = 0xFFFF
"""A bucket no shingle fell into (short texts)."""

_P = (1 << 61) - 1
_A = 0x1C2E_5A3F_9B47_D615 % _P
_B = 0x0F3B_62A9_48C1_7E23 % _P
_VALUE_SHIFT = 61 - 16
"""A bucket keeps the top 16 bits of its minimum, which the band keys are made of: two
different minima look equal once in thousands of buckets, which moves an estimate by less
than 0.001. Signatures live in memory only (the import's workers, a look-up)."""

COPY = 0.8
"""Estimated Jaccard similarity from which two texts are the same text (``copy``)."""
PART = 0.8
"""Share of the smaller text found in the larger from which it is a ``part`` of it (a
truncated copy, a copy inside a longer article)."""
OVERLAP = 0.5
"""Share of the smaller text found in the larger from which they ``overlap`` (a follow-up
quoting the report, a copy with a long passage rewritten)."""

CANDIDATES = 24
"""Texts compared with the one looked up: those sharing the most band keys with it. In
the library each costs its signature, made from its stored text (about 0.3 ms for 600
characters)."""

Kind = Literal["copy", "part", "overlap"]


@dataclass(frozen=True)
class Signature:
    """The MinHash of one text: ``BUCKETS`` minima (``EMPTY`` where none), the number of
    distinct shingles, and the keys of its head and anchors (``anchors``)."""

    mins: tuple[int, ...]
    size: int
    anchors: tuple[int, ...] = ()


_PUNCT = frozenset("PZSC")


def _keep(char: str) -> str:
    code = ord(char)
    if 0xFF01 <= code <= 0xFF5E:  # full-width ASCII → half-width
        char = chr(code - 0xFEE0)
    if unicodedata.category(char)[0] in _PUNCT:
        return ""
    return char.lower()


_TABLE: dict[str, str] = {}


def normalise(text: str) -> str:
    """``text`` without whitespace or punctuation, full-width letters and digits made
    half-width, Latin lower-cased: a re-wrapped or re-punctuated copy reads the same."""
    table = _TABLE
    missing = {c for c in set(text) if c not in table}
    for char in missing:
        table[char] = _keep(char)
    return "".join(map(table.__getitem__, text))


def shingles(norm: str, size: int = SHINGLE) -> set[int]:
    """The distinct ``size``-grams of a normalised text, each as a stable integer."""
    codes = array("I")
    codes.frombytes(norm.encode("utf-32-le"))
    if size == 2:
        return {(a << 21) | b for a, b in pairwise(codes)}
    return {(a << 42) | (b << 21) | c
            for a, b, c in zip(codes, codes[1:], codes[2:], strict=False)}


def minhash(values: set[int]) -> tuple[int, ...]:
    """One-permutation MinHash of a set of shingles: each bucket's smallest hash."""
    p, a, b = _P, _A, _B
    return _minima({(a * x + b) % p for x in values})


def _minima(distinct: set[int]) -> tuple[int, ...]:
    """Each bucket's smallest hash, of a set of shingle hashes."""
    hashes = sorted(distinct, reverse=True)
    mask = BUCKETS - 1
    smallest = dict(zip([h & mask for h in hashes], hashes, strict=True))  # last = least
    shift = _VALUE_SHIFT
    return tuple(min(smallest[n] >> shift, EMPTY - 1) if n in smallest else EMPTY
                 for n in range(BUCKETS))


def _key(*parts: int) -> int:
    """An unsigned 32-bit key of some integers (a rowid of at most 5 bytes in SQLite,
    where a negative one takes 9)."""
    digest = hashlib.blake2b(array("Q", parts).tobytes(), digest_size=4).digest()
    return int.from_bytes(digest, "little")


def _text_key(text: str, person: bytes) -> int:
    """An unsigned 32-bit key of a piece of normalised text (``person``: what it keys)."""
    digest = hashlib.blake2b(text.encode("utf-8"), digest_size=4, person=person).digest()
    return int.from_bytes(digest, "little")


def signature(text: str, anchors: bool = True) -> Signature | None:
    """The signature of an article's text; None when it is too short to compare. Without
    ``anchors``, no head and anchor keys (a candidate to compare, not to look up)."""
    norm = normalise(text)
    if len(norm) < MIN_CHARS:
        return None
    codes = array("I")
    codes.frombytes(norm.encode("utf-32-le"))
    grams = [(x << 42) | (y << 21) | z
             for x, y, z in zip(codes, codes[1:], codes[2:], strict=False)]
    distinct = set(grams)
    return Signature(minhash(distinct), len(distinct), _anchors(norm, grams) if anchors else ())


def _anchors(norm: str, grams: list[int]) -> tuple[int, ...]:
    """The head's key, then the keys of the ``ANCHOR_CHARS`` characters that start at each
    shingle whose integer is 0 modulo ``ANCHOR_EVERY`` (chosen by the text itself, so a
    copy chooses the same places wherever it stands)."""
    last = len(norm) - ANCHOR_CHARS
    every = ANCHOR_EVERY
    places = [n for n, x in enumerate(grams) if not x % every and n <= last]
    keys = [_text_key(norm[:HEAD_CHARS], b"head")]
    keys += [_text_key(norm[n:n + ANCHOR_CHARS], b"anchor") for n in places[:MAX_ANCHORS]]
    return tuple(dict.fromkeys(keys))


def issue_signatures(issue: Issue) -> list[Signature | None]:
    """The signature of each item's text, in reading order: None for a copy within the
    issue (the parser links it to its original) and for texts too short to compare."""
    return [None if item.duplicate_of is not None
            else signature("\n".join(p.text for p in item.paragraphs)) for item in issue.items]


def band_keys(sig: Signature) -> list[int]:
    """The LSH keys of a signature: one per band without an empty bucket, then the head's
    and the anchors'."""
    mins = sig.mins
    keys = [_key(band, *mins[band * ROWS:(band + 1) * ROWS]) for band in range(BANDS)
            if EMPTY not in mins[band * ROWS:(band + 1) * ROWS]]
    return list(dict.fromkeys(keys + list(sig.anchors)))


def _empty(mins: tuple[int, ...]) -> set[int]:
    """The buckets no shingle fell into (few: found by ``index``, not by a loop)."""
    found: set[int] = set()
    start = 0
    while EMPTY in mins[start:]:
        start = mins.index(EMPTY, start) + 1
        found.add(start - 1)
    return found


def jaccard(a: Signature, b: Signature) -> float:
    """Estimated Jaccard similarity of the two texts' shingle sets."""
    same = sum(map(eq, a.mins, b.mins))  # in C: the import compares thousands a second
    empty = 0
    if EMPTY in a.mins and EMPTY in b.mins:  # buckets empty in both don't count
        empty = len(_empty(a.mins) & _empty(b.mins))
    used = BUCKETS - empty
    return (same - empty) / used if used else 0.0


def containment(similarity: float, size_a: int, size_b: int) -> float:
    """Share of the smaller set inside the larger, from their Jaccard and sizes."""
    smaller = min(size_a, size_b)
    if smaller <= 0:
        return 0.0
    shared = similarity * (size_a + size_b) / (1 + similarity)
    return min(1.0, shared / smaller)


def kind_of(similarity: float, contained: float) -> Kind | None:
    """How two texts relate (copy, part, overlap), or None when they are not related."""
    if similarity >= COPY:
        return "copy"
    if contained >= PART:
        return "part"
    if contained >= OVERLAP:
        return "overlap"
    return None


def compare(a: Signature, b: Signature) -> tuple[float, float, Kind | None]:
    """(Jaccard estimate, containment estimate, kind) of two signatures."""
    similarity = jaccard(a, b)
    contained = containment(similarity, a.size, b.size)
    return similarity, contained, kind_of(similarity, contained)


def ranked(key_lists: Iterable[Iterable[int]], exclude: int, first: int = 64
           ) -> Iterator[int]:
    """The ids of ``key_lists`` (each key's list of the texts that have it), those in most
    lists first, the newest (highest id) first among equals; never ``exclude`` (the text
    looked up). The ``first`` come from a partial sort: the rest are sorted only if read."""
    shared: Counter[int] = Counter()
    for ids in key_lists:
        shared.update(ids)
    shared.pop(exclude, None)
    top = heapq.nlargest(first, zip(shared.values(), shared.keys(), strict=True))
    yield from (n for _, n in top)
    if len(top) == first:
        rest = sorted(zip(shared.values(), shared.keys(), strict=True), reverse=True)[first:]
        yield from (n for _, n in rest)


Related = tuple[int, float, float, Kind]
"""(id, similarity, containment, kind) of a related text; the estimates per mille."""


def relate(sig: Signature, candidates: Iterable[tuple[int, Signature]]) -> list[Related]:
    """The candidates related to ``sig``, the most similar first (then the most
    contained, then the oldest)."""
    found: list[Related] = []
    for other, other_sig in candidates:
        similarity, contained, kind = compare(sig, other_sig)
        if kind is not None:
            found.append((other, round(similarity, 3), round(contained, 3), kind))
    return sorted(found, key=lambda r: (-r[1], -r[2], r[0]))


def exact(a: str, b: str, size: int = SHINGLE) -> tuple[float, float]:
    """(Jaccard, containment) of two texts' shingle sets, computed exactly (tests)."""
    x, y = shingles(normalise(a), size), shingles(normalise(b), size)
    if not x or not y:
        return 0.0, 0.0
    shared = len(x & y)
    return shared / len(x | y), shared / min(len(x), len(y))
