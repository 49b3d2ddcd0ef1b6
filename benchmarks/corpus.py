"""Generate a synthetic decade of issues: the seeds' articles and paragraphs reshuffled.

2,500 issue files of realistic size (9-12 items, about 6,000 characters, like the seeds),
dated every 1-2 days from 2015-01-01, in the seeds' layout: title lines, a byline, body
paragraphs (some cut by column breaks), photos with credits.

Run: .venv/bin/python benchmarks/corpus.py OUT_DIR [--issues 2500] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
from datetime import date, timedelta
from pathlib import Path

from reader.core.decode import read_file
from reader.core.parse import parse_decoded

SAMPLES = Path(__file__).resolve().parent.parent / "resources" / "samples"


def _pools() -> tuple[list[list[str]], list[list[str]], list[str], list[str], list[str]]:
    titles, bylines, paragraphs, captions, credits = [], [], [], [], []
    for path in sorted(SAMPLES.glob("*.txt")):
        for item in parse_decoded(read_file(path)).items:
            if item.kind == "photo":
                captions += [p.text for p in item.paragraphs]
                credits.append(item.credit)
            elif item.title_lines and item.duplicate_of is None:
                titles.append(item.title_lines)
                bylines.append(item.bylines)
                paragraphs += [p.text for p in item.paragraphs if p.kind == "text"]
    return titles, bylines, paragraphs, captions, credits


def make_issue(rng: random.Random, pools: tuple[list[list[str]], list[list[str]], list[str],
               list[str], list[str]]) -> str:
    """One issue's text in the seeds' layout."""
    titles, bylines, paragraphs, captions, credits = pools
    blocks: list[str] = []
    for _ in range(rng.randint(8, 11)):
        if rng.random() < 0.15:
            blocks += ["", "▲" + rng.choice(captions), rng.choice(credits)]
            continue
        blocks += ["\n\n".join(rng.choice(titles)), "■ 通讯员 " + " ".join(rng.choice(bylines))]
        for text in rng.sample(paragraphs, rng.randint(2, 5)):
            if len(text) > 80 and rng.random() < 0.3:
                cut = rng.randint(20, len(text) - 20)
                blocks += [text[:cut], text[cut:]]
            else:
                blocks.append(text)
    return "\n\n" + "\n\n".join(blocks) + "\n"


def generate(out: Path, issues: int = 2500, seed: int = 1, prefix: str = "南开报_",
             daily: bool = False) -> list[Path]:
    """Write ``issues`` files into ``out`` (one folder per year); returns their paths.

    Files are named ``PREFIX2015-01-01.txt``; ``daily`` puts one issue on every day (so two
    papers generated with other seeds have the same file names, as real dumps do).
    """
    rng = random.Random(seed)
    pools = _pools()
    day = date(2015, 1, 1)
    written = []
    for _ in range(issues):
        folder = out / str(day.year)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{prefix}{day.isoformat()}.txt"
        path.write_text(make_issue(rng, pools), encoding="utf-8")
        written.append(path)
        day += timedelta(days=1 if daily else rng.choice([1, 1, 2]))
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--issues", type=int, default=2500)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    files = generate(args.out, args.issues, args.seed)
    size = sum(p.stat().st_size for p in files)
    print(f"{len(files)} issues, {size / 1e6:.1f} MB, in {args.out}")


if __name__ == "__main__":
    main()
