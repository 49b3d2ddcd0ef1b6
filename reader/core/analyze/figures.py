"""Find figures in text: money, percentages, counts, areas, measures, durations, dates, periods.

Kinds and normalized values are documented in docs/analysis.md. One regular expression
scans for dates and periods, another for amounts (an optional approximator, a number or a
range, a unit); small rules then drop ordinals, grades, labels, slogans and idioms.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from decimal import Decimal

from reader.core.analyze.numbers import CN_DIGITS, as_plain, parse_number
from reader.core.analyze.segmenter import Tokens
from reader.core.model import Figure

_CN = "零〇○一二两三四五六七八九十百千万亿"
_AR = r"\d+(?:,\d{3})*(?:\.\d+)?"
_MULT = r"(?:万亿|亿|万|千|百)"
NUM = rf"(?:{_AR}{_MULT}?|[{_CN}]+)"
PRE = r"(?P<pre>大约|约合|约|将近|接近|近|超过|超|逾|不足|不到|高达)?"
RANGE_SEP = r"(?:-|—|–|－|~|～|至|到)"

MONEY_UNITS = ("元", "美元", "欧元", "英镑", "日元", "港元", "港币", "韩元", "卢布")
AREA_UNITS = ("平方米", "平方公里", "平方千米", "公顷", "亩")
MEASURE_UNITS = ("微克/立方米", "毫克/立方米", "毫克/升", "吨", "公斤", "千克", "克", "斤",
                 "公里", "千米", "厘米", "毫米", "米", "立方米", "升", "毫升", "千瓦时", "千瓦",
                 "兆瓦", "瓦时/千克", "摄氏度", "℃", "岁", "公里/小时", "马力")
DURATION_UNITS = ("个多小时", "个半小时", "个小时", "个多月", "个半月", "个月", "周年", "小时",
                  "分钟", "秒钟", "个工作日", "工作日", "星期", "天", "周", "秒", "年")
DURATION_NAMES = {"个多月": "月", "个半月": "月", "个月": "月", "个工作日": "工作日",
                  "个多小时": "小时", "个半小时": "小时", "个小时": "小时", "星期": "周",
                  "秒钟": "秒"}
COUNT_UNITS = ("人次", "户次", "架次", "车次", "人", "名", "位", "家", "个", "件", "项",
               "次", "户", "台", "株", "棵", "处", "辆", "座", "栋", "幢", "间", "套", "所",
               "条", "种", "类", "批", "场", "份", "本", "册", "张", "支", "只", "头", "匹",
               "例", "起", "宗", "笔", "篇", "首", "幅", "部", "轮", "组", "对", "块", "片",
               "道", "盏", "枚", "颗", "艘", "架", "列", "趟", "门", "节", "款", "根", "箱", "袋")
UNIT_KIND: dict[str, str] = {
    **{u: "money" for u in MONEY_UNITS}, **{u: "area" for u in AREA_UNITS},
    **{u: "measure" for u in MEASURE_UNITS}, **{u: "duration" for u in DURATION_UNITS},
    **{u: "count" for u in COUNT_UNITS},
    "%": "percent", "％": "percent", "个百分点": "ppt", "百分点": "ppt", "成": "percent",
}
_UNIT_ALT = "|".join(re.escape(u) for u in sorted(UNIT_KIND, key=len, reverse=True))
AMOUNT_RE = re.compile(
    rf"{PRE}(?P<num>{NUM})(?P<mid>余|多)?"
    rf"(?:(?P<unit1>%|％)?(?P<sep>{RANGE_SEP})(?P<num2>{NUM}))?"
    rf"(?P<mid2>余|多)?(?P<unit>{_UNIT_ALT})?(?P<post>左右|以上|以下|上下|多|余)?"
)
PERCENT_WORDS_RE = re.compile(rf"{PRE}百分之(?P<num>[{_CN}]+|{_AR})")
HALF_RE = re.compile(rf"{PRE}(?<![上下])(?P<num>半)(?P<unit>个月|年|小时|天)")

_Y = r"(?:\d{4}|[〇零○一二三四五六七八九]{4})"
_M = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_D = (r"(?:3[01]|[12]\d|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?"
      r"|[一二三四五六七八九])")
_Q = r"(?:(?:第?[一二三四1-4]|前[两二三2-3]|后[两二三2-3])季度|首季度?)"
DATE_RE = re.compile(
    rf"(?P<y1>{_Y})\s*(?:{RANGE_SEP})\s*(?P<y2>{_Y})年"
    rf"|(?:(?P<y>{_Y})年)?(?:(?P<m1>{_M})\s*{RANGE_SEP}\s*(?P<m2>{_M})月"
    rf"|(?P<q>{_Q})|(?P<h>[上下])半年"
    rf"|(?P<m>{_M})月(?:份)?(?:(?P<d>{_D})[日号](?!\d)|(?P<part>上旬|中旬|下旬|初|底|末|中))?)"
    rf"|(?P<yo>{_Y})年(?P<ypart>初|底|末)?"
    rf"|(?P<iy>\d{{4}})[./-](?P<im>1[0-2]|0?[1-9])[./-](?P<id>3[01]|[12]\d|0?[1-9])(?!\d)"
)
QUARTER_NORM = {"一": "Q1", "1": "Q1", "二": "Q2", "2": "Q2", "三": "Q3", "3": "Q3",
                "四": "Q4", "4": "Q4", "首": "Q1"}
PART_NORM = {"上旬": "early", "中旬": "mid", "下旬": "late", "初": "start", "底": "end",
             "末": "end", "中": "mid"}
QUALIFIERS = {"约": "about", "大约": "about", "约合": "about", "左右": "about", "上下": "about",
              "近": "nearly", "将近": "nearly", "接近": "nearly", "超": "over", "超过": "over",
              "逾": "over", "余": "over", "多": "over", "以上": "over", "高达": "",
              "不足": "under", "不到": "under", "以下": "under"}
LATIN = re.compile(r"[A-Za-z]")
ORDINAL_AFTER = ("全会", "会议", "党代会", "代表大会", "集体学习", "全体会议", "会上")
SLOGAN_MAX = 20
SENTENCE_PUNCT = set("。！？!?；;")
QUOTE_PAIRS = {"“": "”", "‘": "’", "「": "」", "『": "』", "\"": "\""}

_PRE_FIRST = "大约将接近超逾不高"
"""The first characters of the approximators of ``PRE``."""
DATE_FIRST = re.compile(r"[\d〇零○一二三四五六七八九十第前后首上下]")
AMOUNT_FIRST = re.compile(rf"[\d{_CN}{_PRE_FIRST}]")
PERCENT_WORDS_FIRST = re.compile(f"[{_PRE_FIRST}百]")
HALF_FIRST = re.compile(f"[{_PRE_FIRST}半]")
"""Every character a match of DATE_RE, AMOUNT_RE, PERCENT_WORDS_RE, HALF_RE can start with
(a test checks them against the patterns)."""


def _finditer(pattern: re.Pattern[str], first: re.Pattern[str],
              text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, the pattern tried only where ``first`` finds a character
    it can start with. These patterns open with optional groups, so the regular expression
    engine cannot skip ahead by itself and tries every position: 0.1 s of the 0.17 s the
    four took on 300,000 characters of the seeds, where 4 % of the characters can start one."""
    search, match_at = first.search, pattern.match
    found = search(text)
    while found is not None:
        start = found.start()
        match = match_at(text, start)
        if match is None or match.end() == start:
            found = search(text, start + 1)
            continue
        yield match
        found = search(text, match.end())


