"""Timelines and co-occurrence through the library, on a library of two papers with dated
issues across two year ends: every count is checked against a direct SQL count."""

from __future__ import annotations

import csv
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core.timeline import Pair, Series, period_bounds
from reader.library import Filters, Library, QueryError
from tests.conftest import SAMPLES

SEEDS = sorted(SAMPLES.glob("*.txt"))
FILES = {  # paper / name: sample issue (changed by a trailing line, else skipped as a copy)
    "南开报/2023-12-31.txt": 0,  # a Sunday: ISO week 2023-W52
    "南开报/2024-01-01.txt": 1,  # the Monday after: 2024-W01
    "南开报/2024-08-30.txt": 2,
    "天津日报/2024-12-30.txt": 3,  # a Monday of ISO week 2025-W01, in December 2024
    "天津日报/2025-01-05.txt": 0,  # the Sunday of that week
    "天津日报/特刊.txt": 4,  # no date
}
WEEK_SQL = (
    "strftime('%Y', date(i.date, '-' || ((CAST(strftime('%w', i.date) AS INTEGER) + 6) % 7) "
    "|| ' days', '+3 days')) || '-W' || printf('%02d', (CAST(strftime('%j', date(i.date, '-' "
    "|| ((CAST(strftime('%w', i.date) AS INTEGER) + 6) % 7) || ' days', '+3 days')) AS INTEGER)"
    " - 1) / 7 + 1)")
PERIOD_SQL = {"week": WEEK_SQL, "month": "substr(i.date, 1, 7)", "year": "substr(i.date, 1, 4)"}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("dated")
    for n, (name, seed) in enumerate(FILES.items()):
        target = root / "papers" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(SEEDS[seed].read_bytes() + f"\n\n（第{n}份）\n".encode())
    library = Library(root / "lib.sqlite")
    library.import_paths([root / "papers" / "南开报", root / "papers" / "天津日报"], workers=1)
    ids = [row[0] for row in library.db.execute(
        "SELECT a.id FROM articles a JOIN issues i ON i.id = a.issue_id "
        "WHERE a.kind = 'article' ORDER BY a.id").fetchall()]
    for article_id in ids[::3]:
        library.add_tag(article_id, "城市更新")
    for article_id in ids[1::4]:
        library.add_tag(article_id, "招商引资")
    library.close()
    return root / "lib.sqlite"


@pytest.fixture
def library(built: Path, tmp_path: Path) -> Iterator[Library]:
    shutil.copyfile(built, tmp_path / "lib.sqlite")
    opened = Library(tmp_path / "lib.sqlite")
    yield opened
    opened.close()


def top_entities(library: Library, count: int = 3) -> list[Series]:
    return [Series("entity", e.name, e.type) for e in library.entity_index()[:count]]


def sql_counts(library: Library, series: Series, bin_: str, measure: str = "articles"
               ) -> dict[str, int]:
    """The counts per period, straight from the tables."""
    if series.kind == "entity":
        source = ("FROM entity_mentions m JOIN entities e ON e.id = m.entity_id "
                  "JOIN articles a ON a.id = m.article_id JOIN issues i ON i.id = a.issue_id "
                  "WHERE e.type = ? AND e.name = ?")
        args: list[object] = [series.type, series.name]
    elif series.kind == "tag":
        source = ("FROM article_tags at JOIN tags t ON t.id = at.tag_id "
                  "JOIN articles a ON a.id = at.article_id JOIN issues i ON i.id = a.issue_id "
                  "WHERE t.name = ?")
        args = [series.name]
    else:  # a query for one word: the articles whose title or body holds it
        source = ("FROM articles a JOIN issues i ON i.id = a.issue_id "
                  "WHERE (instr(a.body, ?) > 0 OR instr(a.title, ?) > 0)")
        args = [series.name, series.name]
    total = "count(*)" if measure == "mentions" else "count(DISTINCT a.id)"
    rows = library.db.execute(
        f"SELECT {PERIOD_SQL[bin_]}, {total} {source} AND a.removed = 0 "
        "AND i.date IS NOT NULL GROUP BY 1", args).fetchall()
    return dict(rows)


def undated_sql(library: Library, series: Series) -> int:
    return int(library.db.execute(
        "SELECT count(DISTINCT a.id) FROM entity_mentions m JOIN entities e "
        "ON e.id = m.entity_id JOIN articles a ON a.id = m.article_id "
        "JOIN issues i ON i.id = a.issue_id WHERE e.type = ? AND e.name = ? "
        "AND a.removed = 0 AND i.date IS NULL", [series.type, series.name]).fetchone()[0])


