"""Inputs found by fuzzing: each once crashed or slowed the parser; they stay fixed here."""

from __future__ import annotations

import time
from collections.abc import Callable

from reader.core.parse import parse_text

WHOLE = "这是一段在文件开头出现的完整段落，后面还会再次出现一次。"


def test_repeated_top_paragraph_with_an_unfinished_article_between_is_parsed() -> None:
    # The copy at the top pointed at a tail that was then reattached to an article:
    # ``duplicate_of`` named a draft that was no longer in the issue (ValueError).
    text = "\n\n".join([WHOLE, WHOLE, "记者 王五 摄", WHOLE, "■ 记者 张三",
                       "这是一段没有写完的文字，后面的内容"]) + "\n"
    issue = parse_text(text)
    for item in issue.items:
        if item.duplicate_of is not None:
            assert 0 <= item.duplicate_of < len(issue.items)
            assert issue.items[item.duplicate_of] is not item


def test_a_copy_never_lands_inside_another_article() -> None:
    text = "\n\n".join([WHOLE, "标题一", "■ 记者 张三", "这篇文章没有写完，后面的内容",
                       "▲照片说明文字。", "记者 王五 摄", WHOLE]) + "\n"
    issue = parse_text(text)
    article = next(i for i in issue.items if i.title_lines == ["标题一"])
    assert WHOLE not in article.body


def _cpu_seconds(text: str) -> float:
    """The CPU time of parsing ``text`` (best of two: other processes do not count)."""
    best = float("inf")
    for _ in range(2):
        started = time.process_time()
        parse_text(text)
        best = min(best, time.process_time() - started)
    return best


def _grows_linearly(make: Callable[[int], str]) -> bool:
    """Four times the input takes well under the sixteen times a quadratic path would."""
    small, large = _cpu_seconds(make(1)), _cpu_seconds(make(4))
    return large < 8 * small + 0.05


def test_repeated_items_parse_in_linear_time() -> None:
    # 510 kB of one item repeated took 36 s: every copy was compared with every other.
    item = ("市政府召开常务会议\n\n■ 记者 张伟\n\n会议研究部署城市更新工作，要求各区抓紧制定方案。\n\n"
            "会议强调，要确保按期开工建设，不留死角。\n\n")
    assert _grows_linearly(lambda k: item * (k * 60_000 // len(item.encode("utf-8"))))


def test_a_million_short_lines_is_linear() -> None:
    # 1 million short lines took 7.6 min: each line looked at all the lines after it.
    assert _grows_linearly(lambda k: "南开区会议工作\n" * (k * 20_000))
