"""One item that paints every card as a coloured block when the chart is zoomed far out.

Below ``BLOCK_LOD`` a card is a few pixels wide and its own ``paint()`` only
fills a rectangle, yet calling it from Python for 10,000 or 100,000 cards
costs more than the frame budget. In overview mode the scene marks the cards
``ItemHasNoContents`` (they stay selectable and hit-testable) and this layer
draws them from arrays, culled to the view, one ``drawRects`` per colour.
The arrays are rebuilt lazily, after the scene reports a change.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from linkchart.render.arrays import draw_rects
from linkchart.render.style import ChartStyle

DIM_OPACITY = 0.18


class CardLayer(QGraphicsItem):
    """Paints ``cards`` (a mapping id -> CardItem) as blocks while ``active``."""

    def __init__(self, cards: dict, style: ChartStyle) -> None:
        super().__init__()
        self._cards = cards
        self.style = style
        self.active = False
        self._dirty = True
        self._rects = np.zeros((0, 4))
        self._colour = np.zeros(0, dtype=np.int32)
        self._palette: list[QColor] = []
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(1)

    def set_active(self, active: bool) -> None:
        """Switch overview mode: the layer draws the cards, or the cards draw themselves."""
        if active == self.active:
            return
        self.active = active
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, not active)
        flag = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
        for card in self._cards.values():
            card.setFlag(flag, active)
        self.update()  # the arrays follow every change while inactive too (see mark_dirty)

    def set_style(self, style: ChartStyle) -> None:
        self.style = style
        self.mark_dirty()

    def mark_dirty(self) -> None:
        """Cards moved, appeared, went or changed look: rebuild the arrays before the next paint."""
        self._dirty = True
        if self.active:
            self.update()

    def scene_rect_changed(self) -> None:
        self.prepareGeometryChange()

    def _rebuild(self) -> None:
        # One row per shown card: left, top, width, height (a QRectF's memory layout), and a palette index.
        cards = [c for c in self._cards.values() if c.isVisible()]
        rects = np.empty((len(cards), 4))
        colours = np.empty(len(cards), dtype=np.int32)
        palette: dict[int, int] = {}
        self._palette = []
        for row, card in enumerate(cards):
            pos = card.pos()
            hw, hh = card.half_width, card.half_height
            rects[row] = (pos.x() - hw, pos.y() - hh, 2 * hw, 2 * hh)
            if card.isSelected():
                colour = self.style.selection
            else:
                colour = card.type_colour
            if card.opacity() < 0.99:
                colour = QColor(colour)
                colour.setAlphaF(DIM_OPACITY)
            rgba = colour.rgba()
            index = palette.get(rgba)
            if index is None:
                index = palette[rgba] = len(self._palette)
                self._palette.append(QColor(colour))
            colours[row] = index
        self._rects, self._colour = rects, colours
        self._dirty = False

    def boundingRect(self) -> QRectF:
        # The scene rect always holds every card; the scene reports when it changes. The layer's
        # bounds therefore never count in ChartScene.items_rect(), which measures the cards.
        scene = self.scene()
        return scene.sceneRect() if self.active and scene is not None else QRectF()

    def shape(self) -> QPainterPath:
        return QPainterPath()  # the cards themselves take the clicks

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if not self.active:
            return
        if self._dirty:
            self._rebuild()
        rects = self._rects
        exposed = option.exposedRect
        if not exposed.isEmpty() and len(rects):
            near = (
                (rects[:, 0] <= exposed.right())
                & (rects[:, 0] + rects[:, 2] >= exposed.left())
                & (rects[:, 1] <= exposed.bottom())
                & (rects[:, 1] + rects[:, 3] >= exposed.top())
            )
            rects, colours = rects[near], self._colour[near]
        else:
            colours = self._colour
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for index in np.unique(colours).tolist():
            painter.setBrush(self._palette[index])
            draw_rects(painter, rects[colours == index])