def shown(timeline_counts: tuple[int, ...], periods: tuple[str, ...]) -> dict[str, int]:
    return {p: c for p, c in zip(periods, timeline_counts, strict=True) if c}


def test_the_fixture_has_dated_and_undated_issues(library: Library) -> None:
    dates = sorted((row.date or "") for row in library.issues())
    assert dates == ["", "2023-12-31", "2024-01-01", "2024-08-30", "2024-12-30", "2025-01-05"]


@pytest.mark.parametrize("bin_", ["week", "month", "year"])
def test_entity_tag_and_query_counts_equal_direct_sql_counts(library: Library,
                                                             bin_: str) -> None:
    series = [*top_entities(library), Series("tag", "城市更新"), Series("tag", "招商引资"),
              Series("query", "南开")]
    timeline = library.timeline(series, bin_)
    for line in timeline.series:
        expected = sql_counts(library, line.series, bin_)
        assert expected, f"{line.series} has dated articles"
        assert shown(line.counts, timeline.periods) == expected, line.series


def test_mentions_are_counted_for_entities_on_request(library: Library) -> None:
    entity = top_entities(library, 1)[0]
    mentions = library.timeline([entity, Series("tag", "城市更新")], "year", "mentions")
    articles = library.timeline([entity], "year")
    assert shown(mentions.series[0].counts, mentions.periods) == \
        sql_counts(library, entity, "year", "mentions")
    assert sum(mentions.series[0].counts) > sum(articles.series[0].counts)
    assert shown(mentions.series[1].counts, mentions.periods) == \
        sql_counts(library, Series("tag", "城市更新"), "year")  # a tag counts articles


def test_weeks_follow_iso_weeks_across_the_year_end(library: Library) -> None:
    timeline = library.timeline([Series("query", "南开")], "week")
    assert timeline.periods[0] == "2023-W52"
    assert timeline.periods[-1] == "2025-W01"
    counts = dict(zip(timeline.periods, timeline.series[0].counts, strict=True))
    # 30 Dec 2024 and 5 Jan 2025 fall in one week; 31 Dec 2023 and 1 Jan 2024 do not
    def on(*days: str) -> int:
        return int(library.db.execute(
            "SELECT count(*) FROM articles a JOIN issues i ON i.id = a.issue_id "
            f"WHERE a.removed = 0 AND instr(a.title || a.body, '南开') > 0 "
            f"AND i.date IN ({','.join('?' * len(days))})", list(days)).fetchone()[0])
    assert counts["2025-W01"] == on("2024-12-30", "2025-01-05")
    assert counts["2023-W52"] == on("2023-12-31")
    assert counts["2024-W01"] == on("2024-01-01")
    assert counts["2023-W52"] > 0 and counts["2024-W01"] > 0 and counts["2025-W01"] > 0
    years = library.timeline([Series("query", "南开")], "year")
    assert years.periods == ("2023", "2024", "2025")
    assert sum(timeline.series[0].counts) == sum(years.series[0].counts)


def test_undated_issues_are_left_out_and_counted(library: Library) -> None:
    for entity in top_entities(library, 5):
        timeline = library.timeline([entity], "month")
        assert timeline.series[0].undated == undated_sql(library, entity)
    assert any(library.timeline([e], "month").undated for e in top_entities(library, 5))


def test_a_period_opens_the_articles_counted_in_it(library: Library) -> None:
    series = Series("tag", "城市更新")
    timeline = library.timeline([series], "week")
    for period, count in zip(timeline.periods, timeline.series[0].counts, strict=True):
        refs = library.timeline_articles(series, period, "week")
        assert len(refs) == count
        first, last = period_bounds(period, "week")
        assert all(first.isoformat() <= (ref.date or "") <= last.isoformat() for ref in refs)
        for ref in refs:
            assert "城市更新" in library.article_tags(ref.article_id)


def test_a_bad_query_says_why(library: Library) -> None:
    with pytest.raises(QueryError):
        library.timeline([Series("query", '"南开')], "month")


def test_unknown_names_give_zeros(library: Library) -> None:
    timeline = library.timeline([Series("entity", "无此人", "person"), Series("tag", "无"),
                                 Series("query", "南开")], "year")
    assert timeline.series[0].counts == (0,) * len(timeline.periods)
    assert timeline.series[1].total == 0 and timeline.series[2].total > 0


def test_removed_articles_are_not_counted(library: Library) -> None:
    series = Series("tag", "城市更新")
    before = library.timeline([series], "year").series[0].total
    article = library.timeline_articles(series, "2024", "year")[0].article_id
    library.db.execute("UPDATE articles SET removed = 1 WHERE id = ?", [article])
    assert library.timeline([series], "year").series[0].total == before - 1


