"""Nothing a reader wrote or imported is lost: identity, restores, busy writers, bad files.

Each test reproduces a defect found in real use (issue 10) and failed before its fix.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from reader.cli import cli
from reader.core.changes import Changes
from reader.library import (
    AnnotationError,
    BusyError,
    Library,
    LibraryFailure,
    NotALibrary,
    ReadOnlyError,
)
from tests.conftest import SAMPLES

ISSUE_A = "城市更新的南开样本\n■ 记者 王芳\n南开区推进老旧小区改造，惠及居民三千户。\n"
ISSUE_B = "海河两岸新景观\n■ 记者 李明\n河北区完成滨河步道建设，全长五公里。\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def first_article(lib: Library, paper: str | None = None) -> int:
    issue = next(i for i in lib.issues() if paper is None or i.paper == paper)
    return lib.articles(issue.id)[0][0]


# ---------------------------------------------------------------- 2. identity: paper + name


def test_same_file_name_in_two_papers_is_two_issues(tmp_path: Path) -> None:
    write(tmp_path / "paperA" / "2024-08-30.txt", ISSUE_A)
    write(tmp_path / "paperB" / "2024-08-30.txt", ISSUE_B)
    lib = Library(tmp_path / "lib.sqlite")
    lib.import_paths([tmp_path / "paperA"])
    note = lib.add_note(first_article(lib, "paperA"), "A 的笔记", 0, 2)
    report = lib.import_paths([tmp_path / "paperB"])
    assert len(report.imported) == 1 and not report.replaced
    assert report.papers == {"paperB": 1}
    assert sorted((i.paper, i.source_key) for i in lib.issues()) == [
        ("paperA", "2024-08-30.txt"), ("paperB", "2024-08-30.txt")]
    assert lib.note(note).status == "attached"
    assert "南开区推进" in lib.article(lib.note(note).article_id).body


def test_replacement_needs_the_same_paper_and_name(tmp_path: Path) -> None:
    path = write(tmp_path / "天津日报" / "2024" / "0830.txt", ISSUE_A)
    lib = Library(tmp_path / "lib.sqlite")
    lib.import_paths([tmp_path / "天津日报"])
    article = first_article(lib)
    lib.add_tag(article, "城市更新")
    write(path, ISSUE_A.replace("三千户", "三千五百户"))
    report = lib.import_paths([tmp_path / "天津日报"])
    assert len(report.replaced) == 1
    assert report.names[report.replaced[0]] == "天津日报 / 2024/0830.txt"
    assert report.backup is not None and Path(report.backup).is_file()
    assert lib.article_tags(article) == ["城市更新"]
    assert "三千五百户" in lib.article(article).body


def test_paper_option_names_the_paper(tmp_path: Path) -> None:
    write(tmp_path / "dump" / "a.txt", ISSUE_A)
    lib = Library(tmp_path / "lib.sqlite")
    lib.import_paths([tmp_path / "dump"], paper="人民日报")
    assert [(i.paper, i.source_key) for i in lib.issues()] == [("人民日报", "a.txt")]
    assert lib.papers()[0][1:] == ("人民日报", 1)


def test_papers_are_renamed_and_merged_unless_their_names_clash(tmp_path: Path) -> None:
    write(tmp_path / "甲" / "a.txt", ISSUE_A)
    write(tmp_path / "乙" / "a.txt", ISSUE_B)
    write(tmp_path / "丙" / "b.txt", ISSUE_B.replace("五公里", "六公里"))
    lib = Library(tmp_path / "lib.sqlite")
    lib.import_paths([tmp_path / "甲", tmp_path / "乙", tmp_path / "丙"])
    lib.rename_paper("丙", "乙")
    assert {name: count for _, name, count in lib.papers()} == {"甲": 1, "乙": 2}
    with pytest.raises(AnnotationError, match=r"both have an issue named a\.txt"):
        lib.rename_paper("甲", "乙")
    lib.rename_paper("甲", "人民日报")
    assert sorted(i.paper for i in lib.issues()) == ["乙", "乙", "人民日报"]


def test_a_file_named_again_keeps_its_identity(tmp_path: Path) -> None:
    path = write(tmp_path / "paperA" / "2024" / "08.txt", ISSUE_A)
    lib = Library(tmp_path / "lib.sqlite")
    lib.import_paths([tmp_path / "paperA"])
    write(path, ISSUE_A + "新增的一段。\n")
    report = lib.import_paths([path])  # the file alone, not its folder
    assert len(report.replaced) == 1 and len(lib.issues()) == 1
    assert lib.issues()[0].paper == "paperA"


def test_a_decade_of_two_papers_with_date_named_files_keeps_every_issue(tmp_path: Path) -> None:
    for paper, text in (("甲报", ISSUE_A), ("乙报", ISSUE_B)):
        for day in range(1, 41):
            write(tmp_path / paper / f"2024-{day // 28 + 1:02d}-{day % 28 + 1:02d}.txt",
                  text.replace("三千", f"{day}千").replace("五公里", f"{day}公里"))
    lib = Library(tmp_path / "lib.sqlite")
    report = lib.import_paths([tmp_path / "甲报", tmp_path / "乙报"], workers=1)
    assert len(report.imported) == 80 and not report.replaced
    assert report.papers == {"甲报": 40, "乙报": 40}
    assert {name: count for _, name, count in lib.papers()} == {"甲报": 40, "乙报": 40}


def test_a_schema_1_library_gets_papers_from_its_folders(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    db = sqlite3.connect(path)
    from reader.db.migrations import SCHEMA_V1

    db.executescript(SCHEMA_V1 + "PRAGMA user_version = 1;")
    db.execute("INSERT INTO issues (source_name, source_path, sha256, encoding, title, "
               "item_count, imported_at) VALUES ('a.txt', '/data/天津日报/a.txt', 'x', "
               "'utf-8', 'a', 0, 'now'), ('b.txt', '', 'y', 'utf-8', 'b', 0, 'now')")
    db.commit()
    db.close()
    lib = Library(path)
    assert sorted((i.paper, i.source_key) for i in lib.issues()) == [
        ("Unsorted", "b.txt"), ("天津日报", "a.txt")]
    assert any(b.reason == "before-upgrade-v1" for b in lib.backups())


# ---------------------------------------------------------------- 7. restoring an edited issue


def test_a_returning_article_gets_its_tag_and_notes_back(tmp_path: Path) -> None:
    folder = tmp_path / "issues"
    original = (SAMPLES / "000_14aa8d10cf9712b6.txt").read_text(encoding="utf-8")
    path = write(folder / "000.txt", original)
    lib = Library(tmp_path / "lib.sqlite")
    lib.import_paths([folder])
    issue = lib.issues()[0].id
    article_id, _, title = lib.articles(issue)[1]
    body = lib.article(article_id).body
    lib.add_tag(article_id, "保留")
    note = lib.add_note(article_id, "要紧", 5, 15, expected=body[5:15])

    start = original.index(title.split()[0][:6])
    following = lib.articles(issue)[2][2]
    end = original.index(following.split()[0][:6]) if following else len(original)
    write(path, original[:start] + original[end:])
    lib.import_paths([folder])
    assert article_id not in [a for a, _, _ in lib.articles(issue)]
    assert [a for a, _, _ in lib.removed_articles(issue)] == [article_id]
    assert lib.note(note).status == "detached"

    write(path, original)
    lib.import_paths([folder])
    assert article_id in [a for a, _, _ in lib.articles(issue)]
    assert lib.removed_articles(issue) == []
    assert lib.article_tags(article_id) == ["保留"]
    restored = lib.note(note)
    assert restored.status == "attached" and (restored.start, restored.end) == (5, 15)


# ---------------------------------------------------------------- 3. changes are announced


def test_every_change_is_announced(tmp_path: Path) -> None:
    write(tmp_path / "p" / "a.txt", ISSUE_A)
    lib = Library(tmp_path / "lib.sqlite")
    heard: list[Changes] = []
    lib.subscribe(heard.append)
    report = lib.import_paths([tmp_path / "p"])
    article = first_article(lib)
    assert heard[-1] == report.changes and article in heard[-1].articles
    lib.add_tag(article, "甲")
    assert heard[-1].touches_tags(article) and not heard[-1].touches_article(article)
    note = lib.add_note(article, "笔记")
    assert heard[-1].touches_notes(article)
    lib.update_note(note, body="改")
    lib.reject_entity("place", "南开区")
    assert heard[-1].entities and heard[-1].touches_article(article)
    write(tmp_path / "p" / "a.txt", ISSUE_A.replace("三千", "四千"))
    lib.import_paths([tmp_path / "p"])
    assert heard[-1].touches_article(article) and heard[-1].touches_notes(article)
    assert len(heard) == 6


def test_a_note_on_text_that_changed_is_refused(tmp_path: Path) -> None:
    write(tmp_path / "p" / "a.txt", ISSUE_A)
    lib = Library(tmp_path / "lib.sqlite")
    lib.import_paths([tmp_path / "p"])
    article = first_article(lib)
    shown = lib.article(article).body
    write(tmp_path / "p" / "a.txt", ISSUE_A.replace("南开区推进", "今年南开区推进"))
    other = Library(tmp_path / "lib.sqlite")
    other.import_paths([tmp_path / "p"])
    with pytest.raises(AnnotationError, match="changed since it was shown"):
        lib.add_note(article, "x", 0, 4, expected=shown[0:4])
    assert lib.notes(article) == []


# ---------------------------------------------------------------- 5. busy writers wait


HOLDER = """
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN IMMEDIATE")
db.execute("INSERT INTO tags (name, created) VALUES ('holder', 'now')")
print("holding", flush=True)
time.sleep(float(sys.argv[2]))
db.execute("COMMIT")
"""


def hold_write_lock(db: Path, seconds: float) -> subprocess.Popen[str]:
    child = subprocess.Popen([sys.executable, "-c", HOLDER, str(db), str(seconds)],
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None and child.stdout.readline().strip() == "holding"
    return child


def test_a_read_then_write_waits_for_another_writer(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib.sqlite")
    lib.import_paths([SAMPLES / "000_14aa8d10cf9712b6.txt"])
    lib.add_tag(first_article(lib), "旧名")
    child = hold_write_lock(tmp_path / "lib.sqlite", 1.5)
    lib.rename_tag("旧名", "新名")  # reads the tag, then writes: waits instead of failing
    child.wait()
    assert {t.name for t in lib.tags()} == {"新名", "holder"}


def test_a_writer_held_up_too_long_says_what_holds_the_library(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lib_path = tmp_path / "lib.sqlite"
    Library(lib_path).close()
    lib_path.with_name("lib.sqlite.lock").write_text(f"{os.getpid()}\nbaokan\nhost\n")
    monkeypatch.setenv("BAOKAN_BUSY_TIMEOUT_MS", "300")
    child = hold_write_lock(lib_path, 3)
    try:
        result = CliRunner().invoke(cli, ["tag", "rename", "a", "b", "--db", str(lib_path)])
    finally:
        child.kill()
        child.wait()
    assert result.exit_code == 2
    line = result.output.strip()
    assert "\n" not in line and "busy" in line and f"process {os.getpid()}" in line
    with pytest.raises(BusyError):
        hold = hold_write_lock(lib_path, 3)
        try:
            Library(lib_path).rename_tag("a", "b")
        finally:
            hold.kill()
            hold.wait()


IMPORTER = """
import sys
from reader.library import Library
report = Library(sys.argv[1]).import_paths([sys.argv[2]], workers=1)
print(len(report.imported), len(report.failed))
"""


def test_two_imports_into_one_library_at_once_both_finish(tmp_path: Path) -> None:
    from benchmarks.corpus import generate

    generate(tmp_path / "a", issues=25, seed=1)
    generate(tmp_path / "b", issues=25, seed=2)
    db = tmp_path / "lib.sqlite"
    Library(db).close()
    children = [subprocess.Popen([sys.executable, "-c", IMPORTER, str(db), str(tmp_path / x)],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                for x in "ab"]
    outputs = [child.communicate(timeout=300) for child in children]
    assert [child.returncode for child in children] == [0, 0], outputs
    assert [out.split() for out, _ in outputs] == [["25", "0"], ["25", "0"]]
    lib = Library(db)
    assert len(lib.issues()) == 50 and lib.integrity_errors() == []


# ---------------------------------------------------------------- 6. files checked on open


def test_an_unrelated_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "photos.db"
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    other.commit()
    other.close()
    before = path.read_bytes()
    with pytest.raises(NotALibrary, match="another program"):
        Library(path)
    assert path.read_bytes() == before
    assert not (tmp_path / "photos.db.backups").exists()


def damage(path: Path) -> None:
    """Overwrite two whole pages in the middle of a closed library with garbage."""
    size = path.stat().st_size
    header = path.read_bytes()[:100]
    page = int.from_bytes(header[16:18], "big") or 65536  # 1 means 65536
    with open(path, "r+b") as handle:
        handle.seek(size // 2 // page * page)
        handle.write(b"\xde\xad\xbe\xef" * (page // 2))


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    path = tmp_path / "lib.sqlite"
    lib = Library(path)
    lib.import_paths([SAMPLES])
    lib.add_tag(first_article(lib), "要留")
    lib.close()
    damage(path)
    return path


def test_a_damaged_library_opens_read_only_with_the_way_out(damaged: Path) -> None:
    lib = Library(damaged)
    assert lib.readonly and lib.damage
    with pytest.raises(ReadOnlyError, match=r"damaged.*repair"):
        lib.add_tag(1, "x")
    with pytest.raises(AnnotationError, match="damaged"):
        lib.backup(damaged.with_name("copy.sqlite"))
    assert not damaged.with_name("copy.sqlite").exists()


def test_repair_copies_what_is_readable_and_keeps_the_old_file(damaged: Path) -> None:
    result = CliRunner().invoke(cli, ["repair", "--db", str(damaged)])
    assert result.exit_code == 0, result.output
    kept = [p for p in damaged.parent.glob("lib.sqlite.damaged-*")
            if not p.name.endswith(("-wal", "-shm"))]
    assert len(kept) == 1 and "kept as" in result.output
    lib = Library(damaged)
    assert not lib.readonly and lib.integrity_errors() == []
    assert len(lib.issues()) >= 1
    assert lib.search("南开") or lib.issues()


# ---------------------------------------------------------------- backups


def test_backups_are_kept_five_and_restore_undoably(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib.sqlite")
    lib.import_paths([SAMPLES / "000_14aa8d10cf9712b6.txt"])
    article = first_article(lib)
    lib.add_tag(article, "第一")
    first = lib.make_backup()
    shutil.copy(first, tmp_path / "saved.sqlite")
    lib.add_tag(article, "第二")
    for _ in range(6):
        lib.make_backup()
    assert len(lib.backups()) == 5 and first not in [b.path for b in lib.backups()]
    before = lib.restore_backup(tmp_path / "saved.sqlite")
    assert lib.article_tags(article) == ["第一"]
    assert before in [b.path for b in lib.backups()]
    lib.restore_backup(before)
    assert lib.article_tags(article) == ["第一", "第二"]


def test_daily_backup_at_most_once_a_day(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib.sqlite")
    assert lib.daily_backup() is None  # nothing to keep yet
    lib.import_paths([SAMPLES / "000_14aa8d10cf9712b6.txt"])
    made = lib.daily_backup()
    assert made is not None and lib.daily_backup() is None
    old = time.time() - 25 * 3600
    os.utime(made, (old, old))
    assert lib.daily_backup() is not None


def test_backup_list_and_restore_from_the_command_line(tmp_path: Path) -> None:
    db = tmp_path / "lib.sqlite"
    runner = CliRunner()
    assert runner.invoke(cli, ["import", str(SAMPLES), "--db", str(db)]).exit_code == 0
    made = runner.invoke(cli, ["backup", "--db", str(db)])
    assert made.exit_code == 0 and "lib.sqlite.backups" in made.output
    runner.invoke(cli, ["tag", "add", "1", "后加", "--db", str(db)])
    listing = runner.invoke(cli, ["backup", "--list", "--db", str(db)])
    assert "manual" in listing.output
    restored = runner.invoke(cli, ["backup", "--restore", "1", "--db", str(db)])
    assert restored.exit_code == 0, restored.output
    assert Library(db).article_tags(1) == []


# ---------------------------------------------------------------- failures are visible


def test_a_full_disk_turns_the_library_read_only_and_says_so(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib.sqlite")
    told: list[str] = []
    lib.on_failure(told.append)
    lib.import_paths([SAMPLES / "000_14aa8d10cf9712b6.txt"])
    article = first_article(lib)
    lib.db.execute("VACUUM")  # no free pages left to fill
    pages = lib.db.execute("PRAGMA page_count").fetchone()[0]
    lib.db.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(LibraryFailure, match="full"):
        lib.add_note(article, "很长的笔记" * 20000)
    assert lib.readonly and len(told) == 1 and "full" in told[0]
    with pytest.raises(ReadOnlyError):
        lib.add_tag(article, "x")
    assert len(told) == 1


def test_a_library_file_deleted_under_the_app_is_a_failure(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib.sqlite")
    told: list[str] = []
    lib.on_failure(told.append)
    (tmp_path / "lib.sqlite").unlink()
    lib.poll()
    assert lib.readonly and told and "deleted" in told[0]


def test_another_program_writing_is_noticed(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib.sqlite")
    lib.import_paths([SAMPLES / "000_14aa8d10cf9712b6.txt"])
    assert not lib.poll()
    Library(tmp_path / "lib.sqlite").add_tag(first_article(lib), "外来")
    assert lib.poll().everything and not lib.poll()


def test_the_library_files_themselves_are_never_imported(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib.sqlite")
    lib.make_backup() if lib.issues() else None
    report = lib.import_paths([tmp_path / "lib.sqlite", tmp_path / "lib.sqlite-wal"])
    assert [reason for _, reason in report.failed] == [
        "this is the library's own file, not an issue"] * 2
    with pytest.raises(AnnotationError, match="library's own file"):
        lib.export_csv("notes", tmp_path / "lib.sqlite")


def test_fifo_and_unreadable_names_are_reported_and_the_rest_imported(tmp_path: Path) -> None:
    folder = tmp_path / "p"
    write(folder / "good.txt", ISSUE_A)
    os.mkfifo(folder / "pipe.txt")
    bad_name = os.fsdecode(b"\xb1\xa8\xbf\xaf.txt")  # 报刊 in GBK bytes: not UTF-8
    write(folder / bad_name, ISSUE_B)
    lib = Library(tmp_path / "lib.sqlite")
    report = lib.import_paths([folder, folder / "pipe.txt"])
    assert len(report.imported) == 2
    assert [Path(p).name for p, _ in report.failed] == ["pipe.txt", "pipe.txt"]
    keys = sorted(i.source_key for i in lib.issues())
    assert keys == ["\\xb1\\xa8\\xbf\\xaf.txt", "good.txt"]


# ---------------------------------------------------------------- 4 and CLI errors


def test_db_before_the_command_is_honoured(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BAOKAN_DB", str(tmp_path / "default.sqlite"))
    chosen = tmp_path / "chosen.sqlite"
    result = CliRunner().invoke(cli, ["--db", str(chosen), "import", str(SAMPLES)])
    assert result.exit_code == 0, result.output
    assert chosen.exists() and not (tmp_path / "default.sqlite").exists()
    listed = CliRunner().invoke(cli, ["--db", str(chosen), "issues"])
    assert listed.output.count("\n") == 5


def test_a_read_command_never_creates_a_library(tmp_path: Path) -> None:
    for command in (["issues"], ["search", "南开"], ["tag", "list"], ["papers"],
                    ["backup", "--list"]):
        result = CliRunner().invoke(cli, [*command, "--db", str(tmp_path / "none.sqlite")])
        assert result.exit_code == 2 and result.output.strip() == (
            f"baokan: no library at {tmp_path / 'none.sqlite'}"), command
    assert list(tmp_path.iterdir()) == []


def _cli(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reader.cli", *args, "--db", str(db)],
                          capture_output=True, text=True, timeout=120)


def make_read_only(*paths: Path) -> list[Path]:
    """Read-only for this user; as root (who ignores modes) the files are made immutable."""
    for path in paths:
        path.chmod(0o555 if path.is_dir() else 0o444)
        if os.geteuid() == 0:
            subprocess.run(["chattr", "+i", str(path)], check=True)
    return list(paths)


def make_writable(paths: list[Path]) -> None:
    for path in paths:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(path)], check=False)
        path.chmod(0o755 if path.is_dir() else 0o644)


@pytest.mark.parametrize("case", ["malformed", "not-a-database", "newer", "directory",
                                  "read-only"])
def test_cli_errors_are_one_line_and_exit_2(tmp_path: Path, case: str) -> None:
    db = tmp_path / "lib.sqlite"
    locked: list[Path] = []
    if case == "malformed":
        Library(db).import_paths([SAMPLES / "000_14aa8d10cf9712b6.txt"])
        db.write_bytes(db.read_bytes()[:100] + b"\x00" * 5000)
        for side in ("lib.sqlite-wal", "lib.sqlite-shm"):
            (tmp_path / side).unlink(missing_ok=True)
    elif case == "not-a-database":
        db.write_bytes(b"a text file, not a library\n" * 100)
    elif case == "newer":
        Library(db).db.execute("PRAGMA user_version = 99")
    elif case == "directory":
        db.mkdir()
    else:
        lib = Library(db)
        lib.import_paths([SAMPLES / "000_14aa8d10cf9712b6.txt"])
        lib.close()
        locked = make_read_only(db, tmp_path)
    try:
        wrote = _cli(db, "tag", "add", "1", "x")
        read = _cli(db, "issues")
    finally:
        make_writable(locked)
    assert wrote.returncode == 2, wrote
    assert wrote.stderr.startswith("baokan: ") and wrote.stderr.count("\n") == 1, wrote.stderr
    assert "Traceback" not in wrote.stderr + read.stderr
    if case == "read-only":
        assert read.returncode == 0 and "000_14aa8d10cf9712b6" in read.stdout, read
        assert "read-only" in wrote.stderr
    else:
        assert read.returncode == 2 and read.stderr.count("\n") == 1, read.stderr
