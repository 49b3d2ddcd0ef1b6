"""The GB/T 7714-2015 newspaper citation: every part, and every part missing."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.citation import authors_part, citation, date_part, edition_part, with_passage

TITLE = "南开区一季度完成全年预算27.2%"


def test_the_example_of_the_issue() -> None:
    assert citation(["王英浩", "阎家言"], TITLE, "南开报", "2024-08-30", "01") == \
        "王英浩, 阎家言. 南开区一季度完成全年预算27.2%[N]. 南开报, 2024-08-30(01)."


@pytest.mark.parametrize(("names", "expected"), [
    ([], ""),
    (["刘峰"], "刘峰"),
    (["甲", "乙", "丙"], "甲, 乙, 丙"),
    (["甲", "乙", "丙", "丁"], "甲, 乙, 丙, 等"),
    (["甲", "乙", "丙", "丁", "戊"], "甲, 乙, 丙, 等"),
    (["  甲 ", "", "乙\n"], "甲, 乙"),
])
def test_up_to_three_authors_then_deng(names: list[str], expected: str) -> None:
    assert authors_part(names) == expected


def test_four_authors_in_a_citation() -> None:
    assert citation(["甲", "乙", "丙", "丁"], "题", "报", "2024-01-02") == \
        "甲, 乙, 丙, 等. 题[N]. 报, 2024-01-02."


@pytest.mark.parametrize(("edition", "expected"), [
    ("01", "01"), ("1", "01"), ("第1版", "01"), ("第 12 版", "12"), ("３", "03"),
    ("A3", "A3"), ("要闻", "要闻"), ("", ""), (None, ""), ("  ", ""), ("100", "100"),
])
def test_edition_is_two_digits_when_it_is_a_number(edition: str | None, expected: str) -> None:
    assert edition_part(edition) == expected


@pytest.mark.parametrize(("date", "expected"), [
    ("2024-08-30", "2024-08-30"), ("2024-08-30T00:00:00", "2024-08-30"),
    ("2024-08-30 08:00", "2024-08-30"), ("2024-08", "2024-08"), (None, ""), ("", ""),
])
def test_date_is_iso_without_time(date: str | None, expected: str) -> None:
    assert date_part(date) == expected


@pytest.mark.parametrize(("args", "expected"), [
    (([], TITLE, "南开报", "2024-08-30", "01"), f"{TITLE}[N]. 南开报, 2024-08-30(01)."),
    ((["王英浩"], "", "南开报", "2024-08-30", None), "王英浩. 南开报, 2024-08-30."),
    ((["王英浩"], TITLE, "", "2024-08-30", "01"), f"王英浩. {TITLE}[N]. 2024-08-30(01)."),
    ((["王英浩"], TITLE, "南开报", None, "01"), f"王英浩. {TITLE}[N]. 南开报(01)."),
    ((["王英浩"], TITLE, "南开报", None, None), f"王英浩. {TITLE}[N]. 南开报."),
    ((["王英浩"], TITLE, "南开报", "2024-08-30", ""), f"王英浩. {TITLE}[N]. 南开报, 2024-08-30."),
    (([], TITLE, "", None, None), f"{TITLE}[N]."),
    (([], "", "", None, None), ""),
    (([], "", "", None, "3"), "(03)."),
])
def test_missing_parts_leave_no_trace(args: tuple[list[str], str, str, str | None, str | None],
                                      expected: str) -> None:
    assert citation(*args) == expected


def test_titles_over_several_lines_are_one_line() -> None:
    assert citation([], "南开区向阳路街\n多项举措消除隐患", "报", None) == \
        "南开区向阳路街 多项举措消除隐患[N]. 报."


def test_an_author_that_ends_with_a_full_stop_gets_no_second_one() -> None:
    assert citation(["J. Smith."], "T", "P", None) == "J. Smith. T[N]. P."


WORDS = st.text(alphabet="甲乙丙报题南开 \n\t0123第版A", max_size=8)


@given(st.lists(WORDS, max_size=5), WORDS, WORDS, st.one_of(st.none(), WORDS),
       st.one_of(st.none(), WORDS))
def test_never_none_nor_empty_brackets(authors: list[str], title: str, paper: str,
                                       date: str | None, edition: str | None) -> None:
    text = citation(authors, title, paper, date, edition)
    assert "None" not in text and "()" not in text and ".." not in text
    assert ", ." not in text and ", ," not in text and "[N]" not in text.replace("[N].", "")
    assert "\n" not in text and "\t" not in text and text == text.strip()
    assert text == "" or text.endswith(".")


def test_the_clipboard_holds_the_passage_then_the_citation() -> None:
    cited = citation(["王英浩"], TITLE, "南开报", "2024-08-30")
    assert with_passage("收入规模\n", cited) == f"收入规模\n{cited}"
    assert with_passage("", cited) == cited
