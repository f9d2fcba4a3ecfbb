"""The overview (minimap): the whole chart small, the visible part outlined; click or drag to go there.

The chart is drawn into a cached picture, redrawn a moment after the chart stops
changing, so dragging cards on a big chart does not repaint every item twice
(once in the chart, once here) for each mouse move. Requests for a redraw share
one timer, so opening a case (the scene rebuilds, then the window asks for a
prompt redraw) draws the whole chart once; while the dock is closed or a tab
behind another nothing is drawn, and the picture catches up when it comes back.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPen, QTransform
from PySide6.QtWidgets import QDockWidget, QSizePolicy, QWidget

from linkchart.ui.chart_view import ChartView
from linkchart.ui.on_screen import on_screen

REDRAW_DELAY_MS = 250
MARGIN = 40.0


class OverviewView(QWidget):
    """A picture of the whole chart with the chart view's visible area outlined; steers that view."""

    def __init__(self, chart_view: ChartView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overviewView")
        self.chart_view = chart_view
        self.setMinimumSize(120, 90)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._picture = QImage()
        self._to_widget = QTransform()  # scene -> widget for the current picture
        self._stale = True  # the picture does not show the chart as it is now
        self._redraw = QTimer(self)
        self._redraw.setSingleShot(True)
        self._redraw.timeout.connect(self._redraw_if_seen)
        chart_view.chart.mirrored.connect(self.chart_changed)
        chart_view.horizontalScrollBar().valueChanged.connect(self.update)
        chart_view.verticalScrollBar().valueChanged.connect(self.update)
        chart_view.zoom_changed.connect(lambda _z: self.update())

    def sizeHint(self) -> QSize:
        return QSize(180, 140)

    def chart_changed(self) -> None:
        """The chart changed: redraw a moment after it stops changing."""
        self.redraw_soon(REDRAW_DELAY_MS)

    def redraw_soon(self, delay_ms: int = 0) -> None:
        """Redraw within *delay_ms* (or with an earlier request already pending), if the overview is in sight then."""
        self._stale = True
        if not (self._redraw.isActive() and self._redraw.remainingTime() <= delay_ms):
            self._redraw.start(delay_ms)

    def catch_up(self) -> None:
        """Back in sight: redraw now if the chart changed meanwhile."""
        if self._stale:
            self.redraw_soon(0)

    def _redraw_if_seen(self) -> None:
        if on_screen(self):
            self.fit()
        else:
            # Stale until catch_up; drop the old picture so another case's chart never shows meanwhile.
            self._picture = QImage()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.catch_up()  # on_screen is only true once the dock has been laid out, so not at once

    def fit(self) -> None:
        """Redraw the picture of the whole chart at this widget's size, now (and drop any pending redraw)."""
        self._redraw.stop()
        self._stale = False
        scene = self.chart_view.chart
        rect = scene.items_rect().adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)
        size = self.size()
        if rect.isEmpty() or size.isEmpty():
            self._picture = QImage()
            self.update()
            return
        ratio = self.devicePixelRatioF()
        image = QImage(round(size.width() * ratio), round(size.height() * ratio), QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(ratio)
        image.fill(scene.style.background)
        scale = min(size.width() / rect.width(), size.height() / rect.height())
        target = QRectF(0, 0, rect.width() * scale, rect.height() * scale)
        target.moveCenter(QPointF(size.width() / 2, size.height() / 2))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        with scene.drawn_at(scale):
            scene.render(painter, target, rect, Qt.AspectRatioMode.KeepAspectRatio)
        painter.end()
        self._picture = image
        self._to_widget = QTransform().translate(target.left(), target.top()).scale(scale, scale).translate(-rect.left(), -rect.top())
        self.update()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.redraw_soon(REDRAW_DELAY_MS)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.chart_view.chart.style.background)
        if self._picture.isNull():
            return
        painter.drawImage(0, 0, self._picture)
        visible = self._to_widget.mapRect(self.chart_view.visible_scene_rect())
        colour = QColor(self.chart_view.chart.style.selection)
        painter.setPen(QPen(colour, 1.5))
        colour.setAlpha(28)
        painter.setBrush(colour)
        painter.drawRect(visible.intersected(QRectF(self.rect()).adjusted(1, 1, -1, -1)))

    def _steer(self, pos: QPointF) -> None:
        inverse, ok = self._to_widget.inverted()
        if ok and not self._picture.isNull():
            self.chart_view.fit_pending = False
            self.chart_view.centerOn(inverse.map(pos))
            self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._steer(event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._steer(event.position())

    def wheelEvent(self, event) -> None:
        self.chart_view.wheelEvent(event)


class OverviewDock(QDockWidget):
    """Dock (objectName ``overview``) holding the minimap."""

    def __init__(self, chart_view: ChartView, parent: QWidget | None = None) -> None:
        super().__init__("Overview", parent)
        self.setObjectName("overview")
        self.view = OverviewView(chart_view, self)
        self.setWidget(self.view)
        # A tab coming to the front gets no show event.
        self.visibilityChanged.connect(lambda visible: self.view.catch_up() if visible else None)
