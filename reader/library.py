"""The facade that the command line and the window use: import, search, tags, notes, export."""

from __future__ import annotations

import functools
import json
import multiprocessing
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar, cast

from reader.core.analyze import Corrections
from reader.core.csvout import write_csv
from reader.core.fts import QueryError
from reader.core.pipeline import (
    CorrectionRows,
    Failed,
    Prepared,
    collect_files,
    corrections_from_rows,
    file_sha256,
    prepare,
)
from reader.db import annotations as ann
from reader.db import exports, store
from reader.db.annotations import AnnotationError, NoteRow, TagRow
from reader.db.connection import backup_to, connect, default_path, integrity_errors
from reader.db.search import Filters, Hit, search
from reader.db.store import (
    ArticleRow,
    EntityCount,
    FigureRow,
    Highlight,
    IssueRow,
    Mention,
)

Progress = Callable[[int, int, str], None]
"""progress(done, total, current file name)"""

IN_PROCESS_MAX = 3
"""Imports of at most this many files run in the calling process (no start-up cost)."""

__all__ = ["AnnotationError", "EntityCount", "FigureRow", "Filters", "Hit", "ImportReport",
           "Library", "Mention", "NoteRow", "QueryError", "ReadOnlyError", "TagRow"]

Method = TypeVar("Method", bound=Callable[..., Any])


class ReadOnlyError(AnnotationError):
    """A change was asked of a library opened read-only."""


def writes(method: Method) -> Method:
    """Mark a Library method that changes the file: refused, with a message, if read-only."""
    @functools.wraps(method)
    def guarded(self: Library, *args: Any, **kwargs: Any) -> Any:
        if self.readonly:
            raise ReadOnlyError(f"the library {self.path} is open read-only (another "
                                "window or program is using it); changes are not saved")
        return method(self, *args, **kwargs)
    return cast(Method, guarded)

EXPORTS = {
    "notes": (exports.NOTE_COLUMNS, exports.note_rows),
    "tags": (exports.TAG_COLUMNS, exports.tag_rows),
    "entities": (exports.ENTITY_COLUMNS, exports.entity_rows),
    "figures": (exports.FIGURE_COLUMNS, exports.figure_rows),
}


@dataclass
class ImportReport:
    """What an import did, file by file."""

    imported: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    cancelled: bool = False

    @property
    def total(self) -> int:
        return len(self.imported) + len(self.replaced) + len(self.skipped) + len(self.failed)


