"""Line-level rules of newspaper text: bylines, photo credits, titles, subheads, line ends."""

from __future__ import annotations

import re

MARKERS = "■□●◆◇▲△★☆▶►◎"
"""Layout markers that may open a byline, a credit or a caption; they carry no text."""

TITLE_MAX = 40
"""Longest line (in characters) that can be a title line."""

SUBHEAD_MAX = 30
"""Longest line that can be (one line of) a subhead."""

_SENTENCE_END = set("。！？!?…；;：:")
_CLOSE_QUOTES = set("”’」』\"'》")
_CLOSE_BRACKETS = set(")）】")
_INNER_PUNCT = re.compile(r"[，,。；;]")
_CLAUSE_OPEN_END = set("，,、")
_CLAUSE_PUNCT = re.compile(r"[，,。；;]")
_CREDIT_NOTE = re.compile(r"[（(][^（()）]*(?:记者|通讯员|摄|编辑|来源|新华社)[^（()）]*[)）]$")

_HAN = r"\u3400-\u4dbf\u4e00-\u9fff"
_NAME = rf"(?:[{_HAN}]\s{{1,3}}[{_HAN}](?![{_HAN}·•]\s)|[{_HAN}][{_HAN}·•]{{1,7}})"
"""A name; a two-character one may be set with a space inside (``乔  栋``)."""
_OUTLET = rf"(?:本报|本刊|新华社|中新社|人民日报|央视|[{_HAN}]{{1,5}}(?:社|报|网|台|刊|站|新闻))"
"""Who a reporter works for: 本报, 新华社, 人民网, 经济日报, 央视新闻 …"""
_ROLE = (
    rf"(?:{_OUTLET}?(?:首席|特约|实习|见习|驻站|摄影|融媒体)?"
    r"(?:记者|通讯员|特约撰稿人|撰稿人|实习生)|新华社|文/图|图/文|文图|撰稿|采写|作者|"
    r"整理|编译|文|图)"
)
_SHORT_NAME = rf"(?:[{_HAN}]{{2,4}}|[{_HAN}]{{1,6}}[·•][{_HAN}]{{1,8}})"
_SEP = r"(?:\s*[、,，/]\s*|\s+)"
_AFTER_ROLE = r"(?:\s*[:：]\s*|\s+)"
_NAMES = rf"{_NAME}(?:{_SEP}{_NAME})*"
_GROUP = rf"(?:{_ROLE}{_AFTER_ROLE}{_NAMES})"
_MARK = rf"[{MARKERS}]"

BYLINE_RE = re.compile(
    rf"^(?P<mark>{_MARK})?\s*(?P<body>{_ROLE}{_AFTER_ROLE}{_NAMES}(?:\s*{_GROUP})*)"
    rf"(?:\s*(?:报道|文/图|文))?$"
)
BYLINE_MARKED_RE = re.compile(
    rf"^(?P<mark>{_MARK})\s*(?P<body>{_SHORT_NAME}(?:{_SEP}{_SHORT_NAME})*)$"
)
_AGENCY = r"[（(][^（()）]{1,12}[)）]"
"""Where a photo came from, after the credit: （人民视觉）, （影像中国）, （新华社发）."""
CREDIT_RE = re.compile(
    rf"^(?P<mark>{_MARK})?\s*[（(]?\s*(?P<body>(?:{_ROLE}{_AFTER_ROLE})?{_NAMES}"
    rf"(?:\s*{_GROUP})*)(?P<gap>\s*[/／]?\s*)(?P<verb>摄影报道|摄影|拍摄|供图|摄)\s*[)）]?"
    rf"(?P<agency>\s*{_AGENCY})?$"
)
CREDIT_PREFIX_RE = re.compile(rf"^(?P<mark>{_MARK})?\s*(?P<body>(?:摄影|图)\s*[:：/]\s*{_NAMES})$")
_ROLE_WORDS = re.compile(_ROLE)
_NOT_NAMES = frozenset({"报道", "文图", "摄影", "供图", "拍摄"})
_ROLE_TOKEN = re.compile(rf"^{_ROLE}$")
_ROLE_PREFIX = re.compile(
    rf"^{_OUTLET}?(?:首席|特约|实习|见习|摄影)?(?:记者|通讯员|实习生)"
)
LEAD_BYLINE_RE = re.compile(
    rf"^(?:本报讯|[{_HAN}]{{0,8}}讯|(?:本报|新华社|中新社|中新网)[{_HAN}\d月日]{{0,16}}电)"
    rf"\s*[（(](?P<body>[^（()）]{{2,60}})[)）]"
)
DATELINE_RE = re.compile(
    r"^[（(][^（()）]{0,60}(?:\d|[〇零一二三四五六七八九十])\s*[年月日][^（()）]{0,60}[)）]$"
)
DOC_TITLE_RE = re.compile(
    r"(?:决议|通知|公告|通告|启事|声明|公报|公示|名单|倡议书|讣告|条例|简介|简讯)$"
    r"|关于.{2,}(?:决定|意见|规定|办法|说明)$"
)
"""Titles of documents. 决定, 意见, 规定 … end a title only after 关于 (…关于…的决定):
a short line such as ``会议审议通过了这项决定`` is prose cut by a column break."""
STORY_LEAD_RE = re.compile(
    rf"^(?:本报讯|(?:本报|新华社|中新社|中新网)[{_HAN}\d月日]{{0,16}}电)"
)


