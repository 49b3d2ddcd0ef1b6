"""Property tests: generated issues parse back to what was generated; nothing is ever lost."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from reader.core.decode import decode_bytes
from reader.core.model import Issue
from reader.core.parse import parse_decoded, parse_text

WORDS = [
    "城市", "发展", "经济", "会议", "工作", "建设", "推动", "全面", "改革", "创新", "产业",
    "服务", "企业", "项目", "管理", "教育", "社会", "人民", "群众", "国家", "中心", "提升",
    "加强", "重点", "实施", "生态", "绿色", "科技", "人才", "街道", "社区", "居民", "安全",
]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏飞鑫宇浩然泽岚峥进"


@dataclass
class Expected:
    kind: str
    title_lines: list[str]
    bylines: list[str]
    paragraphs: list[tuple[str, str]] = field(default_factory=list)


def phrase(draw: st.DrawFn, low: int, high: int) -> str:
    return "".join(draw(st.lists(st.sampled_from(WORDS), min_size=low, max_size=high)))


def name(draw: st.DrawFn) -> str:
    surname = draw(st.sampled_from(SURNAMES))
    return surname + "".join(draw(st.lists(st.sampled_from(GIVEN), min_size=1, max_size=2)))


def sentence_paragraph(draw: st.DrawFn, serial: int) -> str:
    clauses = draw(st.integers(1, 6))
    body = "，".join(phrase(draw, 2, 8) for _ in range(clauses))
    return f"第{serial}段{body}。"


@st.composite
def articles(draw: st.DrawFn, serial: int) -> tuple[list[str], Expected]:
    titles = [phrase(draw, 2, 8) for _ in range(draw(st.integers(1, 3)))]
    names = list(dict.fromkeys(name(draw) for _ in range(draw(st.integers(1, 3)))))
    role = draw(st.sampled_from(["■ 通讯员 ", "■ 记者 ", "本报记者 ", "记者 "]))
    title_sep = draw(st.sampled_from(["\n", "\n\n"]))
    blocks = [title_sep.join(titles), role + " ".join(names)]
    expected = Expected("article", titles, names)
    for n in range(draw(st.integers(1, 5))):
        if n and draw(st.booleans()) and draw(st.booleans()):
            subhead = phrase(draw, 2, 5) + " " + phrase(draw, 2, 5)
            blocks.append(subhead)
            expected.paragraphs.append(("subhead", subhead))
        text = sentence_paragraph(draw, serial * 10 + n)
        expected.paragraphs.append(("text", text))
        blocks += split_by_column_break(draw, text)
    return blocks, expected


def split_by_column_break(draw: st.DrawFn, text: str) -> list[str]:
    """Cut a paragraph where a column break would: mid-word, after a comma, anywhere."""
    cuts = [i for i in range(1, len(text) - 1) if "，" in text[:i] and text[i - 1] != "。"]
    if not cuts or not draw(st.booleans()):
        return [text]
    cut = draw(st.sampled_from(cuts))
    return [text[:cut], text[cut:]]


@st.composite
def photos(draw: st.DrawFn, serial: int) -> tuple[list[str], Expected]:
    caption = sentence_paragraph(draw, serial * 10)
    photographer = name(draw)
    credit = draw(st.sampled_from(["通讯员 {} 摄", "■ 通讯员 {} 摄", "记者 {} 摄"]))
    marker = draw(st.sampled_from(["▲", ""]))
    title = [phrase(draw, 2, 4)] if draw(st.booleans()) else []
    blocks = [*title, marker + caption, credit.format(photographer)]
    return blocks, Expected("photo", title, [photographer], [("caption", caption)])


@st.composite
def issues(draw: st.DrawFn) -> tuple[str, list[Expected]]:
    blocks: list[str] = []
    expected: list[Expected] = []
    count = draw(st.integers(1, 6))
    for serial in range(1, count + 1):
        make = photos if blocks and draw(st.integers(0, 3)) == 0 else articles
        item_blocks, item = draw(make(serial))
        blocks += item_blocks
        expected.append(item)
    gap = draw(st.sampled_from(["\n\n", "\n\n\n"]))
    return "\n" * draw(st.integers(0, 3)) + gap.join(blocks) + "\n", expected


def shape(issue: Issue) -> list[Expected]:
    return [
        Expected(i.kind, i.title_lines, i.bylines, [(p.kind, p.text) for p in i.paragraphs])
        for i in issue.items
    ]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(issues())
def test_generated_issues_parse_back_exactly(case: tuple[str, list[Expected]]) -> None:
    text, expected = case
    assert shape(parse_text(text)) == expected


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(issues(), st.sampled_from(["gb18030", "utf-16", "utf-8-sig"]), st.booleans())
def test_generated_issues_survive_other_encodings(
    case: tuple[str, list[Expected]], encoding: str, crlf: bool
) -> None:
    text, expected = case
    data = (text.replace("\n", "\r\n") if crlf else text).encode(encoding)
    assert shape(parse_decoded(decode_bytes(data, "x.txt"))) == expected


def _accounted(issue: Issue) -> str:
    return "".join(
        "".join(i.title_lines) + i.byline + i.credit + "".join(p.text for p in i.paragraphs)
        for i in issue.items
    )


def _chars(text: str) -> Counter[str]:
    return Counter(ch for ch in text if not ch.isspace())


MESSY = st.text(
    alphabet=st.sampled_from(
        [*"南开区记者通讯员摄本报讯电王李张刘会议工作。，、！？…“”()（）■▲●:：;0123456789",
         "\n", "\n", " ", "\u3000", "\t"]
    ),
    max_size=400,
)


@settings(max_examples=500, deadline=None)
@given(st.one_of(MESSY, st.text(max_size=300), issues().map(lambda c: c[0])))
def test_nothing_is_lost_on_any_text(text: str) -> None:
    issue = parse_text(text)
    lost = _chars(text) - _chars(_accounted(issue))
    assert set(lost) <= {"■", "▲", "●", "□", "◆", "◇", "△", "★", "☆", "▶", "►", "◎"}
    assert _chars(_accounted(issue)) - _chars(text) == Counter()
    assert [i.index for i in issue.items] == list(range(len(issue.items)))


# ---------------------------------------------------------------- pages in other papers' forms
# Flush-left titles over indented one-line paragraphs, no byline lines (a crawler's page
# dump), and the same pages hard-wrapped at a column width with page footers (PDF text).

INDENT = "\u3000\u3000"


@st.composite
def flush_articles(draw: st.DrawFn, serial: int, long: bool) -> tuple[list[str], Expected]:
    titles = [phrase(draw, 2, 3) + ("——" if n == 0 and draw(st.booleans()) else "")
              for n in range(draw(st.integers(1, 3)))]
    reporter = name(draw)
    lead = draw(st.sampled_from(["", "本报北京3月2日电  （记者 {}）", "新华社北京3月2日电  ",
                                 "本报讯（记者 {}）"]))
    bylines = [reporter] if "{}" in lead else []
    lines, expected = list(titles), Expected("article", titles, bylines)
    if not lead and draw(st.integers(0, 3)) == 0:
        lines.append(INDENT + "本报记者  " + reporter)
        expected.bylines = [reporter]
    for n in range(draw(st.integers(2 if long else 1, 5))):
        if n and draw(st.integers(0, 3)) == 0:
            subhead = phrase(draw, 2, 5)
            lines.append(INDENT + subhead)
            expected.paragraphs.append(("subhead", subhead))
        text = sentence_paragraph(draw, serial * 10 + n)
        if long:
            text = text[:-1] + "，" + sentence_paragraph(draw, 0)[3:]
        if n == 0 and lead:
            text = lead.format(reporter) + text
        lines.append(INDENT + text)
        expected.paragraphs.append(("text", text))
    return lines, expected


@st.composite
def flush_photos(draw: st.DrawFn, serial: int) -> tuple[list[str], Expected]:
    title, caption, photographer = phrase(draw, 2, 3), sentence_paragraph(draw, serial), name(draw)
    credit = draw(st.sampled_from(["{}摄（新华社发）", "{}/摄", "记者 {} 摄"])).format(photographer)
    lines = [title, INDENT + caption, INDENT + credit]
    return lines, Expected("photo", [title], [photographer], [("caption", caption)])


@st.composite
def flush_pages(draw: st.DrawFn, long: bool = False) -> tuple[list[list[str]], list[Expected]]:
    items: list[list[str]] = []
    expected: list[Expected] = []
    for serial in range(1, draw(st.integers(3 if long else 1, 6)) + 1):
        make = (flush_photos(serial) if items and not long and draw(st.integers(0, 3)) == 0
                else flush_articles(serial, long))
        lines, item = draw(make)
        if draw(st.booleans()):
            lines.insert(len(item.title_lines), "")  # a blank line after the title
        items.append(lines)
        expected.append(item)
    return items, expected


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(flush_pages(), st.sampled_from(["\n", "\n\n"]), st.booleans())
def test_flush_title_pages_parse_back_exactly(
    case: tuple[list[list[str]], list[Expected]], between: str, crlf: bool
) -> None:
    items, expected = case
    text = between.join("\n".join(lines) for lines in items) + "\n"
    data = (text.replace("\n", "\r\n") if crlf else text).encode("utf-8")
    issue = parse_decoded(decode_bytes(data, "page.txt"))
    assert shape(issue) == expected
    assert _chars(_accounted(issue)) == _chars(text)


def _squeezed(items: list[Expected]) -> list[Expected]:
    return [Expected(i.kind, i.title_lines, i.bylines,
                     [(k, "".join(t.split())) for k, t in i.paragraphs]) for i in items]


def _wrap(line: str, width: int) -> list[str]:
    return [line[i:i + width] for i in range(0, len(line), width)] or [line]


def _article(title: str, paragraphs: list[str], reporter: str | None = None
             ) -> tuple[list[str], Expected]:
    """One item of ``flush_pages`` written out (for explicit examples)."""
    lines = [title, *(INDENT + p for p in paragraphs)]
    return lines, Expected("article", [title], [reporter] if reporter else [],
                           [("text", p) for p in paragraphs])


def _page(*articles: tuple[list[str], Expected]) -> tuple[list[list[str]], list[Expected]]:
    return [lines for lines, _ in articles], [item for _, item in articles]


# A lead that fills a wrapped line exactly (width 20) and ends in its byline bracket,
# with the body going on flush below it.
LEAD_FILLS_A_LINE = _page(
    _article("城市会议", ["本报北京3月2日电  （记者 王伟）第10段城市城市，城市城市，城市城市，城市城市。",
                       "第11段工作会议，工作会议。"], "王伟"),
    _article("发展改革", ["第20段城市发展，城市发展。", "第21段城市发展，城市发展。"]),
    _article("科技人才", ["第30段城市发展，城市发展。", "第31段城市发展，城市发展。"]),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(flush_pages(long=True), st.integers(16, 26), st.lists(st.integers(0, 999), max_size=3))
@example(LEAD_FILLS_A_LINE, 20, [])
def test_hard_wrapped_pdf_pages_are_rejoined(
    case: tuple[list[list[str]], list[Expected]], width: int, footers: list[int]
) -> None:
    items, expected = case
    lines = [wrapped for item in items for line in item
             for wrapped in (_wrap(line, width) if line.startswith(INDENT) else [line])]
    for place in footers:  # page footers anywhere between lines
        at = 1 + place % (len(lines) - 1)
        lines.insert(at, f"第 {at} 页")
    text = "\n".join(lines) + "\n"
    issue = parse_text(text, "pdf.txt")
    content = [i for i in issue.items if not (i.kind == "fragment" and i.paragraphs
                                               and i.paragraphs[0].text.startswith("第 "))]
    got = shape(Issue(issue.title, None, issue.source, content))
    assert _squeezed(got) == _squeezed(expected)  # a space at a line break is not kept
    assert _chars(_accounted(issue)) == _chars(text)
