"""Figures: kinds, normalized values, units, approximators, ranges, dates and periods."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.analyze import analyze_text, figures
from reader.core.resources import sample_issues
from tests.core.analyze.conftest import figure


def one(text: str, span: str) -> tuple[str, object, str, str, str, object]:
    f = figure(analyze_text(text), span)
    return f.kind, f.value, f.unit, f.norm, f.qualifier, f.upper


@pytest.mark.parametrize(("text", "span", "expected"), [
    ("收入完成11.07亿元,", "11.07亿元", ("money", 1107000000, "元", "", "", None)),
    ("累计投入1700万元", "1700万元", ("money", 17000000, "元", "", "", None)),
    ("发放了总计895万余元的助学金", "895万余元", ("money", 8950000, "元", "", "over", None)),
    ("营收超6亿元。", "超6亿元", ("money", 600000000, "元", "", "over", None)),
    ("税收将近2亿元", "将近2亿元", ("money", 200000000, "元", "", "nearly", None)),
    ("每餐2至3元的补贴", "2至3元", ("money", 2, "元", "", "", 3)),
    ("投资3-5亿元", "3-5亿元", ("money", 300000000, "元", "", "", 500000000)),
    ("余额1,234.5万元", "1,234.5万元", ("money", 12345000, "元", "", "", None)),
    ("同比增长5.4%,", "5.4%", ("percent", 5.4, "%", "", "", None)),
    ("占百分之三十", "百分之三十", ("percent", 30, "%", "", "", None)),
    ("增长5%-10%", "5%-10%", ("percent", 5, "%", "", "", 10)),
    ("高于全市2.1个百分点", "2.1个百分点", ("ppt", 2.1, "百分点", "", "", None)),
    ("盘活超4万平方米", "超4万平方米", ("area", 40000, "平方米", "", "over", None)),
    ("种植面积达到25万亩", "25万亩", ("area", 250000, "亩", "", "", None)),
    ("年产量约24万吨", "约24万吨", ("measure", 240000, "吨", "", "about", None)),
    ("浓度43微克/立方米,", "43微克/立方米", ("measure", 43, "微克/立方米", "", "", None)),
    ("400余株碧桃", "400余株", ("count", 400, "株", "", "over", None)),
    ("近600人前来", "近600人", ("count", 600, "人", "", "nearly", None)),
    ("辐射超百万人次", "超百万人次", ("count", 1000000, "人次", "", "over", None)),
    ("销售重卡7.8万辆", "7.8万辆", ("count", 78000, "辆", "", "", None)),
    ("聚焦三类重点场所", "三类", ("count", 3, "类", "", "", None)),
    ("明确两个主体责任", "两个", ("count", 2, "个", "", "", None)),
    ("12小时内收到答复", "12小时", ("duration", 12, "小时", "", "", None)),
    ("启用半年以来", "半年", ("duration", 0.5, "年", "", "", None)),
    ("经过1年多的跟踪", "1年多", ("duration", 1, "年", "", "over", None)),
    ("于2024年8月30日召开", "2024年8月30日", ("date", None, "", "2024-08-30", "", None)),
    ("到二〇三五年,基本建成", "二〇三五年", ("date", None, "", "2035", "", None)),
    ("2023年2月,集团揭牌", "2023年2月", ("date", None, "", "2023-02", "", None)),
    ("自今年1月8日实施", "1月8日", ("date", None, "", "--01-08", "", None)),
    ("2024年一季度收入", "2024年一季度", ("period", None, "", "2024-Q1", "", None)),
    ("今年上半年,全区", "上半年", ("period", None, "", "H1", "", None)),
    ("自今年7月下旬起", "7月下旬", ("period", None, "", "--07-late", "", None)),
    ("今年前三季度,南开区", "前三季度", ("period", None, "", "Q1/Q3", "", None)),
    ("今年1至9月,全区", "1至9月", ("period", None, "", "--01/--09", "", None)),
    ("2020年初,企业", "2020年初", ("period", None, "", "2020-start", "", None)),
])
def test_figure(text: str, span: str, expected: tuple[object, ...]) -> None:
    assert one(text, span) == expected


@pytest.mark.parametrize("text", [
    "党的二十届三中全会", "十二届六次全会", "第十二次全国会员代表大会", "第六批全国干部学习培训教材",
    "做到“两个维护”", "“十项行动”深化拓展", "补齐“最后100米”", "PM2.5年均浓度", "5G基站",
    "隆隆大厦1号楼", "隆德大厦B座", "世界500强企业", "一批优质企业", "三级医院", "千家万户",
    "三番五次", "“3+12”规划体系", "一站式便捷服务",
])
def test_not_figures(text: str) -> None:
    assert analyze_text(text).figures == []


def test_measure_word_with_latin_noun_after_it() -> None:
    assert figure(analyze_text("持续导入4条PPP轨道投资项目"), "4条").value == 4


def test_figures_do_not_overlap_and_slice_back() -> None:
    text = "2024年一季度南开区完成11.07亿元,同比增长5.4%,完成全年预算的27.2%。"
    figures = analyze_text(text).figures
    assert [f.text for f in figures] == ["2024年一季度", "11.07亿元", "5.4%", "27.2%"]
    for f in figures:
        assert text[f.start:f.end] == f.text


_PATTERNS = [(figures.DATE_RE, figures.DATE_FIRST), (figures.AMOUNT_RE, figures.AMOUNT_FIRST),
             (figures.PERCENT_WORDS_RE, figures.PERCENT_WORDS_FIRST),
             (figures.HALF_RE, figures.HALF_FIRST)]
_PIECES = sorted({piece for pattern, _ in _PATTERNS
                  for run in re.findall(r"[^\x00-\x7f]+", pattern.pattern)
                  for piece in (run, *run)} | set("0123456789１２３٣.,-~%/ 年月日号的在和是"))
"""Every run of non-ASCII characters the patterns hold and each of their characters, digits
of three scripts, some others."""


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12).map("".join))
def test_scanning_from_first_characters_finds_what_finditer_finds(text: str) -> None:
    for pattern, first in _PATTERNS:
        assert [m.span() for m in figures._finditer(pattern, first, text)] == \
            [m.span() for m in pattern.finditer(text)]


def test_scanning_from_first_characters_on_the_seeds() -> None:
    for path in sample_issues():
        text = path.read_text(encoding="utf-8")
        for pattern, first in _PATTERNS:
            assert [m.span() for m in figures._finditer(pattern, first, text)] == \
                [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize("phrase", [
    "上半年", "下半年", "第三季度", "前三季度", "后两季度", "首季度", "二〇三五年", "2024年底",
    "１９９８年", "9月份", "十二月", "1至9月", "2020-2022年", "2024.8.30", "约5万元", "大约3成",
    "约合2亿", "将近两个月", "接近五成", "近百分之五十", "超过10%", "超6亿元", "逾千人", "不足三天",
    "不到一半", "高达1.5万吨", "百分之三十", "半年", "约半年", "两三个月", "〇点五", "零下"])
def test_scanning_from_first_characters_on_every_opening(phrase: str) -> None:
    text = f"据悉{phrase}的，{phrase}"
    assert any(pattern.search(text) for pattern, _ in _PATTERNS) or phrase == "零下"
    for pattern, first in _PATTERNS:
        assert [m.span() for m in figures._finditer(pattern, first, text)] == \
            [m.span() for m in pattern.finditer(text)]
