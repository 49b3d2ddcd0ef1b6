"""Score the parser on real pages of another paper (``../shared/papers``) with their scorer.

Each page is parsed as ``baokan parse PAGE --no-analyze`` would (decode + parse, the same
JSON), the documents are written to a temporary folder, and the scorer that ships with the
pages (``score.py GOLD PARSED_DIR``) prints found / titles / bylines / glued per form.

The pages are for evaluation only; they are not part of the project. When the folder is
not there the script says so and exits 0.

Usage: ``python benchmarks/score_papers.py [PAPERS_DIR] [--show N]``
(default PAPERS_DIR: ``../shared/papers`` next to the checkout; every set in it that holds
a ``gold.json`` is scored).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.core.decode import read_file  # noqa: E402
from reader.core.issue_json import issue_to_json  # noqa: E402
from reader.core.parse import parse_decoded  # noqa: E402

DEFAULT_PAPERS = ROOT.parent / "shared" / "papers"


def parse_pages(pages: Path, out: Path) -> int:
    """Write PAGE.json for every page of ``pages`` that the gold names; return the count."""
    gold = json.loads((pages / "gold.json").read_text("utf-8"))
    for name in gold:
        document = issue_to_json(parse_decoded(read_file(pages / name)))
        (out / f"{name}.json").write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    return len(gold)


def score(papers: Path, pages: Path, show: int) -> int:
    with tempfile.TemporaryDirectory(prefix="baokan-score-") as out:
        count = parse_pages(pages, Path(out))
        print(f"{pages.name}: {count} pages", flush=True)
        command = [sys.executable, str(papers / "score.py"), str(pages / "gold.json"), out,
                   "--show", str(show)]
        return subprocess.run(command, check=False).returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("papers", nargs="?", type=Path, default=DEFAULT_PAPERS)
    parser.add_argument("--show", type=int, default=0, help="print this many misses")
    args = parser.parse_args()
    sets = sorted(p.parent for p in args.papers.glob("*/gold.json"))
    if not (args.papers / "score.py").is_file() or not sets:
        print(f"no scored pages at {args.papers} (they are not part of the project); "
              "nothing to score")
        return
    status = max(score(args.papers, pages, args.show) for pages in sets)
    sys.exit(status)


if __name__ == "__main__":
    main()
