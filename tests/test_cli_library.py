"""The library subcommands of ``baokan`` as a user types them, with --db and BAOKAN_DB."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from reader.cli import cli
from reader.library import Library
from tests.conftest import SAMPLES


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The samples imported once with ``baokan import``; each test gets a copy."""
    path = tmp_path_factory.mktemp("imported") / "lib.sqlite"
    result = CliRunner().invoke(cli, ["import", str(SAMPLES), "--db", str(path)])
    assert result.exit_code == 0, result.output
    assert "imported 5, replaced 0, skipped 0" in result.output
    library = Library(path)
    library.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    library.close()
    return path


@pytest.fixture
def db(tmp_path: Path, imported: Path) -> Path:
    path = tmp_path / "lib.sqlite"
    shutil.copyfile(imported, path)
    return path


def run(db: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, [*args, "--db", str(db)])


def _article_id(db: Path, text: str) -> int:
    hits = json.loads(run(db, "search", text, "--json").output)
    return int(hits[0]["article_id"])


def test_issues_lists_every_issue(db: Path) -> None:
    data = json.loads(run(db, "issues", "--json").output)
    assert sorted(i["source_name"] for i in data) == sorted(p.name for p in SAMPLES.glob("*"))
    assert "000_14aa8d10cf9712b6  (9 items)" in run(db, "issues").output


def test_search_and_show(db: Path) -> None:
    result = run(db, "search", "王顶堤派出所")
    assert result.exit_code == 0
    assert "公安南开分局王顶堤派出所 有问题“码上办”" in result.output
    assert "[王顶堤派出所]" in result.output
    article = _article_id(db, "王顶堤派出所")
    shown = run(db, "show", str(article))
    assert "通讯员 王英浩 王凯峰" in shown.output and "码上办" in shown.output


def test_bad_query_is_a_message_not_a_traceback(db: Path) -> None:
    result = run(db, "search", '"南开')
    assert result.exit_code == 2
    assert result.output.startswith("baokan: ") and "Traceback" not in result.output


def test_tags_and_notes_from_the_command_line(db: Path, tmp_path: Path) -> None:
    article = _article_id(db, "天拖片区城市更新项目")
    assert run(db, "tag", "add", str(article), "城市更新", "招商").exit_code == 0
    run(db, "tag", "rename", "招商", "招商引资")
    tags = json.loads(run(db, "tag", "list", "--json").output)
    assert [(t["name"], t["count"]) for t in tags] == [("城市更新", 1), ("招商引资", 1)]
    run(db, "tag", "remove", str(article), "招商引资")
    added = run(db, "note", "add", str(article), "关键合作", "--quote", "签署战略合作协议")
    assert added.exit_code == 0, added.output
    notes = json.loads(run(db, "note", "list", "--json").output)
    assert notes[0]["quote"] == "签署战略合作协议" and notes[0]["body"] == "关键合作"
    missing = run(db, "note", "add", str(article), "x", "--quote", "不存在的句子")
    assert missing.exit_code == 2 and "does not contain" in missing.output
    out = tmp_path / "notes.csv"
    assert run(db, "export", "notes", "-o", str(out)).exit_code == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert rows[0]["tags"] == "城市更新" and rows[0]["quote"] == "签署战略合作协议"
    run(db, "note", "delete", str(notes[0]["id"]))
    assert json.loads(run(db, "note", "list", "--json").output) == []


def test_tag_color_takes_the_windows_color_names(db: Path) -> None:
    article = _article_id(db, "天拖片区城市更新项目")
    run(db, "tag", "add", str(article), "城市更新", "招商")
    assert run(db, "tag", "color", "城市更新", "红").exit_code == 0
    assert run(db, "tag", "color", "招商", "Blue").exit_code == 0
    colors = {t["name"]: t["color"] for t in json.loads(run(db, "tag", "list", "--json").output)}
    assert colors == {"城市更新": "#ffd6d6", "招商": "#d3e6ff"}


def test_annotations_and_backup(db: Path, tmp_path: Path) -> None:
    article = _article_id(db, "天拖片区城市更新项目")
    run(db, "tag", "add", str(article), "城市更新")
    shared = tmp_path / "ann.json"
    assert run(db, "annotations", "export", str(shared)).exit_code == 0
    assert json.loads(shared.read_text("utf-8"))["format"] == "baokan.annotations/1"
    copy = tmp_path / "copy.sqlite"
    assert run(db, "backup", str(copy)).exit_code == 0
    assert json.loads(run(copy, "tag", "list", "--json").output)[0]["name"] == "城市更新"
    merged = run(db, "annotations", "import", str(shared))
    assert "0 article_tags" in merged.output


def test_env_var_selects_the_library(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BAOKAN_DB", str(db))
    result = CliRunner().invoke(cli, ["issues"])
    assert "000_14aa8d10cf9712b6" in result.output


def test_import_reports_failures_with_reasons(tmp_path: Path) -> None:
    bad = tmp_path / "in"
    bad.mkdir()
    (bad / "zip.txt").write_bytes(b"PK\x03\x04" + bytes(50))
    result = CliRunner().invoke(cli, ["import", str(bad), "--db", str(tmp_path / "l.sqlite")])
    assert result.exit_code == 2
    assert "failed: zip.txt: not a text file (looks like a zip archive" in result.output


def test_related_lists_the_other_papers_that_print_the_story(db: Path, tmp_path: Path) -> None:
    library = Library(db)
    article_id, title, body = library.db.execute(
        "SELECT id, title, body FROM articles WHERE kind = 'article' ORDER BY length(body) "
        "DESC LIMIT 1").fetchone()
    library.close()
    assert run(db, "related", str(article_id)).output == "no related articles in other issues\n"
    folder = tmp_path / "天津日报"
    folder.mkdir()
    cut = "\n\n".join(body.split("\n")[:2])
    (folder / "2024-09-02.txt").write_text(f"\n\n南开区全会决议\n\n■ 记者 李明\n\n{cut}\n",
                                           encoding="utf-8")
    assert run(db, "import", str(folder)).exit_code == 0
    [row] = json.loads(run(db, "related", str(article_id), "--json").output)
    assert (row["paper"], row["issue_name"], row["title"]) == ("天津日报", "2024-09-02.txt",
                                                               "南开区全会决议")
    assert row["kind"] in ("part", "copy")
    shown = run(db, "related", str(row["article_id"])).output
    assert f"[{article_id}] " in shown and title in shown
    rebuilt = run(db, "related", "--rebuild")
    assert rebuilt.exit_code == 0
    assert rebuilt.output.endswith(" articles indexed for related articles\n")
    assert json.loads(run(db, "related", str(article_id), "--json").output) == [row]
    assert run(db, "related", "99999").exit_code == 2
    assert run(db, "related").exit_code == 2
