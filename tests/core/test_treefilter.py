"""The tree filter's syntax: words and tag: terms, quotes, a bare tag: still being typed."""

from __future__ import annotations

from reader.core.treefilter import TreeQuery, parse_tree_filter, tag_term


def test_a_tag_term_and_a_word() -> None:
    assert parse_tree_filter("tag:城市更新 南开") == TreeQuery(("城市更新",), ("南开",))


def test_words_alone_are_words() -> None:
    assert parse_tree_filter("  南开  预算 ") == TreeQuery((), ("南开", "预算"))
    assert parse_tree_filter("南开") == TreeQuery((), ("南开",))


def test_quotes_group_a_name_with_spaces() -> None:
    assert parse_tree_filter('tag:"urban renewal" x') == TreeQuery(("urban renewal",), ("x",))
    assert parse_tree_filter("tag:“城市 更新”") == TreeQuery(("城市 更新",), ())
    assert parse_tree_filter('"two words"') == TreeQuery((), ("two words",))


def test_an_unclosed_quote_runs_to_the_end() -> None:
    assert parse_tree_filter('tag:"a b') == TreeQuery(("a b",), ())


def test_the_prefix_ignores_case_and_takes_the_chinese_colon_and_name() -> None:
    for text in ("TAG:财政", "tag：财政", "标签:财政", "标签：财政"):
        assert parse_tree_filter(text) == TreeQuery(("财政",), ()), text


def test_a_quoted_tag_prefix_is_a_word() -> None:
    assert parse_tree_filter('"tag:x"') == TreeQuery((), ("tag:x",))


def test_a_bare_prefix_or_empty_quotes_ask_nothing() -> None:
    for text in ("", "   ", "tag:", 'tag:""', '""', "标签："):
        assert not parse_tree_filter(text), text


def test_repeated_terms_count_once() -> None:
    assert parse_tree_filter("tag:a tag:a b b") == TreeQuery(("a",), ("b",))


def test_tag_term_round_trips_through_the_parser() -> None:
    for name in ("城市更新", "urban renewal", 'say "hi" now', "“引号”", "<img src=x>", "a\tb"):
        assert parse_tree_filter(tag_term(name)) == TreeQuery((name,), ()), name
    assert tag_term("城市更新") == "tag:城市更新"
