"""Undoable edits of notes, tags, entity corrections, the split and issue details:
QUndoCommands over the library, announced by signal."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from reader.library import (
    AnnotationError,
    EntityCorrection,
    FixRecord,
    IssueCorrections,
    Library,
    NoteRow,
    SplitFix,
    TagState,
)


def tr(text: str) -> str:
    return QCoreApplication.translate("Undo", text)


class AnnotationHistory(QObject):
    """The window's undo stack for notes and tags; says which article changed."""

    notes_changed = Signal(int)
    tags_changed = Signal(int)
    note_restored = Signal(int)
    article_requested = Signal(int)
    """After a split correction or its undo: the article to show."""
    entities_changed = Signal()
    """A rejection, merge or restore (or its undo) is stored."""
    change_refused = Signal(str)
    """A change was not made because the library is read-only; the message says so."""
    _write_done = Signal()
    """Emitted on the writer thread when a write handed over ends (queued to this one)."""

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.stack = QUndoStack(self)
        self._writes: list[tuple[Future[Any], Callable[[Any], None]]] = []
        self._write_done.connect(self._finish_writes, Qt.ConnectionType.QueuedConnection)

    def _push(self, command: QUndoCommand) -> None:
        """Do ``command`` (and keep it for undo), unless the library cannot be changed."""
        if self.library.readonly:
            self.change_refused.emit(tr("The library is open read-only; nothing was changed."))
            return
        self.stack.push(command)

    def refused(self, error: Exception) -> None:
        """A command could not be carried out (read-only, a failed disk): say why."""
        self.change_refused.emit(str(error))

    def delete_note(self, note_id: int) -> None:
        self._push(DeleteNoteCommand(self, self.library.note(note_id)))

    def add_tag(self, article_id: int, name: str) -> None:
        self._push(TagCommand(self, article_id, name, add=True))

    def remove_tag(self, article_id: int, name: str) -> None:
        self._push(TagCommand(self, article_id, name, add=False))

    def rename_tag(self, old: str, new: str) -> None:
        """Rename a tag everywhere; onto an existing tag's name, the two are merged."""
        self._push(TagEditCommand(
            self, tr("Rename tag “%1” to “%2”").replace("%1", old).replace("%2", new),
            [old, new], lambda library: library.rename_tag(old, new)))

    def merge_tags(self, sources: list[str], target: str) -> None:
        """Merge the tags ``sources`` into ``target`` (which may be one of them)."""
        self._push(TagEditCommand(
            self, tr("Merge tags into “%1”").replace("%1", target), [*sources, target],
            lambda library: library.merge_tags(sources, target)))

    def delete_tags(self, names: list[str]) -> None:
        """Delete tags from every article (undo puts each back on its articles)."""
        label = tr("Delete tag “%1”").replace("%1", names[0]) if len(names) == 1 \
            else tr("Delete %1 tags").replace("%1", str(len(names)))
        self._push(TagEditCommand(self, label, names, lambda library: [
            library.delete_tag(name) for name in names]))

    def color_tags(self, names: list[str], color: str) -> None:
        """Give the tags ``names`` the colour ``color`` (a stored value, "" for none)."""
        label = tr("Color tag “%1”").replace("%1", names[0]) if len(names) == 1 \
            else tr("Color %1 tags").replace("%1", str(len(names)))
        self._push(TagEditCommand(self, label, names, lambda library: [
            library.set_tag_color(name, color) for name in names]))

    def correct_split(self, label: str, article_id: int, action: str, line: tuple[str, int],
                      target: tuple[int, str, int] | None = None,
                      show: int | None = None) -> None:
        """Correct the split at a line of ``article_id`` (refused at once, with the reason,
        when it cannot apply); stored in the background, undoable."""
        where, index = line
        try:
            issue_id, fix = self.library.split_fix_at(
                article_id, action, where, index, target)  # type: ignore[arg-type]
            self.library.check_split_fix(issue_id, fix)
        except AnnotationError as error:
            self.refused(error)
            return
        self._push(SplitCommand(self, label, issue_id, fix,
                                show if show is not None else article_id))

    def set_issue_details(self, values: dict[int, dict[str, str | None]]) -> None:
        """Set the date, edition or number of issues (``{issue: {field: value}}``),
        undoably; the tree regroups itself from the change the library announces."""
        if values:
            self._push(IssueDetailsCommand(self, values))

    def reject_entity(self, type_: str, name: str) -> None:
        """Reject an entity everywhere; undo brings its mentions back."""
        library = self.library
        self._push(WriteCommand(
            self, tr("Reject “%1”").replace("%1", name),
            lambda: library.reject_entity(type_, name),
            lambda: library.undo_entity_correction("reject", type_, name)))

    def merge_entity(self, type_: str, alias: str, target: str) -> None:
        """Merge ``alias`` into ``target``; undo gives the alias its mentions back."""
        library = self.library
        self._push(WriteCommand(
            self, tr("Merge “%1” into “%2”").replace("%1", alias).replace("%2", target),
            lambda: library.merge_entity(type_, alias, target),
            lambda: library.undo_entity_correction("merge", type_, alias)))

    def restore_entity(self, correction: EntityCorrection) -> None:
        """Forget an earlier rejection or merge (the name is found again); undo repeats it."""
        library, c = self.library, correction
        self._push(WriteCommand(
            self, tr("Restore “%1”").replace("%1", c.name),
            lambda: library.undo_entity_correction(c.action, c.type, c.name),
            lambda: library.reject_entity(c.type, c.name) if c.action == "reject"
            else library.merge_entity(c.type, c.name, c.target)))

    def run_later(self, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        """Run a write on the library's writer thread; back on the GUI thread, announce
        its changes and call ``done(result)``, or say why it failed."""
        try:
            future = self.library.start_write(work)
        except AnnotationError as error:
            self.refused(error)
            return
        self._writes.append((future, done))
        future.add_done_callback(lambda _future: self._write_done.emit())

    def _finish_writes(self) -> None:
        """Finish, in order, the writes that are done (queued to the GUI thread)."""
        while self._writes and self._writes[0][0].done():
            future, done = self._writes.pop(0)
            try:
                result = self.library.finish_write(future)
            except AnnotationError as error:
                self.refused(error)
                continue
            done(result)

    def wait_for_writes(self) -> None:
        """Block until every write handed over is finished (tests, closing)."""
        for future, _done in list(self._writes):
            future.exception()
        self._finish_writes()


class WriteCommand(QUndoCommand):
    """A change of the library's entity corrections: ``do`` and ``undo_work`` run on the
    writer thread (restoring analyses the articles that hold a name again); the library
    announces what changed, and the views refresh from that."""

    def __init__(self, history: AnnotationHistory, label: str, do: Callable[[], Any],
                 undo_work: Callable[[], Any]) -> None:
        super().__init__(label)
        self._history = history
        self._do, self._undo = do, undo_work

    def redo(self) -> None:
        self._history.run_later(self._do, lambda _result: self._history.entities_changed.emit())

    def undo(self) -> None:
        self._history.run_later(self._undo,
                                lambda _result: self._history.entities_changed.emit())


class DeleteNoteCommand(QUndoCommand):
    """Delete a note; undo puts it back as it was (under a new id, which it then follows)."""

    def __init__(self, history: AnnotationHistory, note: NoteRow) -> None:
        super().__init__(tr("Delete note"))
        self._history = history
        self._note = note
        self.note_id = note.id

    def redo(self) -> None:
        try:
            self._note = self._history.library.delete_note(self.note_id)
        except AnnotationError as error:
            self._history.refused(error)
            self.setObsolete(True)
            return
        self._history.notes_changed.emit(self._note.article_id)

    def undo(self) -> None:
        try:
            self.note_id = self._history.library.restore_note(self._note)
        except AnnotationError as error:
            self._history.refused(error)
            return
        self._history.notes_changed.emit(self._note.article_id)
        self._history.note_restored.emit(self.note_id)


class TagCommand(QUndoCommand):
    """Add a tag to an article or remove it; a command that changed nothing drops out."""

    def __init__(self, history: AnnotationHistory, article_id: int, name: str,
                 add: bool) -> None:
        text = tr("Add tag “%1”") if add else tr("Remove tag “%1”")
        super().__init__(text.replace("%1", name))
        self._history = history
        self._article_id = article_id
        self._name = name
        self._add = add

    def _apply(self, add: bool) -> bool:
        library = self._history.library
        try:
            done = library.add_tag(self._article_id, self._name) if add \
                else library.remove_tag(self._article_id, self._name)
        except AnnotationError as error:
            self._history.refused(error)
            return False
        self._history.tags_changed.emit(self._article_id)
        return done

    def redo(self) -> None:
        if not self._apply(self._add):
            self.setObsolete(True)

    def undo(self) -> None:
        self._apply(not self._add)


class TagEditCommand(QUndoCommand):
    """Rename, merge, colour or delete tags across the library; undo puts every tag it
    touched back as it was: its name, colour and exactly the articles it was on."""

    def __init__(self, history: AnnotationHistory, label: str, touched: list[str],
                 change: Callable[[Library], object]) -> None:
        super().__init__(label)
        self._history = history
        self._touched = touched
        self._change = change
        self._before: list[TagState] = []

    def redo(self) -> None:
        library = self._history.library
        self._before = library.tag_states(self._touched)
        try:
            self._change(library)
        except AnnotationError as error:
            self._history.refused(error)
            self.setObsolete(True)
            if not library.readonly and library.tag_states(self._touched) != self._before:
                self._put_back()  # a change of several tags that failed half-way

    def _put_back(self) -> None:
        try:
            self._history.library.restore_tags(self._touched, self._before)
        except AnnotationError as error:
            self._history.refused(error)

    def undo(self) -> None:
        self._put_back()


class SplitCommand(QUndoCommand):
    """Correct how an issue was split (split, join, a line's role, a copy); undo removes
    the correction and the issue is split again without it. Notes and tags stay on their
    text either way (the library re-anchors them).

    The correction is worked out (and refused) at once, before it is pushed; storing it
    re-splits and re-analyses the issue, so that runs on the writer thread while the
    window goes on, and the article is shown when it is done. Redo and undo are handed
    to the writer in order, so an undo pressed before the redo finished waits for it."""

    def __init__(self, history: AnnotationHistory, label: str, issue_id: int,
                 fix: SplitFix, show: int) -> None:
        super().__init__(label)
        self._history = history
        self._issue_id, self._fix = issue_id, fix
        self._show = show
        self._record: FixRecord | None = None
        self._fix_id: int | None = None

    def redo(self) -> None:
        library = self._history.library

        def work() -> None:  # on the writer thread
            if self._record is None:
                self._fix_id = library.add_split_fix(self._issue_id, self._fix)
            else:
                self._fix_id = library.restore_split_fix(self._record)
        self._history.run_later(work, lambda _none: self._history.article_requested.emit(
            self._show))

    def undo(self) -> None:
        library = self._history.library

        def work() -> None:  # on the writer thread, after the redo before it
            if self._fix_id is not None:
                self._record = library.remove_split_fix(self._fix_id)
        self._history.run_later(work, lambda _none: self._history.article_requested.emit(
            self._show))


class IssueDetailsCommand(QUndoCommand):
    """Set issues' dates, editions or numbers; undo gives each issue back the corrections
    it had (and so, where it had none, what was read from its name and text)."""

    def __init__(self, history: AnnotationHistory,
                 values: dict[int, dict[str, str | None]]) -> None:
        text = tr("Set the date of an issue") if len(values) == 1 \
            else tr("Set the dates of %1 issues").replace("%1", str(len(values)))
        super().__init__(text)
        self._history = history
        self._values = values
        self._before: dict[int, IssueCorrections] | None = None

    def redo(self) -> None:
        try:
            self._before = self._history.library.set_issue_details(self._values)
        except AnnotationError as error:
            self._history.refused(error)
            self.setObsolete(True)

    def undo(self) -> None:
        if self._before is None:
            return
        try:
            self._history.library.restore_issue_corrections(self._before)
        except AnnotationError as error:
            self._history.refused(error)
