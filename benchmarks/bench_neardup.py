"""The near-duplicate detector's own cost on the synthetic decade (issue 15).

Generates the decade (``benchmarks/corpus.py``), parses it (no analysis), then measures
in CPU time: the signatures as the import workers compute them (chars/s), the library
side at import (storing each article's band keys) per article as the library grows,
issue by issue, in slices of the import, and the look-up of an article's related ones
(wall time, as the reader waits for it) on a sample of each slice's articles once the
library holds the decade: if either grew with the corpus, the later slices would cost
more per article.

The synthetic decade is a hard case for it: every article is made of the seeds' ~200
paragraphs reshuffled, so each one shares paragraphs with hundreds of others and the
keys' lists are long (real papers share far less).

Run: ``python -m benchmarks.bench_neardup [--issues 2500]``
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections import Counter
from pathlib import Path

from benchmarks.corpus import generate
from reader.core.decode import read_file
from reader.core.neardup import issue_signatures
from reader.core.parse import parse_decoded
from reader.db import issues, related
from reader.db.connection import transaction
from reader.library import Library

SLICES = 5


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--issues", type=int, default=2500)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="baokan-neardup-"))
    files = generate(work / "issues", args.issues)
    parsed = [parse_decoded(read_file(path)) for path in files]
    chars = sum(len(p.text) for issue in parsed for item in issue.items
                for p in item.paragraphs)
    started = time.process_time()
    signatures = [issue_signatures(issue) for issue in parsed]
    seconds = time.process_time() - started
    print(f"{len(files)} issues, {chars:,} characters of text; signatures: {seconds:.1f} s "
          f"CPU = {chars / seconds:,.0f} chars/s")
    library = Library(work / "library.sqlite")
    db = library.db
    spent = [0.0]
    add = related.add

    def timed(*args_: object, **kwargs: object) -> None:
        start = time.process_time()
        add(*args_, **kwargs)  # type: ignore[arg-type]
        spent[0] += time.process_time() - start

    issues.related.add = timed  # type: ignore[attr-defined]
    size = len(parsed) // SLICES
    slices = []
    for n in range(SLICES):
        before, total = spent[0], time.process_time()
        part = range(n * size, (n + 1) * size)
        items = sum(len(parsed[i].items) for i in part)
        first = db.execute("SELECT coalesce(max(id), 0) FROM articles").fetchone()[0]
        for i in part:
            with transaction(db):
                issues.insert_issue(db, parsed[i], str(files[i]), "南开报", files[i].name,
                                    signatures[i])
        slices.append((part, first))
        total = time.process_time() - total
        look = spent[0] - before
        print(f"issues {part.start + 1}-{part.stop}: band keys {1000 * look / items:.2f} ms "
              f"an item ({look:.1f} s of the {total:.1f} s CPU the store took)")
    issues.related.add = add  # type: ignore[attr-defined]
    keys, ids = related.key_count(db)
    print(f"band index: {keys:,} keys, {ids:,} article ids")
    for part, first in slices:
        print(f"issues {part.start + 1}-{part.stop}: " + lookups(library, first))
    library.close()


def lookups(library: Library, after: int, count: int = 100) -> str:
    """Wall time of ``related_articles`` on ``count`` random articles with ids above
    ``after`` (stored from then on), and what it found."""
    rows = library.db.execute(
        "SELECT id FROM articles WHERE id > ? AND kind = 'article' AND duplicate_of IS NULL "
        "ORDER BY random() LIMIT ?", [after, count]).fetchall()
    times, kinds = [], Counter()
    for (article_id,) in rows:
        start = time.perf_counter()
        kinds.update(r.kind for r in library.related_articles(article_id))
        times.append(1000 * (time.perf_counter() - start))
    times.sort()
    return (f"related on demand median {statistics.median(times):.1f} ms, p90 "
            f"{times[len(times) * 9 // 10]:.1f} ms, max {times[-1]:.1f} ms; found "
            + ", ".join(f"{k} {c}" for k, c in sorted(kinds.items())))


if __name__ == "__main__":
    main()
