"""Split corrections in the library: applied at once, undone, replayed on re-import, and
every tag and note kept on its text; the CLI lists, adds and removes them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from reader.cli import cli
from reader.library import AnnotationError, Library

GLUED = """河北区推进老旧小区改造

■ 记者 王伟

本报讯 河北区今年计划改造老旧小区12个，涉及楼栋86栋，惠及居民三千余户。

改造内容包括外墙保温、管网更新和加装电梯，工程将于年底前完工。

红桥区开展社区义诊

本月以来，红桥区各社区卫生服务中心组织医生走进社区，为老年人免费测量血压和血糖。

活动共服务居民一千二百人次，发放健康手册两千册。
"""
"""Two stories the parser reads as one (the second has no byline to anchor it)."""

LEAD = "新增一篇报道\n\n■ 记者 赵敏\n\n本报讯 这是一篇新增的报道，排在这一版的最前面。\n\n"


@pytest.fixture
def glued(tmp_path: Path) -> tuple[Library, Path]:
    folder = tmp_path / "测试报"
    folder.mkdir()
    issue = folder / "2024-05-06.txt"
    issue.write_text(GLUED, encoding="utf-8")
    library = Library(tmp_path / "lib.sqlite")
    library.import_paths([issue])
    return library, issue


def titles(library: Library) -> list[str]:
    issue = library.issues()[0]
    return [title for _, _, title in library.articles(issue.id)]


def article_titled(library: Library, title: str) -> int:
    issue = library.issues()[0]
    return next(a for a, _, t in library.articles(issue.id) if t == title)


def test_a_glued_story_is_split_off_and_its_note_follows_its_text(glued):
    library, _ = glued
    first = article_titled(library, "河北区推进老旧小区改造")
    library.add_tag(first, "城市更新")
    body = library.article(first).body
    start = body.index("一千二百人次")
    note = library.add_note(first, "义诊规模", start, start + 6)
    seen = []
    library.subscribe(seen.append)

    fix = library.correct_split(first, "title", "paragraph", 2)

    assert titles(library) == ["河北区推进老旧小区改造", "红桥区开展社区义诊"]
    second = article_titled(library, "红桥区开展社区义诊")
    assert library.article(first).body.endswith("工程将于年底前完工。")
    assert library.article_tags(first) == ["城市更新"]
    moved = library.note(note)
    assert moved.article_id == second and moved.status != "detached"
    assert library.article(second).body[moved.start:moved.end] == "一千二百人次"
    assert seen and second in seen[-1].articles and seen[-1].touches_tree
    [info] = library.split_fixes()
    assert info.record.id == fix and info.applies and "红桥区开展社区义诊" in info.text

    library.remove_split_fix(fix)  # undo
    assert titles(library) == ["河北区推进老旧小区改造"]
    back = library.note(note)
    assert back.article_id == first
    assert library.article(first).body[back.start:back.end] == "一千二百人次"
    assert library.article_tags(first) == ["城市更新"]
    assert library.split_fixes() == []


def test_corrections_are_replayed_when_the_issue_is_reimported(glued):
    library, path = glued
    first = article_titled(library, "河北区推进老旧小区改造")
    library.correct_split(first, "title", "paragraph", 2)
    second = article_titled(library, "红桥区开展社区义诊")
    library.add_tag(second, "医疗")

    path.write_text(LEAD + GLUED.replace("两千册", "三千册"), encoding="utf-8")
    report = library.import_paths([path])

    assert report.replaced
    assert titles(library) == ["新增一篇报道", "河北区推进老旧小区改造", "红桥区开展社区义诊"]
    assert article_titled(library, "红桥区开展社区义诊") == second
    assert library.article_tags(second) == ["医疗"]
    assert "三千册" in library.article(second).body
    assert library.split_fixes()[0].applies
    # the parse the corrections apply to is the new one: undo shows the new text, glued
    library.remove_split_fix(library.split_fixes()[0].record.id)
    assert titles(library) == ["新增一篇报道", "河北区推进老旧小区改造"]
    assert library.article_tags(article_titled(library, "河北区推进老旧小区改造")) == ["医疗"]


def test_a_correction_whose_line_left_the_issue_is_reported_and_kept(glued):
    library, path = glued
    first = article_titled(library, "河北区推进老旧小区改造")
    library.correct_split(first, "title", "paragraph", 2)
    path.write_text(GLUED.replace("红桥区开展社区义诊\n", "红桥区开展义诊\n"), encoding="utf-8")
    library.import_paths([path])
    [info] = library.split_fixes()
    assert not info.applies and "no longer in the issue" in info.reason
    assert any("no longer applies" in w for w in json.loads(
        library.db.execute("SELECT warnings FROM issues").fetchone()[0]))
    assert titles(library) == ["河北区推进老旧小区改造"]


def test_join_gives_the_joined_article_its_tags_and_notes(glued):
    library, _ = glued
    first = article_titled(library, "河北区推进老旧小区改造")
    library.correct_split(first, "title", "paragraph", 2)
    second = article_titled(library, "红桥区开展社区义诊")
    library.add_tag(second, "医疗")
    note = library.add_note(second, "整篇的笔记")
    fix = library.correct_split(second, "join", "title", 0)
    assert titles(library) == ["河北区推进老旧小区改造"]
    assert set(library.article_tags(first)) == {"医疗"}
    assert library.note(note).article_id == first
    assert ("subhead", "红桥区开展社区义诊") in [
        (kind, library.article(first).body[s:e]) for kind, s, e in library.article(first).paragraphs]
    assert len(library.split_fixes()) == 2 and fix


def test_mark_as_copy_links_the_original(tmp_path):
    text = ("市区道路改造完成\n\n■ 记者 王伟\n\n本报讯 市区三条主干道改造全部完成，通行能力提升三成。\n\n"
            "公园开放\n\n■ 记者 李娜\n\n本报讯 新建的滨河公园今天向市民开放。\n\n"
            "道路改造完成\n\n■ 记者 王伟\n\n本报讯 市区三条主干道改造全部完成，通行能力提升三成，市民出行更方便。\n")
    path = tmp_path / "copy.txt"
    path.write_text(text, encoding="utf-8")
    library = Library(tmp_path / "lib.sqlite")
    library.import_paths([path])
    issue = library.issues()[0].id
    ids = [a for a, _, _ in library.articles(issue)]
    assert library.article(ids[2]).duplicate_of is None
    library.correct_split(ids[2], "copy", "title", 0, target=(ids[0], "title", 0))
    assert library.article(ids[2]).duplicate_of == ids[0]
    with pytest.raises(AnnotationError, match="itself"):
        library.correct_split(ids[0], "copy", "title", 0, target=(ids[0], "paragraph", 0))
    library.correct_split(ids[2], "original", "title", 0)
    assert library.article(ids[2]).duplicate_of is None


def test_a_correction_that_cannot_apply_is_refused_and_nothing_is_stored(glued):
    library, _ = glued
    first = article_titled(library, "河北区推进老旧小区改造")
    with pytest.raises(AnnotationError, match="already begins"):
        library.correct_split(first, "split", "paragraph", 0)
    with pytest.raises(AnnotationError, match="no item before"):
        library.correct_split(first, "join", "title", 0)
    with pytest.raises(AnnotationError, match="no such line"):
        library.correct_split(first, "split", "paragraph", 40)
    assert library.split_fixes() == []
    assert library.integrity_errors() == []


def test_the_cli_adds_lists_and_removes_corrections_and_parse_applies_them(glued):
    library, path = glued
    first = article_titled(library, "河北区推进老旧小区改造")
    db = str(library.path)
    library.close()
    runner = CliRunner()
    done = runner.invoke(cli, ["--db", db, "splits", "add", str(first), "title",
                               "--line", "paragraph:3"])
    assert done.exit_code == 0, done.output
    listed = runner.invoke(cli, ["splits", "list", "--db", db, "--json"])
    [row] = json.loads(listed.output)
    assert row["action"] == "title" and row["applies"] and row["issue"] == "测试报 / 2024-05-06.txt"

    parsed = json.loads(runner.invoke(cli, ["parse", "--db", db, "--no-analyze", str(path)]).output)
    assert [a["title"] for a in parsed["articles"]] == ["河北区推进老旧小区改造", "红桥区开展社区义诊"]
    raw = json.loads(runner.invoke(cli, ["parse", "--db", db, "--raw", "--no-analyze",
                                         str(path)]).output)
    assert [a["title"] for a in raw["articles"]] == ["河北区推进老旧小区改造"]

    bad = runner.invoke(cli, ["splits", "add", str(first), "split", "--line", "paragraph:1",
                              "--db", db])
    assert bad.exit_code == 2 and "already begins" in bad.output
    removed = runner.invoke(cli, ["splits", "remove", str(row["id"]), "--db", db])
    assert removed.exit_code == 0
    assert json.loads(runner.invoke(cli, ["splits", "list", "--db", db, "--json"]).output) == []
    again = runner.invoke(cli, ["splits", "remove", str(row["id"]), "--db", db])
    assert again.exit_code == 2 and "no split correction" in again.output