_DIGITS = "0-9０-９一二三四五六七八九十〇零"
PAGE_FURNITURE_RE = re.compile(
    rf"^(?:第\s*[{_DIGITS}]{{1,3}}\s*版(?:\s*[:：]?\s*\S{{0,12}})?"
    rf"|[A-Z]?\d{{1,2}}\s*版\s*[:：]?\s*\S{{0,12}}"
    rf"|\S{{0,12}}\s*\d{{4}}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日\s*(?:星期|周)[一二三四五六日天]\S{{0,20}}"
    rf"|(?:(?:本版|本期|责任|文字|图片)?编辑|校对|美编|版式|组版|值班主任|审读|责编)"
    rf"\s*[:：/]\s*\S.{{0,40}}"
    rf"|第\s*[{_DIGITS}]{{1,4}}\s*页(?:\s*[,，/]?\s*共\s*[{_DIGITS}]{{1,4}}\s*页)?"
    rf"|[-—–－]\s*[{_DIGITS}]{{1,4}}\s*[-—–－]"
    rf"|[《〈]?[^\s（()）]{{1,12}}[》〉]?\s*[（(]\s*\d{{4}}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日"
    rf"\s*(?:星期[一二三四五六日天]\s*)?第?\s*[A-Z]?\s*[{_DIGITS}]{{1,3}}\s*版\s*[)）])$"
)
"""Page headers and footers: ``第01版：要闻``, ``A03版``, a dated header, editor lines,
a PDF page's ``第 3 页`` or ``- 3 -``, an e-paper footer
``《XX日报》（2025年10月20日 第 01 版）``."""


def is_page_furniture(text: str) -> bool:
    """True for page furniture: ``第01版：要闻``, ``A03版``, a dated page header
    (``2024年8月30日 星期五``), editor lines (``责任编辑：张三  校对：李四``)."""
    if len(text) > 60 or not _FURNITURE_HINT.search(text):
        return False
    return bool(PAGE_FURNITURE_RE.match(text))


_FURNITURE_HINT = re.compile("[版年编页\\-—–－]|校对|审读|值班")
"""Page furniture holds one of these; a cheap test before the expression (most lines
hold none)."""


def may_be_anchor(text: str) -> bool:
    """False if a line is surely neither page furniture, a photo credit nor a byline: the
    cheap tests of all three at once (one expression; most lines pass none of them)."""
    if len(text) > 60:
        return False
    return text[:1] in _ANCHOR_FIRST or bool(_ANCHOR_HINT.search(text))


