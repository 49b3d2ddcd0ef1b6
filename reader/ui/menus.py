"""The main window's File (import, export), View → Language and Help menus, and their work."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QStandardPaths, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QDropEvent, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu

from reader.core.resources import sample_issues
from reader.library import EXPORTS, ImportReport, Library, QdpxReport
from reader.ui import i18n
from reader.ui.backups import RestoreDialog
from reader.ui.dialogs import about_box, ask_export_path
from reader.ui.file_dialogs import chosen, folder_dialog, open_files_dialog
from reader.ui.import_dialog import Importer, ImportProgress, dropped_paths
from reader.ui.settings import Settings
from reader.ui.tasks import Task, daily_backup_job, export_job, qdpx_job
from reader.ui.window_actions import WindowActions

LANGUAGE_NAMES = i18n.LANGUAGE_NAMES
SAMPLE_PAPER = "Samples · 示例"
"""The paper the shipped sample issues are filed under."""


def home_folder() -> Path:
    documents = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents or Path.home())


class AppActions(QObject):
    """Import files/folders, export CSV, About, language: added to the window's menus."""

    export_finished = Signal(str, int)
    language_changed = Signal(str)
    backup_restored = Signal()
    """A backup was put back (it may hold issues an older entity analysis read)."""

    def __init__(self, window: QMainWindow, menus: WindowActions, library: Library,
                 settings: Settings, message: Callable[[str], None]) -> None:
        super().__init__(window)
        self._window = window
        self._menus = menus
        self._message = message
        self._library = library
        self._settings = settings
        self._exports: list[Task] = []
        self.progress = ImportProgress(window)
        window.statusBar().addPermanentWidget(self.progress)
        self.importer = Importer(library, self.progress, window)
        self.importer.import_finished.connect(self._import_finished)
        self.importer.import_failed.connect(self._task_failed)
        self._make_file_actions()
        self._make_language_menu()
        self._make_help_menu()
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    # ---------------------------------------------------------------- building

    def _action(self, name: str, slot: object, shortcut: QKeySequence | None = None) -> QAction:
        action = QAction(self._window)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        return action

    def _make_file_actions(self) -> None:
        self.import_files_action = self._action(
            "importFiles", self.ask_import_files, QKeySequence(QKeySequence.StandardKey.Open))
        self.import_folder_action = self._action("importFolder", self.ask_import_folder)
        self.export_menu = QMenu(self._window)
        self.export_actions = {
            what: self._action(f"export_{what}", lambda _=False, w=what: self.ask_export(w))
            for what in EXPORTS}
        self.export_menu.addActions(list(self.export_actions.values()))
        self.export_menu.addSeparator()
        self.qdpx_action = self._action("exportQdpx", self.ask_export_qdpx)
        self.export_menu.addAction(self.qdpx_action)
        menu, quit_action = self._menus.file_menu, self._menus.quit_action
        menu.insertActions(quit_action, [self.import_files_action, self.import_folder_action])
        menu.insertSeparator(quit_action)
        menu.insertMenu(quit_action, self.export_menu)
        menu.insertSeparator(quit_action)

    def _make_language_menu(self) -> None:
        self.language_menu = QMenu(self._window)
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for language in i18n.LANGUAGES:
            action = self._action(f"language_{language}",
                                  lambda _=False, lang=language: self.set_language(lang))
            action.setCheckable(True)
            action.setChecked(language == self._settings.language)
            self.language_group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[language] = action
        self._menus.view_menu.addSeparator()
        self._menus.view_menu.addMenu(self.language_menu)

    def _make_help_menu(self) -> None:
        self.help_menu = self._window.menuBar().addMenu("")
        self.restore_action = self._action("restoreBackup", self.show_restore)
        self.help_menu.addAction(self.restore_action)
        self.help_menu.addSeparator()
        self.about_action = self._action("about", self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.help_menu.addAction(self.about_action)
        self.restore_dialog: RestoreDialog | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Issue files or folders dropped on the window are imported in the background."""
        kind = event.type()
        if watched is self._window and kind in (QEvent.Type.DragEnter, QEvent.Type.Drop):
            assert isinstance(event, QDropEvent)  # a QDragEnterEvent is one too
            if paths := dropped_paths(event.mimeData()):
                event.acceptProposedAction()
                if kind == QEvent.Type.Drop:
                    self.import_paths(paths)
                return True
        return super().eventFilter(watched, event)

    def writing_actions(self) -> list[QAction]:
        """The actions that change the library (disabled when it is read-only)."""
        return [self.import_files_action, self.import_folder_action, self.restore_action,
                self._menus.add_note_action]

    def disable_writing(self) -> None:
        """The library turned read-only: nothing that would change it can be started."""
        for action in self.writing_actions():
            action.setEnabled(False)

    def import_samples(self) -> bool:
        """Import the sample issues shipped with the app, in the background."""
        return self.import_paths(list(sample_issues()), SAMPLE_PAPER)

    def retranslate_ui(self) -> None:
        """Set the texts of the actions and menus added here."""
        self.import_files_action.setText(self.tr("&Import files…"))
        self.import_folder_action.setText(self.tr("Import &folder…"))
        self.export_menu.setTitle(self.tr("&Export"))
        labels = {"notes": self.tr("Notes as CSV…"), "tags": self.tr("Tags as CSV…"),
                  "entities": self.tr("Entities as CSV…"),
                  "figures": self.tr("Figures as CSV…"),
                  "mentions": self.tr("Every entity mention as CSV…")}
        for what, action in self.export_actions.items():
            action.setText(labels.get(what, what))
        self.qdpx_action.setText(self.tr("REFI-QDA project (QualCoder, ATLAS.ti, MAXQDA)…"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.language_actions[i18n.SYSTEM].setText(self.tr("System language"))
        for language, name in LANGUAGE_NAMES.items():
            self.language_actions[language].setText(name)
        self.help_menu.setTitle(self.tr("&Help"))
        self.restore_action.setText(self.tr("&Restore a backup…"))
        self.about_action.setText(self.tr("&About Baokan Reader"))
        self.progress.retranslate_ui()

    # ---------------------------------------------------------------- import

    def import_files_dialog(self) -> QFileDialog:
        """File → Import files… (never opens the library's own files)."""
        return open_files_dialog(self._window, self.tr("Import issue files"), home_folder(),
                                 self._library.path,
                                 self.tr("Issue files (*.txt *.text);;All files (*)"))

    def import_folder_dialog(self) -> QFileDialog:
        return folder_dialog(self._window, self.tr("Import a folder of issues"), home_folder(),
                             self._library.path)

    @Slot()
    def ask_import_files(self) -> None:
        self.import_paths(chosen(self.import_files_dialog()))

    @Slot()
    def ask_import_folder(self) -> None:
        self.import_paths(chosen(self.import_folder_dialog())[:1])

    def import_paths(self, paths: list[Path], paper: str | None = None) -> bool:
        """Import in the background; tells the user when another import is still running."""
        if not paths:
            return False
        if self._library.readonly or str(self._library.path) == ":memory:":
            self._message(self.tr("This library cannot be changed."))
            return False
        if not self.importer.start(paths, paper):
            self._message(self.tr("An import is already running."))
            return False
        return True

    @Slot(object)
    def _import_finished(self, report: ImportReport) -> None:
        self._library.announce(report.changes)
        self._message(self.tr("Import finished: %n issue(s) added.", "",
                                          len(report.imported) + len(report.replaced)))

    @Slot(str)
    def _task_failed(self, message: str) -> None:
        self._message(self.tr("The task failed: %1").replace("%1", message))

    # ---------------------------------------------------------------- export

    def ask_export(self, what: str) -> None:
        path = ask_export_path(self._window, what, home_folder(), self._library.path)
        if path is not None:
            self.export(what, path)

    def export(self, what: str, path: Path) -> None:
        """Write one CSV export in the background; a status message tells the row count."""
        task = Task(export_job(Path(self._library.path), what, path), self)
        task.finished.connect(lambda rows: self._exported(task, what, int(rows), path))
        task.failed.connect(lambda message: self._export_failed(task, message))
        self._exports.append(task)
        task.start()

    @Slot()
    def ask_export_qdpx(self) -> None:
        path = ask_export_path(self._window, "qdpx", home_folder(), self._library.path)
        if path is not None:
            self.export_qdpx(path)

    def export_qdpx(self, path: Path) -> Task:
        """Write a REFI-QDA project of the annotated articles in the background; the
        status bar tells how far it is, then what it wrote."""
        task = Task(qdpx_job(Path(self._library.path), path), self)
        task.progressed.connect(self._qdpx_progressed)
        task.finished.connect(lambda report: self._qdpx_exported(task, report, path))
        task.failed.connect(lambda message: self._export_failed(task, message))
        self._exports.append(task)
        task.start()
        return task

    @Slot(int, int, str)
    def _qdpx_progressed(self, done: int, total: int, _name: str) -> None:
        self._message(self.tr("Exporting the REFI-QDA project: %1 of %2 articles…")
                      .replace("%1", str(done)).replace("%2", str(total)))

    def _qdpx_exported(self, task: Task, report: QdpxReport, path: Path) -> None:
        self._forget(task)
        if report.cancelled:
            self._message(self.tr("The export was cancelled."))
            return
        self._message(self.tr("Exported %n article(s) as a REFI-QDA project to %1.", "",
                              report.sources).replace("%1", str(path)))
        self.export_finished.emit("qdpx", report.sources)

    def _exported(self, task: Task, what: str, rows: int, path: Path) -> None:
        self._forget(task)
        self._message(self.tr("Exported %n row(s) to %1.", "", rows)
                                  .replace("%1", str(path)))
        self.export_finished.emit(what, rows)

    def _export_failed(self, task: Task, message: str) -> None:
        self._forget(task)
        self._task_failed(message)

    def _forget(self, task: Task) -> None:
        self._exports.remove(task)
        task.deleteLater()

    # ---------------------------------------------------------------- language, about

    def set_language(self, language: str) -> None:
        """Switch the UI language now and remember it."""
        self._settings.language = language
        self.language_actions[language].setChecked(True)
        shown = i18n.set_language(language)
        self.language_changed.emit(shown)

    @Slot()
    def show_restore(self) -> RestoreDialog:
        """Help → Restore a backup…: the backups beside the library, newest first."""
        if self.restore_dialog is None:
            self.restore_dialog = RestoreDialog(self._library, self._window)
            self.restore_dialog.restored.connect(self._restored)
        self.restore_dialog.refresh()
        self.restore_dialog.show()
        self.restore_dialog.raise_()
        return self.restore_dialog

    @Slot(str)
    def _restored(self, before: str) -> None:
        self._message(self.tr("Backup restored. The library as it was is kept "
                                          "in %1.").replace("%1", before))
        self.backup_restored.emit()

    def start_daily_backup(self) -> Task | None:
        """Once a day, on start: copy the library into its backups folder, in the background."""
        if self._library.readonly or not self._library.is_file:
            return None
        task = Task(daily_backup_job(Path(self._library.path)), self)
        task.failed.connect(self._task_failed)
        task.finished.connect(lambda _made: self._forget(task))
        task.failed.connect(lambda _message: self._forget(task))
        self._exports.append(task)
        task.start()
        return task

    @Slot()
    def show_about(self) -> None:
        about_box(self._window, self._library.path).open()

    def shutdown(self) -> None:
        """Stop background work before the window goes (an import is cancelled)."""
        self.importer.shutdown()
        for task in list(self._exports):
            task.wait()
