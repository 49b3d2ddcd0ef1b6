"""Import and search on the synthetic decade corpus, with plain jieba.posseg as the yardstick.

Targets (issue 4): import end to end at >= 100,000 characters/s on the 2-core machine,
>= 2.5x plain ``jieba.posseg.cut`` on the same text in the same run; the median of 100
typical queries under 20 ms, the slowest under 100 ms.

Run: .venv/bin/python benchmarks/bench_import.py [--issues 2500] [--keep DIR]
"""

from __future__ import annotations

import argparse
import platform
import random
import statistics
import tempfile
import time
from collections import Counter
from pathlib import Path

from benchmarks.corpus import generate
from reader.core.decode import read_file
from reader.core.parse import parse_decoded
from reader.db import related, stats
from reader.library import Filters, Library

POSSEG_SAMPLE_CHARS = 300_000


def posseg_rate(files: list[Path]) -> float:
    """Characters per second of plain jieba.posseg.cut (defaults, HMM on) on corpus text."""
    import jieba
    import jieba.posseg

    jieba.setLogLevel(60)
    jieba.initialize()
    text = ""
    for path in files:
        issue = parse_decoded(read_file(path))
        text += "\n".join(p.text for item in issue.items for p in item.paragraphs)
        if len(text) >= POSSEG_SAMPLE_CHARS:
            break
    started = time.perf_counter()
    for _ in jieba.posseg.cut(text):
        pass
    return len(text) / (time.perf_counter() - started)


def queries(library: Library, count: int = 100, seed: int = 5) -> list[str]:
    """Typical queries: words and names from the corpus, phrases, AND/OR, single chars."""
    rng = random.Random(seed)
    bodies = [library.article(h.article_id).body
              for h in library.search("南开", limit=300) if h.kind == "article"]
    picked: list[str] = []
    while len(picked) < count:
        body = rng.choice(bodies)
        start = rng.randrange(max(1, len(body) - 6))
        word = body[start:start + rng.choice([2, 2, 3, 4, 6])]
        if not all("\u4e00" <= ch <= "\u9fff" for ch in word):
            continue
        shape = rng.random()
        if shape < 0.1:
            word = f'"{word}" 南开'
        elif shape < 0.15:
            word = f"{word} OR 天津"
        elif shape < 0.2:
            word = word[0]
        picked.append(word)
    return picked


def time_queries(library: Library, picked: list[str]) -> list[float]:
    timings = []
    for query in picked:
        started = time.perf_counter()
        library.search(query, Filters(), limit=50)
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def print_sizes(library: Library, input_bytes: int) -> None:
    """The file against the UTF-8 text it holds (target 2.5x, issue 13), and per table."""
    size, text = stats.file_bytes(library.db), stats.text_bytes(library.db)
    print(f"library file: {size / 1e6:.1f} MB = {size / text:.2f}x the {text / 1e6:.1f} MB of "
          f"UTF-8 text in titles and bodies (target 2.5x), {size / input_bytes:.2f}x the "
          f"{input_bytes / 1e6:.1f} MB of the issue files")
    print("  " + ", ".join(f"{name} {bytes_ / 1e6:.1f}"
                           for name, bytes_ in stats.table_sizes(library.db)[:8]) + " (MB)")


def print_related(library: Library, count: int = 200, seed: int = 7) -> None:
    """The near-duplicate detector's band index (issue 15), and the related articles of
    ``count`` random articles, found on demand as the reader's "Also in" bar does."""
    tables = {row[0] for row in library.db.execute("SELECT name FROM sqlite_master")}
    if "article_bands" not in tables:
        print("related articles: no detector in this version")
        return
    keys, ids = related.key_count(library.db)
    sizes = dict(stats.table_sizes(library.db))
    print(f"band index: {keys:,} keys, {ids:,} article ids, "
          f"{sizes.get('article_bands', 0) / 1e6:.1f} MB")
    articles = [row[0] for row in library.db.execute(
        "SELECT id FROM articles WHERE kind = 'article' AND duplicate_of IS NULL")]
    times, kinds, found = [], Counter(), 0
    for article_id in random.Random(seed).sample(articles, min(count, len(articles))):
        started = time.perf_counter()
        rows = library.related_articles(article_id)
        times.append((time.perf_counter() - started) * 1000)
        kinds.update(row.kind for row in rows)
        found += bool(rows)
    times.sort()
    print(f"related on demand, {len(times)} articles: median {statistics.median(times):.1f} "
          f"ms, p90 {times[len(times) * 9 // 10]:.1f} ms, slowest {times[-1]:.1f} ms "
          f"(target 50); {found} with related ones: "
          + ", ".join(f"{kind} {n:,}" for kind, n in sorted(kinds.items())))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--issues", type=int, default=2500)
    parser.add_argument("--keep", type=Path, default=None, help="keep corpus and db here")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="baokan-bench-"))
    files = generate(work / "issues", args.issues)
    chars = sum(len(p.read_text("utf-8")) for p in files)
    print(f"machine: {platform.machine()}, Python {platform.python_version()}, "
          f"{platform.system()}; corpus: {len(files)} issues, {chars:,} characters")

    yardstick = posseg_rate(files)
    print(f"plain jieba.posseg.cut (HMM on): {yardstick:,.0f} chars/s (one core)")

    db_path = work / "library.sqlite"
    db_path.unlink(missing_ok=True)
    library = Library(db_path)
    started = time.perf_counter()
    report = library.import_paths([work / "issues"])
    seconds = time.perf_counter() - started
    rate = chars / seconds
    articles = library.db.execute("SELECT count(*) FROM articles").fetchone()[0]
    print(f"import: {len(report.imported)} issues, {articles:,} items in {seconds:.1f} s = "
          f"{rate:,.0f} chars/s (target 100,000: {'met' if rate >= 100_000 else 'NOT met'}); "
          f"ratio to posseg {rate / yardstick:.2f} (target 2.5: "
          f"{'met' if rate / yardstick >= 2.5 else 'NOT met'}); failed {len(report.failed)}")
    print_sizes(library, sum(p.stat().st_size for p in files))
    print_related(library)

    picked = queries(library)
    time_queries(library, picked[:10])  # warm the page cache
    timings = time_queries(library, picked)
    median, worst = statistics.median(timings), max(timings)
    print(f"search: {len(timings)} queries, median {median:.1f} ms (target 20), "
          f"p90 {statistics.quantiles(timings, n=10)[-1]:.1f} ms, slowest {worst:.1f} ms "
          f"(target 100) for {picked[timings.index(worst)]!r}")


if __name__ == "__main__":
    main()