_ANCHOR_HINT = re.compile("[版年编页\\-—–－摄图]|校对|审读|值班|记者|通讯员|撰稿|实习生")
"""What ``_FURNITURE_HINT``, ``credit_names`` and ``_may_be_byline`` look for (the byline
words anywhere, not only in the first 14 characters: a wider net, never a narrower one)."""


def is_finished(text: str) -> bool:
    """True if a line ends a paragraph: closing punctuation, possibly inside quotes, or a
    closing note (``…。（记者 王芳）``); a story lead that stops after its own byline
    bracket (``本报北京3月2日电  （记者 王伟）``, a line cut by a hard wrap) opens a
    paragraph and does not end one."""
    stripped = text.rstrip()
    if not stripped:
        return True
    last = stripped[-1]
    if last in _SENTENCE_END:
        return True
    if last == ".":
        return len(stripped) < 2 or not stripped[-2].isdigit()
    if last in _CLOSE_QUOTES or last in _CLOSE_BRACKETS:
        inner = stripped.rstrip("".join(_CLOSE_QUOTES | _CLOSE_BRACKETS))
        if inner and inner[-1] in _SENTENCE_END:
            return True
        if last in _CLOSE_BRACKETS:
            return bool(_CREDIT_NOTE.search(stripped)) and not LEAD_BYLINE_RE.fullmatch(stripped)
    return False


def ends_open_clause(text: str) -> bool:
    """True if a line stops after a comma or an enumeration comma (、)."""
    stripped = text.rstrip()
    return bool(stripped) and stripped[-1] in _CLAUSE_OPEN_END


def strip_marker(text: str) -> str:
    """Remove a leading layout marker (■, ▲ …) and the space after it."""
    if text and text[0] in MARKERS:
        return text[1:].lstrip()
    return text


_ROLE_ONLY = re.compile(rf"^{_MARK}?\s*{_OUTLET}?(?:记者|通讯员|特约撰稿人)$")


def byline_names(text: str) -> list[str] | None:
    """Return the names of a byline line (``■ 记者 张三 通讯员 李四``), or None if it is not one.

    A role alone (``新华社记者``) is a byline without names.
    """
    if len(text) > 60 or not _may_be_byline(text):
        return None
    if _ROLE_ONLY.match(text):
        return []
    match = BYLINE_RE.match(text) or BYLINE_MARKED_RE.match(text)
    if not match or _looks_like_sentence(match.group("body")):
        return None
    return split_names(match.group("body"))


_ROLE_STARTS = frozenset("文图撰采作整编新")
_ANCHOR_FIRST = frozenset(MARKERS) | _ROLE_STARTS


def _may_be_byline(text: str) -> bool:
    """A cheap test before the expressions: a byline opens with a marker or a role."""
    if text[0] in MARKERS or text[0] in _ROLE_STARTS:
        return True
    head = text[:14]
    return "记者" in head or "通讯员" in head or "撰稿" in head or "实习生" in head


def credit_names(text: str) -> list[str] | None:
    """Return the photographers of a photo credit line (``通讯员 刘峥 摄``), or None."""
    if len(text) > 60 or ("摄" not in text and "图" not in text):
        return None
    match = CREDIT_RE.match(text)
    if match and not (match.group("mark") or match.group("gap") or text[0] in "（("
                      or match.group("agency") or match.group("verb") == "摄影报道"
                      or _ROLE_WORDS.match(match.group("body"))):
        match = None  # "航拍摄" is a title; "张三 摄", "张三/摄", "张三摄（新华社发）" are credits
    match = match or CREDIT_PREFIX_RE.match(text)
    if not match:
        return None
    return split_names(re.sub(r"^(?:摄影|图)\s*[:：/]", "", match.group("body")))


def lead_byline_names(text: str) -> list[str]:
    """Names from a story lead such as ``本报讯（记者 张三 通讯员 李四）``, else []."""
    head = text[:120]
    if "（" not in head and "(" not in head:
        return []  # the lead's names stand in brackets
    match = LEAD_BYLINE_RE.match(head)
    if not match or not _ROLE_WORDS.search(match.group("body")):
        return []
    return split_names(match.group("body"))


