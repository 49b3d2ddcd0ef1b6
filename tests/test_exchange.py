"""Exchange with other tools: the REFI-QDA project (against the published XSD), citations,
the notes CSV's new columns and the per-mention CSV."""

from __future__ import annotations

import csv
import inspect
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from reader.cli import cli
from reader.db.exchange import mention_rows
from reader.library import AnnotationError, Library
from tests.conftest import SAMPLES

XSD = Path(__file__).parent / "data" / "refi-qda" / "Project.xsd"
Q = "{urn:QDA-XML:project:1.0}"
BUDGET = "南开区一季度完成全年预算27.2%"
HOSTILE = "<img src=file:///etc/passwd>]]>&\x01\x0b\x1f"  # (U+FFFE: in tests/core/test_qdpx.py)


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("exchange") / "lib.sqlite"
    library = Library(path)
    library.import_paths([SAMPLES])
    library.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    library.close()
    return path


@pytest.fixture
def library(tmp_path: Path, imported: Path) -> Library:
    shutil.copyfile(imported, tmp_path / "lib.sqlite")
    return Library(tmp_path / "lib.sqlite")


def titled(library: Library, part: str) -> int:
    for issue in library.issues():
        for article_id, _kind, title in library.articles(issue.id):
            if part in title:
                return article_id
    raise LookupError(part)


def annotate(library: Library) -> dict[str, int]:
    """Tags with colours, passage notes, a note on a whole article, hostile text."""
    budget, other = titled(library, BUDGET), titled(library, "天拖片区城市更新项目")
    library.add_tag(budget, "财政")
    library.set_tag_color("财政", "#e57373")
    library.add_tag(budget, "城市更新")
    library.add_tag(other, "城市更新")
    library.set_tag_color("城市更新", "#d3e6ff")
    library.add_tag(other, HOSTILE)
    body = library.article(budget).body
    library.add_note(budget, "收入规模", 0, 4)
    start = body.index("\n") - 3
    library.add_note(budget, f"跨段落 {HOSTILE}", start, start + 8)  # across a paragraph break
    library.add_note(other, "整篇文章的笔记\n第二行")
    library.db.execute("UPDATE articles SET title = ? WHERE id = ?", [f"标题{HOSTILE}", other])
    library.db.conn.commit()
    return {"budget": budget, "other": other}


def project(path: Path) -> tuple[etree._Element, zipfile.ZipFile]:
    archive = zipfile.ZipFile(path)
    return etree.fromstring(archive.read("project.qde")), archive


def source_text(archive: zipfile.ZipFile, source: etree._Element) -> str:
    name = source.get("plainTextPath").removeprefix("internal://")
    return archive.read(f"Sources/{name}").decode("utf-8")


# ---------------------------------------------------------------- REFI-QDA


def test_the_project_is_valid_against_the_published_schema(library: Library,
                                                           tmp_path: Path) -> None:
    annotate(library)
    report = library.export_qdpx(tmp_path / "out.qdpx")
    root, _ = project(tmp_path / "out.qdpx")
    schema = etree.XMLSchema(etree.parse(str(XSD)))
    assert schema.validate(root), schema.error_log
    assert (report.sources, report.codes, report.codings, report.annotations, report.memos) == \
        (2, 3, 4, 2, 1)


def test_every_selection_is_its_notes_passage_and_the_zip_holds_the_texts(
        library: Library, tmp_path: Path) -> None:
    ids = annotate(library)
    library.export_qdpx(tmp_path / "out.qdpx")
    root, archive = project(tmp_path / "out.qdpx")
    quotes = {note.body: note.quote for note in library.notes()}
    sources = root.findall(f"{Q}Sources/{Q}TextSource")
    assert sorted(archive.namelist()) == sorted(
        ["project.qde", *(f"Sources/{s.get('guid')}.txt" for s in sources)])
    passages = 0
    for source in sources:
        text = source_text(archive, source)
        assert text in {library.article(i).body for i in ids.values()}
        for selection in source.findall(f"{Q}PlainTextSelection"):
            start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
            description = selection.find(f"{Q}Description")
            if description is None:  # the whole text, coded with the article's tags
                assert (start, end) == (0, len(text))
                continue
            passages += 1
            note = next(body for body in quotes if body.startswith(description.text[:3]))
            assert text[start:end] == quotes[note]
    assert passages == 2


