"""The same story across issues in the library: found at import, incrementally, replaced
on re-import, never left dangling, computed for a library made before the detector."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest

from reader.core import neardup
from reader.db import related
from reader.library import Library
from tests.conftest import SAMPLES

STORY = [
    "本报讯 南开区召开招商引资工作推进会，会议通报了今年以来全区招商引资工作进展情况，"
    "各街道和有关部门负责同志逐一汇报了在谈项目和落地项目情况。",
    "会议指出，要坚持把招商引资作为经济工作的生命线，紧盯重点产业链条，围绕科技服务、数字经济"
    "和现代商贸开展精准招商，做好项目落地的全流程服务。",
    "会议要求，对已签约项目实行专班推动，确保早开工、早投产、早见效，并对下一步楼宇经济提质增效"
    "作出部署，明确了各单位的任务分工和完成时限。",
]
OTHER = [
    "记者从南开区投资促进局获悉，三季度全区新引进内资项目四十二个，协议投资额同比增长一成以上，"
    "区里组织企业家座谈会，听取在区企业对营商环境的意见。",
    "投资促进局负责人表示，将用好驻外招商联络点，开展以商招商，推动总部企业在南开设立区域中心，"
    "并建立项目服务台账，跟踪每一个项目从洽谈到注册的各个环节。",
]
FILLER = [
    "南开区图书馆举办少儿阅读季活动，馆员带领孩子们走进绘本世界，现场还设置了手工制作、"
    "故事接龙等互动环节，吸引了众多家庭参与，大家在书香中度过了愉快的周末时光。",
]


def issue_text(*articles: tuple[str, list[str]]) -> str:
    blocks = []
    for title, paragraphs in articles:
        blocks += [title, "■ 通讯员 王英浩 阎家言", *paragraphs]
    return "\n\n" + "\n\n".join(blocks) + "\n"


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def library(tmp_path: Path) -> Library:
    lib = Library(tmp_path / "lib.sqlite")
    yield lib
    lib.close()


def article_titled(lib: Library, paper: str, title: str) -> int:
    for issue in lib.issues():
        if issue.paper == paper:
            for article_id, _, shown in lib.articles(issue.id):
                if shown == title:
                    return article_id
    raise AssertionError(title)


def dangling(lib: Library) -> list[tuple[int, ...]]:
    """Pairs, signatures or band keys of articles that no longer exist or left their issue."""
    db = lib.db
    rows = db.execute(
        "SELECT article_id, other_id FROM related_articles WHERE article_id NOT IN "
        "(SELECT id FROM articles WHERE removed = 0) OR other_id NOT IN "
        "(SELECT id FROM articles WHERE removed = 0) UNION ALL "
        "SELECT article_id, 0 FROM article_signatures WHERE article_id NOT IN "
        "(SELECT id FROM articles WHERE removed = 0) UNION ALL "
        "SELECT article_id, 1 FROM article_bands WHERE article_id NOT IN "
        "(SELECT article_id FROM article_signatures)").fetchall()
    return [tuple(row) for row in rows]


def test_an_issue_imported_later_finds_the_story_stored_before(tmp_path: Path,
                                                                library: Library) -> None:
    write(tmp_path / "南开报", "2024-08-30.txt",
          issue_text(("招商引资推进会召开", STORY), ("投资促进局：三季度新引进项目", OTHER)))
    library.import_paths([tmp_path / "南开报"])
    truncated = [STORY[0].replace("，", "、", 2), STORY[1]]  # edited, cut after two paragraphs
    write(tmp_path / "天津日报", "2024-09-02.txt",
          issue_text(("南开区推进招商引资", truncated), ("图书馆阅读季", FILLER)))
    library.import_paths([tmp_path / "天津日报"])
    original = article_titled(library, "南开报", "招商引资推进会召开")
    copy = article_titled(library, "天津日报", "南开区推进招商引资")
    [found] = library.related_articles(copy)
    assert (found.article_id, found.paper, found.issue_name) == (original, "南开报",
                                                                 "2024-08-30.txt")
    assert found.kind == "part" and found.contained >= 0.8
    assert found.title == "招商引资推进会召开"
    assert [r.article_id for r in library.related_articles(original)] == [copy]
    other = article_titled(library, "南开报", "投资促进局：三季度新引进项目")
    assert library.related_articles(other) == []


def test_a_wire_story_in_two_papers_is_a_copy(tmp_path: Path, library: Library) -> None:
    write(tmp_path / "a", "1.txt", issue_text(("招商引资推进会召开", STORY)))
    rewrapped = ["".join(STORY)[i:i + 30] for i in range(0, len("".join(STORY)), 30)]
    write(tmp_path / "b", "1.txt", issue_text(("全区招商引资工作推进会", rewrapped)))
    library.import_paths([tmp_path / "a", tmp_path / "b"], workers=1)
    [found] = library.related_articles(article_titled(library, "a", "招商引资推进会召开"))
    assert found.kind == "copy" and found.similarity == 1.0 and found.paper == "b"


def test_reimport_replaces_the_pairs_and_leaves_nothing_dangling(tmp_path: Path,
                                                                library: Library) -> None:
    write(tmp_path / "a", "1.txt", issue_text(("招商引资推进会召开", STORY)))
    second = write(tmp_path / "b", "1.txt", issue_text(("招商引资推进会", STORY),
                                                       ("图书馆阅读季", FILLER)))
    library.import_paths([tmp_path / "a"])
    library.import_paths([tmp_path / "b"])
    original = article_titled(library, "a", "招商引资推进会召开")
    assert len(library.related_articles(original)) == 1
    second.write_text(issue_text(("投资促进局：三季度新引进项目", OTHER)), encoding="utf-8")
    report = library.import_paths([tmp_path / "b"])
    assert report.replaced
    assert library.related_articles(original) == []
    assert dangling(library) == []
    second.write_text(issue_text(("图书馆阅读季", FILLER), ("招商引资推进会", STORY[:2])),
                      encoding="utf-8")
    library.import_paths([tmp_path / "b"])
    [found] = library.related_articles(original)
    assert found.kind == "part" and found.paper == "b"
    assert dangling(library) == []


def test_an_annotated_article_that_leaves_its_issue_loses_its_pairs(
        tmp_path: Path, library: Library) -> None:
    write(tmp_path / "a", "1.txt", issue_text(("招商引资推进会召开", STORY)))
    second = write(tmp_path / "b", "1.txt", issue_text(("招商引资推进会", STORY),
                                                       ("图书馆阅读季", FILLER)))
    library.import_paths([tmp_path / "a", tmp_path / "b"], workers=1)
    copy = article_titled(library, "b", "招商引资推进会")
    library.add_tag(copy, "招商引资")
    second.write_text(issue_text(("图书馆阅读季", FILLER)), encoding="utf-8")
    library.import_paths([tmp_path / "b"])
    assert library.article(copy).removed
    assert library.related_articles(copy) == []
    assert library.related_articles(article_titled(library, "a", "招商引资推进会召开")) == []
    assert dangling(library) == []


def test_copies_within_one_issue_are_left_to_the_parser(tmp_path: Path,
                                                        library: Library) -> None:
    write(tmp_path / "a", "1.txt", issue_text(("招商引资推进会召开", STORY),
                                              ("招商引资推进会", STORY)))
    library.import_paths([tmp_path / "a"])
    assert related.pair_count(library.db) == 0
    signed = "SELECT count(*) FROM article_signatures"
    assert library.db.execute(signed).fetchone()[0] == 1  # the copy has none
    library.rebuild_related()
    assert library.db.execute(signed).fetchone()[0] == 1


def test_the_lookup_reads_band_buckets_not_the_corpus(tmp_path: Path,
                                                      library: Library) -> None:
    write(tmp_path / "a", "1.txt", issue_text(("招商引资推进会召开", STORY)))
    library.import_paths([tmp_path / "a"])
    plan = " ".join(str(row[-1]) for row in library.db.execute(
        "EXPLAIN QUERY PLAN SELECT article_id FROM article_bands WHERE band_key = ? "
        "ORDER BY article_id DESC LIMIT 20", [1]))
    assert "SEARCH article_bands USING PRIMARY KEY (band_key=?)" in plan
    plan = " ".join(str(row[-1]) for row in library.db.execute(
        "EXPLAIN QUERY PLAN SELECT * FROM related_articles WHERE other_id = ?", [1]))
    assert "USING INDEX related_articles_other (other_id=?)" in plan or \
        "USING COVERING INDEX related_articles_other (other_id=?)" in plan


def test_rebuild_finds_what_the_imports_found(tmp_path: Path, library: Library) -> None:
    write(tmp_path / "a", "1.txt", issue_text(("招商引资推进会召开", STORY)))
    write(tmp_path / "b", "1.txt", issue_text(("招商引资推进会", STORY[:2])))
    write(tmp_path / "c", "1.txt", issue_text(("招商引资", STORY[1:]), ("阅读季", FILLER)))
    library.import_paths([tmp_path / "a", tmp_path / "b", tmp_path / "c"], workers=1)
    before = library.db.execute("SELECT * FROM related_articles ORDER BY 1, 2").fetchall()
    assert len(before) >= 2
    assert library.rebuild_related() == len(before)
    assert library.db.execute("SELECT * FROM related_articles ORDER BY 1, 2").fetchall() \
        == before


def test_an_older_library_gets_its_signatures_on_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite"
    with gzip.open(Path(__file__).parent.parent / "data" / "library-v2.sqlite.gz") as packed:
        path.write_bytes(packed.read())
    library = Library(path)
    signed = library.db.execute("SELECT count(*) FROM article_signatures").fetchone()[0]
    long_enough = sum(
        1 for (body,) in library.db.execute(
            "SELECT body FROM articles WHERE removed = 0 AND duplicate_of IS NULL")
        if neardup.signature(body) is not None)
    assert signed >= long_enough > 0
    assert dangling(library) == []
    library.close()


def test_seed_issues_are_five_different_issues(tmp_path: Path) -> None:
    """The samples share no story across issues (each is a different day)."""
    folder = tmp_path / "samples"
    shutil.copytree(SAMPLES, folder)
    library = Library(tmp_path / "lib.sqlite")
    library.import_paths([folder], workers=1)
    assert related.pair_count(library.db) == 0
    library.close()
