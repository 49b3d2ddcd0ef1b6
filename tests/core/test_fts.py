"""Chinese full-text search: bigram index text, query parsing, recall against a substring scan.

The recall tests use the stdlib sqlite3 module (FTS5, default unicode61 tokenizer); the
module under test does not.
"""

from __future__ import annotations

import random
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.fts import (
    MAX_DEPTH,
    Query,
    QueryError,
    highlight_spans,
    index_text,
    parse_query,
    snippet,
)

SEEDS = Path("/work/shared/seeds")
SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"
CJK = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U000323af"
SEPARATOR = rf"(?:[^\w{CJK}]|_)"
WORD_CHAR = rf"[^\W_{CJK}]"

CRAFTED = [
    "南开，开区委",  # plain bigrams would match 南开区 here (南开 开区 are adjacent tokens)
    "南开区委召开会议",
    "全市GDP增长5.2%，高于全国",
    "第3届运动会在南开举行",
    "2024年春季学期",
    "3月5日上午",
    "南开 区委 书记",
    "Beijing南开gdp",
    "年",
    "开年",
    "区区区区",
    "〇〇一年",
    "𠀀𠀁南开",
]


def seed_sentences() -> list[str]:
    folder = SEEDS if SEEDS.is_dir() else SAMPLES
    rows: list[str] = []
    for path in sorted(folder.glob("*.txt")):
        for sentence in re.split(r"(?<=[。！？])|\n+", path.read_text(encoding="utf-8")):
            if len(sentence.strip()) >= 4:
                rows.append(sentence.strip())
    rows = list(dict.fromkeys(rows))
    random.Random(7).shuffle(rows)
    return rows[:300]


ROWS = seed_sentences() + CRAFTED


def make_db(rows: list[str]) -> sqlite3.Connection:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'unicode61')")
    db.executemany("INSERT INTO t (rowid, body) VALUES (?, ?)",
                   [(i, index_text(row)) for i, row in enumerate(rows)])
    return db


@pytest.fixture(scope="module")
def db() -> Iterator[sqlite3.Connection]:
    connection = make_db(ROWS)
    yield connection
    connection.close()


def fts_rows(db: sqlite3.Connection, query: str) -> set[int]:
    expression = parse_query(query).fts
    return {r[0] for r in db.execute("SELECT rowid FROM t WHERE t MATCH ?", [expression])}


def scan(rows: list[str], needle: str) -> set[int]:
    return {i for i, row in enumerate(rows) if needle in row}


def term_regex(term: str) -> re.Pattern[str]:
    """What a term means, written as a regex: Chinese as substrings, other words whole,
    any run of punctuation or spaces where the term has one (or Chinese meets a word)."""
    segments = re.findall(rf"[{CJK}]+|{WORD_CHAR}+", term)
    pattern = ""
    for i, segment in enumerate(segments):
        cjk = bool(re.match(f"[{CJK}]", segment))
        if i:
            previous_cjk = bool(re.match(f"[{CJK}]", segments[i - 1]))
            pattern += f"{SEPARATOR}*" if cjk != previous_cjk else f"{SEPARATOR}+"
        elif not cjk:
            pattern += f"(?<!{WORD_CHAR})"
        pattern += re.escape(segment)
    if segments and not re.match(f"[{CJK}]", segments[-1]):
        pattern += f"(?!{WORD_CHAR})"
    return re.compile(pattern, re.IGNORECASE)


def regex_scan(rows: list[str], term: str) -> set[int]:
    pattern = term_regex(term)
    return {i for i, row in enumerate(rows) if pattern.search(row)}


# ---------------------------------------------------------------- index_text


