"""View → Timeline…: entities, tags and searches counted per week, month or year of issue
dates, as a chart to hover and click (a bar lists the articles of its period), exported as
PNG, SVG or CSV. The counting is the library's, in the background; this only draws."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QModelIndex, QStringListModel, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reader.core.timeline import BINS, MEASURES, ArticleRef, Series, Timeline
from reader.library import AnnotationError, Changes, EntityCount, Library, QueryError
from reader.ui import plain
from reader.ui.chart import STYLES, TimelineChart, count_text
from reader.ui.entities import type_names
from reader.ui.file_dialogs import chosen, save_dialog
from reader.ui.messages import query_message
from reader.ui.reads import ReadRunner
from reader.ui.row_list import Row, RowListModel

KINDS = ("entity", "tag", "query")
MAX_SERIES = 10
ARTICLE_LIMIT = 1000


def tr(text: str) -> str:
    return QCoreApplication.translate("Timeline", text)


def kind_names() -> dict[str, str]:
    return {"entity": tr("Entity"), "tag": tr("Tag"), "query": tr("Search")}


def bin_names() -> dict[str, str]:
    return {"week": tr("Per week"), "month": tr("Per month"), "year": tr("Per year")}


def measure_names() -> dict[str, str]:
    return {"articles": tr("Count articles"), "mentions": tr("Count mentions (entities)")}


def style_names() -> dict[str, str]:
    return {"bars": tr("Bars"), "lines": tr("Lines")}


def series_label(series: Series) -> str:
    """How a series is named in the list, the legend, the tooltips and the CSV."""
    if series.kind == "entity":
        return f"{series.name} ({type_names().get(series.type, series.type)})"
    if series.kind == "tag":
        return tr("Tag: %1").replace("%1", series.name)
    return tr("Search: %1").replace("%1", series.name)


def article_row(ref: ArticleRef) -> Row:
    where = " · ".join(part for part in (ref.date, ref.paper) if part)
    title = ref.title or tr("(untitled)")
    return Row(ref.article_id, f"{where}  {title}", f"{title}\n{ref.issue_title}")


def read_timeline(library: Library, series: list[Series], bin_: str,
                  measure: str) -> Timeline | str:
    """The timeline, or why a query cannot be understood (run in the background)."""
    try:
        return library.timeline(series, bin_, measure)
    except QueryError as error:
        return query_message(error)


def combo(parent: QWidget, name: str, count: int) -> QComboBox:
    box = QComboBox(parent)
    box.setObjectName(name)
    for _ in range(count):
        box.addItem("")
    return box


class TimelineWindow(QDialog):
    """Series (entities, tags, searches) counted per period of issue dates."""

    article_opened = Signal(int)
    loaded = Signal()
    """The chart shows the latest answer."""
    listed = Signal()
    """The list under the chart shows the articles of the clicked period."""

    def __init__(self, library: Library, reads: ReadRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineWindow")
        self._library = library
        self._reads = reads
        self.series: list[Series] = []
        self.timeline: Timeline | None = None
        self.message = ""
        self._entities: dict[str, tuple[str, str]] = {}
        self._by_name: dict[str, str] = {}
        self._make_widgets()
        self._lay_out()
        self._connect()
        self.retranslate_ui()
        self.resize(980, 720)
        self.load_names()
        self.refresh()

    def _make_widgets(self) -> None:
        self.kind_combo = combo(self, "timelineKind", len(KINDS))
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("timelineName")
        self.name_edit.setClearButtonEnabled(True)
        self.names = QStringListModel(self)
        self.completer = QCompleter(self.names, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.name_edit.setCompleter(self.completer)
        self.add_button = QPushButton(self)
        self.series_model = RowListModel(self)
        self.series_view = QListView(self)
        self.series_view.setObjectName("timelineSeries")
        self.series_view.setModel(self.series_model)
        self.series_view.setMaximumHeight(90)
        self.remove_button = QPushButton(self)
        self.bin_combo = combo(self, "timelineBin", len(BINS))
        self.bin_combo.setCurrentIndex(BINS.index("month"))
        self.measure_combo = combo(self, "timelineMeasure", len(MEASURES))
        self.style_combo = combo(self, "timelineStyle", len(STYLES))
        self.png_button, self.svg_button, self.csv_button = (QPushButton(self) for _ in "123")
        self.chart = TimelineChart(self)
        self.status = plain.label(self)
        self.status.setWordWrap(True)
        self.heading = plain.label(self)
        self.heading.setWordWrap(True)
        self.articles_model = RowListModel(self)
        self.articles = QListView(self)
        self.articles.setObjectName("timelineArticles")
        self.articles.setModel(self.articles_model)
        self.articles.setAlternatingRowColors(True)

    def _lay_out(self) -> None:
        add = QHBoxLayout()
        add.addWidget(self.kind_combo)
        add.addWidget(self.name_edit, 1)
        add.addWidget(self.add_button)
        listed = QHBoxLayout()
        listed.addWidget(self.series_view, 1)
        listed.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)
        options = QHBoxLayout()
        for box in (self.bin_combo, self.measure_combo, self.style_combo):
            options.addWidget(box)
        options.addStretch(1)
        for button in (self.png_button, self.svg_button, self.csv_button):
            options.addWidget(button)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.heading)
        lower_layout.addWidget(self.articles, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.chart)
        self.splitter.addWidget(lower)
        self.splitter.setSizes([480, 180])
        layout = QVBoxLayout(self)
        layout.addLayout(add)
        layout.addLayout(listed)
        layout.addLayout(options)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.status)

    def _connect(self) -> None:
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.name_edit.returnPressed.connect(self._add_typed)
        self.add_button.clicked.connect(self._add_typed)
        self.remove_button.clicked.connect(self.remove_selected)
        for box in (self.bin_combo, self.measure_combo):
            box.currentIndexChanged.connect(lambda _index: self.refresh())
        self.style_combo.currentIndexChanged.connect(lambda _index: self._draw())
        self.chart.point_clicked.connect(self.show_period)
        self.articles.clicked.connect(self._article_chosen)
        self.articles.activated.connect(self._article_chosen)
        self.png_button.clicked.connect(lambda: self._ask_export("png"))
        self.svg_button.clicked.connect(lambda: self._ask_export("svg"))
        self.csv_button.clicked.connect(lambda: self._ask_export("csv"))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(tr("Timeline"))
        for box, names in ((self.kind_combo, kind_names()), (self.bin_combo, bin_names()),
                           (self.measure_combo, measure_names()),
                           (self.style_combo, style_names())):
            for number, key in enumerate(names):
                box.setItemText(number, names[key])
        self.add_button.setText(tr("Add"))
        self.remove_button.setText(tr("Remove"))
        self.png_button.setText(tr("PNG…"))
        self.svg_button.setText(tr("SVG…"))
        self.csv_button.setText(tr("CSV…"))
        self.png_button.setToolTip(tr("Save the chart as a PNG image"))
        self.svg_button.setToolTip(tr("Save the chart as an SVG drawing"))
        self.csv_button.setToolTip(tr("Save the table of counts as CSV (period, series, "
                                      "count)"))
        self._kind_changed()
        self._show_series()
        self._draw()
        if not self.articles_model.rowCount():
            self.heading.setText(tr("Click a bar to list the articles of its period."))

    # ---------------------------------------------------------------- series

    @property
    def bin(self) -> str:
        return BINS[self.bin_combo.currentIndex()]

    @property
    def measure(self) -> str:
        return MEASURES[self.measure_combo.currentIndex()]

    @property
    def chart_style(self) -> str:
        return STYLES[self.style_combo.currentIndex()]

    @property
    def kind(self) -> str:
        return KINDS[self.kind_combo.currentIndex()]

    @Slot()
    def _kind_changed(self) -> None:
        placeholders = {"entity": tr("a person, place or organization of the entity index"),
                        "tag": tr("a tag"), "query": tr("a search, e.g. 南开 or “城市更新”")}
        self.name_edit.setPlaceholderText(placeholders[self.kind])
        if self.kind == "entity":
            self.names.setStringList(list(self._entities))
        elif self.kind == "tag":
            self.names.setStringList([tag.name for tag in self._library.tags()])
        else:
            self.names.setStringList([])

    def load_names(self) -> None:
        """Read the entity index (in the background) for the name field's completer."""
        self._reads.ask("timeline-entities", lambda library: library.entity_index(),
                        self._entities_read)

    def _entities_read(self, entities: list[EntityCount]) -> None:
        names = type_names()
        self._entities = {f"{e.name} · {names.get(e.type, e.type)}": (e.type, e.name)
                          for e in entities}
        self._by_name = {}
        for entity in entities:  # most mentioned first: a bare name means that one
            self._by_name.setdefault(entity.name, entity.type)
        self._kind_changed()

    @Slot()
    def _add_typed(self) -> None:
        if self.add(self.kind, self.name_edit.text()) is not None:
            self.name_edit.clear()

    def add(self, kind: str, text: str) -> Series | None:
        """Add a series: an entity (as the completer offers it, or a bare name), a tag or
        a query; None (and the status says why) when there is no such entity."""
        text = text.strip()
        if not text:
            return None
        if len(self.series) >= MAX_SERIES:
            self._say(tr("At most %1 series in one chart.").replace("%1", str(MAX_SERIES)))
            return None
        series = self._series_for(kind, text)
        if series is None:
            self._say(tr("No entity “%1” in the entity index.").replace("%1", text))
            return None
        if series not in self.series:
            self.series.append(series)
            self._show_series()
            self.refresh()
        return series

    def _series_for(self, kind: str, text: str) -> Series | None:
        if kind != "entity":
            return Series(kind, text)
        if text in self._entities:
            type_, name = self._entities[text]
            return Series("entity", name, type_)
        if text in self._by_name:
            return Series("entity", text, self._by_name[text])
        return None

    @Slot()
    def remove_selected(self) -> None:
        index = self.series_view.currentIndex()
        if index.isValid():
            del self.series[index.row()]
            self._show_series()
            self.refresh()

    def _show_series(self) -> None:
        self.series_model.set_rows([Row(n, series_label(s), series_label(s))
                                    for n, s in enumerate(self.series)])

    # ---------------------------------------------------------------- counting, drawing

    def refresh(self) -> None:
        """Count again (series, bins or the library changed), in the background."""
        if not self.series:
            self.timeline = Timeline(self.bin, self.measure, (), ())
            self._draw()
            self._say(tr("Add an entity, a tag or a search to chart it over the issues' "
                         "dates."))
            self.loaded.emit()
            return
        series, bin_, measure = list(self.series), self.bin, self.measure
        self._say(tr("Counting…"))
        self._reads.ask("timeline", lambda library: read_timeline(
            library, series, bin_, measure), self._answered)

    def _answered(self, answer: Timeline | str) -> None:
        if isinstance(answer, str):
            self._say(answer)
        else:
            self.timeline = answer
            self._draw()
            self._say(self._summary(answer))
        self.loaded.emit()

    def _summary(self, timeline: Timeline) -> str:
        if not timeline.periods:
            text = tr("Nothing to chart: no article of these series is in a dated issue.")
        else:
            text = tr("%1 to %2.").replace("%1", timeline.periods[0]).replace(
                "%2", timeline.periods[-1])
        left_out = sum(line.undated for line in timeline.series)
        if left_out:
            text += " " + QCoreApplication.translate(
                "Timeline", "%n article(s) of issues without a date left out (set their "
                "dates in the tree: Set date…).", "", left_out)
        return text

    def _draw(self) -> None:
        if self.timeline is not None:
            labels = [series_label(line.series) for line in self.timeline.series]
            self.chart.set_timeline(self.timeline, labels, self.chart_style)

    def _say(self, text: str) -> None:
        self.message = text
        self.status.setText(text)

    # ---------------------------------------------------------------- a period's articles

    @Slot(int, int)
    def show_period(self, series: int, period: int) -> None:
        """List the articles counted in one bar (in the background)."""
        timeline = self.timeline
        if timeline is None or not 0 <= series < len(timeline.series):
            return
        line, name = timeline.series[series], timeline.periods[period]
        self.heading.setText(f"{name} · {series_label(line.series)}: "
                             f"{count_text(timeline.measure, line.counts[period])}")
        self._reads.ask("timeline-articles", lambda library: library.timeline_articles(
            line.series, name, timeline.bin, ARTICLE_LIMIT), self._listed)

    def _listed(self, refs: list[ArticleRef]) -> None:
        self.articles_model.set_rows([article_row(ref) for ref in refs])
        self.listed.emit()

    @Slot(QModelIndex)
    def _article_chosen(self, index: QModelIndex) -> None:
        if index.isValid():
            self.article_opened.emit(self.articles_model.row_at(index.row()).id)

    # ---------------------------------------------------------------- export

    def _ask_export(self, what: str) -> None:
        filters = {"png": tr("PNG images (*.png)"), "svg": tr("SVG drawings (*.svg)"),
                   "csv": tr("CSV files (*.csv)")}
        dialog = save_dialog(self, tr("Export the timeline"), Path.home() / f"timeline.{what}",
                             self._library.path, filters[what])
        dialog.setDefaultSuffix(what)
        paths = chosen(dialog)
        if paths:
            self.export(what, paths[0])

    def export(self, what: str, path: Path) -> bool:
        """Write the chart (``png``, ``svg``) or its table of counts (``csv``)."""
        try:
            self._library.check_outside(path)
            if what == "csv":
                if self.timeline is None:
                    return False
                labels = {line.series: series_label(line.series)
                          for line in self.timeline.series}
                self._library.export_timeline(self.timeline, path, labels)
            elif what == "png":
                self.chart.export_png(str(path))
            else:
                self.chart.export_svg(str(path))
        except (OSError, AnnotationError) as error:
            self._say(tr("Could not save %1: %2").replace("%1", path.name)
                      .replace("%2", str(error)))
            return False
        self._say(tr("Saved %1.").replace("%1", str(path)))
        return True

    # ---------------------------------------------------------------- changes

    def apply_changes(self, changes: Changes) -> None:
        """Count again when entities, tags, texts or dates changed."""
        if changes.touches_corpus() or changes.tags or changes.tagged:
            self.load_names()
            if self.isVisible():
                self.refresh()
            else:
                self.setProperty("stale", True)