_TRAILING_BYLINE = re.compile(
    rf"^[（(]\s*(?:(?:据)?(?:本报|新华社|中新社)[{_HAN}\d月日]{{0,16}}电\s*)?"
    rf"(?P<body>{_ROLE}{_AFTER_ROLE}?{_NAMES}(?:\s*{_GROUP})*)\s*[)）]$"
)


def trailing_byline_names(text: str) -> list[str]:
    """Names from a closing byline line such as ``（记者 王芳）``, else []."""
    if len(text) > 60 or text[:1] not in _OPEN_BRACKETS:
        return []
    match = _TRAILING_BYLINE.match(text)
    return split_names(match.group("body")) if match else []


def split_names(body: str) -> list[str]:
    """Split the name part of a byline into names, dropping roles and separators.

    Two-character names are often set with a space inside (``乔  栋``): two single
    characters in a row are one name.
    """
    names: list[str] = []
    single = ""
    for token in re.split(r"[\s、,，/:：]+", body):
        if _ROLE_TOKEN.match(token):
            single = ""
            continue
        prefix = _ROLE_PREFIX.match(token)
        name = token[prefix.end():] if prefix else token
        if len(name) == 1 and "\u3400" <= name <= "\u9fff":
            name, single = (single + name, "") if single else ("", name)
        else:
            single = ""
        if len(name) >= 2 and name not in names and name not in _NOT_NAMES:
            names.append(name)
    return names


_CLOSING_NOTE = re.compile(
    r"^(?:(?:本版|本刊)?(?:制图|绘图|漫画|图表|设计|摄影|图片|资料图片|数据来源|来源)\s*[:：/]\s*\S.{0,40}"
    r"|[（(][^（()）]{0,40}(?:记者|通讯员|撰稿|采写|整理|编译|摄|电|来源|据)[^（()）]{0,40}[)）])$"
)


def is_closing_note(text: str) -> bool:
    """True for a credit line that closes an item and is never a title: ``制图：张三``,
    ``（本报记者李四参与采写）``, ``（新华社北京2月12日电 记者王五）``, ``（据新华社电）``."""
    if len(text) > 80:
        return False
    if text[:1] not in _OPEN_BRACKETS and ":" not in text and "：" not in text and "/" not in text:
        return False  # a closing note is bracketed or holds a colon or a slash
    return bool(_CLOSING_NOTE.match(text))


_OPEN_BRACKETS = frozenset("（(")


def is_comma_title(text: str) -> bool:
    """True if a line with an inner comma can still be a title line: short, no full stop
    or semicolon inside, and not ending like a clause (``山东召开动员大会，吹响冲锋号``)."""
    return len(text) <= 30 and not re.search(r"[。；;]", text) and not is_finished(text)


def _looks_like_sentence(body: str) -> bool:
    """Bylines hold short names; a long run of Han characters is a sentence."""
    return any(len(token) > 8 for token in re.split(r"[\s、,，/:：]+", body))


def line_flags(text: str) -> tuple[bool, bool, bool]:
    """``(is_finished(text), is_title_text(text), is_subhead_text(text))``, computed
    together: the parser asks all three of every distinct line."""
    last = text.rstrip()[-1:]
    if not last:
        return is_finished(text), is_title_text(text), is_subhead_text(text)
    finished = is_finished(text)
    open_clause = last in _CLAUSE_OPEN_END
    lead = text[:1] in _LEAD_STARTS and STORY_LEAD_RE.match(text)
    titlish = not (len(text) > TITLE_MAX or open_clause or last in "。；;…：:"
                   or text.endswith("。”") or lead
                   or is_closing_note(text))  # the cheap tests first
    subheadish = (len(text) <= SUBHEAD_MAX and not open_clause and not finished
                  and not _INNER_PUNCT.search(text) and not lead)
    return finished, titlish, subheadish


