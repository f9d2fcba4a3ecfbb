"""The timeline dock: dated links, events and articles on a date axis; a window that filters the chart.

Exact dates are points; fuzzy, partial and ranged dates are bars spanning
their uncertainty (the DateSpan's start to end). Lanes are per entity or per
type. Dragging the shaded window filters the chart to what existed in it
(view state, not an undo step); clicking a mark selects its item on the chart.

Reading every date of a big case takes a while (about 0.1 s at 10k entities),
so a hidden timeline only notes that its marks are out of date and redraws when
it is shown; its window keeps filtering the chart meanwhile. A shown one reads
the whole case when a case is opened and, after an edit, only the items the edit
touched (see timeline_marks); the change events of one edit, or of a burst of
them, are taken together once control returns to the event loop.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from linkchart.analysis import TimelineRecord, in_window
from linkchart.model import ChangeEvent
from linkchart.render.arrays import draw_rects
from linkchart.ui.analysis.filtering import ChartFilter, FilterPart
from linkchart.ui.analysis.host import Host
from linkchart.ui.analysis.timeline_marks import KINDS, MarkIndex, touched_ids
from linkchart.ui.on_screen import on_screen

DAY = 86400.0
BAR_HEIGHT = 0.5
LANE_PIXELS = 18  # below this lane labels run into each other
KIND_COLOURS = {"link": "#4a6fa5", "entity": "#c0392b", "article": "#7f8c8d"}
KIND_SYMBOLS = {"link": "o", "entity": "d", "article": "s"}
SELECTED_EDGE = "#1a73e8"
# Past this many touched items one full read (~0.1 s at 10k entities) beats patching them one by one.
PATCH_LIMIT = 2000


def to_seconds(day: date) -> float:
    """POSIX seconds at the start of *day* (UTC), what DateAxisItem reads."""
    return datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp()


def to_date(seconds: float) -> date:
    seconds = min(max(seconds, to_seconds(date(1, 1, 2))), to_seconds(date(9999, 12, 30)))
    return datetime.fromtimestamp(seconds, tz=UTC).date()


@dataclass
class _Drawn:
    """Marks as arrays, row i = marks[i]: lane, start and end seconds, exact or not, kind code (position in KINDS)."""

    marks: list[TimelineRecord]
    lane: np.ndarray
    start: np.ndarray
    end: np.ndarray
    exact: np.ndarray
    kind: np.ndarray


class SpanBarsItem(pg.GraphicsObject):
    """Every uncertain mark as one horizontal bar, drawn by a single item in a few bulk calls (fast for thousands).

    Overlapping bars blend, so they are drawn in mark order; only bars of one lane
    can overlap, so each lane's bars are taken in turn and every run of bars styled
    alike goes in one call.
    """

    def __init__(self) -> None:
        super().__init__()
        self.rects = np.zeros((0, 4))
        self.kinds = np.zeros(0, dtype=np.int8)
        self.selected = np.zeros(0, dtype=bool)
        self._runs: list[tuple[int, bool, np.ndarray]] = []
        self._bounds = QRectF()

    def set_bars(self, rects: np.ndarray, kinds: np.ndarray) -> None:
        """(n, 4) rows of x, y, width, height in mark order, and each bar's kind code; nothing selected."""
        self.prepareGeometryChange()
        self.rects, self.kinds = rects, kinds
        if len(rects):
            left, top = rects[:, 0].min(), rects[:, 1].min()
            right, bottom = (rects[:, 0] + rects[:, 2]).max(), (rects[:, 1] + rects[:, 3]).max()
            self._bounds = QRectF(left, top, right - left, bottom - top)
        else:
            self._bounds = QRectF()
        self.set_selected(np.zeros(len(rects), dtype=bool))

    def set_selected(self, selected: np.ndarray) -> None:
        """One flag per bar: selected bars are drawn stronger, with a blue edge."""
        self.selected = selected
        order = np.argsort(self.rects[:, 1], kind="stable")  # by lane, mark order kept within one
        style = (self.kinds.astype(int) * 2 + selected)[order]
        cuts = np.flatnonzero(np.diff(style)) + 1
        self._runs = [(int(self.kinds[run[0]]), bool(selected[run[0]]), self.rects[run])
                      for run in np.split(order, cuts) if len(run)]
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, *args) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for code, chosen, rects in self._runs:
            colour = QColor(KIND_COLOURS[KINDS[code]])
            fill = QColor(colour)
            fill.setAlpha(200 if chosen else 110)
            painter.setBrush(fill)
            pen = QPen(QColor(SELECTED_EDGE) if chosen else colour.darker(130))
            pen.setCosmetic(True)
            pen.setWidthF(2.0 if chosen else 1.0)
            painter.setPen(pen)
            draw_rects(painter, rects)