def find_figures(text: str, tokens: Tokens | None = None) -> list[Figure]:
    """All figures of ``text`` in order, non-overlapping; paragraph index 0."""
    figures = _dates(text)
    taken = _Taken(figures, len(text))
    for figure in _amounts(text, tokens):
        if taken.free(figure.start, figure.end):
            figures.append(figure)
            taken.add(figure.start, figure.end)
    figures.sort(key=lambda f: f.start)
    return figures


class _Taken:
    """Characters already used, to keep figures from overlapping."""

    def __init__(self, figures: list[Figure], size: int) -> None:
        self.used = bytearray(size)
        for figure in figures:
            self.add(figure.start, figure.end)

    def free(self, start: int, end: int) -> bool:
        return not any(self.used[start:end])

    def add(self, start: int, end: int) -> None:
        self.used[start:end] = b"\x01" * (end - start)


def _dates(text: str) -> list[Figure]:
    """Dates and periods (2024年8月30日, 二〇三五年, 一季度, 7月下旬, 1至9月)."""
    figures = []
    for match in _finditer(DATE_RE, DATE_FIRST, text):
        if not match.group() or not _date_context_ok(text, match):
            continue
        figure = _date_figure(match)
        if figure is not None:
            figures.append(figure)
    return figures


def _date_context_ok(text: str, match: re.Match[str]) -> bool:
    start, end = match.span()
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if before.isdigit() or before == "第" or LATIN.match(before):
        return False  # 第三季度 is fine (第 is inside the match); 2第 or A1月 are not
    if match.group("q") and match.group("q").startswith("首") and not match.group("y"):
        return False  # 首季 alone is a slogan (首季“开门红”); 2024年首季度 is a period
    if match.group("m") and not (match.group("d") or match.group("part") or match.group("y")):
        return after not in "份个" and not text.startswith("个", start - 1)
    return not (match.group("yo") and not match.group("ypart")
                and not _plausible_year(match.group("yo")))


