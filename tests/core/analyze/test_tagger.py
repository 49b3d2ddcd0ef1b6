"""The tagger gives crfsuite only the attributes its model knows: the same labels, less work."""

from __future__ import annotations

import marshal
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.analyze.segmenter import Tokens, default_segmenter
from reader.core.analyze.tagger import (
    PIECE,
    SENTENCE_ENDS,
    UNKNOWN,
    KnownAttributes,
    Tagger,
    _pieces,
    default_tagger,
    features,
    fold,
    known_attributes,
    model_attributes,
)
from reader.core.resources import sample_issues


@lru_cache(maxsize=1)
def _model_names() -> frozenset[str]:
    """Every attribute of the shipped model, as crfsuite itself lists them (0.8 s)."""
    tagger = default_tagger()
    tagger.load()
    return frozenset(tagger._tagger.info().attributes)


def _given(known: KnownAttributes, text: str) -> list[list[bytes]]:
    """What ``items`` gives crfsuite that the model knows (UNKNOWN it drops)."""
    return [[name for name in row if name != UNKNOWN]
            for row in known.items(text, default_segmenter().tokens(text))]


def _known(text: str) -> list[list[bytes]]:
    """``features`` of ``text`` without what the model does not know, as UTF-8."""
    tokens = default_segmenter().tokens(text)
    return [[name.encode() for name in row if name in _model_names()]
            for row in features(text, tokens)]


def test_the_attributes_read_from_the_file_are_crfsuites() -> None:
    names = model_attributes(default_tagger().path)
    assert len(names) == len(_model_names())
    assert {name.decode() for name in names} == _model_names()


def test_the_known_attributes_are_cached_and_a_broken_cache_is_rebuilt(tmp_path: Path) -> None:
    model = default_tagger().path
    built = KnownAttributes(model_attributes(model))
    assert known_attributes(model, tmp_path).tables == built.tables  # written
    [cache] = tmp_path.glob("baokan-attributes-*.marshal")
    assert known_attributes(model, tmp_path).tables == built.tables  # read back
    for broken in (b"", b"not marshal", marshal.dumps((1, {"b": (1, 2)})), marshal.dumps(3)):
        cache.write_bytes(broken)
        assert known_attributes(model, tmp_path).tables == built.tables


def test_a_table_with_one_name_or_none_survives_the_cache() -> None:
    known = KnownAttributes([b"c\xe5\x8d\x97", b"p"])
    again = KnownAttributes.from_record(known.record())
    assert again.tables == known.tables and again.tables["p"] == {"": b"p"}
    assert again.tables["g"] == {}


def test_a_file_of_another_layout_is_refused(tmp_path: Path) -> None:
    for content in (b"", b"lCRF" + bytes(60), b"not a model at all" * 10):
        path = tmp_path / "model.crfsuite"
        path.write_bytes(content)
        with pytest.raises(ValueError):
            model_attributes(path)


def test_known_attributes_are_the_features_the_model_knows_on_the_seeds() -> None:
    tagger = default_tagger()
    tagger.load()
    assert tagger._known is not None
    segmenter = default_segmenter()
    for path in sample_issues():
        for line in path.read_text(encoding="utf-8").splitlines():
            assert _given(tagger._known, line) == _known(line), line
            rows = tagger._known.items(line, segmenter.tokens(line))
            assert all(len(row) == 4 or (len(row) == 5 and row[3]) for row in rows)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=list("南开区投资促进局天津大学王英浩１９Ａabc12 .%-#\n\t\u3000，。“”😀"),
               max_size=60))
def test_known_attributes_are_the_features_the_model_knows_on_any_text(text: str) -> None:
    tagger = default_tagger()
    tagger.load()
    assert tagger._known is not None
    assert _given(tagger._known, text) == _known(text)


def test_the_labels_are_those_of_all_the_features() -> None:
    fast = default_tagger()
    fast.load()
    plain = Tagger(fast.path)
    plain.load()
    plain._known = None  # every attribute, as strings: what crfsuite was given before
    segmenter = default_segmenter()
    text = sample_issues()[0].read_text(encoding="utf-8")
    tokens = segmenter.tokens(text)
    assert fast.spans(text, tokens) == plain.spans(text, tokens)
    assert fast.spans(text, tokens)  # the seed names people, places and bodies
    broken = "王英浩\ud800在南开区"  # a lone surrogate: read as ?, as before
    assert fast.tag(broken, segmenter.tokens(broken)) == \
        plain.tag(broken, segmenter.tokens(broken))


_FOLD_TABLE = {**{ord(c): "0" for c in "0123456789０１２３４５６７８９"},
               **{ord(c): "A" for c in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                       "ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ"
                                       "ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ"},
               ord("\u3000"): " ", ord("\t"): " ", ord("\n"): " ", ord("\r"): " "}
"""The folding the model was trained with, as it was first written (one table)."""


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.one_of(st.sampled_from(list("09０９azAZａｚＡＺ@[`{／：\t\n\r\x0b\u3000 ")),
                                  st.characters())))
def test_folding_is_the_trained_one(text: str) -> None:
    assert fold(text) == text.translate(_FOLD_TABLE)


def test_an_empty_table_is_fine() -> None:
    known = KnownAttributes([b"c\xe5\x8d\x97", b"pnsS"])
    assert known.tables["g"] == {} and known.tables["c"] == {"南": b"c\xe5\x8d\x97"}
    tokens = default_segmenter().tokens("南开")
    assert _given(known, "南开") == [[b"c\xe5\x8d\x97"], []]
    assert known.items("南开", tokens)[0] == (b"c\xe5\x8d\x97", b"", b"", b"")


def test_a_known_trigram_takes_its_place_between_the_bigrams_and_the_tag() -> None:
    names = [b"c\xe5\xbc\x80", b"j\xe5\x8d\x97\xe5\xbc\x80\xe5\x8c\xba", b"pnsM3"]  # c开 j南开区
    known = KnownAttributes(names)
    rows = known.items("南开区", default_segmenter().tokens("南开区"))
    assert [len(row) for row in rows] == [4, 5, 4]
    assert rows[1] == (names[0], b"", b"", names[1], names[2])


def _pieces_step_by_step(text: str, tokens: Tokens) -> list[tuple[int, int, list[str]]]:
    """The rule of ``_pieces`` read token by token (how it was written first)."""
    if len(text) <= PIECE:
        return [(0, len(text), tokens.words)]
    pieces = []
    first = 0
    for index, word in enumerate(tokens.words):
        end = tokens.starts[index] + len(word)
        size = end - tokens.starts[first]
        if (size >= PIECE and word in SENTENCE_ENDS) or size >= 4 * PIECE or \
                index == len(tokens.words) - 1:
            pieces.append((tokens.starts[first], end, tokens.words[first:index + 1]))
            first = index + 1
    return pieces


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["。", "；", "”", "\n", "，", "王", "南开区", "投资促进局", "ab",
                                 "2024", " ", "王" * 300, "李" * 1000]), max_size=80)
       .map("".join))
def test_long_texts_are_cut_after_sentence_ends(text: str) -> None:
    tokens = default_segmenter().tokens(text)
    pieces = _pieces(text, tokens)
    assert [(start, end, piece.words) for start, end, piece in pieces] == \
        _pieces_step_by_step(text, tokens)
    assert [start + offset for start, _, piece in pieces for offset in piece.starts] == \
        tokens.starts  # offsets into each piece
