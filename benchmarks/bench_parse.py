"""Parsing throughput: decode + parse (no analysis) of seed-like issue text, in MB/s.

Target (issue 2): at least 5 MB of issue text per second on the project's 2-core machine.
Run: .venv/bin/python benchmarks/bench_parse.py [--mb 20] [--repeat 5]
"""

from __future__ import annotations

import argparse
import platform
import random
import statistics
import time
from pathlib import Path

from reader.core.decode import decode_bytes
from reader.core.parse import parse_decoded

SAMPLES = Path(__file__).resolve().parent.parent / "resources" / "samples"


def corpus(megabytes: float, seed: int = 7) -> list[bytes]:
    """Issue files of realistic size: the seeds' blocks reshuffled, up to ``megabytes``."""
    rng = random.Random(seed)
    blocks = [b for p in sorted(SAMPLES.glob("*.txt"))
              for b in p.read_text("utf-8").split("\n\n") if b.strip()]
    files: list[bytes] = []
    total = 0
    while total < megabytes * 1e6:
        start = rng.randrange(len(blocks))
        issue = "\n\n".join(blocks[start:start + rng.randint(80, 140)]) + "\n"
        data = issue.encode("utf-8")
        files.append(data)
        total += len(data)
    return files


def run(files: list[bytes]) -> float:
    started = time.perf_counter()
    for n, data in enumerate(files):
        parse_decoded(decode_bytes(data, f"{n:05d}.txt"))
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=20.0)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    files = corpus(args.mb)
    size = sum(len(f) for f in files)
    chars = sum(len(f.decode("utf-8")) for f in files)
    times = [run(files) for _ in range(args.repeat)]
    best, median = min(times), statistics.median(times)
    print(f"machine: {platform.processor() or platform.machine()}, "
          f"Python {platform.python_version()}, {platform.system()}")
    print(f"corpus: {len(files)} issue files, {size / 1e6:.1f} MB UTF-8, {chars:,} characters")
    print(f"decode+parse: median {median:.2f} s, best {best:.2f} s over {args.repeat} runs")
    print(f"throughput: {size / 1e6 / median:.1f} MB/s median ({chars / median:,.0f} chars/s), "
          f"{size / 1e6 / best:.1f} MB/s best")
    print(f"target 5 MB/s: {'met' if size / 1e6 / median >= 5 else 'NOT met'}")


if __name__ == "__main__":
    main()
