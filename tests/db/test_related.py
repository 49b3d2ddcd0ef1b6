"""The same story across issues in the library: band keys stored at import, replaced on
re-import, never left dangling, made for a library made before the detector; related
articles found when asked, from either side."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest

from reader.core import idlists, neardup
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


def band_index(lib: Library) -> dict[int, list[int]]:
    """Every band key with the ids of the articles that have it."""
    return {int(key): idlists.unpack(data) for key, data in
            lib.db.execute("SELECT band_key, article_ids FROM article_bands ORDER BY 1")}


def dangling(lib: Library) -> list[int]:
    """Ids in the band index of articles that no longer exist, left their issue, are
    copies within it, or are stored twice or out of order under a key."""
    live = {int(row[0]) for row in lib.db.execute(
        "SELECT id FROM articles WHERE removed = 0 AND duplicate_of IS NULL")}
    wrong = []
    for ids in band_index(lib).values():
        wrong += [n for n in ids if n not in live]
        if ids != sorted(set(ids)):
            wrong.append(-1)
    return wrong


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
    original = article_titled(library, "a", "招商引资推进会召开")
    assert {n for ids in band_index(library).values() for n in ids} == {original}
    assert library.related_articles(original) == []
    assert library.rebuild_related() == 1  # the copy has no keys
    assert {n for ids in band_index(library).values() for n in ids} == {original}


def test_the_lookup_reads_band_keys_not_the_corpus(tmp_path: Path,
                                                   library: Library) -> None:
    write(tmp_path / "a", "1.txt", issue_text(("招商引资推进会召开", STORY)))
    library.import_paths([tmp_path / "a"])
    plan = " ".join(str(row[-1]) for row in library.db.execute(
        "EXPLAIN QUERY PLAN SELECT band_key, article_ids FROM article_bands "
        "WHERE band_key IN (?, ?, ?)", [1, 2, None]))
    assert "SEARCH article_bands USING INTEGER PRIMARY KEY (rowid=?)" in plan


def test_rebuild_makes_the_index_the_imports_made(tmp_path: Path, library: Library) -> None:
    write(tmp_path / "a", "1.txt", issue_text(("招商引资推进会召开", STORY)))
    write(tmp_path / "b", "1.txt", issue_text(("招商引资推进会", STORY[:2])))
    write(tmp_path / "c", "1.txt", issue_text(("招商引资", STORY[1:]), ("阅读季", FILLER)))
    library.import_paths([tmp_path / "a", tmp_path / "b", tmp_path / "c"], workers=1)
    original = article_titled(library, "a", "招商引资推进会召开")
    before, found = band_index(library), library.related_articles(original)
    assert sorted((r.paper, r.kind) for r in found) == [("b", "part"), ("c", "part")]
    assert library.rebuild_related() == 4
    assert band_index(library) == before
    assert library.related_articles(original) == found


def test_an_old_article_finds_the_copies_stored_after_it(tmp_path: Path,
                                                       library: Library) -> None:
    """Found when asked, a pair reads the same from either side."""
    write(tmp_path / "a", "1.txt", issue_text(("招商引资推进会召开", STORY)))
    write(tmp_path / "b", "1.txt", issue_text(("招商引资推进会", STORY)))
    library.import_paths([tmp_path / "a", tmp_path / "b"], workers=1)
    first = article_titled(library, "a", "招商引资推进会召开")
    second = article_titled(library, "b", "招商引资推进会")
    [there] = library.related_articles(first)
    [back] = library.related_articles(second)
    assert (there.article_id, back.article_id) == (second, first)
    assert (there.kind, there.similarity) == (back.kind, back.similarity) == ("copy", 1.0)


def test_a_key_keeps_its_newest_articles(tmp_path: Path, library: Library,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(related, "MAX_IDS", 2)
    for n, paper in enumerate("abc"):  # other bytes (blank lines), the same text
        write(tmp_path / paper, "1.txt", issue_text(("招商引资推进会召开", STORY)) + "\n" * n)
        library.import_paths([tmp_path / paper])
    newest = [article_titled(library, paper, "招商引资推进会召开") for paper in "bc"]
    assert set(map(tuple, band_index(library).values())) == {tuple(newest)}
    assert [r.article_id for r in library.related_articles(newest[0])] == [newest[1]]


def test_an_older_library_gets_its_signatures_on_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite"
    with gzip.open(Path(__file__).parent.parent / "data" / "library-v2.sqlite.gz") as packed:
        path.write_bytes(packed.read())
    library = Library(path)
    signed = {n for ids in band_index(library).values() for n in ids}
    long_enough = {
        int(article_id) for article_id, body in library.db.execute(
            "SELECT id, body FROM articles WHERE removed = 0 AND duplicate_of IS NULL")
        if neardup.signature(body) is not None}
    assert signed == long_enough and signed
    assert dangling(library) == []
    library.close()


def test_seed_issues_are_five_different_issues(tmp_path: Path) -> None:
    """The samples share no story across issues (each is a different day)."""
    folder = tmp_path / "samples"
    shutil.copytree(SAMPLES, folder)
    library = Library(tmp_path / "lib.sqlite")
    library.import_paths([folder], workers=1)
    ids = [int(row[0]) for row in library.db.execute("SELECT id FROM articles")]
    assert ids and not any(library.related_articles(n) for n in ids)
    library.close()
