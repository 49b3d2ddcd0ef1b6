"""Bad input never raises; offsets always slice back; spans never overlap."""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.analyze import Analysis, analyze_text

ALPHABET = list(
    "南开区天津市王李张刘陈通讯员记者摄局委办中心集团有限公司大学医院派出所分局街道社区路广场公园"
    "一二三四五六七八九十百千万亿〇两年月日季度上下半余近超约元亿%％个人家项次户台株平方米亩吨"
    "的了在和与等,，。、；：“”‘’()（）《》■▲—-~ \n\t0123456789.,abcXYZ😀🚀é中文ー한"
)


def check(text: str, analysis: Analysis) -> None:
    for mention in [*analysis.entities, *analysis.figures]:
        assert 0 <= mention.start < mention.end <= len(text)
        assert text[mention.start:mention.end] == mention.text
    for group in (analysis.entities, analysis.figures):
        ordered = sorted(group, key=lambda m: m.start)
        for left, right in itertools.pairwise(ordered):
            assert left.end <= right.start, (left, right)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=ALPHABET, max_size=200))
def test_offsets_slice_back_and_spans_never_overlap(text: str) -> None:
    check(text, analyze_text(text))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=120))
def test_any_unicode_never_raises(text: str) -> None:
    check(text, analyze_text(text))


def test_empty_text() -> None:
    assert analyze_text("") == Analysis([], [])


def test_text_without_chinese() -> None:
    text = "The district invested 11.07 billion yuan in 2024 (up 5.4%)."
    check(text, analyze_text(text))
    assert analyze_text(text).entities == []


def test_one_megabyte_single_line() -> None:
    text = ("南开区投资促进局一季度实现内资到位额15.16亿元,同比增长5.4%。" * 40000)[:1_000_000]
    analysis = analyze_text(text)
    check(text, analysis)
    assert len(analysis.figures) > 40000


def test_mixed_scripts_and_emoji() -> None:
    text = "🚀南开区😀王英浩说：MALL开业，投资1.5万元👍；café 中文ー한국어 ＃1号楼"
    analysis = analyze_text(text)
    check(text, analysis)
    assert "南开区" in [e.text for e in analysis.entities]
    assert [f.text for f in analysis.figures] == ["1.5万元"]


def test_surrogates_and_control_characters() -> None:
    text = "南开区\x00\x1f\u200b投资\ufeff1.5万元\ud800"
    check(text, analyze_text(text))
