"""Reading an issue's date, edition and number from names, folders and page headers; the
values a user types; name patterns."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.issue_details import (
    FOLDER,
    NAME,
    TEXT,
    USER,
    DetailError,
    Details,
    combine,
    compile_pattern,
    date_in_name,
    details_from_name,
    details_from_text,
    match_pattern,
    user_date,
    user_edition,
    user_number,
    with_key,
)
from reader.core.parse import parse_text
from tests.conftest import SAMPLES

WEEKDAYS = "一二三四五六日"
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
BODY = ("会议指出，2019年3月5日以来，全区完成投资11.07亿元。据悉，2023年5月18日，"
        "南开高教科创园开园。今年1月8日实施后，我市颁发首批证书。")

dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31))


def header(day: date, weekday: int | None = None) -> str:
    mark = WEEKDAYS[day.weekday() if weekday is None else weekday]
    return f"{day.year}年{day.month}月{day.day}日 星期{mark}"


# ---------------------------------------------------------------- names and folders


@pytest.mark.parametrize(("name", "expected"), [
    ("天津日报_2024-08-30.txt", "2024-08-30"),
    ("tjrb20240830.txt", "2024-08-30"),
    ("2024年8月3日 第5版.txt", "2024-08-03"),
    ("2024.12.01.txt", "2024-12-01"),
    ("2024_08_30.txt", "2024-08-30"),
    ("２０２４年８月３０日.txt", "2024-08-30"),
    ("二〇二四年八月三十日.txt", "2024-08-30"),
    ("二〇二四年十二月廿七日.txt", "2024-12-27"),
    ("000_14aa8d10cf9712b6.txt", None),
    ("20241340.txt", None),
    ("2024-02-30.txt", None),
    ("a1b2c3d420240830ffee.txt", None),
    ("第1234期.txt", None),
])
def test_dates_from_file_names(name: str, expected: str | None) -> None:
    assert date_in_name(name) == expected


@pytest.mark.parametrize(("key", "expected"), [
    ("2024/08/30/01.txt", Details("2024-08-30", "01", None, FOLDER, NAME, "")),
    ("2024/08/30/A04.txt", Details("2024-08-30", "A04", None, FOLDER, NAME, "")),
    ("2024/08/30.txt", Details("2024-08-30", None, None, FOLDER, "", "")),
    ("2024-08/30.txt", Details("2024-08-30", None, None, FOLDER, "", "")),
    ("2024/0830.txt", Details("2024-08-30", None, None, FOLDER, "", "")),
    ("2024-08-30/第3版.txt", Details("2024-08-30", "3", None, FOLDER, NAME, "")),
    ("2024年8月30日/要闻.txt", Details("2024-08-30", None, None, FOLDER, "", "")),
    ("南开报_20240830_01版.txt", Details("2024-08-30", "01", None, NAME, NAME, "")),
    ("20240830_A04.txt", Details("2024-08-30", "A04", None, NAME, NAME, "")),
    ("2024/20240831.txt", Details("2024-08-31", None, None, NAME, "", "")),
    ("第1234期/2024-08-30.txt", Details("2024-08-30", None, "1234", NAME, "", FOLDER)),
    ("2024-08-30 第1234期 总第5678期.txt", Details("2024-08-30", None, "1234", NAME, "", NAME)),
    ("2024/02/30.txt", Details()),
    ("2024/13/01/01.txt", Details()),
    ("归档/000_14aa8d10cf9712b6.txt", Details()),
    ("今日8版.txt", Details()),
])
def test_details_from_names_and_folders(key: str, expected: Details) -> None:
    assert details_from_name(key) == expected


def test_the_seeds_names_and_texts_carry_nothing() -> None:
    seeds = sorted(SAMPLES.glob("*.txt"))
    assert len(seeds) == 5
    for path in seeds:
        assert details_from_name(path.name) == Details()
        assert details_from_text(path.read_text(encoding="utf-8")) == Details()
        issue = parse_text(path.read_text(encoding="utf-8"), path.name)
        assert (issue.date, issue.edition, issue.number, issue.read_from) == \
            (None, None, None, {})


@given(dates, st.sampled_from(["{:%Y-%m-%d}", "{:%Y%m%d}", "{:%Y_%m_%d}", "{:%Y.%m.%d}",
                               "{d.year}年{d.month}月{d.day}日", "{d.year}-{d.month}-{d.day}"]),
       st.sampled_from(["", "南开报_", "tjrb", "晚报 "]), st.sampled_from(["", "_01版", " 第3版"]))
def test_any_date_written_in_a_name_is_read(day: date, form: str, before: str,
                                            after: str) -> None:
    written = form.format(day, d=day)
    assert details_from_name(f"{before}{written}{after}.txt").date == day.isoformat()
    wide = f"{before}{written.translate(FULL_WIDTH)}{after}.txt"
    assert details_from_name(wide).date == day.isoformat()


@given(st.integers(1900, 2099), st.integers(1, 12), st.integers(29, 31))
def test_a_day_that_does_not_exist_is_never_read(year: int, month: int, day: int) -> None:
    try:
        date(year, month, day)
    except ValueError:
        assert details_from_name(f"{year}-{month:02d}-{day:02d}.txt").date is None
        assert details_from_name(f"{year}/{month:02d}/{day:02d}/01.txt").date is None
        with pytest.raises(DetailError, match="is not a date"):
            user_date(f"{year}-{month:02d}-{day:02d}")


@given(dates)
def test_year_month_day_folders(day: date) -> None:
    found = details_from_name(f"{day:%Y}/{day:%m}/{day:%d}/01.txt")
    assert (found.date, found.date_from, found.edition) == (day.isoformat(), FOLDER, "01")


# ---------------------------------------------------------------- page headers


@pytest.mark.parametrize("head", [
    "2024年8月30日 星期五",
    "2024年8月30日 星期五 农历甲辰年七月廿七",
    "南开报\n2024年8月30日 星期五\n今日8版",
    "南开报 2024年8月30日",
    "2024年8月30日\n第1234期",
    "二〇二四年八月三十日 星期五",
    "２０２４年８月３０日　星期五",
    "第01版：要闻\n2024年8月30日 周五 国内统一连续出版物号 CN12-0001",
])
def test_a_dated_page_header_at_the_top_gives_the_date(head: str) -> None:
    text = f"{head}\n\n南开区召开会议\n\n■ 记者 王芳\n\n{BODY}\n"
    assert details_from_text(text).date == "2024-08-30"
    assert details_from_text(text).date_from == TEXT


@pytest.mark.parametrize("text", [
    f"南开区召开会议\n\n■ 记者 王芳\n\n{BODY}\n",
    "2019年3月\n\n标题\n\n正文。\n",
    "（2024年8月30日中国共产党天津市南开区第十二届委员会第十次全体会议通过）\n正文。",
    "南开区2024年8月30日起实施新规\n\n正文。\n",
    "会议于2024年8月30日召开\n\n正文。\n",
    "2024年8月30日，南开区召开会议。\n",
    "2024年8月31日 星期五\n\n标题\n\n正文。\n",   # the weekday does not match
    "2024年2月30日 星期五\n\n标题\n",
    "标题\n\n■ 记者 王芳\n\n关于开展工作的通知\n南开区人民政府\n2024年8月30日\n",
    "2024年8月30日 星期五\n2024年8月29日 星期四\n\n标题\n",
])
def test_no_date_from_text_that_is_not_a_page_header(text: str) -> None:
    assert details_from_text(text).date is None


def test_page_headers_repeated_on_every_page_give_their_date() -> None:
    page = f"标题\n\n■ 记者 王芳\n\n{BODY}\n\n"
    text = "".join(f"{page}南开报 2024年8月30日 星期五 第{n}版\n\n" for n in range(1, 4))
    text += "2019年3月1日 星期五\n\n"  # one stray header does not outvote three
    found = details_from_text(text)
    assert found.date == "2024-08-30" and found.edition is None  # three pages: no edition


def test_one_stray_header_in_the_text_is_not_the_date() -> None:
    assert details_from_text(f"标题\n\n{BODY}\n\n2024年8月30日 星期五\n\n{BODY}\n").date is None


def test_number_and_edition_from_headers() -> None:
    text = "南开报\n2024年8月30日 星期五 第1234期 总第5678期\n第03版：要闻\n\n标题\n\n正文。\n"
    found = details_from_text(text)
    assert (found.date, found.number, found.edition) == ("2024-08-30", "1234", "03")
    assert details_from_text("今日8版\n\n标题\n\n正文。\n").edition is None
    assert details_from_text("标题\n\n本期第3期培训班开班。\n").number is None


@given(dates, st.lists(st.sampled_from([BODY, "2019年3月1日，他来到南开区。", "标题",
                                        "■ 记者 王芳", "第十四次工作会议。"]), max_size=8))
def test_a_header_with_its_weekday_is_read_whatever_follows(day: date,
                                                           paragraphs: list[str]) -> None:
    body = "\n\n".join(paragraphs)
    assert details_from_text(f"{header(day)}\n\n{body}\n").date == day.isoformat()
    wrong = (day.weekday() + 1) % 7
    assert details_from_text(f"{header(day, wrong)}\n\n{body}\n").date is None
    assert details_from_text(f"标题\n\n{body}\n").date is None


@given(dates, dates)
def test_dates_in_sentences_are_never_the_issue_date(first: date, second: date) -> None:
    text = (f"{first.year}年{first.month}月{first.day}日，会议召开。\n\n"
            f"{second.year}年{second.month}月{second.day}日 星期{WEEKDAYS[second.weekday()]}，"
            f"活动举行。\n\n({first.year}年{first.month}月{first.day}日通过)\n")
    assert details_from_text(text).date is None


# ---------------------------------------------------------------- combining


def test_the_name_comes_before_the_folders_and_the_folders_before_the_text() -> None:
    read = combine(details_from_name("01.txt"),
                   details_from_text("2024年8月29日 星期四\n第12期\n\n标题\n"))
    assert (read.date, read.date_from, read.number_from) == ("2024-08-29", TEXT, TEXT)
    keyed = with_key(read, "2024/08/30/01.txt")
    assert (keyed.date, keyed.date_from) == ("2024-08-30", FOLDER)
    assert (keyed.edition, keyed.number, keyed.number_from) == ("01", "12", TEXT)
    assert with_key(read, "01.txt") == read


def test_parse_reads_name_and_text() -> None:
    issue = parse_text("2024年8月30日 星期五 第1234期\n\n标题\n\n■ 记者 王芳\n\n正文。\n",
                       "南开报_01版.txt")
    assert (issue.date, issue.edition, issue.number) == ("2024-08-30", "01", "1234")
    assert issue.read_from == {"date": TEXT, "edition": NAME, "number": TEXT}


def test_a_header_that_contradicts_the_name_is_a_warning() -> None:
    issue = parse_text("2024年8月29日 星期四\n\n标题\n\n■ 记者 王芳\n\n正文。\n", "2024-08-30.txt")
    assert issue.date == "2024-08-30" and issue.read_from["date"] == NAME
    assert "the file name says 2024-08-30 but the page headers say 2024-08-29" in \
        issue.warnings[-1]
    agreeing = parse_text("2024年8月30日 星期五\n\n标题\n\n正文。\n", "2024-08-30.txt")
    assert not any("page headers" in w for w in agreeing.warnings)


# ---------------------------------------------------------------- typed values


@pytest.mark.parametrize(("typed", "expected"), [
    ("2024-08-30", "2024-08-30"), ("2024/8/30", "2024-08-30"), ("20240830", "2024-08-30"),
    ("2024年8月30日", "2024-08-30"), (" ２０２４-０８-３０ ", "2024-08-30"),
    ("2024-02-29", "2024-02-29"),
])
def test_typed_dates(typed: str, expected: str) -> None:
    assert user_date(typed) == expected


@pytest.mark.parametrize(("typed", "message"), [
    ("2024-02-30", "“2024-02-30” is not a date: 2024-02 has 29 days"),
    ("2023-02-29", "“2023-02-29” is not a date: 2023-02 has 28 days"),
    ("2024-13-01", "there is no month 13"),
    ("2024830", "write it as 2024-08-30"),
    ("昨天", "write it as 2024-08-30"),
    ("0999-01-01", "outside 1800–2200"),
])
def test_typed_dates_that_are_not_dates_say_why(typed: str, message: str) -> None:
    with pytest.raises(DetailError, match=message):
        user_date(typed)


def test_typed_editions_and_numbers() -> None:
    assert [user_edition(t) for t in ("01", "第3版", "a04", "A04版", " 7 ")] == \
        ["01", "3", "A04", "A04", "7"]
    assert [user_number(t) for t in ("1234", "第1234期", "总第5678期", "０１２")] == \
        ["1234", "1234", "5678", "12"]
    for bad in ("第3 4版", "a-b", ""):
        with pytest.raises(DetailError):
            user_edition(bad)
    for bad in ("十二", "12a", "第期"):
        with pytest.raises(DetailError, match="not an issue number"):
            user_number(bad)


# ---------------------------------------------------------------- patterns


def test_a_pattern_gives_what_its_fields_capture() -> None:
    pattern = compile_pattern("{date:%Y%m%d}_{edition}.txt")
    assert match_pattern(pattern, "20240830_01.txt").details == \
        Details("2024-08-30", "01", None, USER, USER, "")
    assert match_pattern(pattern, "sub/20240830_A04.TXT").details == \
        Details("2024-08-30", "A04", None, USER, USER, "")
    assert match_pattern(pattern, "notes.txt").problem == "the name does not match"
    assert "2024-02 has 29 days" in match_pattern(pattern, "20240230_01.txt").problem


@pytest.mark.parametrize(("pattern", "key", "expected"), [
    ("{date}.txt", "2024年8月30日.txt", ("2024-08-30", None, None)),
    ("*_{date}.txt", "南开报_2024-08-30.txt", ("2024-08-30", None, None)),
    ("{date:%Y/%m/%d}/{edition}.txt", "2024/08/30/03.txt", ("2024-08-30", "03", None)),
    ("{date:%Y/%m}/{date:%d}.txt", "", None),
    ("**/第{number}期.txt", "2024/08/第12期.txt", (None, None, "12")),
    ("{date:%Y年%-m月%-d日}第{edition}版.txt", "2024年8月3日第5版.txt", ("2024-08-03", "5", None)),
    ("{{{number}}}.txt", "{12}.txt", (None, None, "12")),
])
def test_pattern_forms(pattern: str, key: str,
                       expected: tuple[str | None, ...] | None) -> None:
    if expected is None:
        with pytest.raises(DetailError):
            compile_pattern(pattern)
        return
    details = match_pattern(compile_pattern(pattern), key).details
    assert details is not None and (details.date, details.edition, details.number) == expected


@pytest.mark.parametrize(("pattern", "message"), [
    ("", "empty"), ("{dates}.txt", "unknown field {dates}"), ("*.txt", "sets nothing"),
    ("{date:%Y%d}.txt", "needs %Y, %m and %d"), ("{date:%Y%m%d%H}.txt", "%H is not a date part"),
    ("{edition:%d}.txt", "only {date} takes a format"), ("{date.txt", "lone “{”"),
])
def test_bad_patterns_say_why(pattern: str, message: str) -> None:
    with pytest.raises(DetailError, match=message.replace("{", r"\{").replace("}", r"\}")
                       .replace("%", "%").replace("(", r"\(")):
        compile_pattern(pattern)


@given(dates, st.from_regex(r"[A-H]?[0-9]{2}", fullmatch=True),
       st.sampled_from(["{date:%Y%m%d}_{edition}.txt", "{date:%Y-%m-%d}/{edition}版.txt",
                        "*{date:%Y年%-m月%-d日}*第{edition}版.txt"]))
def test_patterns_read_back_what_they_describe(day: date, edition: str, pattern: str) -> None:
    name = (pattern.replace("{date:%Y%m%d}", f"{day:%Y%m%d}")
            .replace("{date:%Y-%m-%d}", f"{day:%Y-%m-%d}")
            .replace("{date:%Y年%-m月%-d日}", f"{day.year}年{day.month}月{day.day}日")
            .replace("{edition}", edition).replace("*", "南开报_"))
    details = match_pattern(compile_pattern(pattern), name).details
    assert details is not None and (details.date, details.edition) == (day.isoformat(), edition)
    later = day + timedelta(days=1)
    assert match_pattern(compile_pattern(pattern), f"x{later}.doc").details is None


def test_seed_file_names_match_no_date_pattern() -> None:
    pattern = compile_pattern("{date}*.txt")
    assert all(match_pattern(pattern, p.name).details is None
               for p in Path(SAMPLES).glob("*.txt"))
