"""Write tests/data/library-v2.sqlite.gz and search-v2.json from a schema-2 checkout.

Run it with the code of the schema-2 app (before the compact schema 3) first on
sys.path: ``git archive 1e1e943 | tar -x -C /tmp/old && cd /tmp/old &&
PYTHONPATH=/tmp/old python /path/to/tools/make_v2_fixture.py /path/to/tests/data``
(without PYTHONPATH, an editable install of a newer checkout wins; the script refuses to
write a library that is not schema 2). It imports the five sample
issues, adds notes, tags and entity corrections, and records the hits of many queries
(single characters, two-character words, phrases, Latin and digits, OR and NOT) so that
tests can check that the migrated library keeps every annotation and finds the same.
"""

from __future__ import annotations

import gzip
import json
import random
import re
import shutil
import sys
import tempfile
from pathlib import Path

from reader.library import Library

SAMPLES = Path("resources/samples")


def make_queries(bodies: list[str], seed: int = 13) -> list[str]:
    """Queries of every shape the search syntax has, drawn from the sample text."""
    rng = random.Random(seed)
    text = "\n".join(bodies)
    chars = sorted({c for c in text if "\u4e00" <= c <= "\u9fff"})
    queries = rng.sample(chars, 60)
    for length in (2, 2, 2, 3, 4, 6):
        for _ in range(25):
            body = rng.choice(bodies)
            start = rng.randrange(max(1, len(body) - length))
            queries.append(body[start:start + length].strip() or "南开")
    for match in rng.sample(re.findall(r"[\u4e00-\u9fff]{1,3}[，、。：][\u4e00-\u9fff]{1,3}",
                                       text), 20):
        queries.append(f'"{match}"')
    latin = sorted(set(re.findall(r"[A-Za-z0-9][A-Za-z0-9.%]*[\u4e00-\u9fff]?", text)))
    queries += rng.sample(latin, min(40, len(latin)))
    queries += ["南开 OR 天津", "南开 NOT 区委", "(区委 OR 政府) 南开", '"南开区 委"', "开区",
                "南开，区", "GDP", "gdp", "2024年", "第3", "5G", "区", "的", "〇", "南开区委",
                "南 开", "NOT", '"', "南开 AND"]
    return list(dict.fromkeys(q for q in queries if q.strip()))


def annotate(library: Library) -> None:
    ids = [h.article_id for h in library.search("南开", limit=30)]
    for n, article_id in enumerate(ids[:12]):
        library.add_tag(article_id, ["城市更新", "招商引资", "Mixed Case"][n % 3])
        body = library.article(article_id).body
        library.add_note(article_id, f"笔记 {n}", 5, 15, expected=body[5:15])
        library.add_note(article_id, f"整篇笔记 {n}")
    top = library.entity_index()[:4]
    library.reject_entity(top[0].type, top[0].name)
    library.merge_entity(top[1].type, top[1].name, top[2].name)


def main() -> None:
    out = Path(sys.argv[1])
    work = Path(tempfile.mkdtemp())
    db = work / "library.sqlite"
    library = Library(db)
    library.import_paths(sorted(SAMPLES.glob("*.txt")))
    annotate(library)
    bodies = [library.article(h.article_id).body for h in library.search("的", limit=1000)]
    expected = {}
    for query in make_queries(bodies):
        try:
            expected[query] = [h.article_id for h in library.search(query, limit=100_000)]
        except ValueError as error:  # QueryError
            expected[query] = str(error)
    version = library.db.execute("PRAGMA user_version").fetchone()[0]
    if version != 2:
        raise SystemExit(f"this code writes schema {version}, not 2: see the docstring")
    library.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    library.db.execute("PRAGMA journal_mode = DELETE")
    library.db.execute("VACUUM")
    library.close()
    with db.open("rb") as raw, gzip.open(out / "library-v2.sqlite.gz", "wb") as packed:
        shutil.copyfileobj(raw, packed)
    (out / "search-v2.json").write_text(json.dumps(expected, ensure_ascii=False, indent=0),
                                        encoding="utf-8")
    print(f"{len(expected)} queries")


if __name__ == "__main__":
    main()