@pytest.mark.parametrize("text, expected", [
    ("南开区委", "南开 开区 区委 委"),
    ("南开", "南开 开"),
    ("南", "南"),
    ("南开，区委。", "南开 开 区委 委"),
    ("3月5日", "3 月 5 日"),
    ("2024年春季学期", "2024 年春 春季 季学 学期 期"),
    ("全市GDP增长5.2%", "全市 市 GDP 增长 长 5 2"),
    ("Hello, world! snake_case", "Hello world snake case"),
    ("“十项行动”（2024）", "十项 项行 行动 动 2024"),
    ("〇〇一年", "〇〇 〇一 一年 年"),
    ("\u4dc0\u4dc1南", "南"),  # Yijing hexagram symbols are not Chinese characters
    ("𠀀𠀁南", "𠀀𠀁 𠀁南 南"),
    ("豈更", "豈更 更"),
    ("", ""),
    ("  ，。  ", ""),
    ("a\n南\tb", "a 南 b"),
])
def test_index_text(text: str, expected: str) -> None:
    assert index_text(text) == expected


# ---------------------------------------------------------------- parse_query


@pytest.mark.parametrize("query, fts", [
    ("南开", '"南开"'),
    ("南开区委", '"南开 开区 区委"'),
    ("年", '"年" *'),
    ("2024年", '"2024 年" *'),
    ("市GDP", '"市 GDP"'),
    ("第3届", '"第 3 届" *'),
    ("GDP", '"GDP"'),
    ("南开 区委", '"南开" AND "区委"'),
    ("南开 AND 区委", '"南开" AND "区委"'),
    ('"南开 区委"', '"南开 开 区委"'),
    ("“南开区委”", '"南开 开区 区委"'),
    ("南开 OR 天津", '"南开" OR "天津"'),
    ("南开 NOT 天津", '("南开") NOT ("天津")'),
    ("南开 AND NOT 天津 会议", '("南开" AND "会议") NOT ("天津")'),
    ("南开 NOT 天津 NOT 北京", '("南开") NOT ("天津" OR "北京")'),
    ("(南开 OR 天津) 会议", '("南开" OR "天津") AND "会议"'),
    ("南开 OR 天津 会议", '"南开" OR ("天津" AND "会议")'),
    ("南开 NOT (天津 OR 北京)", '("南开") NOT (("天津" OR "北京"))'),
    ("and or not", '"and" AND "or" AND "not"'),
    ('"AND"', '"AND"'),
    ("南开 ，", '"南开"'),
])
def test_parse_query_expressions(query: str, fts: str) -> None:
    assert parse_query(query).fts == fts


def test_parse_query_terms_and_single_chars() -> None:
    query = parse_query('年 南开 "区委 书记" NOT 天津 (会 OR 议)')
    assert query.terms == ["年", "南开", "区委", "书记", "会", "议"]
    assert query.single_chars == ["年"]
    assert parse_query("年 OR 月").single_chars == []
    assert parse_query("南开 NOT 年").single_chars == []
    assert isinstance(parse_query("南开"), Query)


@pytest.mark.parametrize("query", [
    'a" OR 1=1 --', "南开*", "NEAR(南开 区委, 5)", "body:南开", "-body:南开", "^南开",
    "南开 + 区委", '"" AND ""', "'; DROP TABLE t; --", "南开)", "{body}: 南开", "南开\x00区委",
    "a:b:c", "*", "NEAR", "“南开\"区委”",
])
def test_injection_attempts_become_quoted_phrases(query: str, db: sqlite3.Connection) -> None:
    try:
        fts = parse_query(query).fts
    except QueryError:
        return
    outside_quotes = re.sub(r'"(?:[^"]|"")*"', "", fts)
    assert re.fullmatch(r"(?:\s|\(|\)|\*|AND|OR|NOT)*", outside_quotes), fts
    inside = "".join(re.findall(r'"((?:[^"]|"")*)"', fts))
    assert re.fullmatch(rf"[\w{CJK} ]*", inside), fts
    db.execute("SELECT count(*) FROM t WHERE t MATCH ?", [fts]).fetchone()


