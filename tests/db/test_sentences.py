"""The sentence around a mention: many spans of one text cut as one span at a time is."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.db.entities import SENTENCE_MAX, sentence_span, sentence_spans
from tests.conftest import SAMPLES

TEXT = st.text(alphabet="南开区。！？!?；;\n 预算a", max_size=400)


@given(TEXT, st.lists(st.tuples(st.integers(0, 400), st.integers(0, 40)), max_size=20))
def test_sentence_spans_cut_as_sentence_span_does(body: str,
                                                  spans: list[tuple[int, int]]) -> None:
    spans = [(min(s, len(body)), min(s + n, len(body))) for s, n in spans]
    assert list(sentence_spans(body, spans)) == [sentence_span(body, s, e) for s, e in spans]


def test_on_the_samples_and_past_the_length_limit() -> None:
    body = "".join(path.read_text(encoding="utf-8") for path in SAMPLES.glob("*.txt"))
    spans = [(i, i + 3) for i in range(0, len(body) - 3, 37)]
    spans.append((500, 503))
    long = "字" * (3 * SENTENCE_MAX)
    assert list(sentence_spans(body, spans)) == [sentence_span(body, s, e) for s, e in spans]
    assert list(sentence_spans(long, [(100, 102)])) == [(100 - SENTENCE_MAX, 102 + SENTENCE_MAX)]