def test_codes_carry_the_tag_colours_and_code_the_tagged_articles(library: Library,
                                                                 tmp_path: Path) -> None:
    annotate(library)
    library.export_qdpx(tmp_path / "out.qdpx")
    root, _ = project(tmp_path / "out.qdpx")
    codes = {c.get("name"): c for c in root.iter(f"{Q}Code")}
    assert codes["财政"].get("color") == "#E57373"
    assert codes["城市更新"].get("color") == "#D3E6FF"
    assert codes["<img src=file:///etc/passwd>]]>&"].get("color") is None
    coded = [ref.get("targetGUID") for ref in root.iter(f"{Q}CodeRef")]
    assert coded.count(codes["城市更新"].get("guid")) == 2
    assert coded.count(codes["财政"].get("guid")) == 1


def test_paper_and_date_are_variables_and_article_notes_are_memos(library: Library,
                                                                 tmp_path: Path) -> None:
    ids = annotate(library)
    library.db.execute("UPDATE issues SET date = '2024-08-30'")
    library.db.conn.commit()
    library.export_qdpx(tmp_path / "out.qdpx")
    root, _ = project(tmp_path / "out.qdpx")
    variables = {v.get("guid"): v.get("name") for v in root.iter(f"{Q}Variable")}
    [budget] = [s for s in root.iter(f"{Q}TextSource") if BUDGET in s.get("name")]
    values = {variables[v.find(f"{Q}VariableRef").get("targetGUID")]: v[1].text
              for v in budget.iter(f"{Q}VariableValue")}
    assert values["paper"] == library.issues()[0].paper and values["date"] == "2024-08-30"
    assert budget.get("name") == f"2024-08-30 {BUDGET}"
    assert budget.find(f"{Q}Description").text == library.citation(ids["budget"])
    [memo] = root.iter(f"{Q}Note")
    assert memo.find(f"{Q}PlainTextContent").text == "整篇文章的笔记\n第二行"
    refs = [r.get("targetGUID") for r in root.iter(f"{Q}NoteRef")]
    assert refs == [memo.get("guid")]


def test_hostile_text_is_escaped_and_illegal_characters_dropped(library: Library,
                                                               tmp_path: Path) -> None:
    annotate(library)
    library.export_qdpx(tmp_path / "out.qdpx")
    raw = zipfile.ZipFile(tmp_path / "out.qdpx").read("project.qde").decode("utf-8")
    assert "<img" not in raw and "&lt;img src=file:///etc/passwd&gt;]]&gt;&amp;" in raw
    assert "\x01" not in raw and "\x0b" not in raw and "\x1f" not in raw
    root, _ = project(tmp_path / "out.qdpx")  # parses
    names = [source.get("name") for source in root.iter(f"{Q}TextSource")]
    assert "标题_img src=file____etc_passwd_]]_&" in names


def test_exporting_again_gives_the_same_guids(library: Library, tmp_path: Path) -> None:
    annotate(library)
    guids = []
    for name in ("one.qdpx", "two.qdpx"):
        library.export_qdpx(tmp_path / name)
        root, archive = project(tmp_path / name)
        guids.append(([e.get("guid") for e in root.iter() if e.get("guid")],
                      sorted(archive.namelist())))
    assert guids[0] == guids[1]


