"""Re-attaching a note's passage after the article text changed."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from reader.core.anchor import CONTEXT, Anchor, Anchored, make_anchor, reanchor

TEXT = (
    "日前，南开区委常委会召开会议，传达学习贯彻市委常委会会议精神，研究全区贯彻落实举措。"
    "会议指出，要认真学习贯彻重要指示，巩固拓展主题教育成果，教育引导广大干部坚持不懈。"
    "会议强调，要聚焦“十项行动”，深化拓展区委“一三二一”工作思路，推动高质量发展。"
)
PASSAGE = "巩固拓展主题教育成果"


def anchor_on(text: str, passage: str, occurrence: int = 0) -> Anchor:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(passage, start + 1)
    return make_anchor(text, start, start + len(passage))


def found(result: Anchored, text: str) -> str:
    return text[result.start : result.end]


def test_make_anchor_keeps_quote_and_context() -> None:
    anchor = anchor_on(TEXT, PASSAGE)
    assert anchor.quote == PASSAGE
    assert len(anchor.prefix) == len(anchor.suffix) == CONTEXT
    assert TEXT.endswith(anchor.suffix, 0, anchor.end + CONTEXT)
    assert TEXT[: anchor.start].endswith(anchor.prefix)
    with pytest.raises(dataclasses.FrozenInstanceError):
        anchor.start = 0  # type: ignore[misc]


def test_context_is_shorter_at_the_edges() -> None:
    anchor = make_anchor("南开区委", 0, 2)
    assert (anchor.prefix, anchor.quote, anchor.suffix) == ("", "南开", "区委")


def test_unchanged_text_is_exact() -> None:
    anchor = anchor_on(TEXT, PASSAGE)
    assert reanchor(anchor, TEXT) == Anchored(anchor.start, anchor.end, "exact")


def test_text_inserted_before_moves_the_passage() -> None:
    anchor = anchor_on(TEXT, PASSAGE)
    new = "本报讯（记者 周泽岚）" + TEXT
    result = reanchor(anchor, new)
    assert result.status == "moved"
    assert result.start == anchor.start + len("本报讯（记者 周泽岚）")
    assert found(result, new) == PASSAGE


def test_text_changed_after_the_passage_stays_exact() -> None:
    anchor = anchor_on(TEXT, PASSAGE)
    new = TEXT.replace("推动高质量发展", "推动经济社会高质量发展")
    assert reanchor(anchor, new).status == "exact"


def test_duplicated_passage_context_decides() -> None:
    old = "第一段说南开区委召开会议。第二段：天津市委召开会议，研究部署。"
    anchor = anchor_on(old, "召开会议", occurrence=1)
    new = "导语：召开会议。" + old  # now the first paragraph's copy is nearest the old offset
    result = reanchor(anchor, new)
    assert result.status == "moved"
    assert abs(new.index("召开会议", 10) - anchor.start) < abs(result.start - anchor.start)
    assert new[result.start - 2 : result.end] == "市委召开会议"


def test_duplicated_passage_without_context_takes_the_nearest() -> None:
    anchor = Anchor(10, 12, "会议", "", "")
    new = "会议" + "。" * 12 + "会议" + "。" * 20 + "会议"
    result = reanchor(anchor, new)
    assert (result.start, result.status) == (14, "moved")


def test_slightly_edited_passage_is_found_fuzzily() -> None:
    anchor = anchor_on(TEXT, "要认真学习贯彻重要指示，巩固拓展主题教育成果")
    new = TEXT.replace("要认真学习贯彻重要指示，巩固拓展主题教育成果",
                       "要认真学习贯彻重要讲话，巩固拓展主题教育的成果")
    result = reanchor(anchor, new)
    assert result.status == "moved"
    assert found(result, new) == "要认真学习贯彻重要讲话，巩固拓展主题教育的成果"


def test_fuzzy_survives_an_edit_in_the_far_context() -> None:
    anchor = anchor_on(TEXT, "要认真学习贯彻重要指示，巩固拓展主题教育成果")
    new = (TEXT.replace("研究全区贯彻落实举措", "研究全区落实举措")
           .replace("巩固拓展主题教育成果", "巩固拓展主题教育的成果"))
    result = reanchor(anchor, new)
    assert result.status == "moved"
    assert found(result, new) == "要认真学习贯彻重要指示，巩固拓展主题教育的成果"


def test_rewritten_passage_is_detached() -> None:
    anchor = anchor_on(TEXT, PASSAGE)
    new = TEXT.replace(PASSAGE, "把学习成果转化为工作动力")
    assert reanchor(anchor, new) == Anchored(-1, -1, "detached")


def test_deleted_passage_is_detached_and_the_note_keeps_its_quote() -> None:
    anchor = anchor_on(TEXT, PASSAGE)
    new = TEXT.replace(PASSAGE + "，", "")
    assert reanchor(anchor, new).status == "detached"
    assert anchor.quote == PASSAGE
    assert reanchor(anchor, "").status == "detached"


def test_line_ends_changed() -> None:
    old = "第一段。\r\n第二段说南开区委常委会召开会议，\r\n研究部署工作。\r\n第三段。"
    anchor = anchor_on(old, "召开会议，\r\n研究部署")
    new = old.replace("\r\n", "\n")
    result = reanchor(anchor, new)
    assert result.status == "moved"
    assert found(result, new) == "召开会议，\n研究部署"


def test_spaces_inserted_inside_the_passage() -> None:
    anchor = anchor_on(TEXT, PASSAGE)
    new = TEXT.replace(PASSAGE, "巩固拓展 主题教育 成果")
    result = reanchor(anchor, new)
    assert result.status == "moved"
    assert found(result, new) == "巩固拓展 主题教育 成果"


def test_spaces_removed_from_the_passage() -> None:
    old = "会议指出， 要 认真 学习 ，巩固成果。"
    anchor = anchor_on(old, "要 认真 学习")
    new = "会议指出，要认真学习，巩固成果。"
    assert found(reanchor(anchor, new), new) == "要认真学习"


@pytest.mark.parametrize("anchor", [
    Anchor(0, 0, "", "", ""),
    Anchor(5, 2, "", "", ""),
    Anchor(-3, 99, "南开", "", ""),
    Anchor(10_000, 10_004, "区委常委", "xx", "yy"),
    Anchor(-1, -1, "  \n", "", ""),
    make_anchor(TEXT, -50, 10_000),
    make_anchor(TEXT, 30, 10),
])
def test_odd_anchors_do_not_raise(anchor: Anchor) -> None:
    for text in ("", "南开", TEXT, TEXT[::-1]):
        result = reanchor(anchor, text)
        assert result.status in {"exact", "moved", "detached"}
        assert (result.start, result.end) == (-1, -1) or 0 <= result.start <= result.end


def test_empty_quote_is_placed_by_its_context() -> None:
    anchor = make_anchor(TEXT, 40, 40)
    assert anchor.quote == ""
    assert reanchor(anchor, TEXT) == Anchored(40, 40, "exact")
    assert reanchor(anchor, "前言" + TEXT) == Anchored(42, 42, "moved")
    assert reanchor(anchor, "完全不同的文字").status == "detached"


def test_out_of_range_offsets_still_find_the_quote() -> None:
    result = reanchor(Anchor(500, 510, PASSAGE, "", ""), TEXT)
    assert found(result, TEXT) == PASSAGE


# ---------------------------------------------------------------- properties

alphabet = st.sampled_from(list("南开区委会议，。 \nab1"))
texts = st.text(alphabet, min_size=1, max_size=80)


@st.composite
def edited(draw: st.DrawFn) -> tuple[str, int, int, str, int]:
    text = draw(texts)
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start + 1, len(text)))
    cuts = draw(st.lists(st.one_of(st.integers(0, start), st.integers(end, len(text))),
                         max_size=4))
    new = text
    shift = 0
    for cut in sorted(cuts, reverse=True):
        insert = draw(texts)
        new = new[:cut] + insert + new[cut:]
        shift += len(insert) if cut <= start else 0
    return text, start, end, new, start + shift


@given(edited())
def test_insertions_outside_the_passage_never_lose_it(case: tuple[str, int, int, str, int]) -> None:
    text, start, end, new, true_start = case
    anchor = make_anchor(text, start, end)
    result = reanchor(anchor, new)
    assert result.status in {"exact", "moved"}
    assert new[result.start : result.end] == anchor.quote
    if new.count(anchor.quote) == 1:
        assert result.start == true_start


@given(texts, st.integers(-5, 90), st.integers(-5, 90), st.text(max_size=40))
def test_reanchor_never_raises(text: str, start: int, end: int, new: str) -> None:
    anchor = make_anchor(text, start, end)
    result = reanchor(anchor, new)
    if result.status != "detached":
        assert 0 <= result.start <= result.end <= len(new)


@given(texts, st.data())
def test_unchanged_text_is_always_exact(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    assume(text[start:end])
    anchor = make_anchor(text, start, end)
    assert reanchor(anchor, text) == Anchored(start, end, "exact")
