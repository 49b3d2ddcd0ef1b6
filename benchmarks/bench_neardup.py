"""The near-duplicate detector's own cost on the synthetic decade (issue 15).

Generates the decade (``benchmarks/corpus.py``), parses it (no analysis), then measures
in CPU time: the signatures as the import workers compute them (chars/s), and the
library side (look-up of the band buckets, comparison, storing keys and pairs) per
article as the library grows, issue by issue, in slices of the import: if the look-up
grew with the corpus, the later slices would cost more per article.

The synthetic decade is a hard case for it: every article is made of the seeds' ~200
paragraphs reshuffled, so each one shares paragraphs with hundreds of others and the
buckets are full (real papers share far less).

Run: ``python -m benchmarks.bench_neardup [--issues 2500]``
"""

from __future__ import annotations

import argparse
import tempfile
import time
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
    index_issue = related.index_issue

    def timed(*args_: object, **kwargs: object) -> None:
        start = time.process_time()
        index_issue(*args_, **kwargs)  # type: ignore[arg-type]
        spent[0] += time.process_time() - start

    related.index_issue = timed  # type: ignore[assignment]
    issues.related.index_issue = timed  # type: ignore[attr-defined]
    size = len(parsed) // SLICES
    for n in range(SLICES):
        before, total = spent[0], time.process_time()
        part = range(n * size, (n + 1) * size)
        items = sum(len(parsed[i].items) for i in part)
        for i in part:
            with transaction(db):
                issues.insert_issue(db, parsed[i], str(files[i]), "南开报", files[i].name,
                                    signatures[i])
        total = time.process_time() - total
        look = spent[0] - before
        print(f"issues {part.start + 1}-{part.stop}: detector {1000 * look / items:.2f} ms "
              f"an item ({look:.1f} s of the {total:.1f} s CPU the store took)")
    kinds = db.execute("SELECT kind, count(*) FROM related_articles GROUP BY kind").fetchall()
    print("pairs: " + ", ".join(f"{k} {c:,}" for k, c in kinds))
    library.close()


if __name__ == "__main__":
    main()