LineKind = tuple[list[str] | None, list[str] | None, bool, bool, bool, bool, bool, bool, bool]
"""What the parser asks of a line: (byline names, credit names, page furniture?, finished?,
title-like?, subhead-like?, clause punctuation?, closing note?, anchor: a byline, credit or
page furniture?)."""


def line_kind(text: str) -> LineKind:
    """Everything the parser asks of a stripped, non-blank line, with as few expressions
    as can answer: one search for a comma or full stop, one for the characters the
    other rules look for inside a line (colons and slashes, the hints of furniture,
    credits and bylines), and each rule's own expression only where its characters are.

    The same answers as ``byline_names``, ``credit_names``, ``is_page_furniture`` (the
    first that answers, after ``may_be_anchor``), ``line_flags``,
    ``has_clause_punctuation`` and ``is_closing_note``; tests/core/test_textrules.py
    checks that it is."""
    n = len(text)
    first, last = text[0], text[-1]
    finished = last in _SENTENCE_END or (last in _FINISH_LATER and is_finished(text))
    clause = bool(_CLAUSE_PUNCT.search(text))
    if n > 60:  # too long for a title (40), a subhead (30) or an anchor (60)
        return None, None, False, finished, False, False, clause, is_closing_note(text), False
    marks = 0
    for mark in _MARKS.findall(text):  # most lines hold none
        marks |= _MARK_BITS[mark]
    open_clause = last in _CLAUSE_OPEN_END
    # a closing note is bracketed or holds a colon or a slash (is_closing_note)
    note = bool(marks & _COLON or first in _OPEN_BRACKETS) and is_closing_note(text)
    lead = first in _LEAD_STARTS and STORY_LEAD_RE.match(text)
    titlish = (n <= TITLE_MAX and not open_clause and last not in _TITLE_BAD_END
               and not text.endswith("。”") and not note and not lead)
    subheadish = n <= SUBHEAD_MAX and not (open_clause or finished or clause or lead)
    if first not in _ANCHOR_FIRST and not (marks & _HINT and _ANCHOR_HINT.search(text)):
        return None, None, False, finished, titlish, subheadish, clause, note, False
    if marks & _FURNITURE and is_page_furniture(text):
        return None, None, True, finished, titlish, subheadish, clause, note, True
    credit = credit_names(text) if marks & _CREDIT else None
    # a byline is names, roles, markers and separators: no full stop, no semicolon
    byline = (None if credit is not None or (clause and _STOPS.search(text))
              else byline_names(text))
    anchor = credit is not None or byline is not None
    return byline, credit, False, finished, titlish, subheadish, clause, note, anchor


_MARKS = re.compile("[:：/版年编页\\-—–－摄图校审值记通撰实]")
"""Colons and slashes (a closing note holds one) and the first character of every word
``_ANCHOR_HINT`` looks for: the characters ``line_kind`` asks about, found in one search."""
_COLON, _HINT, _FURNITURE, _CREDIT = 1, 2, 4, 8
"""What a character of ``_MARKS`` tells: a colon or slash (``is_closing_note``), a hint of
an anchor (``_ANCHOR_HINT``), of page furniture (``_FURNITURE_HINT``), of a credit
(``credit_names``)."""
_MARK_BITS = {
    **dict.fromkeys(":：/", _COLON), **dict.fromkeys("记通撰实", _HINT),
    **dict.fromkeys("版年编页-—–－校审值", _HINT | _FURNITURE),
    **dict.fromkeys("摄图", _HINT | _CREDIT),
}
_STOPS = re.compile("[。；;]")
_FINISH_LATER = frozenset(".") | _CLOSE_QUOTES | _CLOSE_BRACKETS
"""Last characters after which ``is_finished`` has more to look at."""
_TITLE_BAD_END = frozenset("。；;…：:")


def is_title_text(text: str) -> bool:
    """True if a line can be one line of a title: short and not the end of a sentence,
    nor a closing credit (``（本报记者X参与采写）``) or a story lead (``本报北京2月12日电``)."""
    if len(text) > TITLE_MAX or ends_open_clause(text) or is_closing_note(text):
        return False
    if _may_lead_story(text) and STORY_LEAD_RE.match(text):
        return False
    last = text.rstrip()[-1]
    return last not in "。；;…：:" and not text.endswith("。”")


