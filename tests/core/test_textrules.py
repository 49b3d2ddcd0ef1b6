"""Line rules: the cheap tests in front of the expressions never change an answer."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core import textrules as rules

# Characters that the rules look at (markers, roles, brackets, colons, furniture words,
# sentence ends), a few ordinary ones, and blank space.
LINE_CHARS = ("■▲（()）：:/，,、。；;！？…”』》—-－–版年编页校对审读值班第本报讯新华社中电记者通讯员"
              "撰稿实习生摄图文来源制图据参与采写南开区王李张伟 \u3000\t0123")
LINES = st.text(alphabet=st.sampled_from(LINE_CHARS), min_size=0, max_size=70)
SAMPLES = ["第01版：要闻", "A03版", "责任编辑：张三  校对：李四", "第 3 页", "- 3 -",
           "《江城日报》（2025年10月20日 第 01 版）", "2024年8月30日 星期五", "■ 记者 王伟",
           "王伟 摄", "（本报记者李四参与采写）", "制图：张三", "本报讯（记者 张三）昨天",
           "新华社北京2月12日电  （记者 乔栋）", "新华社北京3月2日电", "（记者 王芳）", "区政府召开常务会议",
           "会议强调，要确保按期开工。", "现场：沃尔第一节独得11分", "有知识、懂技术、会管理——"]


@settings(max_examples=3000, deadline=None)
@given(st.one_of(LINES, st.sampled_from(SAMPLES)))
def test_line_flags_are_the_three_rules(text: str) -> None:
    if not text.strip():
        return  # the parser asks only about non-blank lines
    assert rules.line_flags(text) == (
        rules.is_finished(text), rules.is_title_text(text), rules.is_subhead_text(text))


@settings(max_examples=3000, deadline=None)
@given(st.one_of(LINES, st.sampled_from(SAMPLES)))
def test_cheap_tests_agree_with_the_expressions(text: str) -> None:
    assert rules.is_page_furniture(text) == (
        len(text) <= 60 and bool(rules.PAGE_FURNITURE_RE.match(text)))
    assert rules.is_closing_note(text) == (
        len(text) <= 80 and bool(rules._CLOSING_NOTE.match(text)))
    assert rules.is_story_lead(text) == bool(rules.STORY_LEAD_RE.match(text[:40]))
    lead = rules.LEAD_BYLINE_RE.match(text[:120])
    assert rules.lead_byline_names(text) == (
        rules.split_names(lead.group("body"))
        if lead and rules._ROLE_WORDS.search(lead.group("body")) else [])
    trailing = rules._TRAILING_BYLINE.match(text) if len(text) <= 60 else None
    assert rules.trailing_byline_names(text) == (
        rules.split_names(trailing.group("body")) if trailing else [])
    if text.strip() and len(text) <= 60:
        byline = rules.BYLINE_RE.match(text) or rules.BYLINE_MARKED_RE.match(text)
        if byline and not rules._ROLE_ONLY.match(text):
            assert rules._may_be_byline(text)


@settings(max_examples=3000, deadline=None)
@given(st.one_of(LINES, st.sampled_from(SAMPLES)))
def test_a_line_that_may_be_no_anchor_is_none(text: str) -> None:
    if not text.strip() or rules.may_be_anchor(text):
        return
    assert not rules.is_page_furniture(text)
    assert rules.credit_names(text) is None
    assert rules.byline_names(text) is None


def test_samples_read_as_expected() -> None:
    assert [rules.is_page_furniture(t) for t in SAMPLES[:7]] == [True] * 7
    assert rules.byline_names("■ 记者 王伟") == ["王伟"]
    assert rules.credit_names("王伟 摄") == ["王伟"]
    assert rules.is_closing_note("（本报记者李四参与采写）") and rules.is_closing_note("制图：张三")
    assert rules.lead_byline_names("新华社北京2月12日电  （记者 乔栋）") == ["乔栋"]
    assert rules.trailing_byline_names("（记者 王芳）") == ["王芳"]
    # a closing note ends a paragraph; a story lead's own byline bracket opens one
    assert rules.is_finished("（本报记者李四参与采写）") and rules.is_finished("正文。（记者 王芳）")
    assert not rules.is_finished("本报北京3月2日电  （记者 王伟）")
    assert not rules.is_finished("本报讯（记者 张三 通讯员 李四）")
    assert not rules.is_subhead_text("新华社北京3月2日电")  # a lead opens a story
    assert not rules.is_subhead_text("本报北京3月2日电  （记者 王伟）第30段城市科")
    assert rules.is_subhead_text("本报记者走进社区")
    assert rules.line_flags("区政府召开常务会议") == (False, True, True)
    assert rules.line_flags("会议强调，要确保按期开工。") == (True, False, False)
    assert all(map(rules.may_be_anchor, SAMPLES[:9]))
    assert not rules.may_be_anchor("区政府召开常务会议")


@settings(max_examples=3000, deadline=None)
@given(st.one_of(LINES, st.sampled_from(SAMPLES)))
def test_line_kind_is_the_rules_together(text: str) -> None:
    text = text.strip()
    if not text:
        return  # the parser asks only about stripped, non-blank lines
    anchor = rules.may_be_anchor(text)
    furniture = anchor and rules.is_page_furniture(text)
    credit = rules.credit_names(text) if anchor and not furniture else None
    byline = rules.byline_names(text) if anchor and not furniture and credit is None else None
    assert rules.line_kind(text) == (
        byline, credit, furniture, *rules.line_flags(text), rules.has_clause_punctuation(text),
        rules.is_closing_note(text), furniture or credit is not None or byline is not None)