def _plausible_year(text: str) -> bool:
    """A year is written with four digits from 1000 to 2999 (二〇三五 included)."""
    value = parse_number(_year(text))
    return value is not None and 1000 <= value <= 2999


def _date_figure(match: re.Match[str]) -> Figure | None:
    """A date or period Figure: value None, the normalized form in ``norm``."""
    text = match.group()
    norm, kind = _date_norm(match)
    if norm is None:
        return None
    return Figure(kind=kind, text=text, value=None, unit="", paragraph=0,
                  start=match.start(), end=match.end(), norm=norm)


def _date_norm(match: re.Match[str]) -> tuple[str | None, str]:
    """(normalized form, kind) of a date match: ISO 8601 for dates, Q/H/parts for periods."""
    g = match.group
    if g("y1"):
        return f"{_year(g('y1'))}/{_year(g('y2'))}", "period"
    if g("iy"):
        return f"{g('iy')}-{int(g('im')):02d}-{int(g('id')):02d}", "date"
    year = _year(g("y") or g("yo")) if (g("y") or g("yo")) else ""
    prefix = year if year else "-"
    if g("m1"):
        return f"{prefix}-{_two(g('m1'))}/{prefix}-{_two(g('m2'))}", "period"
    if g("q"):
        return _join(year, _quarter(g("q"))), "period"
    if g("h"):
        return _join(year, "H1" if g("h") == "上" else "H2"), "period"
    if g("m"):
        return _month_norm(year, g("m"), g("d"), g("part"))
    if g("ypart"):
        return f"{year}-{PART_NORM[g('ypart')]}", "period"
    return (year or None), "date"


def _month_norm(year: str, month: str, day: str | None, part: str | None) -> tuple[str, str]:
    head = f"{year or '-'}-{_two(month)}"
    if day:
        return f"{head}-{_two(day)}", "date"
    if part:
        return f"{head}-{PART_NORM[part]}", "period"
    return head, "date"


def _join(year: str, tail: str) -> str:
    return f"{year}-{tail}" if year else tail


def _quarter(text: str) -> str:
    core = text.replace("季度", "").replace("季", "").lstrip("第")
    if core.startswith(("前", "后")):
        count = int(as_plain(parse_number(core[1:]) or Decimal(0)))
        return f"Q1/Q{count}" if core[0] == "前" else f"Q{5 - count}/Q4"
    return QUARTER_NORM.get(core, "Q?")


def _year(text: str) -> str:
    if text.isdigit():
        return text
    return "".join(str(CN_DIGITS[ch]) for ch in text)


def _two(text: str) -> str:
    value = parse_number(text)
    return f"{int(value):02d}" if value is not None else "00"


def _amounts(text: str, tokens: Tokens | None) -> list[Figure]:
    """Amounts with a unit (and 万/亿 numbers without one), 百分之 percentages, 半年."""
    figures = []
    for match in _finditer(AMOUNT_RE, AMOUNT_FIRST, text):
        figure = _amount_figure(text, match, tokens)
        if figure is not None:
            figures.append(figure)
    for match in _finditer(PERCENT_WORDS_RE, PERCENT_WORDS_FIRST, text):
        value = parse_number(match.group("num"))
        if value is not None:
            figures.append(_make("percent", match, value, None, "%", match.group("pre")))
    for match in _finditer(HALF_RE, HALF_FIRST, text):
        unit = "月" if match.group("unit") == "个月" else match.group("unit")
        figures.append(_make("duration", match, Decimal("0.5"), None, unit, match.group("pre")))
    return figures


def _amount_figure(text: str, match: re.Match[str], tokens: Tokens | None) -> Figure | None:
    """The figure of one amount match, or None when rules say it is no quantity."""
    unit = match.group("unit")
    num = match.group("num")
    kind = UNIT_KIND.get(unit, "") if unit else ""
    if not kind and not re.search(r"[万亿]$", num):
        return None  # a bare number without 万/亿 is not a figure (labels, codes, slogans)
    kind = kind or "number"
    if not num[0].isdigit() and not _chinese_ok(match, kind, tokens):
        return None
    if not _context_ok(text, match, kind):
        return None
    return _build_amount(match, kind, unit or "")