@pytest.mark.parametrize("query, message", [
    ("", "Nothing to search for"),
    ("   ", "Nothing to search for"),
    ("，。！", "Nothing to search for"),
    ('"南开', "quotation mark \" at character 1 is not closed"),
    ("南开 “区委", "quotation mark “ at character 4 is not closed"),
    ("南开 AND", "“AND” at character 4 needs a search term after it"),
    ("AND 南开", "“AND” at character 1 needs a search term before it"),
    ("南开 OR", "“OR” at character 4 needs a search term after it"),
    ("OR 南开", "“OR” at character 1 needs a search term before it"),
    ("南开 AND OR 区委", "“AND” at character 4 needs a search term after it"),
    ("NOT 南开", "“NOT” at character 1 needs something to exclude from"),
    ("南开 OR NOT 区委", "“NOT” at character 7 needs something to exclude from"),
    ("南开 NOT", "“NOT” at character 4 needs a search term after it"),
    ("南开 NOT NOT 区委", "“NOT” at character 4 needs a search term after it"),
    ("(南开", "parenthesis “(” at character 1 is not closed"),
    ("南开)", "parenthesis “)” at character 3 has no matching “(”"),
    ("南开 ()", "parentheses at character 4 are empty"),
    ("(" * (MAX_DEPTH + 1) + "南开" + ")" * (MAX_DEPTH + 1), "Too many nested parentheses"),
])
def test_bad_queries_raise_query_error(query: str, message: str) -> None:
    with pytest.raises(QueryError, match=re.escape(message)):
        parse_query(query)
    assert issubclass(QueryError, ValueError)


def test_deepest_allowed_nesting_runs_in_sqlite(db: sqlite3.Connection) -> None:
    query = "(" * (MAX_DEPTH - 1) + "南开 NOT (区委 OR 天津)" + ")" * (MAX_DEPTH - 1)
    db.execute("SELECT count(*) FROM t WHERE t MATCH ?", [parse_query(query).fts]).fetchone()


query_text = st.text(st.sampled_from(list('南开区委年 "“”()ANDORT*:^-+，a1\x00')) | st.characters(),
                     max_size=40)


@settings(max_examples=400, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.one_of(st.text(max_size=40), query_text))
def test_any_string_parses_or_raises_query_error(query: str, db: sqlite3.Connection) -> None:
    try:
        parsed = parse_query(query)
    except QueryError as error:
        assert str(error)
        return
    db.execute("SELECT count(*) FROM t WHERE t MATCH ?", [parsed.fts]).fetchone()


# ---------------------------------------------------------------- recall: FTS vs a scan


def random_substrings(count: int, low: int, high: int, cjk_only: bool) -> list[str]:
    rng = random.Random(2024 + low + high + cjk_only)
    found: list[str] = []
    while len(found) < count:
        row = rng.choice(ROWS)
        size = rng.randint(low, high)
        if len(row) < size:
            continue
        start = rng.randrange(len(row) - size + 1)
        piece = row[start : start + size]
        if not cjk_only or re.fullmatch(f"[{CJK}]+", piece):
            found.append(piece)
    return found


def test_every_chinese_substring_finds_exactly_the_rows_containing_it(
        db: sqlite3.Connection) -> None:
    queries = [*random_substrings(600, 2, 6, cjk_only=True), "南开区", "开区", "区区", "〇一"]
    for query in queries:
        assert fts_rows(db, query) == scan(ROWS, query), query
    assert fts_rows(db, "南开区") == scan(ROWS, "南开区")
    assert ROWS.index("南开，开区委") not in fts_rows(db, "南开区")


def test_single_characters_find_exactly_the_rows_containing_them(
        db: sqlite3.Connection) -> None:
    for char in [*sorted(set(random_substrings(200, 1, 1, cjk_only=True))), "年", "〇", "𠀀"]:
        assert fts_rows(db, char) == scan(ROWS, char), char


def test_mixed_and_punctuated_substrings_match_their_meaning(db: sqlite3.Connection) -> None:
    queries = random_substrings(600, 2, 8, cjk_only=False)
    queries += ["市GDP", "第3届", "2024年", "3月5日", "GDP增长5", "5.2%", "gdp", "Beijing南开"]
    checked = 0
    for piece in queries:
        query = '"' + piece.replace('"', " ") + '"'
        try:
            got = fts_rows(db, query)
        except QueryError:
            continue  # nothing searchable in it, e.g. "，“"
        assert got == regex_scan(ROWS, piece), piece
        if re.fullmatch(f"[{CJK}].*[{CJK}]", piece, re.DOTALL):  # no word cut at its ends
            assert got >= scan(ROWS, piece), piece
        checked += 1
    assert checked > 400


