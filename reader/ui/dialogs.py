"""Small dialogs: the import report, the About box, the export file chooser."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader import __version__
from reader.library import ImportReport
from reader.ui import plain
from reader.ui.file_dialogs import chosen, save_dialog

translate = QCoreApplication.translate


def report_summary(report: ImportReport) -> str:
    """One paragraph: how many files were imported, replaced, skipped and failed."""
    imported, replaced = len(report.imported), len(report.replaced)
    skipped, failed = len(report.skipped), len(report.failed)
    lines = [
        translate("ImportReportDialog", "%n issue(s) imported.", "", imported),
        translate("ImportReportDialog", "%n issue(s) replaced by a newer version.", "", replaced),
        translate("ImportReportDialog", "%n file(s) already in the library.", "", skipped),
        translate("ImportReportDialog", "%n file(s) could not be imported.", "", failed),
    ]
    if report.papers:
        papers = ", ".join(f"{name} {count}" for name, count in sorted(report.papers.items()))
        lines.append(translate("ImportReportDialog", "Issues by paper: %1").replace("%1", papers))
    if report.replaced:
        names = "; ".join(report.names.get(path, path) for path in report.replaced)
        lines.append(translate("ImportReportDialog", "Replaced (same paper and name, new text; "
                               "tags and notes kept): %1").replace("%1", names))
    if report.cancelled:
        lines.append(translate("ImportReportDialog", "The import was cancelled."))
    return "\n".join(lines)


class ImportReportDialog(QDialog):
    """What an import did, with a table of the files that failed and why."""

    def __init__(self, report: ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importReport")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.report = report
        self.summary = plain.label(self)
        self.failures = QTableWidget(len(report.failed), 2, self)
        self.failures.setObjectName("importFailures")
        self.failures.verticalHeader().hide()
        self.failures.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.failures.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self._fill(report.failed)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.failures, 1)
        layout.addWidget(buttons)
        self.failures.setVisible(bool(report.failed))
        self.resize(640, 360 if report.failed else 160)
        self.retranslate_ui()

    def _fill(self, failed: list[tuple[str, str]]) -> None:
        for row, (path, reason) in enumerate(failed):
            item = QTableWidgetItem(Path(path).name)
            item.setToolTip(plain.tip(path))
            self.failures.setItem(row, 0, item)
            self.failures.setItem(row, 1, QTableWidgetItem(reason))
        self.failures.resizeColumnToContents(0)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Import report"))
        self.summary.setText(report_summary(self.report))
        self.failures.setHorizontalHeaderLabels([self.tr("File"), self.tr("Why it failed")])


def about_text(database: str | Path) -> str:
    """The About box's text: version, database path, Qt version (escaped for rich text)."""
    from html import escape

    return translate("AboutBox",
              "<h3>Baokan Reader (报刊阅读器)</h3>"
              "<p>Read, search and annotate Chinese newspaper issues.</p>"
              "<p>Version %1<br>Library: %2<br>Qt %3</p>"
              ).replace("%1", escape(__version__)).replace(
                  "%2", escape(str(database))).replace("%3", escape(qVersion()))


def about_box(parent: QWidget, database: str | Path) -> QMessageBox:
    """A non-blocking About box (shown with ``open()``; deleted when closed)."""
    box = QMessageBox(parent)
    box.setObjectName("aboutBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowTitle(translate("AboutBox", "About Baokan Reader"))
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(about_text(database))
    icon = parent.windowIcon()
    if not icon.isNull():
        box.setIconPixmap(icon.pixmap(64, 64))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box


def export_caption(what: str) -> str:
    """The file dialog's title for one kind of export."""
    captions = {
        "notes": translate("ExportDialog", "Export notes as CSV"),
        "tags": translate("ExportDialog", "Export tags as CSV"),
        "entities": translate("ExportDialog", "Export entities as CSV"),
        "figures": translate("ExportDialog", "Export figures as CSV"),
        "mentions": translate("ExportDialog", "Export every entity mention as CSV"),
        "qdpx": translate("ExportDialog", "Export a REFI-QDA project"),
    }
    return captions[what]


def export_suffix(what: str) -> str:
    """The file name suffix of an export: ``qdpx`` for the REFI-QDA project, else ``csv``."""
    return "qdpx" if what == "qdpx" else "csv"


def export_dialog(parent: QWidget, what: str, folder: Path,
                  library_path: str | Path) -> QFileDialog:
    """The dialog that asks where to save an export (it never opens the library's files)."""
    suffix = export_suffix(what)
    name_filter = translate("ExportDialog", "REFI-QDA projects (*.qdpx)") if suffix == "qdpx" \
        else translate("ExportDialog", "CSV files (*.csv)")
    dialog = save_dialog(parent, export_caption(what), folder / f"{what}.{suffix}",
                         library_path, name_filter)
    dialog.setDefaultSuffix(suffix)
    return dialog


def ask_export_path(parent: QWidget, what: str, folder: Path,
                    library_path: str | Path) -> Path | None:
    """Ask where to save an export; None when the user cancels."""
    paths = chosen(export_dialog(parent, what, folder, library_path))
    if not paths:
        return None
    path = paths[0]
    return path if path.suffix else path.with_suffix(f".{export_suffix(what)}")


def failure_box(parent: QWidget, message: str) -> QMessageBox:
    """The library cannot be written any more: what happened and what to do (plain text)."""
    def tr(text: str) -> str:
        return QCoreApplication.translate("MainWindow", text)

    box = QMessageBox(QMessageBox.Icon.Critical, tr("The library cannot be saved"),
                      tr("Baokan Reader could not write to the library:\n%1\n\n"
                         "Nothing more will be changed, so nothing more can be lost: "
                         "the window is read-only now. Free disk space or reconnect "
                         "the drive, then restart Baokan Reader; if the library is "
                         "damaged, use Help → Restore a backup.").replace("%1", message),
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("libraryFailure")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return box