def has_clause_punctuation(text: str) -> bool:
    """True if a line holds a comma or a full stop: it is prose, not a heading."""
    return bool(_CLAUSE_PUNCT.search(text))


def ends_like_slogan(text: str) -> bool:
    """True if a line ends as a slogan-like title may: ``…我们美丽的家园!``, ``…(通过)``."""
    return text.rstrip()[-1:] in _SLOGAN_ENDS


_SLOGAN_ENDS = frozenset("！？!?”」』)）")


def is_subhead_text(text: str) -> bool:
    """True if a line looks like a section subhead: short, no sentence punctuation inside,
    and not a story lead (``新华社北京3月2日电``, a lead's first line cut by a hard wrap:
    a lead opens a story, not a section)."""
    return (
        len(text) <= SUBHEAD_MAX
        and not _INNER_PUNCT.search(text)
        and not ends_open_clause(text)
        and not is_finished(text)
        and not (_may_lead_story(text) and STORY_LEAD_RE.match(text))
    )


def is_dateline(text: str) -> bool:
    """True for a parenthesised dateline under a title, e.g. ``(2024年8月30日…通过)``."""
    return (len(text) <= 80 and text[:1] in _OPEN_BRACKETS and bool(DATELINE_RE.match(text))
            and not is_closing_note(text))


def is_document_title(text: str) -> bool:
    """True for titles of documents printed without a byline (决议, 通知, 公告 …)."""
    return len(text) <= TITLE_MAX and bool(DOC_TITLE_RE.search(text))


def is_story_lead(text: str) -> bool:
    """True if a paragraph opens a story (``本报讯``, ``新华社北京8月30日电``)."""
    return text[:1] in _LEAD_STARTS and bool(STORY_LEAD_RE.match(text[:40]))


def _may_lead_story(text: str) -> bool:
    """A cheap test before STORY_LEAD_RE: a story lead opens with 本报, 新华社 or 中新."""
    return text[:1] in _LEAD_STARTS


_LEAD_STARTS = frozenset("本新中")


_KICKER_END = re.compile(r"(?:——|—|：|:|(?:时|上)?(?:强调|指出|表示|要求|希望|说))$")


def title_roles(lines: list[str]) -> list[str]:
    """The role of each title line, by position and form (not by length): ``kicker``,
    ``title`` or ``subtitle``.

    A line that leads into the headline (ending in ——, ：, or …时强调) is a kicker; a line
    opening with —— and a parenthesised dateline (``(2024年8月30日…通过)``) are subtitles and
    never the main title. Of the other lines the first is the title: the ones before it
    are kickers, the ones after it subtitles. A headline broken over lines mid-phrase is
    one title: a main title line too short to be a headline by itself (``南开区打造``,
    ``南开区科技局``) goes on into the next line.
    """
    roles = ["subtitle" if line.startswith(("——", "—")) or is_dateline(line) else ""
             for line in lines]
    main = next((i for i, line in enumerate(lines)
                 if not roles[i] and (not _KICKER_END.search(line) or i == len(lines) - 1
                                      or all(roles[i + 1:]))), None)
    if main is None:
        main = next((i for i, role in enumerate(roles) if not role), 0)
    last = main
    while last + 1 < len(lines) and not roles[last + 1] and _goes_on(lines[last]):
        last += 1
    return [role or ("kicker" if i < main else "title" if i <= last else "subtitle")
            for i, role in enumerate(roles)]


BROKEN_TITLE_MAX = 7
"""A main title line of at most this many characters, without a space or a closing mark,
is the first part of a headline broken over lines."""


def _goes_on(line: str) -> bool:
    text = line.strip()
    return (0 < len(text) <= BROKEN_TITLE_MAX and " " not in text and "\u3000" not in text
            and text[-1] not in "！？!?。”」』）)")
