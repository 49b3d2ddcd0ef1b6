"""Issue details through the library: read at import, corrected by the user, kept over a
re-import, undone, set by pattern; the schema-5 upgrade of an old library."""

from __future__ import annotations

import gzip
import shutil
import sqlite3
from pathlib import Path

import pytest

from reader.db import migrations
from reader.library import AnnotationError, Library
from tests.conftest import SAMPLES

ARTICLE = "南开区召开会议\n\n■ 记者 王芳\n\n会议指出，2019年3月5日以来，全区完成投资11.07亿元。\n"
DATA = Path(__file__).resolve().parent / "data"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def papers(tmp_path: Path) -> Path:
    """Two papers: 南开报 by year / month / day folders, 天津日报 by dated page headers."""
    root = tmp_path / "papers"
    write(root / "南开报" / "2024" / "08" / "30" / "01.txt", ARTICLE)
    write(root / "南开报" / "2024" / "08" / "30" / "02.txt", ARTICLE.replace("会议", "活动"))
    write(root / "天津日报" / "tj-a.txt", f"天津日报\n2024年8月29日 星期四 第1234期\n\n{ARTICLE}")
    write(root / "天津日报" / "tj-b.txt", f"天津日报\n2024年8月28日 星期三\n\n{ARTICLE}x")
    for seed in SAMPLES.glob("*.txt"):
        shutil.copy(seed, root / "南开报" / seed.name)
    return root


@pytest.fixture
def library(tmp_path: Path, papers: Path) -> Library:
    lib = Library(tmp_path / "lib.sqlite")
    lib.import_paths([papers / "南开报", papers / "天津日报"])
    return lib


def by_key(library: Library, key: str) -> int:
    return next(row.id for row in library.issues() if row.source_key == key)


def test_import_reads_folders_names_and_headers_and_seeds_get_nothing(library: Library
                                                                      ) -> None:
    rows = {row.source_key: row for row in library.issues()}
    first = rows["2024/08/30/01.txt"]
    assert (first.date, first.date_from, first.edition, first.edition_from) == \
        ("2024-08-30", "folder", "01", "name")
    tianjin = rows["tj-a.txt"]
    assert (tianjin.date, tianjin.date_from, tianjin.number, tianjin.paper) == \
        ("2024-08-29", "text", "1234", "天津日报")
    seeds = [row for key, row in rows.items() if key.endswith(tuple(
        p.name for p in SAMPLES.glob("*.txt")))]
    assert len(seeds) == 5
    assert all(row.date is None and row.edition is None and row.number is None
               and row.date_from == "" for row in seeds)
    assert [row.source_key for row in library.issues()][:2] == \
        ["2024/08/30/01.txt", "2024/08/30/02.txt"]  # a day's editions in order


def test_a_correction_survives_re_import(library: Library, papers: Path) -> None:
    issue = by_key(library, "tj-a.txt")
    library.set_issue_details({issue: {"date": "2024/8/27", "edition": "第2版"}})
    row = library.issue(issue)
    assert (row.date, row.date_from, row.edition, row.edition_from, row.number_from) == \
        ("2024-08-27", "user", "2", "user", "text")
    write(papers / "天津日报" / "tj-a.txt",
          f"天津日报\n2024年8月30日 星期五 第1235期\n\n{ARTICLE}新的一段。\n")
    report = library.import_paths([papers / "天津日报"])
    assert len(report.replaced) == 1
    row = library.issue(issue)
    assert (row.date, row.date_from, row.edition) == ("2024-08-27", "user", "2")
    assert (row.number, row.number_from) == ("1235", "text")  # not corrected: read anew
    assert library.read_details(issue).date == "2024-08-30"


def test_undo_puts_back_what_was_read(library: Library) -> None:
    issue = by_key(library, "2024/08/30/01.txt")
    before = library.set_issue_details({issue: {"date": "2024-09-01", "number": "12"}})
    assert before == {issue: {}}
    again = library.set_issue_details({issue: {"date": None}})
    assert again == {issue: {"date": "2024-09-01", "number": "12"}}
    row = library.issue(issue)
    assert (row.date, row.date_from, row.number) == (None, "user", "12")
    library.restore_issue_corrections(again)
    assert library.issue(issue).date == "2024-09-01"
    library.restore_issue_corrections(before)
    row = library.issue(issue)
    assert (row.date, row.date_from, row.number, row.number_from) == \
        ("2024-08-30", "folder", None, "")


