"""The timeline's chart (pyqtgraph): grouped bars or lines of counts per period, a tooltip
on hover, a signal on click, and PNG / SVG export."""

from __future__ import annotations

import html
import math
import os

from PySide6.QtCore import (  # PySide6 first: pyqtgraph then uses it
    QCoreApplication,
    QPointF,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QMenu, QToolTip, QWidget

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import pyqtgraph as pg
from pyqtgraph.exporters import ImageExporter

from reader.core.timeline import Timeline
from reader.ui import plain

PALETTE = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
           "#ff9da7", "#9c755f", "#bab0ac")
"""Series colours (Tableau 10: told apart in print and by most colour-blind readers)."""
GROUP = 0.8
"""Width of a period's group of bars (periods are 1 apart)."""
HIT_PX = 12
"""How near (pixels) a point of a line must be to the pointer to count as hovered."""
STYLES = ("bars", "lines")
UNUSED = "unusedChartPart"
"""Property set on pyqtgraph's own plot-options menus and forms (English, never shown:
the chart disables them, the window's controls replace them)."""


def tr(text: str) -> str:
    return QCoreApplication.translate("Timeline", text)


def count_text(measure: str, count: int) -> str:
    """``3 articles`` or ``5 mentions``."""
    if measure == "mentions":
        return QCoreApplication.translate("Timeline", "%n mention(s)", "", count)
    return QCoreApplication.translate("Timeline", "%n article(s)", "", count)


def color(number: int) -> QColor:
    return QColor(PALETTE[number % len(PALETTE)])


