"""Timelines and co-occurrence on a big library (the reads behind View → Timeline… and
View → Co-occurrence…, which the window runs on its reader thread).

Run: .venv/bin/python -m benchmarks.bench_timeline --db DIR/library.sqlite
(a library of dated issues, e.g. two papers of ``benchmarks/corpus.py`` imported).
Target: each read well under a second on a decade, so the views stay interactive.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reader.library import Filters, Library, Series


def timed(work: Callable[[], Any], runs: int = 3) -> tuple[float, Any]:
    """Median seconds of ``runs`` calls, and the last result."""
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, required=True)
    args = parser.parse_args()
    library = Library(args.db, readonly=True, check=False)
    articles = library.db.execute("SELECT count(*) FROM articles").fetchone()[0]
    mentions = library.db.execute("SELECT count(*) FROM entity_mentions").fetchone()[0]
    issues = library.issues()
    dated = [row.date for row in issues if row.date]
    print(f"{len(issues)} issues ({len(dated)} dated, {min(dated)} to {max(dated)}), "
          f"{articles} items, {mentions} mentions")
    index_time, index = timed(library.entity_index, 1)
    series = [Series("entity", e.name, e.type) for e in index[:3]]
    series += [Series("query", "南开"), Series("query", "城市更新")]
    print(f"entity index (the completer): {index_time * 1000:.0f} ms")
    for bin_ in ("week", "month", "year"):
        seconds, timeline = timed(lambda b=bin_: library.timeline(series, b))
        print(f"timeline of 5 series per {bin_}: {seconds * 1000:.0f} ms, "
              f"{len(timeline.periods)} periods")
    seconds, _ = timed(lambda: library.timeline(series[:3], "month", "mentions"))
    print(f"timeline of 3 entities, mentions per month: {seconds * 1000:.0f} ms")
    timeline = library.timeline(series[:1], "month")
    busiest = max(range(len(timeline.periods)), key=lambda n: timeline.series[0].counts[n])
    seconds, refs = timed(lambda: library.timeline_articles(
        series[0], timeline.periods[busiest], "month"))
    print(f"a month's articles of the top entity: {seconds * 1000:.0f} ms, {len(refs)} rows")
    year = dated[len(dated) // 2][:4]
    for label, filters in (("all years", Filters()),
                           (f"the year {year}", Filters(date_from=f"{year}-01-01",
                                                        date_to=f"{year}-12-31"))):
        for top, least in ((200, 2), (1000, 2), (100_000, 1)):
            seconds, found = timed(lambda f=filters, t=top, m=least: library.cooccurrence(
                f, t, m), 1)
            print(f"co-occurrence, {label}, top {top}, ≥ {least} shared: "
                  f"{seconds * 1000:.0f} ms, {len(found.pairs)} pairs "
                  f"(capped at 5000) of {found.entities} entities in {found.articles} articles")
    pair = library.cooccurrence().pairs[0]
    seconds, refs = timed(lambda: library.pair_articles(pair))
    print(f"a pair's articles ({pair.a_name} + {pair.b_name}): {seconds * 1000:.0f} ms, "
          f"{len(refs)} rows")
    library.close()


if __name__ == "__main__":
    main()