def test_a_detached_note_is_kept_as_a_memo_quoting_its_passage(library: Library,
                                                              tmp_path: Path) -> None:
    ids = annotate(library)
    library.db.execute("UPDATE notes SET status = 'detached', quote = '不在文中' "
                       "WHERE body = '收入规模'")
    library.db.conn.commit()
    report = library.export_qdpx(tmp_path / "out.qdpx")
    assert (report.annotations, report.memos) == (1, 2)
    root, _ = project(tmp_path / "out.qdpx")
    memos = [n.find(f"{Q}PlainTextContent").text for n in root.iter(f"{Q}Note")]
    assert "“不在文中”\n\n收入规模" in memos
    assert ids


def test_which_articles_are_exported(library: Library, tmp_path: Path) -> None:
    annotate(library)
    every = library.export_qdpx(tmp_path / "all.qdpx", every=True)
    total = sum(len(library.articles(i.id)) + len(library.removed_articles(i.id))
                for i in library.issues())
    assert every.sources == total
    assert library.export_qdpx(tmp_path / "t.qdpx", tag="财政").sources == 1
    assert library.export_qdpx(tmp_path / "t.qdpx", tag="城市更新").sources == 2
    paper = library.issues()[0].paper
    assert library.export_qdpx(tmp_path / "p.qdpx", paper=paper).sources == 2
    with pytest.raises(AnnotationError, match="no tag"):
        library.export_qdpx(tmp_path / "x.qdpx", tag="没有")
    with pytest.raises(AnnotationError, match="no paper"):
        library.export_qdpx(tmp_path / "x.qdpx", paper="没有")
    assert not (tmp_path / "x.qdpx").exists()
    root, _ = project(tmp_path / "all.qdpx")
    schema = etree.XMLSchema(etree.parse(str(XSD)))
    assert schema.validate(root), schema.error_log


def test_an_empty_library_exports_a_valid_empty_project(tmp_path: Path) -> None:
    library = Library(tmp_path / "empty.sqlite")
    report = library.export_qdpx(tmp_path / "out.qdpx")
    assert report.sources == 0
    root, _ = project(tmp_path / "out.qdpx")
    assert etree.XMLSchema(etree.parse(str(XSD))).validate(root)


def test_the_library_file_is_never_the_target(library: Library) -> None:
    with pytest.raises(AnnotationError, match="own file"):
        library.export_qdpx(library.path)


def test_a_folder_that_is_not_there_is_one_line_not_a_traceback(library: Library,
                                                               tmp_path: Path) -> None:
    missing = tmp_path / "missing"
    with pytest.raises(AnnotationError, match=r"cannot write .*missing.*out\.qdpx"):
        library.export_qdpx(missing / "out.qdpx")
    with pytest.raises(AnnotationError, match=r"cannot write .*mentions\.csv"):
        library.export_csv("mentions", missing / "mentions.csv")
    assert not missing.exists()


# ---------------------------------------------------------------- citations and notes CSV


def test_an_article_is_cited_with_its_bylines_paper_and_date(library: Library) -> None:
    budget = titled(library, BUDGET)
    article = library.article(budget)
    paper = library.issues()[0].paper
    assert library.citation(budget) == f"{', '.join(article.bylines[:3])}. {BUDGET}[N]. {paper}."
    library.db.execute("UPDATE issues SET date = '2024-08-30'")
    library.db.conn.commit()
    assert library.citation(budget).endswith(f"[N]. {paper}, 2024-08-30.")
    with pytest.raises(AnnotationError):
        library.citation(999_999)


def test_the_notes_csv_keeps_its_columns_and_appends_edition_and_citation(
        library: Library, tmp_path: Path) -> None:
    ids = annotate(library)
    library.export_csv("notes", tmp_path / "notes.csv")
    with (tmp_path / "notes.csv").open(encoding="utf-8-sig") as stream:
        header, *rows = list(csv.reader(stream))
    assert header == ["note_id", "uid", "paper", "issue", "issue_date", "article_id",
                      "article_title", "bylines", "start", "end", "quote", "note", "color",
                      "status", "tags", "created", "updated", "edition", "citation"]
    cited = {row[5]: row[18] for row in rows}
    assert cited[str(ids["budget"])] == library.citation(ids["budget"])
    assert all(row[17] == "" for row in rows)  # no edition in this library yet