class LaneViewBox(pg.ViewBox):
    """The wheel zooms time only; dragging pans time and scrolls through the lanes."""

    def wheelEvent(self, ev, axis=None) -> None:
        super().wheelEvent(ev, axis=0)

    def mouseDragEvent(self, ev, axis=None) -> None:
        super().mouseDragEvent(ev, axis=None if ev.button() == Qt.MouseButton.LeftButton else 0)


class TimelinePanel(QWidget):
    """Lanes of dated marks with a draggable time window."""

    mark_clicked = Signal(str)
    rebuilt = Signal()  # the marks were read from the case and drawn again
    patched = Signal()  # the marks of the items an edit touched were read again and everything redrawn

    def __init__(self, host: Host, chart_filter: ChartFilter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelinePanel")
        self.host = host
        self.chart_filter = chart_filter
        self.drawn = _Drawn([], np.zeros(0), np.zeros(0), np.zeros(0), np.zeros(0, bool), np.zeros(0, np.int8))
        self.marks: MarkIndex | None = None
        self.lane_names: list[str] = []
        self._bar_rows = np.zeros(0, dtype=int)
        self.stale = True  # the marks do not show the case; redrawn when next shown
        # Items the change events since the last redraw touched (None: re-read everything).
        self._touched: set[str] | None = set()
        self._dirty = QTimer(self)
        self._dirty.setSingleShot(True)
        self._dirty.setInterval(0)  # once the edit (every event of it) is done, before the next paint
        self._dirty.timeout.connect(self._follow)
        self._window_timer = QTimer(self)
        self._window_timer.setSingleShot(True)
        self._window_timer.setInterval(30)
        self._window_timer.timeout.connect(self.apply_window)
        self._build()
        host.case_changed.connect(self._on_changed)
        host.case_replaced.connect(self.refresh)
        host.selection_changed.connect(self._show_selection)
        chart_filter.cleared.connect(self._filter_cleared)
        self.refresh()

    # ------------------------------------------------------------ widgets
    def _build(self) -> None:
        self.lanes = QComboBox()
        self.lanes.setObjectName("timelineLanes")
        self.lanes.addItem("Lanes by type", "type")
        self.lanes.addItem("Lanes by entity", "entity")
        self.lanes.currentIndexChanged.connect(self.rebuild)
        self.filter_box = QCheckBox("Filter chart to window")
        self.filter_box.setObjectName("timelineFilter")
        self.filter_box.setToolTip("Grey out (or hide, per Preferences) what did not exist in the shaded window")
        self.filter_box.toggled.connect(self._filter_toggled)
        self.window_label = QLabel()
        self.window_label.setObjectName("timelineWindow")
        self.unreadable_label = QLabel()
        self.unreadable_label.setObjectName("timelineUnreadable")
        self.unreadable_label.setStyleSheet("color: #b35c00;")
        self.fit_button = QPushButton("Fit")
        self.fit_button.setToolTip("Show the whole time span")
        self.fit_button.clicked.connect(self.fit)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        for w in (self.lanes, self.filter_box, self.window_label, self.unreadable_label):
            top.addWidget(w)
        top.addStretch(1)
        top.addWidget(self.fit_button)
        self.axis = pg.DateAxisItem(orientation="bottom")
        self.plot = pg.PlotWidget(viewBox=LaneViewBox(), axisItems={"bottom": self.axis}, background=None)
        self.plot.setObjectName("timelinePlot")
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.showGrid(x=True, y=False, alpha=0.15)
        self.plot.getViewBox().invertY(True)
        self.plot.getViewBox().sigResized.connect(self._fit_lanes)
        self.bars = SpanBarsItem()
        self.points = {
            kind: pg.ScatterPlotItem(size=9, pxMode=True, symbol=KIND_SYMBOLS[kind], pen=pg.mkPen("#ffffff", width=1),
                                     brush=pg.mkBrush(KIND_COLOURS[kind]))
            for kind in KINDS
        }
        self.region = pg.LinearRegionItem(values=(0, 1), brush=QColor(255, 196, 0, 45))
        self.region.setZValue(-10)
        self.region.sigRegionChanged.connect(lambda *_: self._window_timer.start())
        self.plot.addItem(self.bars)
        for points in self.points.values():
            self.plot.addItem(points)
        self.plot.addItem(self.region)
        self.plot.scene().sigMouseClicked.connect(self._clicked)
        self.empty = QLabel("No dated links, events or articles yet. Give a link or an event a date (e.g. 2019-05 or about 2018).")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.empty)

    # ------------------------------------------------------------ data
    def refresh(self) -> None:
        """Redraw now if the timeline is on screen; otherwise mark it out of date (the window still filters)."""
        if on_screen(self):
            self.rebuild()
            return
        self.stale = True
        if self.filter_box.isChecked():
            self.apply_window()

    def catch_up(self) -> None:
        """Redraw if the marks went out of date while the timeline was out of sight and it is in sight now."""
        if self.stale and on_screen(self):
            self.rebuild()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.catch_up()

    def rebuild(self) -> None:
        """Re-read every dated item and redraw the lanes (keeps the window where it was)."""
        self.stale = False
        self._dirty.stop()
        self._touched = set()
        self.marks = MarkIndex(self.host.case, self.lanes.currentData() or "type")
        self._show_marks()
        self.rebuilt.emit()

    def _follow(self) -> None:
        """Catch up with the edits since the last redraw: re-read only what they touched, if that is little."""
        touched, self._touched = self._touched, set()
        if self.stale or self.marks is None or touched is None or not on_screen(self):
            self.refresh()
            return
        self.marks.patch(self.host.case, touched)
        self._show_marks()
        self.patched.emit()

    def _show_marks(self) -> None:
        """Draw :attr:`marks` (keeps the window where it was)."""
        marks = self.marks
        self.lane_names = [label for _key, label in marks.lanes]
        self._show_unreadable(marks.unreadable)
        a = marks.arrays()
        self.drawn = _Drawn(list(marks.records), a.lane, a.start, a.end, a.exact, a.kind)
        self._draw()
        has = bool(marks.records)
        self.plot.setVisible(has)
        self.empty.setVisible(not has)
        if has and not self._region_set:
            self.fit()
        if self.filter_box.isChecked():
            self.apply_window()

    _region_set = False

    def _show_unreadable(self, unreadable: list[tuple[str, str, str]]) -> None:
        """Say which dates could not be read (they are left off the timeline, not guessed)."""
        self.unreadable_label.setVisible(bool(unreadable))
        if not unreadable:
            return
        n = len(unreadable)
        self.unreadable_label.setText(f"{n} date{'s' if n != 1 else ''} not understood")
        self.unreadable_label.setToolTip("\n".join(f"\u201c{text}\u201d: {why}" for _id, text, why in unreadable[:20]))

    def _draw(self) -> None:
        d = self.drawn
        left = self.plot.getAxis("left")
        left.setTicks([[(i, name) for i, name in enumerate(self.lane_names)], []])
        centre = (d.start + d.end) / 2
        for code, kind in enumerate(KINDS):
            # One item per kind, all its spots styled alike: pyqtgraph draws the symbol once and stamps it.
            rows = np.flatnonzero(d.exact & (d.kind == code))
            self.points[kind].setData(x=centre[rows], y=d.lane[rows], data=rows)
        bars = np.flatnonzero(~d.exact)
        self._bar_rows = bars
        rects = np.column_stack((d.start[bars], d.lane[bars] - BAR_HEIGHT / 2, d.end[bars] - d.start[bars],
                                 np.full(len(bars), BAR_HEIGHT)))
        self.bars.set_bars(rects, d.kind[bars])
        n = max(len(self.lane_names), 1)
        self.plot.getViewBox().setLimits(yMin=-1.0, yMax=n + 0.2, maxYRange=n + 1.2)
        self._fit_lanes()
        self._show_selection()

    def _fit_lanes(self, *_args) -> None:
        """Show as many lanes as fit at a readable height, from the top; drag to scroll to the rest."""
        n = max(len(self.lane_names), 1)
        height = self.plot.getViewBox().height() or 300
        shown = max(3, min(n, int(height // LANE_PIXELS)))
        top = max(-0.8, self.plot.getViewBox().viewRange()[1][0]) if shown < n else -0.8
        top = min(top, n - shown - 0.8) if shown < n else -0.8
        self.plot.setYRange(top, top + shown, padding=0)

    def fit(self) -> None:
        """Show every mark, and put the window over the middle half."""
        d = self.drawn
        if not len(d.start):
            return
        lo, hi = float(d.start.min()), float(d.end.max())
        pad = max((hi - lo) * 0.05, 30 * DAY)
        self.plot.setXRange(lo - pad, hi + pad, padding=0)
        if not self._region_set:
            span = hi - lo
            self.region.blockSignals(True)
            self.region.setRegion((lo + span * 0.25, hi - span * 0.25))
            self.region.blockSignals(False)
            self._region_set = True
            self._update_label()

    # ------------------------------------------------------------ window
    def window(self) -> tuple[date, date]:
        lo, hi = self.region.getRegion()
        return to_date(lo), to_date(hi)

    def set_window(self, start: date, end: date) -> None:
        """Put the window over [start, end] (as dragging it would)."""
        self.region.setRegion((to_seconds(start), to_seconds(end) + DAY - 1))
        self._window_timer.stop()
        self.apply_window()

    def _update_label(self) -> None:
        start, end = self.window()
        self.window_label.setText(f"{start.isoformat()} \u2013 {end.isoformat()}")

    def apply_window(self) -> None:
        self._update_label()
        if not self.filter_box.isChecked():
            return
        start, end = self.window()
        found = in_window(self.host.case, start, end)
        entities, links = found.entity_ids, found.link_ids
        summary = f"{start.isoformat()} \u2013 {end.isoformat()}"
        if start.year != end.year or (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
            summary = f"{start.year}\u2013{end.year}" if start.year != end.year else str(start.year)
        self.chart_filter.set_part("timeline", FilterPart(frozenset(entities), frozenset(links), summary))

    def _filter_toggled(self, on: bool) -> None:
        if on:
            self.apply_window()
        else:
            self.chart_filter.set_part("timeline", None)

    def _filter_cleared(self) -> None:
        self.filter_box.blockSignals(True)
        self.filter_box.setChecked(False)
        self.filter_box.blockSignals(False)

    # ------------------------------------------------------------ clicks
    def mark_at(self, scene_pos: QPointF) -> TimelineRecord | None:
        """The mark under a point of the plot's scene: a point within a few pixels, or a bar."""
        vb = self.plot.getViewBox()
        p = vb.mapSceneToView(scene_pos)
        d = self.drawn
        if not len(d.start):
            return None
        px = vb.viewPixelSize()
        centre = (d.start + d.end) / 2
        near_x = np.abs(centre - p.x()) / max(px[0], 1e-9)
        near_y = np.abs(d.lane - p.y()) / max(px[1], 1e-9)
        hit_points = np.flatnonzero(d.exact & (near_x <= 7) & (near_y <= 7))
        if len(hit_points):
            return d.marks[int(hit_points[np.argmin(near_x[hit_points] + near_y[hit_points])])]
        inside = np.flatnonzero(~d.exact & (d.start <= p.x()) & (d.end >= p.x()) & (np.abs(d.lane - p.y()) <= BAR_HEIGHT / 2))
        if len(inside):
            return d.marks[int(inside[np.argmin(d.end[inside] - d.start[inside])])]
        return None

    def _clicked(self, event) -> None:
        mark = self.mark_at(event.scenePos())
        if mark is None:
            return
        event.accept()
        self.select_mark(mark)

    def select_mark(self, mark: TimelineRecord) -> None:
        """Select the mark's item on the chart (an article selects the items citing it) and show it."""
        case = self.host.case
        if mark.kind == "entity":
            self.host.select([mark.id])
            self.host.centre_on([mark.id])
        elif mark.kind == "link":
            self.host.select([], [mark.id])
            self.host.centre_on([mark.id])
        else:
            citing = case.citations_of_article(mark.id)
            ents = [i.id for i, _ in citing if i.id in case.entities]
            links = [i.id for i, _ in citing if i.id in case.links]
            self.host.select(ents, links)
            self.host.centre_on(ents + links)
        self.mark_clicked.emit(mark.id)

    def _show_selection(self) -> None:
        chosen = set(self.host.selected_entity_ids()) | set(self.host.selected_link_ids())
        marks, bars = self.drawn.marks, self._bar_rows
        selected = np.zeros(len(bars), dtype=bool)
        if chosen:
            selected = np.fromiter((marks[i].id in chosen for i in bars), dtype=bool, count=len(bars))
        self.bars.set_selected(selected)

    def _on_changed(self, event: ChangeEvent) -> None:
        touched = touched_ids(self.host.case, event)
        if touched is not None and not touched:
            return  # nothing the timeline shows (a move, a note, a citation...)
        if touched is None or self._touched is None or len(self._touched) + len(touched) > PATCH_LIMIT:
            self._touched = None
        else:
            self._touched |= touched
        self._dirty.start()
