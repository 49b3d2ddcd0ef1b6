"""The exchange exports on a big library: the per-mention CSV and the REFI-QDA project.

The library is the five sample issues imported once, then copied ``--copies`` times in SQL
(each copy another issue with its own date, so a decade's worth of rows without a decade of
imports). Measured: wall time and rows per second of ``export_csv("mentions")``, the peak of
Python memory while it runs (tracemalloc, a separate run: it slows the code), and the
REFI-QDA project of every article and of the tagged ones.

Run: .venv/bin/python -m benchmarks.bench_exchange --copies 500
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import sqlite3
import tempfile
import time
import tracemalloc
from pathlib import Path

from reader.library import Library
from tests.conftest import SAMPLES


def build(path: Path, copies: int) -> None:
    """The samples imported, then every issue, article, paragraph and mention copied."""
    library = Library(path)
    library.import_paths([SAMPLES], workers=1)
    library.close()
    db = sqlite3.connect(path)
    issues = db.execute("SELECT max(id) FROM issues").fetchone()[0]
    articles = db.execute("SELECT max(id) FROM articles").fetchone()[0]
    with db:
        for k in range(1, copies):
            di, da = k * issues, k * articles
            db.execute(
                "INSERT INTO issues (id, paper_id, source_key, source_name, source_path, "
                "sha256, encoding, title, date, item_count, char_count, warnings, imported_at) "
                "SELECT id + ?, paper_id, source_key || '#' || ?, source_name, source_path, "
                "sha256 || '#' || ?, encoding, title || '#' || ?, "
                "date('2015-01-01', '+' || (? * 5 + id) || ' days'), item_count, char_count, "
                "warnings, imported_at FROM issues WHERE id <= ?",
                [di, k, k, k, k, issues])
            db.execute(
                "INSERT INTO articles (id, issue_id, position, kind, title, title_lines, "
                "bylines, byline, credit, duplicate_of, body, removed) SELECT id + ?, "
                "issue_id + ?, position, kind, title, title_lines, bylines, byline, credit, "
                "duplicate_of + ?, body, removed FROM articles WHERE id <= ?",
                [da, di, da, articles])
            db.execute('INSERT INTO paragraphs (article_id, position, kind, start, "end") '
                       'SELECT article_id + ?, position, kind, start, "end" FROM paragraphs '
                       "WHERE article_id <= ?", [da, articles])
            db.execute('INSERT INTO entity_mentions (article_id, start, "end", entity_id) '
                       'SELECT article_id + ?, start, "end", entity_id FROM entity_mentions '
                       "WHERE article_id <= ?", [da, articles])
        db.execute("INSERT INTO tags (name, color, created) VALUES ('城市更新', '#e57373', "
                   "'2026-12-05T00:00:00+00:00')")
        db.execute("INSERT INTO article_tags (article_id, tag_id, created) SELECT id, 1, "
                   "'2026-12-05T00:00:00+00:00' FROM articles WHERE id % 100 = 7")
    db.close()


def timed(label: str, work: object) -> float:
    started, cpu = time.perf_counter(), time.process_time()
    result = work() if callable(work) else None
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(f"{label}: {seconds:.2f} s ({cpu:.2f} s CPU)  {result if result is not None else ''}")
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, default=500)
    args = parser.parse_args()
    print(f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.1f}, Python {platform.python_version()}")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "library.sqlite"
        timed(f"build: samples × {args.copies}", lambda: build(path, args.copies))
        library = Library(path, readonly=True)
        counts = library.db.execute(
            "SELECT (SELECT count(*) FROM issues), (SELECT count(*) FROM articles), "
            "(SELECT count(*) FROM entity_mentions)").fetchone()
        print(f"library: {counts[0]:,} issues, {counts[1]:,} articles, {counts[2]:,} mentions, "
              f"{path.stat().st_size / 1e6:.0f} MB")
        out = Path(tmp) / "mentions.csv"
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        seconds = timed("export mentions", lambda: library.export_csv("mentions", out))
        grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss) / 1024
        print(f"  {counts[2] / seconds:,.0f} rows/s, {out.stat().st_size / 1e6:.0f} MB of CSV, "
              f"peak RSS grew {grown:.0f} MB")
        tracemalloc.start()
        library.export_csv("mentions", out)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(f"  peak Python memory while exporting (tracemalloc run): {peak / 1e6:.1f} MB")
        tagged = Path(tmp) / "tagged.qdpx"
        timed("qdpx, the tagged articles", lambda: library.export_qdpx(tagged))
        print(f"  {tagged.stat().st_size / 1e6:.1f} MB")
        every = Path(tmp) / "all.qdpx"
        timed("qdpx --all", lambda: library.export_qdpx(every, every=True))
        print(f"  {every.stat().st_size / 1e6:.1f} MB")
        tracemalloc.start()
        library.export_qdpx(every, every=True)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(f"  peak Python memory of qdpx --all (tracemalloc run): {peak / 1e6:.1f} MB")
        library.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
