"""An issue's date, edition (版次) and number (期): read from its file name, its folders and
its page headers, typed by the user, or taken from a name pattern.

Everything here is conservative: a value is only read where it stands in the place a
paper prints it (a name, a page header at the top of the file, headers repeated on every
page); a date in the text of an article is never the issue's date. Each value says where
it came from (``name``, ``folder``, ``text`` or ``user``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from pathlib import PurePosixPath

from reader.core import textrules
from reader.core.model import Issue

NAME, FOLDER, TEXT, USER = "name", "folder", "text", "user"
ORIGINS = (NAME, FOLDER, TEXT, USER)
FIELDS = ("date", "edition", "number")
YEARS = range(1800, 2201)
"""Years an issue can have: the years of a four-digit run outside them are no date."""
HEAD_LINES = 8
"""Non-blank lines at the top of a file that can be its page header."""
REMAINDER_MAX = 16
"""Characters a page header may hold besides its dates and numbers (a paper's or a
section's name); a longer line is text, not a header."""


class DetailError(ValueError):
    """A value or pattern the user typed that cannot be used; the message says why."""


@dataclass(frozen=True)
class Details:
    """Date (ISO), edition and number of an issue, each with where it came from."""

    date: str | None = None
    edition: str | None = None
    number: str | None = None
    date_from: str = ""
    edition_from: str = ""
    number_from: str = ""

    def origin(self, name: str) -> str:
        return str(getattr(self, f"{name}_from"))

    def value(self, name: str) -> str | None:
        found = getattr(self, name)
        return None if found is None else str(found)

    def with_value(self, name: str, value: str | None, origin: str) -> Details:
        changes: dict[str, object] = {name: value, f"{name}_from": origin if value else ""}
        return replace(self, **changes)  # type: ignore[arg-type]


def combine(*found: Details) -> Details:
    """Each field from the first of ``found`` that has it (the first has precedence)."""
    result = Details()
    for name in FIELDS:
        for details in found:
            if details.value(name) is not None:
                result = result.with_value(name, details.value(name), details.origin(name))
                break
    return result


# ---------------------------------------------------------------- dates

_CN_DIGITS = {c: n for n, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0, "Ｏ": 0}
_DATE_SEP = re.compile(
    r"(?<!\d)(\d{4})\s*[-_./年]\s*(\d{1,2})\s*[-_./月]\s*(\d{1,2})(?!\d)\s*日?")
"""2024-08-30, 2024_08_30, 2024.8.30, 2024/08/30, 2024年8月30日 (and full-width digits)."""
_DATE_RUN = re.compile(r"(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)")
"""20240830 (names only: in text, eight digits are as often a code or a phone number)."""
_DATE_HAN = re.compile(
    r"([〇零○Ｏ一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,2})\s*月"
    r"\s*([一二三四五六七八九十廿卅]{1,3})\s*日")
"""二〇二四年八月三十日."""
_HEX_RUN = re.compile(r"[0-9a-fA-F]{12,}")


def _han_number(text: str) -> int | None:
    """十 → 10, 十二 → 12, 二十 → 20, 廿七 → 27, 三十一 → 31, 八 → 8."""
    text = text.replace("廿", "二十").replace("卅", "三十")
    tens, _, units = text.rpartition("十")
    if "十" not in text:
        return _CN_DIGITS.get(text) if len(text) == 1 else None
    high = 1 if tens == "" else _CN_DIGITS.get(tens) if len(tens) == 1 else None
    low = 0 if units == "" else _CN_DIGITS.get(units) if len(units) == 1 else None
    return None if high is None or low is None else high * 10 + low


def _iso(year: int, month: int, day: int) -> str | None:
    if year not in YEARS:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


@dataclass(frozen=True)
class _Found:
    iso: str | None
    """None for a date that does not exist (2024-02-30)."""
    start: int
    end: int


def _dates(text: str, runs: bool = False) -> list[_Found]:
    """Every date written in ``text`` (eight-digit runs too when ``runs``), in order."""
    found = [_Found(_iso(int(m[1]), int(m[2]), int(m[3])), m.start(), m.end())
             for m in _DATE_SEP.finditer(text)]
    for m in _DATE_HAN.finditer(text):
        year = "".join(str(_CN_DIGITS[c]) for c in m[1])
        month, day = _han_number(m[2]), _han_number(m[3])
        iso = _iso(int(year), month, day) if month and day else None
        found.append(_Found(iso, m.start(), m.end()))
    if runs:
        taken = [(f.start, f.end) for f in found]
        found += [_Found(_iso(int(m[1]), int(m[2]), int(m[3])), m.start(), m.end())
                  for m in _DATE_RUN.finditer(text)
                  if not any(a <= m.start() < b for a, b in taken)]
    return sorted(found, key=lambda f: f.start)


def date_in_name(name: str) -> str | None:
    """The ISO date a file or folder name holds (2024-08-30, 20240830, 2024年8月30日,
    二〇二四年八月三十日), else None. Eight digits inside a long hexadecimal run (a hash)
    and dates that do not exist (2024-02-30) are no date."""
    stem = _stem(name)
    hexes = [m.span() for m in _HEX_RUN.finditer(stem)]
    for found in _dates(stem, runs=True):
        if found.iso and not any(a <= found.start and found.end <= b for a, b in hexes):
            return found.iso
    return None


def _stem(name: str) -> str:
    return PurePosixPath(name).stem or name


# ---------------------------------------------------------------- editions and numbers

_EDITION = re.compile(r"(?<![A-Za-z\d])(?:第\s*)?([A-Za-z]?\d{1,3})\s*版")
"""第3版, 第03版, A04版, 01版 (and not 今日8版: see _PAGES)."""
_EDITION_CODE = re.compile(r"(?:^|(?<=[_\-\s.]))([A-Z]\d{2})(?=$|[_\-\s.])")
"""A04, B12 standing alone in a name (``20240830_A04.txt``)."""
_PAGES = re.compile(r"(?:今日|本期|本日|共)\s*(\d{1,3})\s*版")
"""How many pages the issue has (今日8版): page furniture, not an edition."""
_NUMBER = re.compile(r"(总)?\s*第\s*(\d{1,6})\s*期")
"""第1234期, 总第5678期."""


def _edition(code: str) -> str:
    return code.upper()


def edition_in_name(name: str) -> str | None:
    """The edition a name holds: ``_01版`` → 01, ``第3版`` → 3, ``A04版`` or ``_A04`` → A04."""
    stem = _PAGES.sub("", _stem(name))
    found = _EDITION.search(stem) or _EDITION_CODE.search(stem)
    return _edition(found[1]) if found else None


def number_in(text: str) -> str | None:
    """The issue number: 第1234期 → 1234 (before 总第5678期, the running count)."""
    numbers = [(bool(m[1]), str(int(m[2]))) for m in _NUMBER.finditer(text)]
    numbers.sort(key=lambda n: n[0])
    return numbers[0][1] if numbers else None


# ---------------------------------------------------------------- names and folders

_FOLDER_DATES = (
    re.compile(r"(?<!\d)(\d{4})/(\d{1,2})/(\d{1,2})(?!\d)"),   # 2024/08/30/01.txt
    re.compile(r"(?<!\d)(\d{4})/(\d{2})(\d{2})(?!\d)"),        # 2024/0830.txt
    re.compile(r"(?<!\d)(\d{4})[-_.]?(\d{2})/(\d{1,2})(?!\d)"),  # 2024-08/30.txt, 202408/30
    re.compile(r"(?<!\d)(\d{4})\s*年\s*/\s*(\d{1,2})\s*月\s*/\s*(\d{1,2})\s*日?(?!\d)"),
)
_BARE_EDITION = re.compile(r"^(?:[A-Za-z]?\d{1,2})$")
"""A file named only by its page (01.txt, A04.txt) in a dated folder."""


def details_from_name(key: str) -> Details:
    """What an issue's name within its paper tells: ``key`` is its path under the imported
    folder (``2024/08/30/01.txt``) or its file name. The file name comes first, then its
    folders (each folder's name, then year / month / day folders)."""
    key = key.replace("\\", "/")
    parts = key.split("/")
    stem = _stem(parts[-1])
    details = Details()
    found = date_in_name(parts[-1])
    if found:
        details = details.with_value("date", found, NAME)
    details = details.with_value("edition", edition_in_name(parts[-1]), NAME)
    details = details.with_value("number", number_in(stem), NAME)
    folders = parts[:-1]
    if folders and details.date is None:
        found = _date_in_folders(folders)
        if found and details.edition is None and _BARE_EDITION.match(stem):
            details = details.with_value("edition", _edition(stem), NAME)
        found = found or _date_in_folders(folders, stem)
        details = details.with_value("date", found, FOLDER)
    for folder in reversed(folders):
        for name in ("edition", "number"):
            value = edition_in_name(folder) if name == "edition" else number_in(folder)
            if details.value(name) is None and value:
                details = details.with_value(name, value, FOLDER)
    return details


def _date_in_folders(folders: list[str], stem: str | None = None) -> str | None:
    """The date the folders hold (a folder named by its date, or year / month / day
    folders); with ``stem``, the file name may be the last part (``2024/08/30.txt``)."""
    if stem is None:
        for folder in reversed(folders):
            found = date_in_name(folder + ".d")
            if found:
                return found
    path = "/".join(folders if stem is None else [*folders, stem])
    for pattern in _FOLDER_DATES:
        for m in pattern.finditer(path):
            iso = _iso(int(m[1]), int(m[2]), int(m[3]))
            if iso:
                return iso
    return None


# ---------------------------------------------------------------- page headers

_WEEKDAY = re.compile(r"(?:星期|礼拜|周)\s*([一二三四五六日天])")
_WEEKDAYS = "一二三四五六日"
_LUNAR = re.compile(r"(?:农历|夏历|阴历)\s*[^\s，。,;；]{0,14}")
_SERIAL = re.compile(
    r"(?:国内统一(?:连续出版物号|刊号)|刊号|邮发代号|CN)\s*[:：]?\s*[\dA-Z][\dA-Z\-/]*")
_NOISE = re.compile(r"[\s|｜·•・、，,：:/()（）【】\[\]〔〕\-—–－_《》〈〉]+")
_PAPER_NAME = re.compile(r"^[\u4e00-\u9fff]{1,10}(?:报|刊|周报|日报|晚报|时报|周刊)$")
_PROSE = re.compile(r"[，。；！？,;!?“”]")
"""A header has no sentence punctuation: a line with it is text."""
_HEADER_HINT = re.compile(r"年|期|版|星期|周[一二三四五六日天]|农历|\d{4}[-./]\d")


@dataclass(frozen=True)
class _Header:
    """What a header-like line holds."""

    dates: tuple[str | None, ...]
    numbers: tuple[str, ...]
    editions: tuple[str, ...]
    weekday_ok: bool
    """No weekday, or the one that matches its date."""
    strong: bool
    """A date with a weekday, a lunar date, an issue number, an edition or a page count:
    what a dated page header prints, and no sentence does."""


def _header(line: str) -> _Header | None:
    """The header a line is (``2024年8月30日 星期五 农历甲辰年七月廿七``, ``第1234期``,
    ``南开报 2024年8月30日``), or None when it holds anything else: a sentence with a date in
    it, a title, a dateline in brackets."""
    line = line.strip()
    if not line or len(line) > 60 or _PROSE.search(line) or not _HEADER_HINT.search(line):
        return None
    dates = _dates(line)
    rest = line
    for found in reversed(dates):
        rest = rest[:found.start] + " " + rest[found.end:]
    weekday = _WEEKDAY.search(rest)
    number = number_in(rest)
    numbers = (number,) if number else ()
    has_lunar = bool(_LUNAR.search(rest))
    has_serial = bool(_SERIAL.search(rest))
    pages = bool(_PAGES.search(rest))
    for pattern in (_WEEKDAY, _LUNAR, _SERIAL, _NUMBER, _PAGES):
        rest = pattern.sub(" ", rest)
    editions = tuple(_edition(m[1]) for m in _EDITION.finditer(rest))
    rest = _NOISE.sub("", _EDITION.sub(" ", rest))
    furniture = bool(weekday or has_lunar or has_serial or pages)
    marks = furniture or bool(numbers or editions)
    if not (dates or numbers) or not _plain_rest(rest, furniture, marks):
        return None
    weekday_ok = True
    if weekday and len(dates) == 1 and dates[0].iso:
        day = "日" if weekday[1] == "天" else weekday[1]
        weekday_ok = date.fromisoformat(dates[0].iso).weekday() == _WEEKDAYS.index(day)
    return _Header(tuple(d.iso for d in dates), numbers, editions, weekday_ok,
                   bool(dates) and marks)


def _plain_rest(rest: str, furniture: bool, marks: bool) -> bool:
    """Whether what a line holds besides its header parts can be a header's: nothing, a
    paper's name, a short section name beside a number or edition, or a name of up to
    ``REMAINDER_MAX`` characters beside a weekday, lunar date or page count."""
    if not rest or _PAPER_NAME.match(rest):
        return True
    if furniture:
        return len(rest) <= REMAINDER_MAX
    return marks and len(rest) <= 4


def _head(text: str) -> list[str]:
    """The first non-blank lines of the file, up to ``HEAD_LINES``."""
    lines: list[str] = []
    for line in text[:4000].split("\n"):
        if line.strip():
            lines.append(line.strip())
            if len(lines) == HEAD_LINES:
                break
    return lines


def _head_headers(text: str) -> list[_Header]:
    """The headers at the top of the file: the run of header lines, page furniture and
    paper names before the first line of anything else (a title, a sentence)."""
    found: list[_Header] = []
    for line in _head(text):
        header = _header(line)
        if header is not None:
            found.append(header)
        elif not (textrules.is_page_furniture(line) or _PAPER_NAME.match(line)):
            break
    return found


def _strong_headers(text: str) -> list[_Header]:
    """Every dated page header in the file (a date with its weekday, number or page):
    what a paper repeats at the top of each page."""
    found: list[_Header] = []
    for line in _short_lines(text, ("年", "星期")):
        header = _header(line)
        if header is not None and header.strong:
            found.append(header)
    return found


def _short_lines(text: str, marks: tuple[str, ...], longest: int = 80) -> list[str]:
    """The lines of at most ``longest`` characters that hold one of ``marks``, each once
    (a page header is short; found by ``str.find``, which skips paragraphs at C speed)."""
    seen: set[int] = set()
    lines: list[str] = []
    for mark in marks:
        at = text.find(mark)
        while at >= 0:
            start = text.rfind("\n", 0, at) + 1
            end = text.find("\n", at)
            end = len(text) if end < 0 else end
            if end - start <= longest and start not in seen:
                seen.add(start)
                lines.append(text[start:end])
            at = text.find(mark, end)
    return lines


def _one(values: list[str | None]) -> str | None:
    """The value when all agree, else None."""
    distinct = set(values)
    return distinct.pop() if len(distinct) == 1 else None


def details_from_text(text: str) -> Details:
    """What the page headers of an issue's text tell. The date of the header lines at the
    top of the file (``2024年8月30日 星期五``; all that give one must agree), else the date
    that most of the file's dated page headers carry (at least two, more than half). An
    edition only when every page header that names one names the same (a file of several
    pages has none); the number from the top of the file. A header whose weekday does not
    match its date is not believed."""
    head = [h for h in _head_headers(text) if h.weekday_ok]
    strong = [h for h in _strong_headers(text) if h.weekday_ok]
    day = _one([d for h in head for d in h.dates])
    if day is None and not any(h.dates for h in head) and strong:
        counts = Counter(d for h in strong for d in h.dates if d)
        if counts:
            best, n = counts.most_common(1)[0]
            day = best if n >= 2 and n * 2 > sum(counts.values()) else None
    details = Details().with_value("date", day, TEXT)
    numbers: list[str | None] = [n for h in head for n in h.numbers]
    numbers = numbers or [n for h in strong for n in h.numbers]
    details = details.with_value("number", _one(numbers), TEXT)
    editions = {_edition_key(e): e for h in [*head, *strong] for e in h.editions}
    editions |= {_edition_key(e): e for e in _furniture_editions(text)}
    if len(editions) == 1:
        details = details.with_value("edition", next(iter(editions.values())), TEXT)
    return details


def _edition_key(edition: str) -> tuple[str, int]:
    letters = edition.rstrip("0123456789")
    return letters, int(edition[len(letters):] or 0)


def _furniture_editions(text: str) -> list[str]:
    """The editions named by page-furniture lines (``第01版：要闻``, ``A03版``)."""
    found: list[str] = []
    for line in _short_lines(text, ("版",), 40):
        line = line.strip()
        if textrules.is_page_furniture(line):
            found += [_edition(m[1]) for m in _EDITION.finditer(_PAGES.sub(" ", line))]
    return found


def details_of(issue: Issue) -> Details:
    """The date, edition and number of a parsed issue, with where each was read."""
    found = Details()
    for name in FIELDS:
        found = found.with_value(name, getattr(issue, name), issue.read_from.get(name, ""))
    return found


def set_details(issue: Issue, details: Details) -> None:
    """Give a parsed issue these date, edition and number."""
    issue.date, issue.edition, issue.number = details.date, details.edition, details.number
    issue.read_from = {name: details.origin(name) for name in FIELDS if details.value(name)}


def read_details(name: str, text: str, warnings: list[str] | None = None) -> Details:
    """What the file name and the text tell (the name first). A date in the name that
    the page headers contradict is kept, and said in ``warnings``."""
    by_name, by_text = details_from_name(name), details_from_text(text)
    if warnings is not None and by_name.date and by_text.date and by_name.date != by_text.date:
        warnings.append(f"the file name says {by_name.date} but the page headers say "
                        f"{by_text.date}; the name's date is used")
    return combine(by_name, by_text)


def with_key(read: Details, key: str) -> Details:
    """``read`` (from a file's name and text) with what the issue's path under its folder
    adds: the name and its folders come before the text."""
    return combine(only(read, (NAME, FOLDER, USER)), details_from_name(key),
                   only(read, (TEXT,)))


def only(details: Details, origins: tuple[str, ...]) -> Details:
    """The values of ``details`` that came from one of ``origins``."""
    result = Details()
    for name in FIELDS:
        if details.origin(name) in origins:
            result = result.with_value(name, details.value(name), details.origin(name))
    return result


# ---------------------------------------------------------------- what the user types

_USER_DATE = re.compile(
    r"^(\d{4})\s*[-/._年]\s*(\d{1,2})\s*[-/._月]\s*(\d{1,2})\s*日?$|^(\d{4})(\d{2})(\d{2})$")


def user_date(text: str) -> str:
    """A date the user typed, as ISO: 2024-08-30, 2024/8/30, 2024年8月30日, 20240830 (also
    in full-width digits). A date that does not exist says why."""
    typed = text.strip()
    m = _USER_DATE.match(typed)
    if not m:
        raise DetailError(f"“{text}” is not a date; write it as 2024-08-30")
    year, month, day = (int(g) for g in m.groups() if g is not None)
    if year not in YEARS:
        raise DetailError(f"“{text}”: the year {year} is outside {YEARS[0]}–{YEARS[-1]}")
    if not 1 <= month <= 12:
        raise DetailError(f"“{text}” is not a date: there is no month {month}")
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        last = _days_in(year, month)
        raise DetailError(f"“{text}” is not a date: {year}-{month:02d} has {last} days"
                          ) from None


def _days_in(year: int, month: int) -> int:
    nxt = date(year + month // 12, month % 12 + 1, 1)
    return (nxt - date(year, month, 1)).days


_USER_EDITION = re.compile(r"^(?:第)?\s*([0-9A-Za-z\u4e00-\u9fff]{1,8}?)\s*(?:版)?$")


def user_edition(text: str) -> str:
    """An edition the user typed: ``01``, ``A04``, ``第3版`` (→ 3), ``A04版`` (→ A04)."""
    m = _USER_EDITION.match(text.strip())
    if not m or not m[1]:
        raise DetailError(f"“{text}” is not an edition; write it as 01, 3 or A04")
    code = m[1]
    return code.upper() if code.isascii() else code


_USER_NUMBER = re.compile(r"^(?:总)?\s*(?:第)?\s*(\d{1,9})\s*(?:期)?$")


def user_number(text: str) -> str:
    """An issue number the user typed: ``1234``, ``第1234期``, ``总第5678期``."""
    m = _USER_NUMBER.match(text.strip())
    if not m:
        raise DetailError(f"“{text}” is not an issue number; write it as 1234")
    return str(int(m[1]))


CHECKS = {"date": user_date, "edition": user_edition, "number": user_number}


def check_value(name: str, text: str | None) -> str | None:
    """A typed value made ready to store; None or an empty text clears the field."""
    if text is None or not text.strip():
        return None
    return CHECKS[name](text)


# ---------------------------------------------------------------- name patterns

_FIELD = re.compile(r"\{(\w+)(?::([^{}]*))?\}|\*\*|\*|\{\{|\}\}|[{}]")
_DIRECTIVES = {"%Y": r"\d{4}", "%m": r"\d{2}", "%d": r"\d{2}", "%-m": r"\d{1,2}",
               "%-d": r"\d{1,2}", "%%": "%"}
_DIRECTIVE = re.compile(r"%-?[a-zA-Z%]|%")
_FIELD_REGEX = {"edition": r"[A-Za-z]?\d{1,3}[A-Za-z]?", "number": r"\d{1,9}",
                "date": r"\d{4}\s*[-_./年]?\s*\d{1,2}\s*[-_./月]?\s*\d{1,2}\s*日?"}


@dataclass(frozen=True)
class NamePattern:
    """A pattern the names of a folder's issues follow, e.g. ``{date:%Y%m%d}_{edition}.txt``
    (docs/cli.md): what it sets, and the expression it becomes."""

    text: str
    regex: re.Pattern[str]
    fields: tuple[str, ...]
    whole_path: bool
    """The pattern holds ``/``: it is matched against the path under the paper's folder,
    else against the file name."""
    date_format: str = ""


def compile_pattern(text: str) -> NamePattern:
    """The pattern ``text`` ready to match; a pattern that cannot be used says why."""
    if not text.strip():
        raise DetailError("the pattern is empty")
    out: list[str] = []
    names: list[str] = []
    date_format = ""
    at = 0
    for m in _FIELD.finditer(text):
        out.append(re.escape(text[at:m.start()]))
        at = m.end()
        token = m[0]
        if token == "**":
            out.append(".*")
        elif token == "*":
            out.append("[^/]*")
        elif token in ("{{", "}}"):
            out.append(re.escape(token[0]))
        elif token in ("{", "}"):
            raise DetailError(f"“{text}”: a lone “{token}” (write {token}{token} for the "
                              "character itself)")
        else:
            name, spec = m[1], m[2]
            if name not in FIELDS:
                raise DetailError(f"“{text}”: unknown field {{{name}}}; the fields are "
                                  "{date}, {edition} and {number}")
            if name in names:
                raise DetailError(f"“{text}”: {{{name}}} is given twice")
            if spec and name != "date":
                raise DetailError(f"“{text}”: only {{date}} takes a format ({{date:%Y%m%d}})")
            names.append(name)
            if spec:
                date_format = spec
            out.append(f"(?P<{name}>{_date_regex(text, spec) if spec else _FIELD_REGEX[name]})")
    out.append(re.escape(text[at:]))
    if not names:
        raise DetailError(f"“{text}” sets nothing: use {{date}}, {{edition}} or {{number}}")
    return NamePattern(text, re.compile("".join(out), re.IGNORECASE), tuple(names),
                       "/" in text, date_format)


def _date_regex(pattern: str, spec: str) -> str:
    out: list[str] = []
    at = 0
    seen: set[str] = set()
    for m in _DIRECTIVE.finditer(spec):
        out.append(re.escape(spec[at:m.start()]))
        at = m.end()
        if m[0] not in _DIRECTIVES:
            raise DetailError(f"“{pattern}”: {m[0]} is not a date part; use %Y, %m, %d "
                              "(%-m, %-d without leading zero)")
        seen.add(m[0].replace("-", ""))
        out.append(f"({_DIRECTIVES[m[0]]})" if m[0] != "%%" else "%")
    out.append(re.escape(spec[at:]))
    if not {"%Y", "%m", "%d"} <= seen:
        raise DetailError(f"“{pattern}”: a date format needs %Y, %m and %d")
    return "".join(out)


@dataclass(frozen=True)
class PatternMatch:
    """What a pattern gives one issue: its details, or why it gives none."""

    details: Details | None
    problem: str = ""


def match_pattern(pattern: NamePattern, key: str) -> PatternMatch:
    """The details ``pattern`` gives the issue named ``key`` (its path under its paper's
    folder); a name that does not match, or holds a date that does not exist, gets none."""
    key = key.replace("\\", "/")
    subject = key if pattern.whole_path else key.rsplit("/", 1)[-1]
    m = pattern.regex.fullmatch(subject)
    if m is None:
        return PatternMatch(None, "the name does not match")
    details = Details()
    for name in pattern.fields:
        raw = m[name]
        try:
            value = _pattern_date(pattern, raw) if name == "date" else CHECKS[name](raw)
        except DetailError as error:
            return PatternMatch(None, str(error))
        details = details.with_value(name, value, USER)
    return PatternMatch(details)


def _pattern_date(pattern: NamePattern, raw: str) -> str:
    if not pattern.date_format:
        return user_date(raw)
    parts = re.fullmatch(_date_regex(pattern.text, pattern.date_format), raw)
    assert parts is not None
    order = [d.replace("-", "") for d in _DIRECTIVE.findall(pattern.date_format)
             if d != "%%"]
    values = dict(zip(order, parts.groups(), strict=True))
    return user_date(f"{values['%Y']}-{values['%m']}-{values['%d']}")
