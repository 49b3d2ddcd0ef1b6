"""A kill -9 in the middle of an import leaves only whole issues, and a re-run finishes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.corpus import generate
from reader.library import Library

IMPORTER = """
import sys
from reader.library import Library
library = Library(sys.argv[1])
library.import_paths([sys.argv[2]], workers=1,
                     progress=lambda d, t, n: print(d, flush=True))
"""


def test_kill_during_import_leaves_whole_issues(tmp_path: Path) -> None:
    files = generate(tmp_path / "issues", issues=120, seed=3)
    db_path = tmp_path / "lib.sqlite"
    child = subprocess.Popen([sys.executable, "-c", IMPORTER, str(db_path),
                              str(tmp_path / "issues")], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    deadline = time.monotonic() + 120
    done = 0
    while done < 15 and time.monotonic() < deadline:
        line = child.stdout.readline()
        if not line:
            break
        done = int(line)
    time.sleep(0.05)  # let it get into the middle of the next issue's transaction
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert done >= 15, "the importer did not make progress"

    library = Library(db_path)
    assert library.integrity_errors() == []
    stored = library.issues()
    assert 15 <= len(stored) < len(files)
    for issue in stored:
        assert len(library.articles(issue.id)) == issue.item_count, issue.title
    report = library.import_paths([tmp_path / "issues"])
    assert len(report.skipped) == len(stored)
    assert len(library.issues()) == len(files)


def run_until(script: str, args: list[str], lines: int) -> tuple[subprocess.Popen[str], int]:
    """Start ``script``; kill -9 it once it printed ``lines`` progress lines."""
    child = subprocess.Popen([sys.executable, "-c", script, *args], stdout=subprocess.PIPE,
                             text=True)
    assert child.stdout is not None
    deadline = time.monotonic() + 120
    done = 0
    while done < lines and time.monotonic() < deadline:
        line = child.stdout.readline()
        if not line:
            break
        done = int(line)
    time.sleep(0.03)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert done >= lines, "the child did not make progress"
    return child, done


def annotated_library(tmp_path: Path, issues: int = 40) -> tuple[Path, Library, int]:
    generate(tmp_path / "paper", issues=issues, seed=5)
    db_path = tmp_path / "lib.sqlite"
    library = Library(db_path)
    library.import_paths([tmp_path / "paper"], workers=1)
    notes = 0
    for issue in library.issues():
        for article_id, _, _ in library.articles(issue.id)[:2]:
            library.add_tag(article_id, "要留")
            library.add_note(article_id, "笔记", 0, 4)
            notes += 1
    return db_path, library, notes


REPLACER = """
import sys
from reader.library import Library
library = Library(sys.argv[1])
library.import_paths([sys.argv[2]], workers=1, progress=lambda d, t, n: print(d, flush=True))
"""


def test_kill_during_a_replacing_import_keeps_every_note_and_tag(tmp_path: Path) -> None:
    db_path, library, notes = annotated_library(tmp_path)
    for path in (tmp_path / "paper").rglob("*.txt"):
        path.write_text(path.read_text(encoding="utf-8") + "\n补记：新增的一段。\n",
                        encoding="utf-8")
    run_until(REPLACER, [str(db_path), str(tmp_path / "paper")], 10)
    assert library.integrity_errors() == []
    assert len(library.notes()) == notes
    assert sum(t.count for t in library.tags()) == notes
    for issue in library.issues():
        assert len(library.articles(issue.id)) == issue.item_count
    report = library.import_paths([tmp_path / "paper"], workers=1)
    assert len(report.replaced) + len(report.skipped) == 40 and not report.imported
    assert len(library.notes()) == notes and len(library.issues()) == 40
    assert all(n.status != "detached" for n in library.notes())


EDITOR = """
import sys
from reader.library import Library
library = Library(sys.argv[1])
articles = [int(a) for a in sys.argv[2].split(",")]
for n in range(100000):
    article = articles[n % len(articles)]
    library.add_note(article, f"note-{n}", 0, 3)
    library.add_tag(article, f"tag-{n}")
    print(n + 1, flush=True)
"""


def test_kill_during_note_and_tag_edits_loses_no_acknowledged_write(tmp_path: Path) -> None:
    db_path, library, _notes = annotated_library(tmp_path, issues=5)
    articles = [a for i in library.issues() for a, _, _ in library.articles(i.id)]
    _, done = run_until(EDITOR, [str(db_path), ",".join(map(str, articles))], 60)
    assert library.integrity_errors() == []
    bodies = {n.body for n in library.notes()}
    assert {f"note-{n}" for n in range(done)} <= bodies
    assert {f"tag-{n}" for n in range(done - 1)} <= {t.name for t in library.tags()}


MERGER = """
import sys
from reader.library import Library
library = Library(sys.argv[1])
print(1, flush=True)
library.import_annotations(sys.argv[2])
print(2, flush=True)
"""


def test_kill_during_annotations_import_merges_all_or_nothing(tmp_path: Path) -> None:
    _db_path, library, notes = annotated_library(tmp_path)
    library.export_annotations(tmp_path / "shared.json")
    other = tmp_path / "other.sqlite"
    Library(other).import_paths([tmp_path / "paper"], workers=1)
    run_until(MERGER, [str(other), str(tmp_path / "shared.json")], 1)
    target = Library(other)
    assert target.integrity_errors() == []
    assert len(target.notes()) in (0, notes)  # one transaction: all or nothing
    target.import_annotations(tmp_path / "shared.json")
    target.import_annotations(tmp_path / "shared.json")
    assert len(target.notes()) == notes


BACKER = """
import sys
from reader.library import Library
library = Library(sys.argv[1])
for n in range(1000):
    library.make_backup()
    print(n + 1, flush=True)
"""


def test_kill_during_backups_leaves_the_library_and_whole_backups(tmp_path: Path) -> None:
    db_path, library, notes = annotated_library(tmp_path)
    run_until(BACKER, [str(db_path)], 2)
    assert library.integrity_errors() == []
    assert len(library.notes()) == notes
    backups = library.backups()
    assert 1 <= len(backups) <= 5
    for backup in backups:
        copy = Library(backup.path, readonly=True)
        assert not copy.damage and len(copy.notes()) == notes
        copy.close()
