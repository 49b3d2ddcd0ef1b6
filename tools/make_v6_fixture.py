"""Write tests/data/library-v6.sqlite.gz from a schema-6 checkout.

Run it with the code of the schema-6 app (the near-duplicate detector's stored pairs,
before the band index of schema 7) first on sys.path: ``git archive 18a753a | tar -x -C
/tmp/v6 && cd /tmp/v6 && PYTHONPATH=/tmp/v6 python /path/to/tools/make_v6_fixture.py
/path/to/tests/data`` (the script refuses to write a library that is not schema 6). It
imports three sample issues as one paper and, as a second paper, an issue that reprints
three of their articles (re-wrapped, cut short, quoted by a follow-up), so that the
library holds related pairs of every kind; then adds tags, notes, entity corrections, a
split correction and an issue correction, which the upgrade must keep.
"""

from __future__ import annotations

import gzip
import shutil
import sys
import tempfile
from pathlib import Path

from reader.library import Library

SAMPLES = Path("resources/samples")
FOLLOW_UP = ("记者近日回访了上文报道中提到的几家单位，了解到相关工作仍在持续推进，"
             "群众反映良好，有关部门表示下一步将继续加大工作力度。")


def longest(library: Library, issue_id: int, count: int) -> list[str]:
    """The bodies of an issue's ``count`` longest articles."""
    bodies = [library.article(article_id).body
              for article_id, _, _ in library.articles(issue_id)]
    return sorted(bodies, key=len, reverse=True)[:count]


def reprint(bodies: list[str]) -> str:
    """An issue of another paper: a re-wrapped copy, a truncated copy, a follow-up."""
    copy, cut, quoted = bodies
    wrapped = "\n".join(copy[i:i + 26] for i in range(0, len(copy), 26))
    blocks = ["转载：同一篇报道", "■ 记者 张三", wrapped,
              "节选：前一半", "■ 记者 李四", cut[: len(cut) // 2],
              "回访：后续报道", "■ 记者 王五", FOLLOW_UP + "\n\n" + quoted[: len(quoted) * 3 // 4]]
    return "\n\n" + "\n\n".join(blocks) + "\n"


def annotate(library: Library, issue_id: int) -> None:
    ids = [article_id for article_id, _, _ in library.articles(issue_id)]
    for n, article_id in enumerate(ids[:6]):
        library.add_tag(article_id, ["城市更新", "招商引资", "Mixed Case"][n % 3])
        body = library.article(article_id).body
        library.add_note(article_id, f"笔记 {n}", 5, 15, expected=body[5:15])
        library.add_note(article_id, f"整篇笔记 {n}")
    top = library.entity_index()[:3]
    library.reject_entity(top[0].type, top[0].name)
    library.merge_entity(top[1].type, top[1].name, top[2].name)
    library.set_issue_details({issue_id: {"number": "1234"}})


def main() -> None:
    out = Path(sys.argv[1])
    work = Path(tempfile.mkdtemp())
    (work / "南开报").mkdir()
    for seed in sorted(SAMPLES.glob("*.txt"))[:3]:
        shutil.copy(seed, work / "南开报" / seed.name)
    db = work / "library.sqlite"
    library = Library(db)
    library.import_paths([work / "南开报"], workers=1)
    first = library.issues()[0].id
    (work / "天津日报").mkdir()
    (work / "天津日报" / "2024-09-02.txt").write_text(
        reprint(longest(library, first, 3)), encoding="utf-8")
    library.import_paths([work / "天津日报"], workers=1)
    annotate(library, first)
    library.correct_split(library.articles(first)[0][0], "title", "paragraph", 0)
    version = library.db.execute("PRAGMA user_version").fetchone()[0]
    if version != 6:
        raise SystemExit(f"this code writes schema {version}, not 6: see the docstring")
    kinds = library.db.execute("SELECT kind, count(*) FROM related_articles GROUP BY kind")
    print("related pairs:", dict(kinds.fetchall()))
    library.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    library.db.execute("PRAGMA journal_mode = DELETE")
    library.db.execute("VACUUM")
    library.close()
    with db.open("rb") as raw, gzip.open(out / "library-v6.sqlite.gz", "wb") as packed:
        shutil.copyfileobj(raw, packed)


if __name__ == "__main__":
    main()
