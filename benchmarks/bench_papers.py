"""A decade of two papers whose files are named by date: every issue kept, and what it costs.

Two folders of 1,250 date-named issues each (``2015/2015-01-01.txt`` in both, other text),
imported into one library: the issue count per paper must be 1,250 + 1,250 (issue 10).
Also measured: import speed, the cost of the checks on opening (``quick_check``), the file
size against the text it holds, and a backup of the whole library.

Run: .venv/bin/python benchmarks/bench_papers.py [--issues 1250] [--keep DIR]
"""

from __future__ import annotations

import argparse
import platform
import tempfile
import time
from pathlib import Path

from benchmarks.corpus import generate
from reader.library import Library


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--issues", type=int, default=1250, help="issues per paper")
    parser.add_argument("--keep", type=Path, default=None, help="work in this folder")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="baokan-papers-"))
    papers = [work / "天津日报", work / "南开报"]
    for seed, folder in enumerate(papers, 1):
        if not folder.exists():
            generate(folder, args.issues, seed=seed, prefix="", daily=True)
    text = sum(p.stat().st_size for f in papers for p in f.rglob("*.txt"))
    db = work / "lib.sqlite"
    for side in ("", "-wal", "-shm"):
        Path(f"{db}{side}").unlink(missing_ok=True)
    library = Library(db)
    start = time.perf_counter()
    report = library.import_paths(papers)
    seconds = time.perf_counter() - start
    chars = library.db.execute("SELECT sum(char_count) FROM issues").fetchone()[0]
    print(f"machine: {platform.machine()}, {platform.python_version()}, "
          f"{platform.system()} {platform.release()}")
    print(f"imported {len(report.imported)}, replaced {len(report.replaced)}, "
          f"failed {len(report.failed)}; papers {dict(sorted(report.papers.items()))}")
    print(f"library: {len(library.issues())} issues; "
          f"{', '.join(f'{n} {c}' for _, n, c in library.papers())}")
    print(f"import: {seconds:.1f} s, {chars / seconds:,.0f} chars/s")
    library.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    library.close()
    size = db.stat().st_size
    print(f"file: {size / 1e6:.0f} MB for {text / 1e6:.1f} MB of UTF-8 text ({size / text:.1f}x)")
    start = time.perf_counter()
    reopened = Library(db)
    print(f"open with quick_check: {time.perf_counter() - start:.2f} s")
    start = time.perf_counter()
    made = reopened.make_backup()
    print(f"backup: {time.perf_counter() - start:.2f} s ({made.stat().st_size / 1e6:.0f} MB)")
    reopened.close()


if __name__ == "__main__":
    main()
