"""The segmenter loads lazily, keeps its cache in the user's cache dir, reads user words."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.analyze import analyze_text, warm_up
from reader.core.analyze.segmenter import Segmenter

ROOT = Path(__file__).resolve().parents[3]


def test_importing_the_package_does_not_load_jieba() -> None:
    code = ("import sys, reader.core.analyze; "
            "from reader.core.analyze.segmenter import default_segmenter; "
            "print('jieba' in sys.modules, default_segmenter().loaded)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout.split()
    assert out == ["False", "False"]


def test_cache_goes_to_the_cache_dir_and_user_words_are_read(tmp_path: Path) -> None:
    words = tmp_path / "userdict.txt"
    words.write_text("王顶堤 ns\n码上办 20 nt\n# comment\n\n", encoding="utf-8")
    segmenter = Segmenter(cache_dir=tmp_path / "cache", user_dict=words)
    assert not segmenter.loaded
    seconds = segmenter.load()
    assert seconds > 0 and segmenter.loaded and segmenter.load() == 0.0
    assert any((tmp_path / "cache").iterdir())
    analysis = analyze_text("王顶堤一带推出码上办平台。", segmenter=segmenter)
    assert {(e.type, e.text) for e in analysis.entities} == {("place", "王顶堤"), ("org", "码上办")}


def test_missing_user_word_list_is_fine(tmp_path: Path) -> None:
    segmenter = Segmenter(cache_dir=tmp_path, user_dict=tmp_path / "none.txt")
    assert segmenter.tokens("南开区").words == ["南开区"]


def test_warm_up_returns_seconds() -> None:
    assert isinstance(warm_up(), float)


_JIEBA: list[object] = []


def _jieba_cut(text: str) -> list[str]:
    """jieba's own cut, HMM off, over jieba's own FREQ given our words by ``add_word``."""
    from reader.core.analyze.segmenter import default_segmenter

    if not _JIEBA:
        _JIEBA.append(default_segmenter().jieba_tokenizer())
    return list(_JIEBA[0].cut(text, HMM=False))  # type: ignore[attr-defined]


def test_word_table_counts_and_tags_equal_jiebas() -> None:
    from reader.core.analyze.segmenter import default_segmenter

    segmenter = default_segmenter()
    _jieba_cut("")
    tokenizer = _JIEBA[0]
    assert segmenter._loaded().total == tokenizer.total  # type: ignore[attr-defined]
    for word in ["南开区", "南开", "南", "投资促进局", "王顶堤", "天津市", "中华人民共和", "码上"]:
        assert segmenter.freq(word) == (tokenizer.FREQ.get(word) or 0), word  # type: ignore[attr-defined]
    assert segmenter.tag("天津市") == "ns" and segmenter.tag("的") == "uj"
    assert segmenter.tag("不是一个词语") is None and segmenter.freq("不是一个词语") == 0


def test_fast_cut_equals_jieba_on_the_seeds() -> None:
    from reader.core.analyze.segmenter import default_segmenter
    from reader.core.resources import sample_issues

    segmenter = default_segmenter()
    for path in sample_issues():
        for line in path.read_text(encoding="utf-8").splitlines():
            assert segmenter.cut(line) == _jieba_cut(line), line


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=list("南开区投资促进局天津大学王英浩abc12 .%-#\n\t，。😀"), max_size=60))
def test_fast_cut_equals_jieba_on_any_text(text: str) -> None:
    from reader.core.analyze.segmenter import default_segmenter

    assert default_segmenter().cut(text) == _jieba_cut(text)


def test_the_word_table_is_cached_and_a_broken_cache_is_rebuilt(tmp_path: Path) -> None:
    first = Segmenter(cache_dir=tmp_path, user_dict=tmp_path / "none.txt")
    text = "南开区投资促进局在天津市召开会议，王顶堤街道参加。"
    words = first.cut(text)
    caches = list(tmp_path.glob("baokan-words-*.marshal"))
    assert len(caches) == 1
    second = Segmenter(cache_dir=tmp_path, user_dict=tmp_path / "none.txt")
    assert second.cut(text) == words and second.tag("天津市") == first.tag("天津市") == "ns"
    caches[0].write_bytes(caches[0].read_bytes()[:1000])  # a half-written file
    third = Segmenter(cache_dir=tmp_path, user_dict=tmp_path / "none.txt")
    assert third.cut(text) == words and third.freq("天津市") == first.freq("天津市") > 0
