"""The library facade: import, re-import, tags, notes, corrections, exports, sharing."""

from __future__ import annotations

import csv
import os
import shutil
from pathlib import Path

import pytest

from reader.library import AnnotationError, Filters, Library
from tests.conftest import SAMPLES


def copy_samples(root: Path) -> Path:
    folder = root / "issues" / "2024"
    folder.mkdir(parents=True)
    for path in SAMPLES.glob("*.txt"):
        shutil.copy(path, folder / path.name)
    return root / "issues"


@pytest.fixture
def issues_dir(tmp_path: Path) -> Path:
    return copy_samples(tmp_path)


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The samples imported once (as the folder ``issues``); tests get a copy."""
    root = tmp_path_factory.mktemp("imported")
    lib = Library(root / "lib.sqlite")
    lib.import_paths([copy_samples(root)])
    lib.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    lib.close()
    return root / "lib.sqlite"


@pytest.fixture
def library(tmp_path: Path, issues_dir: Path, imported: Path) -> Library:
    """The samples' library, as if imported from this test's ``issues_dir`` (an issue's
    identity is its paper and its path under the folder, not where the folder is)."""
    shutil.copyfile(imported, tmp_path / "lib.sqlite")
    lib = Library(tmp_path / "lib.sqlite")
    with lib.db.conn:  # the files' paths as if they had been imported from here
        lib.db.execute("UPDATE issues SET source_path = replace(source_path, ?, ?)",
                       [str(imported.parent), str(tmp_path)])
    return lib


def _article(lib: Library, title_part: str) -> int:
    for issue in lib.issues():
        for article_id, _, title in lib.articles(issue.id):
            if title_part in title:
                return article_id
    raise AssertionError(title_part)


def test_import_folder_then_again_is_a_no_op(tmp_path: Path, issues_dir: Path) -> None:
    lib = Library(tmp_path / "lib.sqlite")
    seen: list[tuple[int, int, str]] = []
    report = lib.import_paths([issues_dir], progress=lambda d, t, n: seen.append((d, t, n)))
    assert len(report.imported) == 5 and not report.failed
    assert seen[-1][:2] == (5, 5) and seen[-1][2].endswith(".txt")
    again = lib.import_paths([issues_dir])
    assert len(again.skipped) == 5 and not again.imported
    assert len(lib.issues()) == 5
    assert sum(i.item_count for i in lib.issues()) == 9 + 8 + 6 + 10 + 9


def test_bad_files_are_reported_and_the_rest_imported(tmp_path: Path, issues_dir: Path) -> None:
    (issues_dir / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (issues_dir / "empty.txt").write_bytes(b"")
    lib = Library(tmp_path / "lib.sqlite")
    report = lib.import_paths([issues_dir, tmp_path / "missing.txt"])
    assert len(report.imported) == 5
    reasons = {Path(p).name: r for p, r in report.failed}
    assert reasons == {"broken.txt": "not a text file (looks like a PNG image)",
                       "empty.txt": "file is empty", "missing.txt": "no such file or folder"}


def test_cancel_stops_between_issues(tmp_path: Path, issues_dir: Path) -> None:
    lib = Library(tmp_path / "lib.sqlite")
    done: list[int] = []
    report = lib.import_paths([issues_dir], progress=lambda d, t, n: done.append(d),
                              cancel=lambda: len(done) >= 2)
    assert report.cancelled
    assert len(lib.issues()) == 2
    assert len(lib.import_paths([issues_dir]).imported) == 3


def test_stored_article_keeps_structure(library: Library) -> None:
    article = library.article(_article(library, "南开区向阳路街"))
    assert article.title_lines == ["南开区向阳路街", "多项举措消除隐患", "保障居民出行安全"]
    assert article.bylines == ["刘峰"]
    kind, start, end = article.paragraphs[0]
    assert kind == "text" and article.body[start:end].startswith("大园新居小区")


def test_tags_add_remove_rename_merge_delete_with_counts(library: Library) -> None:
    a, b = _article(library, "天拖片区"), _article(library, "机构改革")
    assert library.add_tag(a, "城市更新") and not library.add_tag(a, "城市更新")
    library.add_tag(b, "改革")
    library.add_tag(b, "机构")
    library.rename_tag("机构", "机构改革")
    library.merge_tags(["改革"], "机构改革")
    assert [(t.name, t.count) for t in library.tags()] == [("城市更新", 1), ("机构改革", 1)]
    library.set_tag_color("城市更新", "#e57373")
    assert library.tags()[0].color == "#e57373"
    assert library.remove_tag(a, "城市更新")
    library.delete_tag("机构改革")
    assert library.article_tags(b) == []
    with pytest.raises(AnnotationError, match="no tag named"):
        library.remove_tag(a, "不存在")


def tag_picture(library: Library) -> list[tuple[int, str, str, tuple[int, ...], str]]:
    """Every tag: id, name, colour, the articles it is on, when each was tagged."""
    states = library.tag_states([t.name for t in library.tags()])
    return [(s.id, s.name, s.color, tuple(a for a, _ in s.links),
             "|".join(c for _, c in s.links)) for s in states]


def test_a_merge_rename_or_delete_is_put_back_exactly(library: Library) -> None:
    a, b, c = (_article(library, t) for t in ("天拖片区", "机构改革", "完成全年预算"))
    for article, name in ((a, "城市更新"), (b, "城市更新"), (b, "改革"), (c, "改革"),
                          (c, "预算")):
        library.add_tag(article, name)
    library.set_tag_color("改革", "#ffd6d6")
    before = tag_picture(library)
    changes = [
        (["城市更新", "改革"], lambda: library.merge_tags(["城市更新", "改革"], "改革")),
        (["改革", "更新"], lambda: library.rename_tag("改革", "更新")),
        (["改革", "预算"], lambda: library.rename_tag("改革", "预算")),  # onto: a merge
        (["改革"], lambda: library.rename_tag("改革", "改革")),
        (["城市更新", "改革"], lambda: [library.delete_tag("城市更新"),
                                      library.delete_tag("改革")]),
        (["预算"], lambda: library.set_tag_color("预算", "#d3e6ff")),
        (["新", "预算"], lambda: library.merge_tags(["预算"], "新")),  # into a new tag
    ]
    for touched, change in changes:
        states = library.tag_states(touched)
        change()
        assert tag_picture(library) != before or touched == ["改革"]
        library.restore_tags(touched, states)
        assert tag_picture(library) == before, touched


def test_a_restored_tag_skips_gone_articles_and_a_taken_id(library: Library) -> None:
    a, b = _article(library, "天拖片区"), _article(library, "机构改革")
    library.add_tag(a, "城市更新")
    library.add_tag(b, "城市更新")
    states = library.tag_states(["城市更新", "没有"])
    assert [s.name for s in states] == ["城市更新"]
    library.delete_tag("城市更新")
    library.add_tag(a, "新标签")  # takes the freed id
    with library.db.conn:
        library.db.execute("DELETE FROM articles WHERE id = ?", [b])
    library.restore_tags(["城市更新"], states)
    assert library.article_tags(a) == ["城市更新", "新标签"]
    assert {t.name: t.count for t in library.tags()} == {"城市更新": 1, "新标签": 1}


def test_a_tag_cannot_be_renamed_to_nothing(library: Library) -> None:
    library.add_tag(_article(library, "天拖片区"), "城市更新")
    with pytest.raises(AnnotationError, match="needs a name"):
        library.rename_tag("城市更新", "  ")


def test_notes_on_passages_and_articles(library: Library) -> None:
    article_id = _article(library, "一季度完成全年预算")
    body = library.article(article_id).body
    start = body.index("11.07亿元")
    note = library.add_note(article_id, "收入口径?", start, start + 7, color="#ffd54f")
    whole = library.add_note(article_id, "整篇值得跟踪")
    library.update_note(note, body="一般公共预算收入")
    notes = library.notes(article_id)
    assert [(n.quote, n.body) for n in notes] == [("", "整篇值得跟踪"), ("11.07亿元", "一般公共预算收入")] \
        or [(n.quote, n.body) for n in notes] == [("11.07亿元", "一般公共预算收入"), ("", "整篇值得跟踪")]
    assert library.note(note).prefix.endswith("收入完成")
    deleted = library.delete_note(whole)
    assert deleted.body == "整篇值得跟踪" and len(library.notes(article_id)) == 1
    with pytest.raises(AnnotationError, match="outside the article"):
        library.add_note(article_id, "x", 0, len(body) + 5)


def test_reimport_of_an_edited_issue_keeps_every_tag_and_note(
    tmp_path: Path, issues_dir: Path, library: Library
) -> None:
    path = issues_dir / "2024" / "000_14aa8d10cf9712b6.txt"
    article_id = _article(library, "一季度完成全年预算")
    body = library.article(article_id).body
    kept = library.add_note(article_id, "预算", body.index("11.07亿元"), body.index("11.07亿元") + 7)
    gone_start = body.index("打造“近悦远来”的营商环境")
    gone = library.add_note(article_id, "营商环境", gone_start, gone_start + 13)
    library.add_tag(article_id, "财政")
    doomed = _article(library, "中医药管理局挂牌")
    library.add_tag(doomed, "中医药")
    doomed_note = library.add_note(doomed, "挂牌", 0, 9)

    text = path.read_text("utf-8")
    text = text.replace("2024年一季度南开区", "据统计,2024年一季度南开区")  # shifts the passage
    text = text.replace(",打造“近悦远来”的营商环境。", "。")  # deletes a noted passage
    start = text.index("南开区中医药管理局挂牌")
    text = text[:start] + text[text.index("\n\n\n", start):]  # drops a whole article
    path.write_text(text, "utf-8")
    report = library.import_paths([path])
    assert [Path(p).name for p in report.replaced] == [path.name]

    assert library.article_tags(article_id) == ["财政"]
    moved = library.note(kept)
    new_body = library.article(article_id).body
    assert moved.status == "moved" and new_body[moved.start:moved.end] == "11.07亿元"
    assert library.note(gone).status == "detached"
    assert library.note(gone).quote == "打造“近悦远来”的营商环境"
    assert library.note(doomed_note).status == "detached"
    assert library.article_tags(doomed) == ["中医药"]
    assert len(library.notes()) == 3
    assert library.integrity_errors() == []


def test_entity_corrections_apply_now_and_on_reimport(tmp_path: Path, library: Library,
                                                      issues_dir: Path) -> None:
    library.reject_entity("place", "南开区")
    count = library.db.execute("SELECT count(*) FROM entities WHERE name = '南开区' "
                               "AND type = 'place'").fetchone()[0]
    assert count == 0
    fresh = Library(tmp_path / "fresh.sqlite")
    fresh.reject_entity("place", "南开区")
    fresh.import_paths([issues_dir])
    assert fresh.db.execute("SELECT count(*) FROM entities WHERE name = '南开区' "
                            "AND type = 'place'").fetchone()[0] == 0
    assert fresh.db.execute("SELECT count(*) FROM entity_mentions").fetchone()[0] > 0


def test_csv_exports_round_trip_with_bom(tmp_path: Path, library: Library) -> None:
    article_id = _article(library, "一季度完成全年预算")
    library.add_tag(article_id, "=cmd|' /C calc'!A0")
    library.add_note(article_id, "-2+3 看这里", 0, 4)
    for what in ("notes", "tags", "entities", "figures"):
        out = tmp_path / f"{what}.csv"
        count = library.export_csv(what, out)
        assert out.read_bytes().startswith(b"\xef\xbb\xbf")
        with out.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
        assert len(rows) == count + 1
    notes = list(csv.DictReader((tmp_path / "notes.csv").open(encoding="utf-8-sig")))
    assert notes[0]["note"] == "'-2+3 看这里" and notes[0]["article_id"] == str(article_id)
    tags = list(csv.DictReader((tmp_path / "tags.csv").open(encoding="utf-8-sig")))
    assert tags[0]["tag"].startswith("'=")
    library.export_csv("notes", tmp_path / "plain.csv", bom=False)
    assert not (tmp_path / "plain.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_annotations_file_merges_without_duplicates(tmp_path: Path, library: Library,
                                                   issues_dir: Path) -> None:
    article_id = _article(library, "天拖片区")
    library.add_tag(article_id, "城市更新")
    library.add_note(article_id, "项目启动", 0, 6)
    library.add_note(article_id, "整体")
    shared = tmp_path / "team.json"
    library.export_annotations(shared)
    other = Library(tmp_path / "other.sqlite")
    other.import_paths([issues_dir])
    first = other.import_annotations(shared)
    second = other.import_annotations(shared)
    assert first["notes"] == 2 and first["article_tags"] == 1
    assert second["article_tags"] == 0
    assert len(other.notes()) == 2
    assert [t.name for t in other.tags()] == ["城市更新"]


def test_search_filters_combine(library: Library) -> None:
    article_id = _article(library, "天拖片区")
    library.add_tag(article_id, "城市更新")
    hits = library.search("南开", Filters(tag="城市更新"))
    assert [h.article_id for h in hits] == [article_id]
    photos = library.search("", Filters(kinds=("photo",)), limit=100)
    assert len(photos) == 2 + 1 + 1 + 2 and all(h.kind == "photo" for h in photos)


def test_search_recall_equals_a_substring_scan(library: Library) -> None:
    import random

    rows = library.db.execute("SELECT id, title, body FROM articles WHERE removed = 0").fetchall()
    rng = random.Random(11)
    for _ in range(150):
        _, title, body = rng.choice(rows)
        text = rng.choice([title, body]) or body
        size = rng.choice([1, 2, 2, 3, 4, 6])
        start = rng.randrange(max(1, len(text) - size))
        query = text[start:start + size]
        if not query or not all("\u4e00" <= ch <= "\u9fff" for ch in query):
            continue
        expected = {i for i, t, b in rows if query in t or query in b}
        got = {h.article_id for h in library.search(query, limit=10_000)}
        assert got == expected, query


def test_search_ranks_and_marks_hits(library: Library) -> None:
    hits = library.search("中医药管理局")
    assert hits[0].title == "南开区中医药管理局挂牌"
    assert "[中医药管理局]" in hits[0].snippet
    both = {h.article_id for h in library.search("消防 AND 电动自行车", limit=100)}
    either = {h.article_id for h in library.search("消防 OR 电动自行车", limit=100)}
    only_fire = {h.article_id for h in library.search("消防 NOT 电动自行车", limit=100)}
    assert both < either and only_fire == either - {h.article_id for h in
                                                      library.search("电动自行车", limit=100)}


def test_entity_and_date_filters(tmp_path: Path, issues_dir: Path) -> None:
    dated = issues_dir / "2024" / "南开报_2024-04-01.txt"
    (issues_dir / "2024" / "000_14aa8d10cf9712b6.txt").rename(dated)
    lib = Library(tmp_path / "dated.sqlite")
    lib.import_paths([issues_dir])
    april = lib.search("南开", Filters(date_from="2024-03-01", date_to="2024-04-30"), limit=100)
    assert april and {h.issue_date for h in april} == {"2024-04-01"}
    assert lib.search("南开", Filters(date_to="2023-12-31")) == []
    police = lib.search("", Filters(entity="公安南开分局王顶堤派出所"), limit=100)
    assert [h.title for h in police] == ["公安南开分局王顶堤派出所 有问题“码上办”"]


def test_merging_an_alias_moves_its_mentions(library: Library) -> None:
    def mentions(name: str) -> int:
        return int(library.db.execute(
            "SELECT count(*) FROM entity_mentions m JOIN entities e ON e.id = m.entity_id "
            "WHERE e.name = ?", [name]).fetchone()[0])

    before = mentions("南开区委") + mentions("中共南开区委")
    assert mentions("南开区委") > 0
    library.merge_entity("org", "南开区委", "中共南开区委")
    assert mentions("南开区委") == 0 and mentions("中共南开区委") == before
    assert library.corrections().canonical_of("南开区委", "南开区委") == "中共南开区委"


def test_highlights_point_at_their_text(library: Library) -> None:
    article_id = _article(library, "一季度完成全年预算")
    body = library.article(article_id).body
    spans = library.highlights(article_id)
    money = [h for h in spans if h.layer == "figure" and body[h.start:h.end] == "11.07亿元"]
    assert money and money[0].value == 1107000000 and money[0].label == "money"
    places = [body[h.start:h.end] for h in spans if h.layer == "place"]
    assert "南开区" in places
    assert spans == sorted(spans, key=lambda h: (h.start, h.end))


def test_entity_index_and_mentions_with_their_sentence(library: Library) -> None:
    index = library.entity_index()
    assert index and [e.mentions for e in index] == sorted((e.mentions for e in index), reverse=True)
    top = index[0]
    assert top.mentions >= top.articles >= 1 and top.issues >= 1
    mentions = library.entity_mentions(top.type, top.name)
    assert len(mentions) == top.mentions
    assert {m.article_id for m in mentions} and len({m.article_id for m in mentions}) == top.articles
    for mention in mentions:
        body = library.article(mention.article_id).body
        assert body[mention.start:mention.end] in mention.context
        assert mention.context in body and len(mention.context) <= mention.end - mention.start + 160
    assert len(library.entity_mentions(top.type, top.name, limit=1)) == 1
    assert library.entity_mentions("person", "没有这个人") == []


def test_figure_table_rows_point_at_their_text(library: Library) -> None:
    rows = library.figure_table()
    assert rows
    for row in rows[:50]:
        body = library.article(row.article_id).body
        assert body[row.start:row.end] == row.text and row.text in row.context


def test_restore_note_puts_a_deleted_note_back_as_it_was(library: Library) -> None:
    article = _article(library, "南开区向阳路街")
    body = library.article(article).body
    deleted = library.delete_note(library.add_note(article, "记", 0, 5, color="#ffcc00"))
    restored = library.note(library.restore_note(deleted))
    assert (restored.uid, restored.quote, restored.body, restored.color, restored.created) == \
        (deleted.uid, body[0:5], "记", "#ffcc00", deleted.created)


def test_article_ids_matching_title_tag_or_entity(library: Library) -> None:
    budget = _article(library, "完成全年预算")
    assert budget in library.article_ids_matching("全年预算")
    other = _article(library, "海光")
    assert other not in library.article_ids_matching("全年预算")
    library.add_tag(other, "Urban")
    assert library.article_ids_matching("urban") == {other}
    assert library.article_ids_matching("urb") == set()  # a tag matches by its whole name
    mentioning = library.article_ids_matching("南开区")
    assert budget in mentioning and len(mentioning) > 5
    assert library.article_ids_matching("  ") == set()
    assert library.article_ids_matching("没有这个名字") == set()


def test_tree_matches_a_tag_term_and_words_together(library: Library) -> None:
    budget = _article(library, "完成全年预算")
    other = _article(library, "海光")
    for article in (budget, other):
        library.add_tag(article, "城市更新")
    library.add_tag(other, "urban renewal")
    tagged = library.tree_matches("tag:城市更新")
    assert tagged.ids == {budget, other}
    assert sum(tagged.counts.values()) == 2 and set(tagged.counts) == tagged.issues
    # AND: tagged and with 南开 in the title (海光's title has no 南开)
    assert library.tree_matches("tag:城市更新 南开").ids == {budget}
    assert library.tree_matches("南开 tag:城市更新").ids == {budget}
    assert library.tree_matches('tag:"urban renewal"').ids == {other}
    assert library.tree_matches("TAG:Urban renewal").ids == set()  # a word "renewal" too
    assert library.tree_matches("tag:城市").ids == set()  # a tag by its whole name
    assert library.tree_matches("tag:没有").ids == set()
    # several words: each must match (the entity 南开区 and the title word 预算)
    both = library.tree_matches("南开区 预算").ids
    assert budget in both and both <= library.tree_matches("南开区").ids
    assert both < library.tree_matches("南开区").ids


def test_tree_matches_counts_the_matching_articles_of_each_issue(library: Library) -> None:
    matches = library.tree_matches("南开区")
    assert sum(matches.counts.values()) == len(matches.ids)
    for issue, count in matches.counts.items():
        live = {a for a, _k, _t in library.articles(issue)}
        assert count == len(live & matches.ids) > 0


def test_each_file_is_read_once_and_known_bytes_are_not_parsed_again(
    tmp_path: Path, issues_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import reader.core.pipeline as pipeline

    reads: list[str] = []
    parsed: list[str] = []
    real_read, real_parse = pipeline.read_bytes, pipeline.parse_decoded

    def counting_read(path: str | Path) -> tuple[bytes, str]:
        reads.append(Path(path).name)
        return real_read(path)

    def counting_parse(decoded):
        parsed.append(decoded.name)
        return real_parse(decoded)

    monkeypatch.setattr(pipeline, "read_bytes", counting_read)
    monkeypatch.setattr(pipeline, "parse_decoded", counting_parse)
    lib = Library(tmp_path / "lib.sqlite")
    files = sorted(p.name for p in issues_dir.rglob("*.txt"))
    assert len(lib.import_paths([issues_dir], workers=1).imported) == len(files)
    assert sorted(reads) == files and sorted(parsed) == files
    reads.clear()
    parsed.clear()
    again = lib.import_paths([issues_dir], workers=1)
    assert len(again.skipped) == len(files) and not again.imported
    assert sorted(reads) == files and parsed == []


def _worker_niceness() -> int:
    return os.nice(0)


def test_import_workers_run_below_the_window() -> None:
    """The analysis processes give the window the CPU first (a 113-121 ms UI freeze during
    an import on two cores went to under 100 ms)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from reader.core.pipeline import WORKER_NICENESS, set_known

    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(1, mp_context=context, initializer=set_known,
                             initargs=(frozenset(),)) as pool:
        worker = pool.submit(_worker_niceness).result()
    assert worker == min(19, os.nice(0) + WORKER_NICENESS)