def test_bad_values_and_unknown_issues_change_nothing(library: Library) -> None:
    first, second = by_key(library, "tj-a.txt"), by_key(library, "tj-b.txt")
    with pytest.raises(AnnotationError, match="2024-02 has 29 days"):
        library.set_issue_details({first: {"date": "2024-08-01"}, second: {"date": "2024-02-30"}})
    assert library.issue(first).date == "2024-08-29"
    with pytest.raises(AnnotationError, match="no issue 9999"):
        library.set_issue_details({9999: {"date": "2024-08-01"}})
    with pytest.raises(AnnotationError, match="not an issue number"):
        library.set_issue_details({first: {"number": "十二"}})
    with pytest.raises(AnnotationError, match="unknown detail"):
        library.set_issue_details({first: {"page": "1"}})


def test_changes_are_announced(library: Library) -> None:
    seen = []
    library.subscribe(seen.append)
    issue = by_key(library, "tj-b.txt")
    library.set_issue_details({issue: {"edition": "A04"}})
    assert seen and seen[-1].issues == {issue} and seen[-1].touches_tree()


def test_pattern_sets_what_matches_and_leaves_the_rest(library: Library) -> None:
    ids = [row.id for row in library.paper_issues("南开报")]
    matches = library.pattern_matches("{date:%Y/%m/%d}/{edition}.txt", ids)
    found = {row.source_key: m.details for row, m in matches if m.details is not None}
    assert set(found) == {"2024/08/30/01.txt", "2024/08/30/02.txt"}
    assert len(matches) == 7
    with pytest.raises(AnnotationError, match="unknown field"):
        library.pattern_matches("{day}.txt", ids)
    with pytest.raises(AnnotationError, match="no paper named"):
        library.paper_issues("人民日报")


def test_renaming_a_paper_onto_another_keeps_corrections(library: Library) -> None:
    issue = by_key(library, "tj-b.txt")
    library.set_issue_details({issue: {"date": "2024-01-02"}})
    library.rename_paper("天津日报", "南开报")
    assert library.issue_corrections(issue) == {"date": "2024-01-02"}
    assert library.issue(issue).paper == "南开报"


def test_schema_5_upgrade_reads_names_of_an_old_library(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite"
    with gzip.open(DATA / "library-v2.sqlite.gz", "rb") as packed, path.open("wb") as raw:
        shutil.copyfileobj(packed, raw)
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE issues SET source_key = '2024/08/30/01.txt' WHERE id = 1")
        conn.execute("UPDATE issues SET source_key = '2024-08-29_A04版.txt', "
                     "date = '2024-08-29' WHERE id = 2")
    conn.close()
    library = Library(path)
    assert migrations.schema_version(library.db) == len(migrations.MIGRATIONS) >= 7
    rows = {row.id: row for row in library.issues()}
    assert (rows[1].date, rows[1].date_from, rows[1].edition) == ("2024-08-30", "folder", "01")
    assert (rows[2].date, rows[2].date_from, rows[2].edition) == ("2024-08-29", "name", "A04")
    assert all(rows[n].date is None and rows[n].date_from == "" for n in (3, 4, 5))
    assert library.issue_corrections(1) == {}
    library.set_issue_details({3: {"date": "2024-03-01"}})
    assert library.issue(3).date == "2024-03-01"
    assert list(path.parent.glob("*.backups/*before-upgrade-v2*"))
    library.close()


def test_an_article_row_carries_its_paper_date_edition_and_number(library: Library) -> None:
    issue = by_key(library, "2024/08/30/01.txt")
    article = library.article(library.articles(issue)[0][0])
    assert (article.paper, article.issue_date, article.issue_edition, article.issue_number) \
        == ("南开报", "2024-08-30", "01", None)
    library.set_issue_details({issue: {"number": "88"}})
    assert library.article(article.id).issue_number == "88"


def test_repair_keeps_corrections_and_details(library: Library, tmp_path: Path) -> None:
    from reader.library import repair_library

    issue = by_key(library, "tj-b.txt")
    library.set_issue_details({issue: {"date": "2024-01-02", "edition": "A1"}})
    library.close()
    repaired, counts = repair_library(tmp_path / "lib.sqlite", replace=False)
    assert counts["issue_corrections"] == 2
    copy = Library(repaired)
    row = copy.issue(issue)
    assert (row.date, row.date_from, row.edition) == ("2024-01-02", "user", "A1")
    assert copy.issue_corrections(issue) == {"date": "2024-01-02", "edition": "A1"}
    assert copy.issue(by_key(copy, "2024/08/30/01.txt")).date_from == "folder"
    copy.close()