def test_an_edition_column_on_issues_reaches_every_export(library: Library,
                                                         tmp_path: Path) -> None:
    """An issue's edition and number (set by the reader) reach every export."""
    ids = annotate(library)
    library.set_issue_details({issue.id: {"date": "2024-08-30", "edition": "1", "number": "1234"}
                               for issue in library.issues()})
    assert library.citation(ids["budget"]).endswith(", 2024-08-30(01).")
    library.export_csv("notes", tmp_path / "notes.csv")
    rows = list(csv.DictReader((tmp_path / "notes.csv").open(encoding="utf-8-sig")))
    assert {r["edition"] for r in rows} == {"1"}
    assert all(r["citation"].endswith("(01).") for r in rows)
    library.export_csv("mentions", tmp_path / "mentions.csv")
    mentions = csv.DictReader((tmp_path / "mentions.csv").open(encoding="utf-8-sig"))
    assert next(iter(mentions))["edition"] == "1"
    library.export_qdpx(tmp_path / "out.qdpx")
    root, _ = project(tmp_path / "out.qdpx")
    text_values = {v[1].text for v in root.iter(f"{Q}VariableValue")}
    assert {"1", "1234"} <= text_values


# ---------------------------------------------------------------- mentions CSV


def test_one_row_per_mention_with_offsets_into_the_text(library: Library,
                                                       tmp_path: Path) -> None:
    count = library.export_csv("mentions", tmp_path / "mentions.csv")
    raw = (tmp_path / "mentions.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader((tmp_path / "mentions.csv").open(encoding="utf-8-sig")))
    stored = library.db.execute(
        "SELECT count(*) FROM entity_mentions m JOIN articles a ON a.id = m.article_id "
        "WHERE a.removed = 0").fetchone()[0]
    assert count == len(rows) == stored > 100
    bodies: dict[str, str] = {}
    for row in rows[:: max(1, len(rows) // 80)]:
        body = bodies.setdefault(row["article_id"], library.article(int(row["article_id"])).body)
        start, end = int(row["start"]), int(row["end"])
        assert body[start:end] == row["text"] and row["text"] in row["sentence"]
        assert row["sentence"] in body and row["type"] in ("person", "place", "org")
        assert row["entity"] and row["paper"] and row["issue"]
    assert list(rows[0]) == ["paper", "issue_date", "edition", "issue", "article_id",
                             "article_title", "entity", "type", "start", "end", "sentence",
                             "text"]


def test_mentions_are_streamed_not_gathered(library: Library) -> None:
    rows = mention_rows(library.db)
    assert inspect.isgenerator(rows)
    first = next(rows)
    assert len(first) == 12


# ---------------------------------------------------------------- command line


def run(db: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, [*args, "--db", str(db)])
    return result.exit_code, result.output


def test_the_commands(library: Library, tmp_path: Path) -> None:
    annotate(library)
    db = Path(library.path)
    library.close()
    code, output = run(db, "export", "qdpx", str(tmp_path / "a.qdpx"), "--tag", "城市更新")
    assert code == 0, output
    assert "2 articles, 3 codes, 4 codings, 2 passage notes, 1 article notes" in output
    code, output = run(db, "export", "qdpx", str(tmp_path / "b.qdpx"), "--tag", "没有")
    assert code == 2 and "no tag" in output
    code, output = run(db, "export", "mentions", str(tmp_path / "m.csv"))
    assert code == 0 and "rows written" in output
    code, output = run(db, "export", "notes", "-o", str(tmp_path / "n.csv"))
    assert code == 0 and output.startswith("3 rows written")
    code, output = run(db, "export", "notes")
    assert code == 2 and "FILE or -o FILE" in output
    result = CliRunner().invoke(cli, ["export", "--db", str(db), "tags", str(tmp_path / "t.csv")])
    assert result.exit_code == 0 and (tmp_path / "t.csv").exists()
