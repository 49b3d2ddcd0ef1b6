"""The facade that the command line and the window use: import, search, tags, notes, export."""

from __future__ import annotations

import functools
import json
import multiprocessing
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar, cast

from reader import __version__
from reader.core.analyze import Corrections, analysis_stamp, analyze_issue, analyze_texts
from reader.core.changes import EVERYTHING, Changes
from reader.core.csvout import write_csv
from reader.core.fts import QueryError
from reader.core.issue_details import (
    FIELDS,
    DetailError,
    Details,
    PatternMatch,
    check_value,
    compile_pattern,
    details_of,
    match_pattern,
    with_key,
)
from reader.core.pipeline import (
    CorrectionRows,
    Failed,
    Known,
    Prepared,
    corrections_from_rows,
    prepare,
    set_known,
)
from reader.core.qdpx import QdpxReport, write_qdpx
from reader.core.records import (
    ArticleLabel,
    ArticleRow,
    EntityCorrection,
    EntityCount,
    FigureRow,
    Filters,
    FixRecord,
    Highlight,
    Hit,
    IssueRow,
    Mention,
    NoteRow,
    RelatedArticle,
    TagRow,
    TagState,
)
from reader.core.sources import FileId, Source, collect_sources, file_id, printable
from reader.core.splits import FixRow, SplitFix, Where, apply_fixes, describe, ref_of
from reader.core.timeline import (
    BINS,
    MEASURES,
    TIMELINE_COLUMNS,
    ArticleRef,
    Cooccurrence,
    Pair,
    Series,
    Timeline,
    count_pairs,
    make_timeline,
    period_bounds,
)
from reader.core.treefilter import parse_tree_filter
from reader.db import (
    articles,
    backups,
    details,
    entities,
    exchange,
    exports,
    figures,
    issues,
    notes,
    related,
    tags,
)
from reader.db import splits as split_store
from reader.db import timeline as timelines
from reader.db.annotations import AnnotationError
from reader.db.backups import Backup
from reader.db.connection import (
    Database,
    LibraryBusy,
    NoLibrary,
    NotALibrary,
    StorageError,
    backup_to,
    damage_message,
    data_version,
    default_path,
    integrity_errors,
    is_failure,
    lock_holder,
    now,
    open_library,
    transaction,
)
from reader.db.migrations import backups_dir
from reader.db.search import count as search_count
from reader.db.search import search
from reader.db.writer import Writer

IssueCorrections = dict[str, str | None]
"""The user's value of each corrected detail of an issue (None: it has none)."""
Progress = Callable[[int, int, str], None]
"""progress(done, total, current file name)"""
Listener = Callable[[Changes], None]

IN_PROCESS_MAX = 3
"""Imports of at most this many files run in the calling process (no start-up cost)."""

__all__ = [
    "AnnotationError",
    "ArticleLabel",
    "ArticleRef",
    "Backup",
    "BusyError",
    "Changes",
    "Cooccurrence",
    "Details",
    "EntityCorrection",
    "EntityCount",
    "FigureRow",
    "Filters",
    "FixInfo",
    "FixRecord",
    "Hit",
    "ImportReport",
    "IssueCorrections",
    "IssueRow",
    "Library",
    "LibraryFailure",
    "Mention",
    "NoLibrary",
    "NotALibrary",
    "NoteRow",
    "Pair",
    "PatternMatch",
    "QdpxReport",
    "QueryError",
    "ReadOnlyError",
    "RelatedArticle",
    "SearchPage",
    "Series",
    "SplitFix",
    "StorageError",
    "TagRow",
    "TagState",
    "Timeline",
    "TreeMatches",
    "lock_holder",
    "repair_library",
]

Method = TypeVar("Method", bound=Callable[..., Any])


class ReadOnlyError(AnnotationError):
    """A change was asked of a library opened read-only."""


class LibraryFailure(ReadOnlyError):
    """Writing the file failed (disk full, I/O error, file gone): the library is now
    read-only, and nothing more is accepted that could not be saved."""


class BusyError(AnnotationError):
    """Another program held the library's write lock for longer than the busy timeout."""


def writes(method: Method) -> Method:
    """Mark a Library method that changes the file.

    Refused with a message when the library is read-only; a failure of the file turns
    the library read-only, tells every failure listener (the window shows a dialog) and
    raises LibraryFailure, so no edit is accepted that cannot be saved.
    """
    @functools.wraps(method)
    def guarded(self: Library, *args: Any, **kwargs: Any) -> Any:
        writer = self._writer
        if writer is not None and writer.on_thread():
            return method(self, *args, **kwargs)  # inside a write: the outer one guards
        if self.readonly:
            raise ReadOnlyError(self.readonly_reason)
        with failures_told(self):
            if writer is None:
                return method(self, *args, **kwargs)
            return self._on_writer(writer, functools.partial(method, self, *args, **kwargs))
    return cast(Method, guarded)


@contextmanager
def failures_told(library: Library) -> Iterator[None]:
    """Turn what a write raised into what its caller is told: a busy file into
    BusyError; a failed file (disk full, I/O, gone) into LibraryFailure, after the
    library turned read-only and told its failure listeners."""
    try:
        yield
    except LibraryBusy as error:
        raise BusyError(str(error)) from None
    except Exception as error:
        if isinstance(error, StorageError) or is_failure(error):
            raise library.failed(str(error)) from error
        raise


EXPORTS = {
    "notes": (exports.NOTE_COLUMNS, exports.note_rows),
    "tags": (exports.TAG_COLUMNS, exports.tag_rows),
    "entities": (exports.ENTITY_COLUMNS, exports.entity_rows),
    "figures": (exports.FIGURE_COLUMNS, exports.figure_rows),
    "mentions": (exchange.MENTION_COLUMNS, exchange.mention_rows),
}


@dataclass
class ImportReport:
    """What an import did, file by file."""

    imported: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    cancelled: bool = False
    names: dict[str, str] = field(default_factory=dict)
    """Each imported or replaced file's identity in the library: ``paper / name``."""
    papers: dict[str, int] = field(default_factory=dict)
    """How many issues each paper received (imported or replaced)."""
    backup: str | None = None
    """The backup made before the first issue was replaced."""
    changes: Changes = field(default_factory=Changes)

    @property
    def total(self) -> int:
        return len(self.imported) + len(self.replaced) + len(self.skipped) + len(self.failed)


