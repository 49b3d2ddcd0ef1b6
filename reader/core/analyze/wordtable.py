"""jieba's dictionary as one sorted table of words and prefixes, cached so it opens in milliseconds.

jieba's own start-up unmarshals a dict of 500,000 words and prefixes and we used to add a
second dict of 350,000 tags: about 0.8 s of an idle machine, most of a first analysis.
Here the same content (counts as jieba's ``gen_pfdict`` makes them, tags as dict.txt gives
them) is one ``\\n``-joined string of the sorted keys plus two arrays, so loading it is a
``split`` and two ``frombytes``; a look-up is a ``bisect`` in C. Words added later (our
lists, the user's) go to a small overlay with the same arithmetic as ``Tokenizer.add_word``.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import tempfile
from array import array
from bisect import bisect_left
from pathlib import Path

TABLE_VERSION = 1
"""Bump when the cache layout or what goes into it changes."""
NO_TAG = 255


class WordTable:
    """Counts and tags of jieba's words and prefixes (count 0: a prefix that is no word)."""

    def __init__(self, keys: list[str], counts: array[int], tag_codes: bytes,
                 tag_names: list[str], total: int) -> None:
        self._keys = keys
        self._counts = counts
        self._tag_codes = tag_codes
        self._tag_names = tag_names
        self.total = total
        """Sum of the counts jieba would have (its ``Tokenizer.total``)."""
        self._extra: dict[str, int] = {}
        self._extra_tags: dict[str, str] = {}

    def _index(self, fragment: str) -> int:
        keys = self._keys
        index = bisect_left(keys, fragment)
        return index if index < len(keys) and keys[index] == fragment else -1

    def count(self, fragment: str) -> int | None:
        """jieba's ``FREQ.get(fragment)``: a count, 0 for a bare prefix, None if neither."""
        found = self._extra.get(fragment)
        if found is not None:
            return found
        index = self._index(fragment)
        return self._counts[index] if index >= 0 else None

    def tag(self, word: str) -> str | None:
        """The part-of-speech tag of a word (ours over dict.txt's), None if it has none."""
        found = self._extra_tags.get(word)
        if found is not None:
            return found
        index = self._index(word)
        if index < 0 or self._tag_codes[index] == NO_TAG:
            return None
        return self._tag_names[self._tag_codes[index]]

    def add(self, word: str, count: int, tag: str | None) -> None:
        """What ``jieba.Tokenizer.add_word(word, count, tag)`` does to FREQ and total."""
        self._extra[word] = count
        self.total += count
        if tag:
            self._extra_tags[word] = tag
        for end in range(1, len(word)):
            prefix = word[:end]
            if self.count(prefix) is None:
                self._extra[prefix] = 0


def build_table(dict_file: Path) -> WordTable:
    """The table of a jieba dictionary file, as ``gen_pfdict`` and its tag column give it."""
    counts: dict[str, int] = {}
    tags: dict[str, str] = {}
    total = 0
    with dict_file.open("rb") as handle:
        for number, raw in enumerate(handle, 1):
            line = raw.strip().decode("utf-8")
            try:
                word, freq = line.split(" ")[:2]
                count = int(freq)
            except ValueError as error:
                raise ValueError(f"invalid dictionary entry in {dict_file} at line {number}: "
                                 f"{line}") from error
            counts[word] = count
            total += count
            for end in range(1, len(word)):
                counts.setdefault(word[:end], 0)
            parts = line.split()
            if len(parts) == 3:
                tags[word] = parts[2]
    keys = sorted(counts)
    names = sorted(set(tags.values()))[:NO_TAG]
    code = {name: index for index, name in enumerate(names)}
    tag_codes = bytes(code.get(tags.get(key, ""), NO_TAG) for key in keys)
    return WordTable(keys, array("q", (counts[key] for key in keys)), tag_codes, names, total)


def load_table(dict_file: Path, cache_dir: Path) -> WordTable:
    """The table of ``dict_file``, from the cache in ``cache_dir`` (written if missing)."""
    stat = dict_file.stat()
    key = hashlib.sha1(f"{TABLE_VERSION}|{dict_file}|{stat.st_size}|{stat.st_mtime}"
                       .encode()).hexdigest()
    cache = cache_dir / f"baokan-words-{key[:16]}.marshal"
    try:
        with cache.open("rb") as handle:
            return _from_record(marshal.load(handle))
    except (OSError, EOFError, ValueError, TypeError, IndexError):
        pass
    table = build_table(dict_file)
    write_atomically(cache, marshal.dumps(_record(table)))
    return table


def _record(table: WordTable) -> tuple[int, int, str, str, bytes, bytes, str]:
    return (TABLE_VERSION, table.total, "\n".join(table._keys), table._counts.typecode,
            table._counts.tobytes(), table._tag_codes, "\n".join(table._tag_names))


def _from_record(record: object) -> WordTable:
    if not isinstance(record, tuple) or len(record) != 7 or record[0] != TABLE_VERSION:
        raise ValueError("not a word table of this version")
    _, total, keys, typecode, counts_bytes, tag_codes, names = record
    counts = array(typecode)
    counts.frombytes(counts_bytes)
    words = keys.split("\n")
    if len(words) != len(counts) or len(tag_codes) != len(counts):
        raise ValueError("truncated word table")
    return WordTable(words, counts, tag_codes, names.split("\n") if names else [], total)


def writable_folder(folder: Path) -> Path:
    """``folder``, created if missing, or the temp dir if it cannot be."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        return folder
    except OSError:
        return Path(tempfile.gettempdir())


def write_atomically(path: Path, data: bytes) -> None:
    try:
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".baokan-")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temp, path)
    except OSError:
        pass
