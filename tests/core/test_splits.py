"""The reader's split corrections: each action, replay, and nothing lost (property tests)."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.issue_json import issue_from_json, issue_to_json
from reader.core.model import Issue, Item, Paragraph, Source
from reader.core.splits import (
    ACTIONS,
    FixError,
    LineRef,
    SplitFix,
    apply_fix,
    apply_fixes,
    issue_lines,
    locate,
    ref_of,
    squeeze,
)


def make_issue(*items: Item) -> Issue:
    issue = Issue("测试", None, Source("t.txt", "0" * 64, "utf-8"), list(items))
    for n, item in enumerate(issue.items):
        item.index = n
    return issue


def glued() -> Issue:
    """Two stories the parser glued into one, then a photo."""
    return make_issue(
        Item(0, "article", ["河北区推进老旧小区改造"], ["王伟"], "记者 王伟",
             paragraphs=[Paragraph("text", "本报讯 河北区今年改造老旧小区12个。"),
                         Paragraph("text", "改造惠及居民三千户。"),
                         Paragraph("text", "红桥区开展义诊活动"),
                         Paragraph("text", "本月以来，红桥区各社区卫生服务中心开展义诊。"),
                         Paragraph("text", "通讯员 李娜")]),
        Item(1, "photo", ["春日"], ["赵强"], credit="赵强 摄",
             paragraphs=[Paragraph("caption", "市民在公园赏花。")]),
    )


def lines(issue: Issue) -> Counter[str]:
    return Counter(squeeze(line.text) for line in issue_lines(issue))


def fix_at(issue: Issue, action: str, item: int, where: str, index: int,
           target: tuple[int, str, int] | None = None) -> SplitFix:
    return SplitFix(action, ref_of(issue, item, where, index),  # type: ignore[arg-type]
                    ref_of(issue, *target) if target else None)  # type: ignore[arg-type]


def test_split_then_title_then_byline_makes_the_glued_story_an_article():
    issue = glued()
    fixed = apply_fix(issue, fix_at(issue, "title", 0, "paragraph", 2))
    assert [i.title for i in fixed.items] == ["河北区推进老旧小区改造", "红桥区开展义诊活动", "春日"]
    assert [p.text for p in fixed.items[0].paragraphs][-1] == "改造惠及居民三千户。"
    fixed = apply_fix(fixed, fix_at(fixed, "byline", 1, "paragraph", 1))
    second = fixed.items[1]
    assert second.byline == "通讯员 李娜" and second.bylines == ["李娜"]
    assert [p.text for p in second.paragraphs] == ["本月以来，红桥区各社区卫生服务中心开展义诊。"]
    assert [i.index for i in fixed.items] == [0, 1, 2]
    assert lines(fixed) == lines(issue)


def test_split_makes_an_untitled_item_and_join_undoes_it():
    issue = glued()
    split = apply_fix(issue, fix_at(issue, "split", 0, "paragraph", 2))
    assert len(split.items) == 3 and split.items[1].title_lines == []
    assert split.items[1].paragraphs[0].text == "红桥区开展义诊活动"
    joined = apply_fix(split, fix_at(split, "join", 1, "paragraph", 0))
    assert [[p.text for p in i.paragraphs] for i in joined.items] == \
        [[p.text for p in i.paragraphs] for i in issue.items]
    assert glued() == issue  # applying never changes its input


def test_join_keeps_the_second_title_as_a_subhead_and_its_byline_as_text():
    issue = glued()
    joined = apply_fix(issue, fix_at(issue, "join", 1, "title", 0))
    assert len(joined.items) == 1
    kinds = [(p.kind, p.text) for p in joined.items[0].paragraphs][-3:]
    assert kinds == [("subhead", "春日"), ("caption", "市民在公园赏花。"), ("text", "通讯员 李娜")] \
        or ("subhead", "春日") in kinds
    assert joined.items[0].credit == "赵强 摄"
    assert lines(joined) == lines(issue)


def test_roles_move_lines_between_title_byline_and_body():
    issue = glued()
    body = apply_fix(issue, fix_at(issue, "body", 0, "title", 0))
    assert body.items[0].title_lines == []
    assert body.items[0].paragraphs[0] == Paragraph("text", "河北区推进老旧小区改造")
    sub = apply_fix(issue, fix_at(issue, "subhead", 0, "paragraph", 2))
    assert sub.items[0].paragraphs[2].kind == "subhead"
    unbylined = apply_fix(issue, fix_at(issue, "body", 0, "byline", 0))
    assert unbylined.items[0].byline == "" and unbylined.items[0].bylines == []
    assert unbylined.items[0].paragraphs[0].text == "记者 王伟"
    with pytest.raises(FixError, match="already"):
        apply_fix(issue, fix_at(issue, "title", 0, "title", 0))


def test_copy_and_original():
    issue = make_issue(
        Item(0, "article", ["甲"], paragraphs=[Paragraph("text", "同一段话。")]),
        Item(1, "article", ["乙"], paragraphs=[Paragraph("text", "另一段话。")]),
        Item(2, "article", ["甲"], paragraphs=[Paragraph("text", "同一段话。")]))
    marked = apply_fix(issue, fix_at(issue, "copy", 2, "paragraph", 0, (0, "title", 0)))
    assert marked.items[2].duplicate_of == 0
    # the second 甲 is known as the second occurrence of its text
    assert ref_of(issue, 2, "title", 0) == LineRef("甲", 1, "另一段话。")
    joined = apply_fix(marked, fix_at(marked, "join", 1, "title", 0))
    assert joined.items[1].duplicate_of == 0  # still points at the same item
    back = apply_fix(marked, fix_at(marked, "original", 2, "title", 0))
    assert back.items[2].duplicate_of is None
    with pytest.raises(FixError, match="itself"):
        apply_fix(issue, fix_at(issue, "copy", 0, "title", 0, (0, "paragraph", 0)))


def test_a_fix_whose_line_is_gone_is_stale_and_the_rest_apply():
    issue = glued()
    fixes = [SplitFix("split", LineRef("这一段已经不在了")),
             fix_at(issue, "title", 0, "paragraph", 2)]
    applied = apply_fixes(issue, fixes)
    assert [n for n, _ in applied.stale] == [0]
    assert "no longer in the issue" in applied.stale[0][1]
    assert len(applied.issue.items) == 3


def test_fixes_replay_on_a_reparse_where_their_lines_moved():
    """Made on one parse, the fixes land on the same lines of a re-import with new text."""
    old = glued()
    new = glued()
    new.items.insert(0, Item(0, "article", ["加一篇"], ["李娜"], "记者 李娜",
                             paragraphs=[Paragraph("text", "红桥区开展义诊活动")]))
    for n, item in enumerate(new.items):
        item.index = n
    target = next(line for line in issue_lines(old) if line.text == "红桥区开展义诊活动")
    fix = fix_at(old, "title", target.item, target.where, target.index)
    before = apply_fixes(old, [fix]).issue
    after = apply_fixes(new, [fix]).issue
    assert not apply_fixes(new, [fix]).stale
    assert len(after.items) == len(before.items) + 1
    assert after.items[0].paragraphs[0].text == "红桥区开展义诊活动"  # not the first copy
    assert after.items[1:] == [replace(i, index=i.index + 1) for i in before.items]


def test_the_json_document_reads_back_to_the_same_issue():
    issue = apply_fix(glued(), fix_at(glued(), "split", 0, "paragraph", 2))
    assert issue_from_json(issue_to_json(issue)) == issue


# ---------------------------------------------------------------- properties

WORDS = ["城市", "发展", "会议", "居民", "社区", "记者", "王伟", "改造", "。", "，", "　"]


@st.composite
def issues(draw: st.DrawFn) -> Issue:
    def text() -> str:
        return "".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=6)))

    items = []
    for _ in range(draw(st.integers(1, 5))):
        kind = draw(st.sampled_from(["article", "photo", "fragment"]))
        items.append(Item(
            0, kind, [text() for _ in range(draw(st.integers(0, 2)))],
            byline=text() if draw(st.booleans()) else "",
            credit=text() if kind == "photo" else "",
            paragraphs=[Paragraph(draw(st.sampled_from(["text", "subhead", "caption"])), text())
                        for _ in range(draw(st.integers(0, 4)))]))
    return make_issue(*items)


@settings(max_examples=300, deadline=None)
@given(issues(), st.lists(st.tuples(st.sampled_from(ACTIONS), st.integers(0, 40),
                                    st.integers(0, 40)), max_size=6))
def test_no_fix_loses_or_invents_a_line_and_replay_is_exact(issue, picks):
    """Whatever the reader does, every line stays exactly once; replay gives the same."""
    expected = lines(issue)
    state, made = issue, []
    for action, pick, other in picks:
        every = issue_lines(state)
        if not every:
            break
        line = every[pick % len(every)]
        target = every[other % len(every)]
        try:
            fix = SplitFix(action, ref_of(state, line.item, line.where, line.index),
                           ref_of(state, target.item, target.where, target.index))
        except FixError:
            continue  # an empty line cannot be named
        assert locate(state, fix.line) is not None
        try:
            state = apply_fix(state, fix)
        except FixError:
            continue
        made.append(fix)
        assert lines(state) == expected
        assert [item.index for item in state.items] == list(range(len(state.items)))
        for item in state.items:
            assert item.duplicate_of is None or 0 <= item.duplicate_of < len(state.items)
            assert item.duplicate_of != item.index
    replayed = apply_fixes(issue, made)
    assert not replayed.stale
    assert replayed.issue == state