def _chinese_ok(match: re.Match[str], kind: str, tokens: Tokens | None) -> bool:
    """Chinese numerals: not 一 (an article), not inside an idiom (千家万户), never bare."""
    value = parse_number(match.group("num"))
    if value is None or value == 1 or (value < 1):
        return False
    if all(ch in "零〇○" for ch in match.group("num")):
        return False
    if kind == "number":
        return False
    return tokens is None or not _inside_longer_token(tokens, match.start(), match.end())


def _inside_longer_token(tokens: Tokens, start: int, end: int) -> bool:
    """True if the span lies inside one dictionary word longer than it (千家万户, 三番五次)."""
    index = bisect_right(tokens.starts, start) - 1
    if index < 0:
        return False
    return tokens.starts[index] <= start and tokens.end(index) >= end and \
        len(tokens.words[index]) > end - start


def _context_ok(text: str, match: re.Match[str], kind: str) -> bool:
    """No ordinal (第), label (PM2.5, 5G, 1号楼), formula (3+12), grade (三级) or slogan."""
    start, end = match.span()
    num_start = match.start("num")
    before = text[num_start - 1] if num_start else " "
    after = text[end] if end < len(text) else " "
    if before in "第+＋#＃." or LATIN.match(before):
        return False
    if match.group("unit") is None and LATIN.match(after):
        return False  # 5G, 3D: a label, not an amount
    if after in "+＋" or (match.group("unit") is None and after in "级层号届"):
        return False
    if kind == "count" and _is_ordinal_count(text, match):
        return False
    if kind in ("count", "number") and after == "级":
        return False
    return kind == "percent" or not _inside_slogan(text, start, end)


def _is_ordinal_count(text: str, match: re.Match[str]) -> bool:
    """``十二届六次全会``: a session number, not a count (第十二次 is caught by 第)."""
    return match.group("unit") == "次" and text.startswith(ORDINAL_AFTER, match.end())


def _inside_slogan(text: str, start: int, end: int) -> bool:
    """True if the span sits inside a short quotation (“十项行动”, “最后100米”)."""
    window_start = max(0, start - SLOGAN_MAX)
    for index in range(start - 1, window_start - 1, -1):
        ch = text[index]
        if ch in SENTENCE_PUNCT or ch in QUOTE_PAIRS.values():
            return False
        if ch in QUOTE_PAIRS:
            close = text.find(QUOTE_PAIRS[ch], end)
            return 0 <= close - index <= SLOGAN_MAX + 1 and not any(
                c in SENTENCE_PUNCT for c in text[index:close])
    return False


def _build_amount(match: re.Match[str], kind: str, unit: str) -> Figure | None:
    """Value × multiplier in the base unit, with the range's upper bound and the qualifier."""
    value = parse_number(match.group("num"))
    if value is None:
        return None
    upper = parse_number(match.group("num2")) if match.group("num2") else None
    if match.group("num2") and upper is None:
        return None
    unit, factor = _normalize_unit(kind, unit)
    if match.group("unit") == "成" and not (1 <= value <= 10):
        return None  # 四成 is 40%; 12成 is no share
    if kind == "duration" and unit == "年" and value >= 1000:
        return None  # 2024年 without a match as a date (e.g. 2024年来): leave it out
    qualifier = match.group("pre") or match.group("mid") or match.group("mid2") or \
        match.group("post")
    if upper is not None:
        value = _borrow_multiplier(match.group("num"), match.group("num2"), value)
    return _make(kind, match, value * factor, upper * factor if upper is not None else None,
                 unit, qualifier)


def _borrow_multiplier(num: str, num2: str, value: Decimal) -> Decimal:
    """``3-5亿元``: the first number takes the multiplier written after the second."""
    tail = re.search(r"(?:万亿|亿|万)$", num2)
    if tail and num[0].isdigit() and not re.search(r"[万亿千百]$", num):
        return value * parse_number("1" + tail.group())  # type: ignore[operator]
    return value


def _normalize_unit(kind: str, unit: str) -> tuple[str, Decimal]:
    """The unit a value is given in, and the factor from the written unit (成 → % × 10)."""
    if kind == "duration":
        return DURATION_NAMES.get(unit, unit), Decimal(1)
    if kind == "ppt":
        return "百分点", Decimal(1)
    if unit == "成":
        return "%", Decimal(10)
    return unit, Decimal(1)


def _make(kind: str, match: re.Match[str], value: Decimal, upper: Decimal | None, unit: str,
          qualifier: str | None) -> Figure:
    """A Figure for a match, with plain int/float values."""
    start, end = match.span()
    return Figure(kind=kind, text=match.group(), value=as_plain(value), unit=unit, paragraph=0,
                  start=start, end=end, norm="",
                  qualifier=QUALIFIERS.get(qualifier or "", ""),
                  upper=as_plain(upper) if upper is not None else None)