class Library:
    """One library file and everything the user does with it."""

    @staticmethod
    def resolve_path(path: str | Path | None) -> str | Path:
        """The file a library at ``path`` uses: ``":memory:"``, ``path`` or the default."""
        return ":memory:" if str(path) == ":memory:" else Path(path or default_path())

    def __init__(self, path: str | Path | None = None, *, readonly: bool = False) -> None:
        self.path = self.resolve_path(path)
        self.readonly = readonly
        self.db = connect(self.path, readonly=readonly)

    def close(self) -> None:
        self.db.close()

    # ------------------------------------------------------------ import

    @writes
    def import_paths(
        self, paths: list[str | Path], progress: Progress | None = None,
        cancel: Callable[[], bool] | None = None, workers: int | None = None,
    ) -> ImportReport:
        """Import issue files and folders; each issue is stored in its own transaction."""
        files, missing = collect_files(paths)
        report = ImportReport(failed=[(f.path, f.reason) for f in missing])
        todo = self._new_files(files, report)
        total = len(files)
        done = total - len(todo)
        corrections = tuple(ann.list_corrections(self.db))
        for result in self._prepared(todo, corrections, workers, cancel):
            if cancel is not None and cancel():
                report.cancelled = True
                break
            self._store(result, report)
            done += 1
            if progress is not None:
                progress(done, total, Path(result.path).name)
        return report

    def _new_files(self, files: list[Path], report: ImportReport) -> list[Path]:
        todo = []
        for path in files:
            try:
                sha = file_sha256(path)
            except OSError as error:
                report.failed.append((str(path), f"cannot be read ({error.strerror})"))
                continue
            if store.issue_id_by_hash(self.db, sha) is not None:
                report.skipped.append(str(path))
            else:
                todo.append(path)
        return todo

    def _prepared(
        self, files: list[Path], corrections: CorrectionRows, workers: int | None,
        cancel: Callable[[], bool] | None,
    ) -> Iterator[Prepared | Failed]:
        if len(files) <= IN_PROCESS_MAX or workers == 1:
            for path in files:
                yield prepare(str(path), corrections)
            return
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(workers or 2, mp_context=context) as pool:
            futures: list[Future[Prepared | Failed]] = [
                pool.submit(prepare, str(path), corrections) for path in files]
            try:
                for future in futures:
                    yield future.result()
            finally:
                pool.shutdown(wait=True, cancel_futures=True)

    def _store(self, result: Prepared | Failed, report: ImportReport) -> None:
        if isinstance(result, Failed):
            report.failed.append((result.path, result.reason))
            return
        issue = result.issue
        with self.db.atomic():
            if store.issue_id_by_hash(self.db, issue.source.sha256) is not None:
                report.skipped.append(result.path)
                return
            old = store.issue_id_by_name(self.db, issue.source.name)
            if old is None:
                store.insert_issue(self.db, issue, result.path)
                report.imported.append(result.path)
            else:
                store.replace_issue(self.db, old, issue, result.path)
                report.replaced.append(result.path)

    # ------------------------------------------------------------ reading

    def issues(self) -> list[IssueRow]:
        return store.list_issues(self.db)

    def articles(self, issue_id: int) -> list[tuple[int, str, str]]:
        return store.issue_articles(self.db, issue_id)

    def article(self, article_id: int) -> ArticleRow:
        row = store.get_article(self.db, article_id)
        if row is None:
            raise AnnotationError(f"no article {article_id}")
        return row

    def article_ids_matching(self, text: str) -> set[int]:
        """Articles whose title contains ``text`` or with a tag or entity named ``text``."""
        return store.article_ids_matching(self.db, text)

    def highlights(self, article_id: int) -> list[Highlight]:
        """Entity mentions and figures of an article, with offsets into its text."""
        return store.article_highlights(self.db, article_id)

    def integrity_errors(self) -> list[str]:
        return integrity_errors(self.db)

    def backup(self, destination: str | Path) -> Path:
        return backup_to(self.db, destination)

    # ------------------------------------------------------------ tags

    @writes
    def add_tag(self, article_id: int, name: str) -> bool:
        return ann.add_tag(self.db, article_id, name)

    @writes
    def remove_tag(self, article_id: int, name: str) -> bool:
        return ann.remove_tag(self.db, article_id, name)

    def tags(self) -> list[TagRow]:
        return ann.list_tags(self.db)

    def article_tags(self, article_id: int) -> list[str]:
        return ann.article_tags(self.db, article_id)

    @writes
    def rename_tag(self, old: str, new: str) -> None:
        ann.rename_tag(self.db, old, new)

    @writes
    def merge_tags(self, sources: list[str], target: str) -> None:
        ann.merge_tags(self.db, sources, target)

    @writes
    def delete_tag(self, name: str) -> None:
        ann.delete_tag(self.db, name)

    @writes
    def set_tag_color(self, name: str, color: str) -> None:
        ann.set_tag_color(self.db, name, color)

    # ------------------------------------------------------------ notes

    @writes
    def add_note(self, article_id: int, body: str, start: int | None = None,
                 end: int | None = None, color: str = "") -> int:
        return ann.add_note(self.db, article_id, body, start, end, color)

    @writes
    def update_note(self, note_id: int, *, body: str | None = None,
                    color: str | None = None) -> None:
        ann.update_note(self.db, note_id, body=body, color=color)

    @writes
    def delete_note(self, note_id: int) -> NoteRow:
        return ann.delete_note(self.db, note_id)

    @writes
    def restore_note(self, note: NoteRow) -> int:
        """Put back a note that ``delete_note`` returned (undo); returns its new id."""
        return store.restore_note(self.db, note)

    def note(self, note_id: int) -> NoteRow:
        return ann.get_note(self.db, note_id)

    def notes(self, article_id: int | None = None) -> list[NoteRow]:
        return ann.list_notes(self.db, article_id)

    # ------------------------------------------------------------ entity corrections

    @writes
    def reject_entity(self, type_: str, name: str) -> None:
        ann.add_correction(self.db, "reject", type_, name)

    @writes
    def merge_entity(self, type_: str, alias: str, target: str) -> None:
        ann.add_correction(self.db, "merge", type_, alias, target)

    def entity_index(self) -> list[EntityCount]:
        """Every entity of the corpus with its mention, article and issue counts."""
        return [EntityCount(*row) for row in exports.entity_rows(self.db)]

    def entity_mentions(self, type_: str, name: str, limit: int = 200) -> list[Mention]:
        """Where the entity ``(type, name)`` is mentioned, with the sentence around it."""
        return store.entity_mentions(self.db, type_, name, limit)

    def figure_table(self) -> list[FigureRow]:
        """Every figure of the corpus with its article, issue and context."""
        return [FigureRow(*row) for row in exports.figure_rows(self.db)]

    def corrections(self) -> Corrections:
        """The user's entity corrections, as the analysis applies them on every import."""
        return corrections_from_rows(tuple(ann.list_corrections(self.db)))

    # ------------------------------------------------------------ search

    def search(self, query: str, filters: Filters | None = None, limit: int = 50) -> list[Hit]:
        """Ranked articles for ``query``; raises QueryError with a message for bad syntax."""
        return search(self.db, query, filters or Filters(), limit)

    # ------------------------------------------------------------ export and sharing

    def export_csv(self, what: str, destination: str | Path, *, bom: bool = True) -> int:
        """Write notes, tags, entities or figures as CSV; returns the number of rows."""
        if what not in EXPORTS:
            raise AnnotationError(f"cannot export “{what}”; choose one of {', '.join(EXPORTS)}")
        columns, rows = EXPORTS[what]
        return write_csv(destination, columns, rows(self.db), bom=bom, numeric=exports.NUMERIC)

    def export_annotations(self, destination: str | Path) -> dict[str, int]:
        document = exports.annotations_document(self.db)
        Path(destination).write_text(json.dumps(document, ensure_ascii=False, indent=1),
                                     encoding="utf-8")
        return {"tags": len(document["tags"]), "article_tags": len(document["article_tags"]),
                "notes": len(document["notes"])}

    @writes
    def import_annotations(self, source: str | Path) -> dict[str, int]:
        try:
            document = json.loads(Path(source).read_text(encoding="utf-8-sig"))
        except (OSError, ValueError) as error:
            raise AnnotationError(f"{Path(source).name}: not a readable annotations file "
                                  f"({error})") from None
        return exports.merge_annotations(self.db, document)
