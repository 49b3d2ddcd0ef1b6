"""Periods of a timeline: ISO weeks across year ends, months, years, the gaps between."""

from __future__ import annotations

import math
from datetime import date

import pytest

from reader.core.timeline import (
    Pair,
    Series,
    bin_days,
    count_pairs,
    make_timeline,
    period_bounds,
    period_of,
    periods_between,
)


@pytest.mark.parametrize(("day", "week", "month", "year"), [
    (date(2023, 12, 31), "2023-W52", "2023-12", "2023"),  # a Sunday: the week of 25 Dec
    (date(2024, 1, 1), "2024-W01", "2024-01", "2024"),    # a Monday
    (date(2024, 12, 30), "2025-W01", "2024-12", "2024"),  # ISO year 2025 already
    (date(2021, 1, 3), "2020-W53", "2021-01", "2021"),    # still the last week of 2020
    (date(2024, 2, 29), "2024-W09", "2024-02", "2024"),
])
def test_a_day_falls_in_its_iso_week_month_and_year(day: date, week: str, month: str,
                                                    year: str) -> None:
    assert period_of(day, "week") == week
    assert period_of(day, "month") == month
    assert period_of(day, "year") == year


def test_bounds_hold_their_days_and_no_other() -> None:
    assert period_bounds("2025-W01", "week") == (date(2024, 12, 30), date(2025, 1, 5))
    assert period_bounds("2024-02", "month") == (date(2024, 2, 1), date(2024, 2, 29))
    assert period_bounds("2024-12", "month") == (date(2024, 12, 1), date(2024, 12, 31))
    assert period_bounds("2024", "year") == (date(2024, 1, 1), date(2024, 12, 31))
    for bin_ in ("week", "month", "year"):
        day = date(2019, 12, 20)
        while day < date(2021, 2, 1):
            first, last = period_bounds(period_of(day, bin_), bin_)
            assert first <= day <= last
            day = date.fromordinal(day.toordinal() + 5)


def test_periods_between_keep_the_empty_ones() -> None:
    assert periods_between(date(2023, 12, 31), date(2024, 1, 8), "week") == \
        ["2023-W52", "2024-W01", "2024-W02"]
    assert periods_between(date(2023, 11, 30), date(2024, 2, 1), "month") == \
        ["2023-11", "2023-12", "2024-01", "2024-02"]
    assert periods_between(date(2020, 6, 1), date(2022, 1, 1), "year") == \
        ["2020", "2021", "2022"]


def test_undated_and_unreadable_days_are_counted_apart() -> None:
    binned, undated = bin_days({"2024-01-01": 2, "2024-01-07": 1, "": 4, "junk": 1}, "week")
    assert binned == {"2024-W01": 3}
    assert undated == 5


def test_a_timeline_aligns_every_series_on_the_same_periods() -> None:
    one, two = Series("tag", "城市更新"), Series("entity", "南开区", "place")
    timeline = make_timeline("month", "articles", [
        (one, {"2024-01-15": 2, "": 1}), (two, {"2024-03-01": 5})])
    assert timeline.periods == ("2024-01", "2024-02", "2024-03")
    assert [line.counts for line in timeline.series] == [(2, 0, 0), (0, 0, 5)]
    assert timeline.undated == 1
    assert timeline.rows()[0] == ["2024-01", "2024-01-01", "2024-01-31", "城市更新", "tag", 2]
    empty = make_timeline("year", "articles", [(one, {"": 3})])
    assert empty.periods == () and empty.series[0].undated == 3


def test_a_series_is_one_of_three_kinds() -> None:
    with pytest.raises(ValueError):
        Series("paper", "南开报")


def test_jaccard_and_pmi() -> None:
    pair = Pair(1, "place", "南开区", 2, "org", "区委", together=3, a_articles=6, b_articles=4)
    assert pair.jaccard == pytest.approx(3 / 7)
    assert pair.pmi(24) == pytest.approx(math.log2(3))  # 3 × 24 / (6 × 4)


def test_pairs_are_counted_once_per_article_among_the_top_entities() -> None:
    mentions = [(1, 10), (1, 11), (1, 10), (1, 12), (2, 10), (2, 11), (3, 12), (3, 13)]
    pairs, articles = count_pairs(mentions, top=3, min_shared=1)
    assert articles == {10: 2, 11: 2, 12: 2}  # 13 is fourth: left out
    assert pairs == {(10, 11): 2, (10, 12): 1, (11, 12): 1}
    assert count_pairs(mentions, top=3, min_shared=2)[0] == {(10, 11): 2}
    assert count_pairs([], top=3, min_shared=1) == ({}, {})