@dataclass(frozen=True)
class SearchPage:
    """A page of search hits: where it starts, its hits, and how many there are in all."""

    query: str
    offset: int
    hits: list[Hit]
    total: int


@dataclass(frozen=True)
class TreeMatches:
    """The tree filter's answer: the matching (live) articles, the issues that hold them,
    and the rows of the first of those issues (the ones the tree opens)."""

    text: str
    ids: set[int]
    issues: set[int]
    labels: dict[int, list[ArticleLabel]]
    counts: dict[int, int] = field(default_factory=dict)
    """How many of the matching articles each of ``issues`` holds."""


@dataclass(frozen=True)
class FixInfo:
    """A stored split correction, whether it applies to its issue today, and why not."""

    record: FixRecord
    issue: str
    """``paper / name`` of its issue."""
    applies: bool
    reason: str = ""

    @property
    def text(self) -> str:
        return describe(self.record.fix)


class Library:
    """One library file and everything the user does with it."""

    @staticmethod
    def resolve_path(path: str | Path | None) -> str | Path:
        """The file a library at ``path`` uses: ``":memory:"``, ``path`` or the default."""
        return ":memory:" if str(path) == ":memory:" else Path(path or default_path())

    def __init__(self, path: str | Path | None = None, *, readonly: bool = False,
                 create: bool = True, check: bool = True, writer: Writer | None = None
                 ) -> None:
        """Open the library; ``create=False`` refuses a path where there is none yet.

        A damaged library opens read-only with ``damage`` set; a file that is not a
        library, or that cannot be opened at all, raises StorageError. ``check=False``
        skips ``quick_check`` (a second connection of a process that checked already).
        With a ``writer`` (another Library's, see ``start_writer``) this connection only
        reads and every write runs on that writer's thread.
        """
        self.path = self.resolve_path(path)
        self._writer = writer
        """Where this library's writes run (None: on this connection)."""
        self._owns_writer = False
        self._local = threading.local()
        self._started: dict[int, list[Changes]] = {}
        """The changes of each write started with ``start_write``, until it is finished."""
        opened = open_library(self.path, readonly=readonly or writer is not None,
                              create=create, check=check)
        self._db = opened.db
        self.damage = opened.damage
        self.readonly = opened.readonly if writer is None else bool(opened.damage)
        self.failure: str | None = None
        self._listeners: list[Listener] = []
        self._failure_listeners: list[Callable[[str], None]] = []
        self._file = file_id(self.path) if self.is_file else None
        self._version = data_version(self.db)

    @property
    def db(self) -> Database:
        """The connection of the calling thread: the writer's own on the writer thread,
        this library's (read-only once a writer runs) everywhere else."""
        writer = self._writer
        if writer is not None and writer.on_thread():
            return writer.db
        return self._db

    @property
    def writer(self) -> Writer | None:
        """The thread every write of this library runs on, to share with a job's library."""
        return self._writer

    def start_writer(self) -> None:
        """From now on every write runs on one writer thread that holds the only writable
        connection; this library's own connection becomes read-only (the window does this;
        the command line writes on its one connection)."""
        if self._writer is not None or not self.is_file or self.readonly:
            return
        self._writer = Writer(Path(self.path))
        self._owns_writer = True
        own, self._db = self._db, open_library(self.path, readonly=True, check=False).db
        own.close()

    def start_write(self, work: Callable[[], Any]) -> Future[Any]:
        """Start a write (a call of this library's ``@writes`` methods) on the writer
        thread without waiting: the window's way to keep the GUI thread free during a
        long change (a split correction re-splits and re-analyses its issue). Hand the
        future to ``finish_write`` on this thread when it is done. Without a writer
        thread the work runs here and now."""
        if self.readonly:
            raise ReadOnlyError(self.readonly_reason)
        pending: list[Changes] = []
        job = self._holding_changes(work, pending)
        future: Future[Any]
        if self._writer is None:
            future = Future()
            try:
                future.set_result(job())
            except Exception as error:
                future.set_exception(error)
        else:
            future = self._writer.submit(job)
        self._started[id(future)] = pending
        return future

    def finish_write(self, future: Future[Any]) -> Any:
        """On the thread that started it: announce what a ``start_write`` changed and
        return its result, or raise its error as a direct write would (a failed file
        turns the library read-only and tells the failure listeners)."""
        pending = self._started.pop(id(future), [])
        try:
            with failures_told(self):
                return future.result()
        finally:
            for changes in pending:
                self.announce(changes)

    def _holding_changes(self, work: Callable[[], Any], pending: list[Changes]
                         ) -> Callable[[], Any]:
        """``work`` made to keep the changes it announces in ``pending`` (they are told on
        the thread that asked for the write, once it is done)."""
        def job() -> Any:
            self._local.pending = pending
            try:
                return work()
            finally:
                self._local.pending = None
        return job

    def _on_writer(self, writer: Writer, work: Callable[[], Any]) -> Any:
        """Run a write on the writer thread; the changes it announces there are announced
        here, on the calling thread, when it has finished (or failed)."""
        pending: list[Changes] = []
        try:
            return writer.run(self._holding_changes(work, pending))
        finally:
            for changes in pending:
                self.announce(changes)

    @property
    def is_file(self) -> bool:
        return str(self.path) != ":memory:"

    @property
    def readonly_reason(self) -> str:
        if self.failure:
            return (f"the library {self.path} cannot be written ({self.failure}); it is "
                    "read-only until the app is restarted; changes are not saved")
        if self.damage:
            return damage_message(Path(self.path), self.damage)
        return (f"the library {self.path} is open read-only (another window or program is "
                "using it); changes are not saved")

    def close(self) -> None:
        self._db.close()
        if self._owns_writer and self._writer is not None:
            self._writer.close()

    # ------------------------------------------------------------ changes and failures

    def subscribe(self, listener: Listener) -> None:
        """Call ``listener(changes)`` after every change made through this library."""
        self._listeners.append(listener)

    def on_failure(self, listener: Callable[[str], None]) -> None:
        """Call ``listener(message)`` when the file fails and the library turns read-only."""
        self._failure_listeners.append(listener)

    def announce(self, changes: Changes) -> None:
        """Tell every listener what changed (also for changes made by another connection,
        such as a background import, whose report carries them). On the writer thread
        they wait for the end of the write, and are told on the thread that asked for it."""
        pending = getattr(self._local, "pending", None)
        if pending is not None:
            pending.append(changes)
            return
        self._version = data_version(self.db)
        if changes:
            for listener in list(self._listeners):
                listener(changes)

    def failed(self, message: str) -> LibraryFailure:
        """The file cannot be written: switch to read-only and tell the failure listeners."""
        first = self.failure is None
        self.failure = self.failure or message
        self.readonly = True
        if first:
            for listener in list(self._failure_listeners):
                listener(message)
        return LibraryFailure(self.readonly_reason)

    def poll(self) -> Changes:
        """Look for what other programs did: EVERYTHING if they changed the file.

        A library file that was deleted or replaced under the app is a failure (the
        app's writes would be lost): the library turns read-only and listeners are told.
        """
        if self._file is not None and self.failure is None and \
                file_id(self.path) != self._file:
            self.failed("the library file was moved, replaced or deleted while open")
        try:
            version = data_version(self.db)
        except Exception as error:
            if is_failure(error):
                self.failed(str(error))
                return Changes()
            raise
        if version == self._version:
            return Changes()
        self._version = version
        return EVERYTHING

    def own_files(self) -> frozenset[FileId]:
        """(device, inode) of the library file, its journal, lock and backups: files that
        nothing in the process may open outside SQLite (doing so drops SQLite's locks)."""
        if not self.is_file:
            return frozenset()
        path = Path(self.path)
        names = [path, *(path.with_name(path.name + s) for s in
                         ("-wal", "-shm", "-journal", ".lock"))]
        folder = backups_dir(path)
        names += list(folder.iterdir()) if folder.is_dir() else []
        return frozenset(i for i in map(file_id, names) if i is not None)

    def check_outside(self, path: str | Path) -> None:
        """Refuse to read or write ``path`` when it is one of the library's own files."""
        ident = file_id(path)
        if ident is not None and ident in self.own_files():
            raise AnnotationError(f"{printable(Path(path).name)} is the library's own file; "
                                  "choose another")

    # ------------------------------------------------------------ import

    def import_paths(
        self, paths: list[str | Path], progress: Progress | None = None,
        cancel: Callable[[], bool] | None = None, workers: int | None = None,
        paper: str | None = None,
    ) -> ImportReport:
        """Import issue files and folders; each issue is stored in its own transaction.

        An issue is identified by its paper (the imported folder's name, or ``paper``)
        and its name in the paper (its path under that folder): a file with the same
        paper and name but new bytes replaces the stored issue, keeping its tags and
        notes; the same name in another paper is another issue. Files are read and
        analysed here; each issue is handed to the writer to store (``_store``).
        """
        if self.readonly:
            raise ReadOnlyError(self.readonly_reason)
        sources, missing = collect_sources(paths, (paper and paper.strip()) or None,
                                           self.own_files())
        report = ImportReport(failed=[(f.path, f.reason) for f in missing])
        todo = self._new_sources(sources, report, explicit=bool(paper))
        total = len(sources)
        done = total - len(todo)
        corrections = tuple(entities.list_corrections(self.db))
        by_path = {str(source.path): source for source in todo}
        fixes = self._fixes_by_path(todo)
        try:
            for result in self._prepared(todo, corrections, fixes, workers, cancel):
                if cancel is not None and cancel():
                    report.cancelled = True
                    break
                self._store(result, by_path[result.path], report)
                done += 1
                if progress is not None:
                    progress(done, total, printable(Path(result.path).name))
        finally:
            self.announce(report.changes)
        return report

    def _new_sources(self, sources: list[Source], report: ImportReport,
                     explicit: bool) -> list[Source]:
        """The sources with their identity in the library (a file imported again by itself
        keeps the paper and name it had). Nothing is read here: each file is read and
        hashed once, by ``prepare``, which skips the bytes the library already holds."""
        todo = []
        for source in sources:
            known = None if explicit else issues.identity_by_path(self.db, source.display)
            todo.append(Source(source.path, *known) if known else source)
        return todo

    def _fixes_by_path(self, sources: list[Source]) -> dict[str, tuple[FixRow, ...]]:
        """The stored split corrections of each source's issue, if it is in the library."""
        found = {}
        for source in sources:
            issue_id = issues.issue_id_by_identity(self.db, source.paper, source.key)
            rows = split_store.fix_rows(self.db, issue_id) if issue_id is not None else ()
            if rows:
                found[str(source.path)] = rows
        return found

    def _prepared(
        self, sources: list[Source], corrections: CorrectionRows,
        fixes: dict[str, tuple[FixRow, ...]], workers: int | None,
        cancel: Callable[[], bool] | None,
    ) -> Iterator[Prepared | Known | Failed]:
        known = issues.all_hashes(self.db)
        if len(sources) <= IN_PROCESS_MAX or workers == 1:
            for source in sources:
                path = str(source.path)
                yield prepare(path, corrections, fixes=fixes.get(path, ()), known=known)
            return
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(workers or 2, mp_context=context, initializer=set_known,
                                 initargs=(known,)) as pool:
            futures: list[Future[Prepared | Known | Failed]] = [
                pool.submit(prepare, str(source.path), corrections, True,
                            fixes.get(str(source.path), ())) for source in sources]
            try:
                for future in futures:
                    yield future.result()
            finally:
                pool.shutdown(wait=True, cancel_futures=True)

    @writes
    def _store(self, result: Prepared | Known | Failed, source: Source,
               report: ImportReport) -> None:
        if isinstance(result, Failed):
            report.failed.append((source.display, result.reason))
            return
        if isinstance(result, Known):
            report.skipped.append(source.display)
            return
        issue = result.issue
        old = issues.issue_id_by_identity(self.db, source.paper, source.key)
        if old is not None and report.backup is None and self.is_file:
            report.backup = str(backups.make_backup(self.db, Path(self.path), "before-import"))
        with transaction(self.db):
            if issues.issue_by_hash(self.db, issue.source.sha256) is not None:
                report.skipped.append(source.display)
                return
            old = issues.issue_id_by_identity(self.db, source.paper, source.key)
            if old is None:
                issue_id = issues.insert_issue(self.db, issue, source.display, source.paper,
                                              source.key, result.signatures, analysis_stamp())
                touched = [a for a, _, _ in articles.issue_articles(self.db, issue_id)]
                report.imported.append(source.display)
            else:
                issue_id = old
                touched = issues.replace_issue(self.db, old, issue, source.display,
                                              result.signatures, analysis_stamp())
                report.replaced.append(source.display)
            if result.parse is not None:
                split_store.save_parse(self.db, issue_id, result.parse)
            details.store_read(self.db, issue_id, with_key(details_of(issue), source.key))
        report.names[source.display] = f"{source.paper} / {source.key}"
        report.papers[source.paper] = report.papers.get(source.paper, 0) + 1
        report.changes = report.changes | Changes(
            issues=frozenset({issue_id}), articles=frozenset(touched),
            notes=frozenset(touched) if old is not None else frozenset(),
            tagged=frozenset(touched) if old is not None else frozenset(), papers=True)

    # ------------------------------------------------------------ papers

    def papers(self) -> list[tuple[int, str, int]]:
        """(id, name, issue count) of every paper."""
        return issues.list_papers(self.db)

    @writes
    def rename_paper(self, old: str, new: str) -> None:
        """Rename a paper (onto an existing one: merge them)."""
        new = new.strip()
        if not new:
            raise AnnotationError("a paper needs a name")
        try:
            with transaction(self.db):
                issues.rename_paper(self.db, old, new)
        except LookupError as error:
            raise AnnotationError(str(error)) from None
        self.announce(Changes(papers=True, everything=True))

    # ------------------------------------------------------------ issue details

    def issue(self, issue_id: int) -> IssueRow:
        """One issue; AnnotationError when there is none."""
        row = issues.get_issue(self.db, issue_id)
        if row is None:
            raise AnnotationError(f"no issue {issue_id} (baokan issues lists them)")
        return row

    def read_details(self, issue_id: int) -> Details:
        """What was read of an issue's date, edition and number (before the user's
        corrections), with where each came from."""
        self.issue(issue_id)
        return details.read_of(self.db, issue_id)

    def issue_corrections(self, issue_id: int) -> IssueCorrections:
        """The user's corrections of an issue's details, by field."""
        self.issue(issue_id)
        return details.corrections(self.db, issue_id)

    @writes
    def set_issue_details(self, values: dict[int, dict[str, str | None]]
                          ) -> dict[int, IssueCorrections]:
        """Correct the date, edition or number of issues: ``{issue: {field: typed value}}``
        (an empty value or None: the issue has none). Checked whole before anything is
        stored (a bad value refuses all, saying why). The corrections are kept by the
        issue's paper and name, so a re-import keeps them. Returns each issue's
        corrections before, for ``restore_issue_corrections`` (undo)."""
        checked = self.check_issue_details(values)
        before: dict[int, IssueCorrections] = {}
        with transaction(self.db):
            for issue_id, fields in checked.items():
                before[issue_id] = details.corrections(self.db, issue_id)
                details.replace_corrections(self.db, issue_id, before[issue_id] | fields)
        self.announce(Changes(issues=frozenset(checked)))
        return before

    def check_issue_details(self, values: dict[int, dict[str, str | None]]
                            ) -> dict[int, IssueCorrections]:
        """The typed values as they would be stored (``2024/8/30`` → ``2024-08-30``,
        ``第3版`` → ``3``); AnnotationError saying why when one cannot be."""
        return {issue_id: self._checked(issue_id, fields) for issue_id, fields
                in values.items()}

    def _checked(self, issue_id: int, fields: dict[str, str | None]
                 ) -> dict[str, str | None]:
        self.issue(issue_id)
        unknown = set(fields) - set(FIELDS)
        if unknown:
            raise AnnotationError(f"unknown detail {sorted(unknown)[0]}; the details are "
                                  f"{', '.join(FIELDS)}")
        try:
            return {name: check_value(name, value) for name, value in fields.items()}
        except DetailError as error:
            raise AnnotationError(str(error)) from None

    @writes
    def restore_issue_corrections(self, corrections: dict[int, IssueCorrections]) -> None:
        """Give issues exactly these corrections (undo of ``set_issue_details``); the
        other fields show what was read again."""
        for issue_id in corrections:
            self.issue(issue_id)
        with transaction(self.db):
            for issue_id, values in corrections.items():
                details.replace_corrections(self.db, issue_id, values)
        self.announce(Changes(issues=frozenset(corrections)))

    @writes
    def reset_issue_details(self, issue_ids: list[int], fields: tuple[str, ...] = FIELDS
                            ) -> dict[int, IssueCorrections]:
        """Forget the user's corrections of ``fields``: the issues show what was read.
        Returns their corrections before."""
        before = {issue_id: self.issue_corrections(issue_id) for issue_id in issue_ids}
        self.restore_issue_corrections({
            issue_id: {k: v for k, v in values.items() if k not in fields}
            for issue_id, values in before.items()})
        return before

    def pattern_matches(self, pattern: str, issue_ids: list[int]
                        ) -> list[tuple[IssueRow, PatternMatch]]:
        """What a name pattern (``{date:%Y%m%d}_{edition}.txt``, docs/cli.md) gives each
        of the issues: its details, or why it gets none. A bad pattern says why."""
        try:
            compiled = compile_pattern(pattern)
        except DetailError as error:
            raise AnnotationError(str(error)) from None
        rows = [self.issue(issue_id) for issue_id in issue_ids]
        return [(row, match_pattern(compiled, row.source_key)) for row in rows]

    def paper_issues(self, paper: str) -> list[IssueRow]:
        """The issues of one paper (AnnotationError when there is no such paper)."""
        rows = [row for row in self.issues() if row.paper == paper]
        if not rows and paper not in {name for _, name, _ in self.papers()}:
            raise AnnotationError(f"no paper named “{paper}” (baokan papers lists them)")
        return rows

    # ------------------------------------------------------------ reading

    def issues(self) -> list[IssueRow]:
        return issues.list_issues(self.db)

    def articles(self, issue_id: int) -> list[tuple[int, str, str]]:
        return articles.issue_articles(self.db, issue_id)

    def removed_articles(self, issue_id: int) -> list[tuple[int, str, str]]:
        """Articles that left the issue's text on a re-import but carry tags or notes."""
        return articles.issue_articles(self.db, issue_id, removed=True)

    def article(self, article_id: int) -> ArticleRow:
        row = articles.get_article(self.db, article_id)
        if row is None:
            raise AnnotationError(f"no article {article_id}")
        return row

    def article_labels(self, issue_ids: list[int]) -> dict[int, list[ArticleLabel]]:
        """Each issue's tree rows (id, kind, title, head of an untitled text, removed)."""
        return articles.article_labels(self.db, issue_ids)

    def tree_matches(self, text: str, order: list[int] | None = None,
                     labelled: int | None = None) -> TreeMatches:
        """What the tree filter shows for ``text`` (for a background read): the matching
        articles, their issues, and the rows of the first ``labelled`` of those issues in
        ``order`` (the tree's issue order; all of them by default). A filter that matches
        nearly everything reads the rows of the few issues it opens, not of the decade.
        ``text`` is words and ``tag:NAME`` terms, all of which an article must match
        (``reader.core.treefilter``)."""
        ids, counts = articles.tree_matches(self.db, parse_tree_filter(text))
        issues = list(counts)
        if order is not None:
            issues = [issue for issue in order if issue in counts]
        wanted = issues if labelled is None else issues[:labelled]
        return TreeMatches(text, ids, set(counts), articles.article_labels(self.db, wanted),
                           counts)

    def article_ids_matching(self, text: str) -> set[int]:
        """Articles whose title contains ``text`` or with a tag or entity named ``text``."""
        return articles.article_ids_matching(self.db, text)

    def related_articles(self, article_id: int) -> list[RelatedArticle]:
        """The articles of other issues and papers that print the same story (a copy, a
        part such as a truncated copy, an overlap such as a follow-up quoting it), the
        most similar first: found now among those sharing band keys with it (a few ms,
        ``reader.core.neardup``)."""
        return related.related(self.db, article_id)

    @writes
    def rebuild_related(self) -> int:
        """Make every article's band keys again from its text (after the detector
        changed); returns the number of articles with keys."""
        with transaction(self.db):
            signed = related.rebuild(self.db)
        self.announce(Changes(everything=True))
        return signed

    def highlights(self, article_id: int) -> list[Highlight]:
        """Entity mentions and figures of an article, with offsets into its text."""
        return articles.article_highlights(self.db, article_id)

    def integrity_errors(self) -> list[str]:
        return integrity_errors(self.db)

    # ------------------------------------------------------------ backups

    def backup(self, destination: str | Path) -> Path:
        """Copy the library to ``destination`` (refused for a damaged library: use repair)."""
        if self.damage:
            raise AnnotationError(damage_message(Path(self.path), self.damage) +
                                  "; a copy would be damaged too")
        self.check_outside(destination)
        return backup_to(self.db, destination)

    def backups(self) -> list[Backup]:
        """The automatic backups beside the library, newest first."""
        return backups.list_backups(Path(self.path)) if self.is_file else []

    def make_backup(self, reason: str = "manual") -> Path:
        """Add a backup to the library's backups folder (the oldest beyond five go)."""
        if self.damage:
            raise AnnotationError(damage_message(Path(self.path), self.damage))
        if not self.is_file:
            raise AnnotationError("an in-memory library has no backups")
        return backups.make_backup(self.db, Path(self.path), reason)

    def daily_backup(self) -> Path | None:
        """A backup if none was made in the last 24 hours and the library holds something."""
        if not self.is_file or self.damage or not issues.list_papers(self.db):
            return None
        if not backups.due_daily(Path(self.path)):
            return None
        return backups.make_backup(self.db, Path(self.path), "daily")

    @writes
    def restore_backup(self, source: str | Path) -> Path:
        """Replace the library's contents with a backup's; the current state is backed up
        first (returned), so a restore can itself be undone by restoring that copy."""
        source = Path(source)
        if not source.is_file():
            raise AnnotationError(f"no backup at {source}")
        before = self.make_backup("before-restore")
        backups.restore(self.db, source)
        self.announce(EVERYTHING)
        return before

    # ------------------------------------------------------------ tags

    @writes
    def add_tag(self, article_id: int, name: str) -> bool:
        added = tags.add_tag(self.db, article_id, name)
        self.announce(Changes(tagged=frozenset({article_id}), tags=True))
        return added

    @writes
    def remove_tag(self, article_id: int, name: str) -> bool:
        removed = tags.remove_tag(self.db, article_id, name)
        self.announce(Changes(tagged=frozenset({article_id}), tags=True))
        return removed

    def tags(self) -> list[TagRow]:
        return tags.list_tags(self.db)

    def article_tags(self, article_id: int) -> list[str]:
        return tags.article_tags(self.db, article_id)

    @writes
    def rename_tag(self, old: str, new: str) -> None:
        tags.rename_tag(self.db, old, new)
        self.announce(Changes(tags=True))

    @writes
    def merge_tags(self, sources: list[str], target: str) -> None:
        tags.merge_tags(self.db, sources, target)
        self.announce(Changes(tags=True))

    @writes
    def delete_tag(self, name: str) -> None:
        tags.delete_tag(self.db, name)
        self.announce(Changes(tags=True))

    @writes
    def set_tag_color(self, name: str, color: str) -> None:
        tags.set_tag_color(self.db, name, color)
        self.announce(Changes(tags=True))

    def tag_states(self, names: list[str]) -> list[TagState]:
        """The tags named ``names`` as they are now (to undo a change to them)."""
        return tags.tag_states(self.db, names)

    @writes
    def restore_tags(self, touched: list[str], states: list[TagState]) -> None:
        """Undo a change to the tags named ``touched``: put them back as ``states`` (from
        ``tag_states`` before the change) say, with their colours and articles."""
        tags.restore_tags(self.db, touched, states)
        self.announce(Changes(tags=True))

    # ------------------------------------------------------------ notes

    @writes
    def add_note(self, article_id: int, body: str, start: int | None = None,
                 end: int | None = None, color: str = "", expected: str | None = None) -> int:
        """Add a note; ``expected`` (the passage as shown) guards against a changed text."""
        note_id = notes.add_note(self.db, article_id, body, start, end, color, expected=expected)
        self.announce(Changes(notes=frozenset({article_id})))
        return note_id

    @writes
    def update_note(self, note_id: int, *, body: str | None = None,
                    color: str | None = None) -> None:
        notes.update_note(self.db, note_id, body=body, color=color)
        self.announce(Changes(notes=frozenset({notes.get_note(self.db, note_id).article_id})))

    @writes
    def delete_note(self, note_id: int) -> NoteRow:
        note = notes.delete_note(self.db, note_id)
        self.announce(Changes(notes=frozenset({note.article_id})))
        return note

    @writes
    def restore_note(self, note: NoteRow) -> int:
        """Put back a note that ``delete_note`` returned (undo); returns its new id."""
        note_id = notes.restore_note(self.db, note)
        self.announce(Changes(notes=frozenset({note.article_id})))
        return note_id

    def note(self, note_id: int) -> NoteRow:
        return notes.get_note(self.db, note_id)

    def notes(self, article_id: int | None = None) -> list[NoteRow]:
        return notes.list_notes(self.db, article_id)

    # ------------------------------------------------------------ entity corrections

    @writes
    def reject_entity(self, type_: str, name: str) -> None:
        entities.add_correction(self.db, "reject", type_, name)
        self.announce(Changes(entities=True))

    @writes
    def merge_entity(self, type_: str, alias: str, target: str) -> None:
        entities.add_correction(self.db, "merge", type_, alias, target)
        self.announce(Changes(entities=True))

    @writes
    def undo_entity_correction(self, action: str, type_: str, name: str) -> bool:
        """Forget a rejection or a merge of ``(type, name)`` and analyse again every
        article that holds the name, so its mentions come back as an import would find
        them (an undo, or a rejected name restored). False if there was none."""
        with transaction(self.db):
            if entities.remove_correction(self.db, action, type_, name) is None:
                return False
            fixes = self.corrections()
            for article_id in entities.articles_containing(self.db, name):
                self._analyse_again(article_id, fixes)
            entities.drop_unmentioned(self.db)
        self.announce(Changes(entities=True))
        return True

    def _analyse_again(self, article_id: int, fixes: Corrections) -> None:
        """Store the entities of one article as an analysis with ``fixes`` finds them."""
        article = articles.get_article(self.db, article_id)
        if article is None:
            return
        texts = [article.body[start:end] for _kind, start, end in article.paragraphs]
        found = [entity for analysis in analyze_texts(texts, fixes, article.bylines)
                 for entity in analysis.entities]
        entities.replace_mentions(self.db, article_id, found,
                                  [start for _kind, start, _end in article.paragraphs])

    # ------------------------------------------------------------ analysis refresh

    def stale_issue_ids(self) -> list[int]:
        """Issues whose mentions an older (or unknown) entity analysis found: imported
        before the model, its features or the rules last changed, or before schema 8."""
        return issues.stale_issue_ids(self.db, analysis_stamp())

    def stale_issue_count(self) -> int:
        return len(self.stale_issue_ids())

    def all_issue_ids(self) -> list[int]:
        return issues.all_issue_ids(self.db)

    @writes
    def refresh_analysis(self, issue_id: int) -> bool:
        """Find the entities of every article of an issue again with the current analysis
        and the reader's corrections, in one transaction, and stamp the issue; entities
        left without a mention go. Figures (which no model finds), tags, notes and every
        correction stay as they are. False if there is no such issue."""
        with transaction(self.db):
            if issues.analysis_of(self.db, issue_id) is None:
                return False
            fixes = self.corrections()
            ids = articles.issue_article_ids(self.db, issue_id)
            before = entities.mentioned_by(self.db, ids)
            for article_id in ids:
                self._analyse_again(article_id, fixes)
            issues.set_analysis(self.db, issue_id, analysis_stamp())
            entities.drop_unmentioned(self.db, before)
        self.announce(Changes(entities=True))
        return True

    def entity_corrections(self) -> list[EntityCorrection]:
        """The reader's rejections and merges, newest first (to list and restore them)."""
        return [EntityCorrection(*row) for row in entities.correction_list(self.db)]

    def entity_index(self) -> list[EntityCount]:
        """Every entity of the corpus with its mention, article and issue counts."""
        return [EntityCount(*row[:6]) for row in exports.entity_rows(self.db)]

    def entity_mentions(self, type_: str, name: str, limit: int = 200) -> list[Mention]:
        """Where the entity ``(type, name)`` is mentioned, with the sentence around it."""
        return entities.entity_mentions(self.db, type_, name, limit)

    def figure_ids(self, text: str = "", column: str = "", descending: bool = False
                   ) -> list[int]:
        """Ids of the figures matching ``text``, sorted on a figures-table column."""
        return figures.figure_ids(self.db, text, column, descending)

    def figure_count(self) -> int:
        return figures.figure_count(self.db)

    def figures_by_id(self, ids: list[int]) -> list[FigureRow]:
        """Figures-table rows for these ids, in that order."""
        return figures.figures_by_id(self.db, ids)

    def figure_table(self) -> list[FigureRow]:
        """Every figure of the corpus with its article, issue and context."""
        return [FigureRow(*row[:1], *row[2:]) for row in exports.figure_rows(self.db)]

    def corrections(self) -> Corrections:
        """The user's entity corrections, as the analysis applies them on every import."""
        return corrections_from_rows(self.correction_rows())

    def correction_rows(self) -> CorrectionRows:
        """The entity corrections as plain rows (for a worker or ``baokan parse``)."""
        return tuple(entities.list_corrections(self.db))

    # ------------------------------------------------------------ split corrections

    def split_fix_at(self, article_id: int, action: str, where: Where, index: int,
                     target: tuple[int, Where, int] | None = None) -> tuple[int, SplitFix]:
        """(issue id, correction) for ``action`` on a line of an article as the window shows
        it: ``where`` is title / byline / paragraph / credit and ``index`` its number there;
        ``target`` (article id, where, index) names a line of the original for ``copy``."""
        try:
            issue_id, position = split_store.article_position(self.db, article_id)
            shown = split_store.stored_issue(self.db, issue_id)
            line = ref_of(shown, position, where, index)
            other = None
            if target is not None:
                target_issue, target_position = split_store.article_position(self.db, target[0])
                if target_issue != issue_id:
                    raise AnnotationError("a copy can only be marked within one issue")
                other = ref_of(shown, target_position, target[1], target[2])
        except (LookupError, ValueError) as error:
            raise AnnotationError(str(error)) from error
        return issue_id, SplitFix(action, line, other)  # type: ignore[arg-type]

    def correct_split(self, article_id: int, action: str, where: Where, index: int,
                      target: tuple[int, Where, int] | None = None) -> int:
        """Make a split correction on a line of an article and apply it at once; returns
        its id. Raises AnnotationError with the reason when it cannot be applied."""
        issue_id, fix = self.split_fix_at(article_id, action, where, index, target)
        return self.add_split_fix(issue_id, fix)

    @writes
    def add_split_fix(self, issue_id: int, fix: SplitFix, created: str | None = None) -> int:
        """Store a split correction of an issue and re-split the issue with it; every tag
        and note stays on its text. Refused (nothing stored) if it does not apply."""
        fixes = [record.fix for record in split_store.list_fixes(self.db, issue_id)] + [fix]
        issue, parse = self._resplit(issue_id, fixes, require_last=True)
        with transaction(self.db):
            fix_id = split_store.add_fix(self.db, issue_id, fix, created)
            split_store.save_parse(self.db, issue_id, parse)
            touched = issues.replace_issue(self.db, issue_id, issue,
                                          split_store.source_path(self.db, issue_id),
                                          analysis=analysis_stamp())
        self.announce(self._resplit_changes(issue_id, touched))
        return fix_id

    @writes
    def remove_split_fix(self, fix_id: int) -> FixRecord:
        """Remove a split correction and re-split its issue without it (undo, or the CLI)."""
        try:
            record = split_store.get_fix(self.db, fix_id)
        except LookupError as error:
            raise AnnotationError(str(error)) from error
        fixes = [r.fix for r in split_store.list_fixes(self.db, record.issue_id)
                 if r.id != fix_id]
        issue, _ = self._resplit(record.issue_id, fixes)
        with transaction(self.db):
            split_store.remove_fix(self.db, fix_id)
            if not fixes:
                split_store.drop_parse(self.db, record.issue_id)
            touched = issues.replace_issue(self.db, record.issue_id, issue,
                                          split_store.source_path(self.db, record.issue_id),
                                          analysis=analysis_stamp())
        self.announce(self._resplit_changes(record.issue_id, touched))
        return record

    def restore_split_fix(self, record: FixRecord) -> int:
        """Put back a removed correction (redo); it gets a new id."""
        return self.add_split_fix(record.issue_id, record.fix, record.created)

    def split_fixes(self, issue_id: int | None = None) -> list[FixInfo]:
        """The split corrections of one issue or of all, with whether each applies."""
        records = split_store.list_fixes(self.db, issue_id)
        infos: list[FixInfo] = []
        names = {row.id: f"{row.paper} / {row.source_key}" for row in self.issues()}
        for issue in dict.fromkeys(record.issue_id for record in records):
            mine = [r for r in records if r.issue_id == issue]
            parse = self._parse_of(issue)
            stale = dict(apply_fixes(parse, [r.fix for r in mine]).stale)
            infos += [FixInfo(r, names.get(issue, str(issue)), n not in stale, stale.get(n, ""))
                      for n, r in enumerate(mine)]
        return infos

    def split_fix_rows_for_file(self, path: str | Path, sha256: str) -> tuple[FixRow, ...]:
        """The stored split corrections of the issue imported from this file (by its
        bytes' ``sha256``, else its path), for ``baokan parse``."""
        issue_id = issues.issue_id_by_hash(self.db, sha256)
        if issue_id is None:
            identity = issues.identity_by_path(self.db, printable(Path(path).resolve()))
            if identity is not None:
                issue_id = issues.issue_id_by_identity(self.db, *identity)
        return split_store.fix_rows(self.db, issue_id) if issue_id is not None else ()

    def _parse_of(self, issue_id: int) -> Any:
        parse = split_store.load_parse(self.db, issue_id)
        return parse if parse is not None else split_store.stored_issue(self.db, issue_id)

    def _resplit(self, issue_id: int, fixes: list[SplitFix], require_last: bool = False
                 ) -> tuple[Any, Any]:
        """(corrected and analysed issue, the parse it came from) for these fixes."""
        issue, parse = self._applied(issue_id, fixes, require_last)
        analyze_issue(issue, self.corrections())
        return issue, parse

    def _applied(self, issue_id: int, fixes: list[SplitFix], require_last: bool = False
                 ) -> tuple[Any, Any]:
        """(corrected issue, not yet analysed; its parse); with ``require_last``, refused
        with the reason when the last fix does not apply."""
        try:
            parse = self._parse_of(issue_id)
        except LookupError as error:
            raise AnnotationError(str(error)) from error
        applied = apply_fixes(parse, fixes)
        if require_last and applied.stale and applied.stale[-1][0] == len(fixes) - 1:
            raise AnnotationError(applied.stale[-1][1])
        return applied.issue, parse

    def check_split_fix(self, issue_id: int, fix: SplitFix) -> None:
        """Raise AnnotationError with the reason if ``fix`` would not apply to its issue
        (a read, without the analysis that storing it runs: the window asks before it
        hands the correction to the writer)."""
        fixes = [record.fix for record in split_store.list_fixes(self.db, issue_id)] + [fix]
        self._applied(issue_id, fixes, require_last=True)

    def _resplit_changes(self, issue_id: int, touched: list[int]) -> Changes:
        every = frozenset(touched)
        return Changes(issues=frozenset({issue_id}), articles=every, notes=every, tagged=every)

    # ------------------------------------------------------------ search

    def search(self, query: str, filters: Filters | None = None, limit: int = 50,
               offset: int = 0) -> list[Hit]:
        """Ranked articles for ``query``; raises QueryError with a message for bad syntax."""
        return search(self.db, query, filters or Filters(), limit, offset)

    def search_count(self, query: str, filters: Filters | None = None) -> int:
        """How many articles ``query`` finds in all."""
        return search_count(self.db, query, filters or Filters())

    def search_page(self, query: str, filters: Filters | None = None, limit: int = 100,
                    offset: int = 0) -> SearchPage:
        """One page of hits and the total (for a background read)."""
        hits = self.search(query, filters, limit, offset)
        total = len(hits) + offset if len(hits) < limit else self.search_count(query, filters)
        return SearchPage(query, offset, hits, total)

    # ------------------------------------------------------------ timelines

    def timeline(self, series: list[Series], bin_: str = "month",
                 measure: str = "articles") -> Timeline:
        """Each series' live articles per period of issue dates (``week``: ISO weeks,
        ``month``, ``year``), every period from the first dated one to the last. With
        ``measure="mentions"`` an entity's mentions are counted instead (tags and queries
        still count articles). Articles of undated issues are left out and counted apart.
        A query that cannot be understood raises QueryError."""
        if bin_ not in BINS or measure not in MEASURES:
            raise AnnotationError(f"a timeline bins by {', '.join(BINS)} and counts "
                                  f"{' or '.join(MEASURES)}")
        days = [(line, timelines.per_day(self.db, line, measure if line.kind == "entity"
                                         else "articles")) for line in series]
        return make_timeline(bin_, measure, days)

    def timeline_articles(self, series: Series, period: str, bin_: str,
                          limit: int = 1000) -> list[ArticleRef]:
        """The articles a timeline counts for ``series`` in ``period``, oldest first."""
        first, last = period_bounds(period, bin_)
        return timelines.period_articles(self.db, series, first.isoformat(), last.isoformat(),
                                         limit)

    def export_timeline(self, timeline: Timeline, destination: str | Path,
                        labels: dict[Series, str] | None = None) -> int:
        """Write a timeline's table of counts as CSV (period, its first and last day,
        series, kind, count); returns the number of rows."""
        self.check_outside(destination)
        return write_csv(destination, TIMELINE_COLUMNS, timeline.rows(labels),
                         numeric=("count",))

    def cooccurrence(self, filters: Filters | None = None, top: int = 200,
                     min_shared: int = 2, limit: int = 5000) -> Cooccurrence:
        """Pairs of entities mentioned in the same live articles of a scope (``filters``:
        dates from / to, a tag), among the ``top`` entities mentioned in most of its
        articles, sharing at least ``min_shared`` articles; most shared first."""
        filters = filters or Filters()
        counts, articles_of = count_pairs(timelines.article_entities(self.db, filters),
                                          max(1, top), max(1, min_shared))
        ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]
        names = timelines.entity_names(self.db, articles_of)
        pairs = tuple(Pair(a, *names[a], b, *names[b], together, articles_of[a],
                           articles_of[b]) for (a, b), together in ranked)
        return Cooccurrence(pairs, timelines.scope_size(self.db, filters), len(articles_of),
                            top, min_shared)

    def pair_articles(self, pair: Pair, filters: Filters | None = None,
                      limit: int = 1000) -> list[ArticleRef]:
        """The articles of the scope that mention both entities of ``pair``."""
        return timelines.pair_articles(self.db, pair.a_id, pair.b_id, filters or Filters(),
                                       limit)

    # ------------------------------------------------------------ export and sharing

    def export_csv(self, what: str, destination: str | Path, *, bom: bool = True) -> int:
        """Write notes, tags, entities or figures as CSV; returns the number of rows."""
        if what not in EXPORTS:
            raise AnnotationError(f"cannot export “{what}”; choose one of {', '.join(EXPORTS)}")
        self.check_outside(destination)
        columns, rows = EXPORTS[what]
        with _writing_to(destination):
            return write_csv(destination, columns, rows(self.db), bom=bom,
                             numeric=exports.NUMERIC)

    def export_qdpx(self, destination: str | Path, *, tag: str | None = None,
                    paper: str | None = None, every: bool = False,
                    progress: Progress | None = None,
                    cancelled: Callable[[], bool] | None = None) -> QdpxReport:
        """Write a REFI-QDA project (docs/formats.md): the articles that carry a tag or a
        note (``every``: all), only those tagged ``tag`` and of ``paper`` when given."""
        self.check_outside(destination)
        if tag is not None and not exchange.tag_exists(self.db, tag):
            raise AnnotationError(f"no tag “{tag}”")
        if paper is not None and not exchange.paper_exists(self.db, paper):
            raise AnnotationError(f"no paper “{paper}”")
        ids = exchange.qdpx_article_ids(self.db, tag, paper, every)
        name = Path(self.path).stem if self.is_file else "Baokan Reader"
        with _writing_to(destination):
            return write_qdpx(destination, name, f"Baokan Reader {__version__}", now(),
                              exchange.qdpx_codes(self.db), exchange.qdpx_sources(self.db, ids),
                              len(ids), progress, cancelled)

    def citation(self, article_id: int) -> str:
        """The article's citation in the GB/T 7714-2015 newspaper style."""
        cited = exchange.citation_of(self.db, article_id)
        if cited is None:
            raise AnnotationError(f"no article {article_id}")
        return cited

    def export_annotations(self, destination: str | Path) -> dict[str, int]:
        self.check_outside(destination)
        document = exports.annotations_document(self.db)
        Path(destination).write_text(json.dumps(document, ensure_ascii=False, indent=1),
                                     encoding="utf-8")
        return {"tags": len(document["tags"]), "article_tags": len(document["article_tags"]),
                "notes": len(document["notes"])}

    @writes
    def import_annotations(self, source: str | Path) -> dict[str, int]:
        self.check_outside(source)
        try:
            document = json.loads(Path(source).read_text(encoding="utf-8-sig"))
        except (OSError, ValueError) as error:
            raise AnnotationError(f"{Path(source).name}: not a readable annotations file "
                                  f"({error})") from None
        counts = exports.merge_annotations(self.db, document)
        self.announce(Changes(tags=True, everything=True))
        return counts


@contextmanager
def _writing_to(destination: str | Path) -> Iterator[None]:
    """An export's file that cannot be written (no such folder, no permission, disk full)
    is the user's error, told in one line that names it."""
    try:
        yield
    except OSError as error:
        raise AnnotationError(f"cannot write {destination}: "
                              f"{error.strerror or error}") from error


def repair_library(path: str | Path, *, replace: bool = True) -> tuple[Path, dict[str, int]]:
    """Copy what can be read of a damaged library into a new file.

    With ``replace``, the new file takes the library's place and the damaged one is kept
    beside it (``NAME.damaged-STAMP``); returns where the damaged file now is (or the new
    file, without ``replace``) and the rows copied per table.
    """
    path = Path(path)
    if not path.is_file():
        raise NoLibrary(f"no library at {path}")
    stamp = time.strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.stem}-repaired-{stamp}{path.suffix or '.sqlite'}")
    counts = backups.repair(path, target)
    if not replace:
        return target, counts
    return backups.swap_in(target, path), counts
