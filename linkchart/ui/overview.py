"""The overview (minimap): the whole chart small, the visible part outlined; click or drag to go there."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QDockWidget, QGraphicsView, QWidget

from linkchart.ui.chart_view import ChartView


class OverviewView(QGraphicsView):
    """A second, non-interactive view of the chart scene that steers the main view."""

    def __init__(self, chart_view: ChartView, parent: QWidget | None = None) -> None:
        super().__init__(chart_view.chart, parent)
        self.setObjectName("overviewView")
        self.chart_view = chart_view
        self.setInteractive(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.BoundingRectViewportUpdate)
        self.setMinimumSize(120, 90)
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(150)  # coalesce bursts of scene changes (drags, imports)
        self._refit.timeout.connect(self.fit)
        chart_view.chart.changed.connect(lambda _regions: self._refit.start())
        chart_view.horizontalScrollBar().valueChanged.connect(self.viewport().update)
        chart_view.verticalScrollBar().valueChanged.connect(self.viewport().update)
        chart_view.zoom_changed.connect(lambda _z: self.viewport().update())

    def fit(self) -> None:
        rect = self.chart_view.chart.items_rect()
        if not rect.isEmpty():
            self.fitInView(rect.adjusted(-40, -40, 40, 40), Qt.AspectRatioMode.KeepAspectRatio)
        self.viewport().update()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit()

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        visible = self.chart_view.visible_scene_rect()
        colour = QColor(self.chart_view.chart.style.selection)
        pen = QPen(colour, 0)
        pen.setCosmetic(True)
        pen.setWidthF(1.5)
        painter.setPen(pen)
        colour.setAlpha(28)
        painter.setBrush(colour)
        painter.drawRect(visible)

    def _steer(self, pos: QPointF) -> None:
        self.chart_view.fit_pending = False
        self.chart_view.centerOn(self.mapToScene(pos.toPoint()))
        self.viewport().update()

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