def test_the_csv_holds_the_table_of_counts(library: Library, tmp_path: Path) -> None:
    series = [Series("tag", "城市更新"), Series("query", "南开")]
    timeline = library.timeline(series, "month")
    target = tmp_path / "timeline.csv"
    rows = library.export_timeline(timeline, target, {series[1]: "“南开”"})
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert table[0] == ["period", "start", "end", "series", "kind", "count"]
    assert rows == len(table) - 1 == 2 * len(timeline.periods)
    assert table[1][:4] == [timeline.periods[0], *[str(d) for d in period_bounds(
        timeline.periods[0], "month")], "城市更新"]
    assert {row[3] for row in table[1:]} == {"城市更新", "“南开”"}
    assert sum(int(row[5]) for row in table[1:] if row[4] == "query") == \
        timeline.series[1].total


# ---------------------------------------------------------------- co-occurrence


def sql_pairs(library: Library, where: str = "", args: list[object] | None = None
              ) -> dict[tuple[int, int], int]:
    rows = library.db.execute(
        "SELECT x.entity_id, y.entity_id, count(DISTINCT x.article_id) "
        "FROM entity_mentions x JOIN entity_mentions y ON y.article_id = x.article_id "
        "AND y.entity_id > x.entity_id JOIN articles a ON a.id = x.article_id "
        f"LEFT JOIN issues i ON i.id = a.issue_id WHERE a.removed = 0 {where} "
        "GROUP BY 1, 2", args or []).fetchall()
    return {(a, b): n for a, b, n in rows}


def test_cooccurrence_counts_equal_direct_sql_counts(library: Library) -> None:
    found = library.cooccurrence(top=100_000, min_shared=1, limit=1_000_000)
    expected = sql_pairs(library)
    assert {(p.a_id, p.b_id): p.together for p in found.pairs} == expected
    assert found.articles == library.db.execute(
        "SELECT count(*) FROM articles WHERE removed = 0").fetchone()[0]
    per_entity = dict(library.db.execute(
        "SELECT entity_id, count(DISTINCT article_id) FROM entity_mentions "
        "GROUP BY entity_id").fetchall())
    for pair in found.pairs[:50]:
        assert (pair.a_articles, pair.b_articles) == (per_entity[pair.a_id],
                                                     per_entity[pair.b_id])
        assert pair.jaccard == pytest.approx(pair.together / (
            pair.a_articles + pair.b_articles - pair.together))
    together = [p.together for p in found.pairs]
    assert together == sorted(together, reverse=True)


def test_cooccurrence_keeps_the_top_entities_and_the_shared_minimum(library: Library
                                                                      ) -> None:
    found = library.cooccurrence(top=10, min_shared=2)
    top = {e.id for e in sorted(library.entity_index(), key=lambda e: (-e.articles, e.id))[:10]}
    assert found.entities == 10
    assert found.pairs and all(p.a_id in top and p.b_id in top for p in found.pairs)
    assert all(p.together >= 2 for p in found.pairs)
    expected = {k: n for k, n in sql_pairs(library).items() if n >= 2 and set(k) <= top}
    assert {(p.a_id, p.b_id): p.together for p in found.pairs} == expected


def test_cooccurrence_filters_by_period_and_tag(library: Library) -> None:
    period = Filters(date_from="2024-01-01", date_to="2024-12-31")
    found = library.cooccurrence(period, top=100_000, min_shared=1, limit=1_000_000)
    assert {(p.a_id, p.b_id): p.together for p in found.pairs} == sql_pairs(
        library, "AND i.date BETWEEN ? AND ?", ["2024-01-01", "2024-12-31"])
    tagged = Filters(tag="城市更新")
    found = library.cooccurrence(tagged, top=100_000, min_shared=1, limit=1_000_000)
    assert found.pairs
    assert {(p.a_id, p.b_id): p.together for p in found.pairs} == sql_pairs(
        library, "AND a.id IN (SELECT article_id FROM article_tags at JOIN tags t "
        "ON t.id = at.tag_id WHERE t.name = ?)", ["城市更新"])
    assert found.articles == len(library.search("", tagged, limit=10_000))


def test_a_pair_opens_the_articles_that_mention_both(library: Library) -> None:
    pair: Pair = library.cooccurrence(top=50, min_shared=2).pairs[0]
    refs = library.pair_articles(pair)
    assert len(refs) == pair.together
    for ref in refs:
        names = {h.label for h in library.highlights(ref.article_id)}
        assert {pair.a_name, pair.b_name} <= names