def test_boolean_queries_combine_like_the_scans(db: sqlite3.Connection) -> None:
    rng = random.Random(11)
    pool = random_substrings(300, 1, 4, cjk_only=True)
    for _ in range(200):
        a, b, c = rng.sample(pool, 3)
        sa, sb, sc = scan(ROWS, a), scan(ROWS, b), scan(ROWS, c)
        assert fts_rows(db, f"{a} {b}") == sa & sb
        assert fts_rows(db, f"{a} AND {b}") == sa & sb
        assert fts_rows(db, f"{a} OR {b}") == sa | sb
        assert fts_rows(db, f"{a} NOT {b}") == sa - sb
        assert fts_rows(db, f"({a} OR {b}) NOT {c}") == (sa | sb) - sc
        assert fts_rows(db, f"{a} ({b} OR {c})") == sa & (sb | sc)
        assert fts_rows(db, f"{a} OR {b} {c}") == sa | (sb & sc)
        assert fts_rows(db, f"{a} NOT {b} {c}") == (sa & sc) - sb


small = st.text(st.sampled_from(list("南开区委，1a ")), max_size=14)


@settings(max_examples=150, deadline=None)
@given(st.lists(small, min_size=1, max_size=8), st.lists(small, min_size=1, max_size=6))
def test_tiny_alphabet_exactness(rows: list[str], queries: list[str]) -> None:
    """Few symbols, so repeats and cross-run look-alikes are everywhere."""
    db = make_db(rows)
    for piece in queries:
        try:
            got = fts_rows(db, '"' + piece + '"')
        except QueryError:
            continue
        assert got == regex_scan(rows, piece), (piece, rows)
        if re.fullmatch(f"[{CJK}]+", piece):
            assert got == scan(rows, piece)
    db.close()


# ---------------------------------------------------------------- highlights and snippets


def test_highlight_spans() -> None:
    text = "南开区委在南开召开GDP会议，gdp增长"
    assert highlight_spans(text, ["南开"]) == [(0, 2), (5, 7)]
    assert highlight_spans(text, ["gdp"]) == [(9, 12), (15, 18)]
    assert highlight_spans(text, ["南开", "开区", "区委"]) == [(0, 4), (5, 7)]
    assert highlight_spans(text, ["召开", "GDP"]) == [(7, 12), (15, 18)]
    assert highlight_spans(text, []) == []
    assert highlight_spans(text, [""]) == []
    assert highlight_spans("区区区", ["区区"]) == [(0, 3)]


@given(st.text(st.sampled_from(list("南开区委aA ")), max_size=30),
       st.lists(st.text(st.sampled_from(list("南开区委aA")), min_size=1, max_size=3),
                max_size=3))
def test_highlight_spans_cover_every_occurrence(text: str, terms: list[str]) -> None:
    spans = highlight_spans(text, terms)
    assert spans == sorted(spans)
    assert all(a < b for a, b in spans)
    assert all(spans[i][1] < spans[i + 1][0] for i in range(len(spans) - 1))
    covered = {i for a, b in spans for i in range(a, b)}
    for term in terms:
        for start in range(len(text)):
            if text[start:].lower().startswith(term.lower()):
                assert set(range(start, start + len(term))) <= covered


def test_snippet_marks_hits_and_cuts() -> None:
    text = "前言" * 40 + "南开区委常委会召开会议\n研究部署" + "后记" * 40
    result = snippet(text, ["南开", "会议"], width=30)
    assert result.startswith("…") and result.endswith("…")
    assert "[南开]区委常委会召开[会议] 研究" in result
    assert 28 <= len(result.replace("[", "").replace("]", "")) <= 32


def test_snippet_edges_and_custom_marks() -> None:
    assert snippet("南开区委", ["南开"], mark=("<b>", "</b>")) == "<b>南开</b>区委"
    assert snippet("短文", ["没有"]) == "短文"
    assert snippet("a" * 100, ["zz"], width=10) == "a" * 10 + "…"
    assert snippet("xx南开yy", ["南开"], width=2) == "…[南开]…"
    assert snippet("", ["南开"]) == ""
