"""How fast the search index's text is made (``reader.core.fts.index_text``).

Target: at least 2 M characters/s on one core (an import must not wait for it).
Run: .venv/bin/python benchmarks/bench_fts.py
"""

from __future__ import annotations

import platform
import time
from pathlib import Path

from reader.core.fts import index_text

SAMPLES = Path(__file__).resolve().parent.parent / "resources" / "samples"


def main() -> None:
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt")))
    text = text * max(1, 2_000_000 // max(1, len(text)))
    times = []
    for _ in range(5):
        started = time.process_time()
        index_text(text)
        times.append(time.process_time() - started)
    best = min(times)
    print(f"machine: {platform.machine()}, Python {platform.python_version()}")
    print(f"index_text: {len(text):,} characters, best of 5 {best * 1000:.0f} ms CPU = "
          f"{len(text) / best / 1e6:.2f} M chars/s (target 2 M/s)")


if __name__ == "__main__":
    main()
