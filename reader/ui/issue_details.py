"""The "Set date…" dialog: an issue's date, edition and number, or many issues' at once by
the same values or by a pattern of their names, with a live preview of what each gets."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLineEdit,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.library import AnnotationError, IssueRow, Library, PatternMatch
from reader.ui import plain
from reader.ui.issue_tree import origin_text

Index = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()
NO_DATE = QDate(1800, 1, 1)
"""The date edit's minimum, shown as a dash: the edit holds no date until one is chosen."""
Values = dict[int, dict[str, str | None]]
"""The details to set, by issue: ``{issue: {field: value or None}}``."""


class PatternPreview(QAbstractTableModel):
    """What a pattern gives each issue: its name, then date, edition and number, or why it
    gets nothing (rows of plain data, made by the dialog)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[IssueRow, PatternMatch]] = []

    def set_rows(self, rows: list[tuple[IssueRow, PatternMatch]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        headers = (self.tr("File"), self.tr("Date"), self.tr("Edition"), self.tr("Number"))
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                               Qt.ItemDataRole.ToolTipRole):
            return None
        row, match = self._rows[index.row()]
        if index.column() == 0:
            text = row.source_key
            return plain.tip(f"{row.paper} / {text}") if role == Qt.ItemDataRole.ToolTipRole \
                else text
        if match.details is None:
            reason = self.tr("left alone: %1").replace("%1", self._problem(match))
            if role == Qt.ItemDataRole.ToolTipRole:
                return plain.tip(reason)
            return reason if index.column() == 1 else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return None
        return match.details.value(("date", "edition", "number")[index.column() - 1]) or ""

    def _problem(self, match: PatternMatch) -> str:
        if match.problem == "the name does not match":
            return self.tr("the name does not match")
        return match.problem

    def matched(self) -> int:
        return sum(1 for _, match in self._rows if match.details is not None)


class IssueDetailsDialog(QDialog):
    """Set the date, edition and number of one issue or of many. With one issue the fields
    show its values and where each was read; with many, a field left empty is left as it
    is, or a pattern of their names gives each its own (previewed as it is typed). The
    dialog never proposes a date the user did not give: an issue without one keeps none
    until the user checks "Date"."""

    def __init__(self, library: Library, issue_ids: list[int],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("issueDetailsDialog")
        self._library = library
        self.rows = [library.issue(issue_id) for issue_id in issue_ids]
        self.values: Values = {}
        self._make_widgets()
        self._fill()
        self.retranslate_ui()

    @property
    def single(self) -> bool:
        return len(self.rows) == 1

    def _make_widgets(self) -> None:
        self.heading = plain.label(self)
        self.heading.setWordWrap(True)
        self.same = QRadioButton(self)
        self.by_pattern = QRadioButton(self)
        self.modes = QButtonGroup(self)
        for button in (self.same, self.by_pattern):
            self.modes.addButton(button)
        self.same.setChecked(True)
        self.date_box = QCheckBox(self)
        self.date_box.setObjectName("issueDateBox")
        self.date_edit = QDateEdit(self)
        self.date_edit.setObjectName("issueDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMinimumDate(NO_DATE)
        self.date_edit.setMaximumDate(QDate(2200, 12, 31))
        self.edition_edit = QLineEdit(self)
        self.edition_edit.setObjectName("issueEdition")
        self.number_edit = QLineEdit(self)
        self.number_edit.setObjectName("issueNumber")
        self.origins = [plain.label(self) for _ in range(3)]
        self.pattern_edit = QLineEdit(self)
        self.pattern_edit.setObjectName("issuePattern")
        self.preview = PatternPreview(self)
        self.preview_view = QTableView(self)
        self.preview_view.setObjectName("patternPreview")
        self.preview_view.setModel(self.preview)
        self.preview_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview_view.verticalHeader().hide()
        self.preview_view.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch)
        self.pattern_status = plain.label(self)
        self.pattern_status.setWordWrap(True)
        self.error = plain.label(self)
        self.error.setObjectName("issueDetailsError")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self._lay_out()
        self.date_box.toggled.connect(self._date_toggled)
        self.modes.buttonToggled.connect(lambda *_: self._show_mode())
        self.pattern_edit.textChanged.connect(self.update_preview)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def _lay_out(self) -> None:
        self.form = QFormLayout()
        self.form.addRow(self.date_box, self.date_edit)
        self.form.addRow("", self.origins[0])
        self.form.addRow(self.tr("Edition:"), self.edition_edit)
        self.form.addRow("", self.origins[1])
        self.form.addRow(self.tr("Number:"), self.number_edit)
        self.form.addRow("", self.origins[2])
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        if not self.single:
            layout.addWidget(self.same)
        layout.addLayout(self.form)
        if not self.single:
            layout.addWidget(self.by_pattern)
            layout.addWidget(self.pattern_edit)
            layout.addWidget(self.pattern_status)
            layout.addWidget(self.preview_view, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _fill(self) -> None:
        """One issue: its values (a date only if it has one). Many: empty fields."""
        row = self.rows[0]
        if self.single and row.date:
            self.date_box.setChecked(True)
            self.date_edit.setDate(QDate.fromString(row.date, "yyyy-MM-dd"))
        else:
            self.date_box.setChecked(False)
            self.date_edit.setDate(NO_DATE)
        self.date_edit.setEnabled(self.date_box.isChecked())
        if self.single:
            self.edition_edit.setText(row.edition or "")
            self.number_edit.setText(row.number or "")
        self._show_mode()

    @Slot(bool)
    def _date_toggled(self, checked: bool) -> None:
        """Checking "Date" shows a date to start from; unchecked, the edit shows none."""
        self.date_edit.setEnabled(checked)
        if checked and self.date_edit.date() == NO_DATE:
            self.date_edit.setDate(self._nearest_date())
        elif not checked:
            self.date_edit.setDate(NO_DATE)

    def _nearest_date(self) -> QDate:
        """Where the calendar starts once "Date" is checked for an issue without a date: a
        date of one of the chosen issues, else today (nothing is set unless "Date" is
        checked and OK pressed)."""
        dated = [row.date for row in self.rows if row.date]
        return QDate.fromString(dated[0], "yyyy-MM-dd") if dated else QDate.currentDate()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Set date, edition and number"))
        row = self.rows[0]
        if self.single:
            self.heading.setText(f"{row.paper} / {row.source_key}")
            self.date_box.setText(self.tr("Date:"))
        else:
            self.heading.setText(self.tr("%1 issues; fields left empty are left as they are.")
                                 .replace("%1", str(len(self.rows))))
            self.date_box.setText(self.tr("Set the date:"))
        self.same.setText(self.tr("The same values for all"))
        self.by_pattern.setText(self.tr("Each from its file name, by a pattern:"))
        self.pattern_edit.setPlaceholderText("{date:%Y%m%d}_{edition}.txt")
        self.date_edit.setSpecialValueText(self.tr("no date"))
        self.edition_edit.setPlaceholderText(self.tr("01, 3 or A04"))
        self.number_edit.setPlaceholderText(self.tr("1234"))
        for label, origin in zip(self.origins, self._origins(), strict=True):
            label.setText(origin)
            label.setVisible(bool(origin))

    def _origins(self) -> list[str]:
        if not self.single:
            return ["", "", ""]
        row = self.rows[0]
        found = []
        for value, origin in ((row.date, row.date_from), (row.edition, row.edition_from),
                              (row.number, row.number_from)):
            found.append(origin_text(origin) if value or origin == "user" else "")
        if not row.date and row.date_from != "user":
            found[0] = self.tr("No date was found in its name or its page headers.")
        return found

    def _show_mode(self) -> None:
        pattern = self.by_pattern.isChecked()
        fields: tuple[QWidget, ...] = (self.date_box, self.edition_edit, self.number_edit)
        for widget in fields:
            widget.setEnabled(not pattern)
        self.date_edit.setEnabled(not pattern and self.date_box.isChecked())
        preview: tuple[QWidget, ...] = (self.pattern_edit, self.preview_view,
                                        self.pattern_status)
        for widget in preview:
            widget.setEnabled(pattern)
        if pattern:
            self.update_preview()

    def use_pattern(self, pattern: str) -> None:
        """Switch to the pattern and type ``pattern`` (tests, and a paper's last one)."""
        self.by_pattern.setChecked(True)
        self.pattern_edit.setText(pattern)

    @Slot()
    def update_preview(self) -> None:
        """Show what the pattern gives each issue, and how many it matches."""
        text = self.pattern_edit.text()
        if not text.strip():
            self.preview.set_rows([])
            self.pattern_status.setText(self.tr("Type a pattern such as %1.")
                                        .replace("%1", "{date:%Y%m%d}_{edition}.txt"))
            return
        try:
            rows = self._library.pattern_matches(text, [row.id for row in self.rows])
        except AnnotationError as error:
            self.preview.set_rows([])
            self.pattern_status.setText(str(error))
            return
        self.preview.set_rows(rows)
        self.preview_view.clearSpans()
        for n, (_, match) in enumerate(rows):  # the reason it is left alone, whole
            if match.details is None:
                self.preview_view.setSpan(n, 1, 1, 3)
        self.pattern_status.setText(self.tr("%1 of %2 issues match; the others are left as "
                                            "they are.").replace("%1", str(self.preview.matched()))
                                    .replace("%2", str(len(rows))))

    def chosen_values(self) -> Values:
        """What OK would set (AnnotationError when a value cannot be used)."""
        if self.by_pattern.isChecked():
            return self._pattern_values()
        fields: dict[str, str | None] = {}
        if self.date_box.isChecked():
            fields["date"] = self.date_edit.date().toString("yyyy-MM-dd")
        elif self.single and (self.rows[0].date or self.rows[0].date_from == "user"):
            fields["date"] = None
        for name, edit in (("edition", self.edition_edit), ("number", self.number_edit)):
            text = edit.text().strip()
            if self.single or text:
                fields[name] = text or None
        values = {row.id: dict(fields) for row in self.rows}
        if self.single:
            values = {row.id: self._changed(row, fields) for row in self.rows}
        return self._library.check_issue_details({k: v for k, v in values.items() if v})

    def _changed(self, row: IssueRow, fields: dict[str, str | None]) -> dict[str, str | None]:
        """Only what differs from what the issue shows (an untouched read value stays read,
        so a later re-import can still update it)."""
        shown = {"date": row.date, "edition": row.edition, "number": row.number}
        return {k: v for k, v in fields.items() if v != shown[k]}

    def _pattern_values(self) -> Values:
        rows = self._library.pattern_matches(self.pattern_edit.text(),
                                             [row.id for row in self.rows])
        return {row.id: {name: match.details.value(name) for name in
                         ("date", "edition", "number") if match.details.value(name)}
                for row, match in rows if match.details is not None}

    def accept(self) -> None:
        try:
            self.values = self.chosen_values()
        except AnnotationError as error:
            self.error.setText(str(error))
            return
        super().accept()
