"""One writer: once a library has started its writer thread, every write of the process,
the window's and a background import's, runs on that thread's connection, the only
writable one; changes are announced on the thread that asked; failures still surface."""

from __future__ import annotations

import re
import shutil
import sqlite3
import threading
from pathlib import Path

import pytest

from reader.core.changes import Changes
from reader.library import AnnotationError, Library, ReadOnlyError
from tests.conftest import SAMPLES

WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER)\b", re.I)


def trace_writes(conn: sqlite3.Connection, seen: list[tuple[int, str]]) -> None:
    conn.set_trace_callback(
        lambda sql: seen.append((threading.get_ident(), sql)) if WRITE.match(sql) else None)


@pytest.fixture
def issues_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "issues"
    folder.mkdir()
    for path in sorted(SAMPLES.glob("*.txt"))[:3]:
        shutil.copy(path, folder / path.name)
    return folder


def test_every_write_runs_on_the_writer_thread(tmp_path: Path, issues_dir: Path) -> None:
    library = Library(tmp_path / "lib.sqlite")
    library.import_paths([issues_dir / name for name in sorted(p.name for p in
                                                               issues_dir.iterdir())[:1]])
    library.start_writer()
    writer = library.writer
    assert writer is not None
    on_writer: list[tuple[int, str]] = []
    elsewhere: list[tuple[int, str]] = []
    writer_thread = writer.run(threading.get_ident)
    writer.run(lambda: trace_writes(library.db.conn, on_writer))
    trace_writes(library.db.conn, elsewhere)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        library.db.execute("INSERT INTO papers (name) VALUES ('不该写入')")
    elsewhere.clear()

    # a background import on its own thread, with a library that shares the writer
    def import_job() -> None:
        job_library = Library(library.path, check=False, writer=writer)
        trace_writes(job_library.db.conn, elsewhere)
        try:
            job_library.import_paths([issues_dir])
        finally:
            job_library.close()
    job = threading.Thread(target=import_job)
    job.start()
    article = library.articles(library.issues()[0].id)[0][0]
    for n in range(30):  # the window's small writes, meanwhile
        library.add_tag(article, f"标签{n}")
    job.join()
    note_id = library.add_note(article, "一条笔记")
    assert len(library.issues()) == 3
    assert sorted(library.article_tags(article)) == sorted(f"标签{n}" for n in range(30))
    assert library.note(note_id).body == "一条笔记"
    assert elsewhere == []  # no connection but the writer's wrote anything
    assert any("INSERT" in sql.upper() for _, sql in on_writer)
    assert {thread for thread, _ in on_writer} == {writer_thread}
    library.close()


def test_changes_are_announced_on_the_thread_that_asked(tmp_path: Path,
                                                        issues_dir: Path) -> None:
    library = Library(tmp_path / "lib.sqlite")
    library.import_paths([issues_dir])
    library.start_writer()
    heard: list[tuple[int, Changes]] = []
    library.subscribe(lambda changes: heard.append((threading.get_ident(), changes)))
    article = library.articles(library.issues()[0].id)[0][0]
    assert library.add_tag(article, "城市更新")
    assert heard == [(threading.get_ident(), Changes(tagged=frozenset({article}), tags=True))]
    assert library.poll() == Changes()  # its own write is not mistaken for another program's
    library.close()


def test_a_failed_write_raises_where_it_was_asked(tmp_path: Path, issues_dir: Path) -> None:
    library = Library(tmp_path / "lib.sqlite")
    library.import_paths([issues_dir])
    library.start_writer()
    with pytest.raises(AnnotationError, match="name"):  # refused inside the writer thread
        library.rename_paper("issues", "  ")
    failures: list[str] = []
    library.on_failure(failures.append)
    assert library.writer is not None
    library.writer.run(lambda: library.db.execute("VACUUM"))
    pages = library.writer.run(lambda: library.db.execute("PRAGMA page_count").fetchone()[0])
    library.writer.run(lambda: library.db.execute(f"PRAGMA max_page_count = {pages}"))
    article = library.articles(library.issues()[0].id)[0][0]
    with pytest.raises(ReadOnlyError):
        library.add_note(article, "很长的笔记" * 20000)
    assert library.readonly and failures and "full" in failures[0]
    library.close()


def test_a_read_only_or_memory_library_starts_no_writer(tmp_path: Path,
                                                         issues_dir: Path) -> None:
    memory = Library(":memory:")
    memory.start_writer()
    assert memory.writer is None
    Library(tmp_path / "lib.sqlite").close()
    readonly = Library(tmp_path / "lib.sqlite", readonly=True)
    readonly.start_writer()
    assert readonly.writer is None
    readonly.close()


def test_a_started_write_is_announced_and_refused_where_it_is_finished(
        tmp_path: Path, issues_dir: Path) -> None:
    library = Library(tmp_path / "lib.sqlite")
    library.import_paths([issues_dir])
    library.start_writer()
    heard: list[tuple[int, Changes]] = []
    library.subscribe(lambda changes: heard.append((threading.get_ident(), changes)))
    article = library.articles(library.issues()[0].id)[0][0]
    gate = threading.Event()
    assert library.writer is not None
    library.writer.submit(gate.wait)
    started = library.start_write(lambda: library.add_tag(article, "稍后"))
    assert not started.done() and heard == []  # the caller goes on while the writer works
    gate.set()
    assert library.finish_write(started) is True
    assert heard == [(threading.get_ident(), Changes(tagged=frozenset({article}), tags=True))]
    refused = library.start_write(lambda: library.rename_paper("issues", " "))
    with pytest.raises(AnnotationError, match="name"):
        library.finish_write(refused)
    library.close()