def tick_step(periods: int, width_px: int, label_px: int = 70) -> int:
    """Label every n-th period so that labels do not overlap."""
    room = max(1, width_px // label_px)
    return max(1, math.ceil(periods / room))


class TimelineChart(pg.PlotWidget):  # type: ignore[misc]  # pyqtgraph is untyped
    """Counts per period of each series; hover says period, series and count, a click on a
    bar (or point) emits ``point_clicked(series, period)`` (indexes into the timeline)."""

    point_clicked = Signal(int, int)
    point_hovered = Signal(int, int)
    """(-1, -1) when the pointer leaves every bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineChart")
        self.timeline: Timeline | None = None
        self.labels: list[str] = []
        self.chart_style = "bars"
        self.tip_text = ""
        self._items: list[pg.GraphicsObject] = []
        self.legend = self.getPlotItem().addLegend(offset=(10, 10))
        self.getPlotItem().setMenuEnabled(False)
        self.getPlotItem().hideButtons()
        self._mark_unused()
        self.getViewBox().setMouseEnabled(x=True, y=False)
        self.showGrid(x=False, y=True, alpha=0.25)
        self.scene().sigMouseMoved.connect(self._moved)
        self.scene().sigMouseClicked.connect(self._clicked)
        self.apply_palette()

    def _mark_unused(self) -> None:
        """Mark pyqtgraph's context menus and their option forms, disabled above, as parts
        nobody sees (tests/ui/test_zh_everywhere.py skips them: they are pyqtgraph's
        English, not ours)."""
        plot, box = self.getPlotItem(), self.getViewBox()
        menus = [menu for menu in (plot.ctrlMenu, getattr(box, "menu", None))
                 if menu is not None]
        widgets: list[QWidget] = [*menus]
        widgets += [child for menu in menus for child in menu.findChildren(QMenu)]
        forms = [plot.ctrl, *getattr(getattr(box, "menu", None), "ctrl", [])]
        widgets += [value.window() for form in forms for value in vars(form).values()
                    if isinstance(value, QWidget)]
        for widget in widgets:
            widget.setProperty(UNUSED, True)

    def apply_palette(self) -> None:
        """Follow the window's light or dark colours."""
        palette = self.palette()
        self.setBackground(palette.color(QPalette.ColorRole.Base))
        text = palette.color(QPalette.ColorRole.Text)
        for side in ("left", "bottom"):
            axis = self.getPlotItem().getAxis(side)
            axis.setTextPen(text)
            axis.setPen(text)
        self.legend.setLabelTextColor(text)
        base = palette.color(QPalette.ColorRole.Base)
        base.setAlpha(210)  # the legend stays readable over the bars
        self.legend.setBrush(base)

    def set_timeline(self, timeline: Timeline, labels: list[str], style: str = "bars") -> None:
        """Draw ``timeline``; ``labels`` names its series (library text: shown as text)."""
        self.timeline, self.labels, self.chart_style = timeline, list(labels), style
        plot = self.getPlotItem()
        for item in self._items:
            plot.removeItem(item)
        self._items = []
        self.legend.clear()
        for number, line in enumerate(timeline.series):
            self._items.append(self._draw(number, list(line.counts)))
        self._set_ticks()
        top = max((max(line.counts, default=0) for line in timeline.series), default=0)
        plot.setXRange(-0.6, max(0.6, len(timeline.periods) - 0.4), padding=0)
        plot.setYRange(0, max(1, top) * 1.08, padding=0)

    def _draw(self, number: int, counts: list[int]) -> pg.GraphicsObject:
        name = html.escape(self.labels[number])  # the legend renders HTML
        plot = self.getPlotItem()
        if self.chart_style == "lines":
            item = plot.plot(list(range(len(counts))), counts, name=name,
                             pen=pg.mkPen(color(number), width=2), symbol="o", symbolSize=6,
                             symbolBrush=color(number), symbolPen=None)
            return item
        width = GROUP / max(1, len(self.labels))
        bars = pg.BarGraphItem(x=[self._bar_x(number, p) for p in range(len(counts))],
                               height=counts, width=width, brush=color(number), pen=None,
                               name=name)
        plot.addItem(bars)
        return bars

    def _bar_x(self, series: int, period: int) -> float:
        count = max(1, len(self.labels))
        width = GROUP / count
        return period - GROUP / 2 + width * (series + 0.5)

    def _set_ticks(self) -> None:
        periods = self.timeline.periods if self.timeline is not None else ()
        step = tick_step(len(periods), max(200, self.width() - 80))
        ticks = [(n, period) for n, period in enumerate(periods) if n % step == 0]
        self.getPlotItem().getAxis("bottom").setTicks([ticks, []])

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)
        if getattr(self, "timeline", None) is not None:  # pyqtgraph resizes during __init__
            self._set_ticks()

    # ---------------------------------------------------------------- hover and click

    def point_at(self, scene_pos: QPointF) -> tuple[int, int] | None:
        """(series, period) of the bar or point under a scene position."""
        timeline = self.timeline
        if timeline is None or not timeline.series or not timeline.periods:
            return None
        box = self.getViewBox()
        if not box.sceneBoundingRect().contains(scene_pos):
            return None
        view = box.mapSceneToView(scene_pos)
        period = round(view.x())
        if not 0 <= period < len(timeline.periods):
            return None
        if self.chart_style == "lines":
            return self._nearest_point(scene_pos, period)
        width = GROUP / len(timeline.series)
        series = math.floor((view.x() - (period - GROUP / 2)) / width)
        if not 0 <= series < len(timeline.series):
            return None
        count = timeline.series[series].counts[period]
        pixel = box.viewPixelSize()[1]
        return (series, period) if -3 * pixel <= view.y() <= count + 3 * pixel else None

    def _nearest_point(self, scene_pos: QPointF, period: int) -> tuple[int, int] | None:
        assert self.timeline is not None
        box = self.getViewBox()
        best: tuple[float, int] | None = None
        for number, line in enumerate(self.timeline.series):
            point = box.mapViewToScene(QPointF(period, line.counts[period]))
            distance = math.hypot(point.x() - scene_pos.x(), point.y() - scene_pos.y())
            if distance <= HIT_PX and (best is None or distance < best[0]):
                best = (distance, number)
        return (best[1], period) if best is not None else None

    def scene_point(self, series: int, period: int) -> QPointF:
        """Where the bar (its middle) or point of ``series`` in ``period`` is drawn."""
        assert self.timeline is not None
        count = self.timeline.series[series].counts[period]
        x = period if self.chart_style == "lines" else self._bar_x(series, period)
        y = count if self.chart_style == "lines" else count / 2
        point: QPointF = self.getViewBox().mapViewToScene(QPointF(x, y))
        return point

    def describe(self, series: int, period: int) -> str:
        """What hovering says: the period, the series and its count."""
        assert self.timeline is not None
        count = self.timeline.series[series].counts[period]
        return (f"{self.timeline.periods[period]}\n{self.labels[series]}\n"
                f"{count_text(self.timeline.measure, count)}")

    def _moved(self, scene_pos: QPointF) -> None:
        hit = self.point_at(scene_pos)
        if hit is None:
            if self.tip_text:
                self.tip_text = ""
                QToolTip.hideText()
                self.point_hovered.emit(-1, -1)
            return
        self.tip_text = self.describe(*hit)
        global_pos = self.mapToGlobal(self.mapFromScene(scene_pos))
        QToolTip.showText(global_pos, plain.tip(self.tip_text), self)
        self.point_hovered.emit(*hit)

    def _clicked(self, event: object) -> None:
        if getattr(event, "button", lambda: None)() != Qt.MouseButton.LeftButton:
            return
        hit = self.point_at(event.scenePos())  # type: ignore[attr-defined]
        if hit is not None:
            self.point_clicked.emit(*hit)

    # ---------------------------------------------------------------- export

    def export_png(self, path: str, width: int = 1600) -> None:
        exporter = ImageExporter(self.getPlotItem())
        exporter.parameters()["width"] = width
        exporter.export(path)

    def export_svg(self, path: str) -> None:
        """The chart as drawn, through Qt's own SVG writer: pyqtgraph's SVGExporter fails
        on the paths Qt 6.8+ writes (``x,y = c.split(',')``, pyqtgraph issue 3485)."""
        generator = QSvgGenerator()
        generator.setFileName(path)
        size = self.size()
        generator.setSize(size)
        generator.setViewBox(QRect(0, 0, size.width(), size.height()))
        generator.setTitle(self.windowTitle() or "Baokan Reader")
        painter = QPainter(generator)
        try:
            self.render(painter)
        finally:
            painter.end()
