"""One item that paints every link of the chart, batched by look and culled with numpy.

A chart of 10,000 cards has some 20,000 links, and at 1:1 a thousand long
ones cross any view. Painted one item at a time that is 5,000 Python
``paint()`` calls a frame (every link whose bounding box touches the view)
and a thousand separate antialiased strokes. Here the links stay
:class:`LinkItem` objects for selection, hover, hit tests, tooltips and
export, but they paint nothing on the chart (``ItemHasNoContents``); this
layer keeps their geometry in arrays and draws, per frame, only the parts on
screen: straight lines clipped to the view and drawn with one ``drawLines``
per look, arrowheads whose tip is on screen, labels whose centre is.

Flat caps, not round: Qt strokes a 1.5 px line with round caps several times
slower, and dashes or dots multiply it (measured: 1,000 long dotted lines
take 810 ms round, 65 ms flat).
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from linkchart.render.arrays import draw_segments
from linkchart.render.style import ChartStyle

STRENGTHS = ("confirmed", "probable", "possible")
DIM_OPACITY = 0.18
_LABEL_MARGIN = 120.0  # a label is at most this far (scene px) from its centre
_ARROW_MARGIN = 14.0
_CELL = 64.0  # grid cell (scene px) for finding labels that overlap
HAIRLINE_COVER = 5.0  # hairlines may cover the view this many times over (see _within_budget)
DENSE_LINKS = 600  # links near the view above which plain lines are drawn without antialiasing


def link_pen(style: ChartStyle, strength: str, emphasis: int, width: float, dashes: dict) -> QPen:
    """The pen of a link line: *emphasis* 0 plain, 1 hovered, 2 selected."""
    colour = style.selection if emphasis == 2 else style.link
    pen = QPen(colour, width + (1.0 if emphasis else 0.0))
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    if strength in dashes:
        pen.setDashPattern(dashes[strength])
    return pen


class LinkLayer(QGraphicsItem):
    """Paints the links registered with :meth:`add`; items call :meth:`refresh` when their look changes."""

    def __init__(self, style: ChartStyle, pen_width: float, dashes: dict, label_lod: float, smooth_lod: float) -> None:
        super().__init__()
        self.style = style
        self._width, self._dashes = pen_width, dashes
        self._label_lod, self._smooth_lod = label_lod, smooth_lod
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(False)
        self.setZValue(0)
        self._items: list = []
        self._free: list[int] = []
        cap = 64
        self._line = np.full((cap, 4), np.nan)  # straight part, start and end; NaN for arcs and loops
        self._box = np.full((cap, 4), np.nan)  # left, top, right, bottom of everything the link draws
        self._tips = np.full((cap, 4), np.nan)  # end arrow tip, start arrow tip (NaN if none)
        self._label = np.full((cap, 2), np.nan)  # label centre (NaN if no label)
        self._key = np.zeros(cap, dtype=np.int16)  # strength + 3 * emphasis
        self._shown = np.zeros(cap, dtype=bool)
        self._dim = np.zeros(cap, dtype=bool)
        self._bounds = QRectF()
        self._pens: dict = {}
        self.moving = False  # the view is panning or zooming: draw cheaply until it settles

    # ------------------------------------------------------------ registry
    def add(self, item, refresh: bool = True) -> None:
        """Paint *item* from now on; with ``refresh=False`` the caller places it (and so refreshes) later."""
        if self._free:
            index = self._free.pop()
            self._items[index] = item
        else:
            index = len(self._items)
            if index == len(self._key):
                self._grow()
            self._items.append(item)
        item.layer, item.layer_index = self, index
        item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, True)
        if refresh:
            self.refresh(item)

    def remove(self, item) -> None:
        index = item.layer_index
        if index < 0 or self._items[index] is not item:
            return
        self.update(self._box_rect(index))
        self._items[index] = None
        self._shown[index] = False
        self._box[index] = np.nan
        self._free.append(index)
        item.layer, item.layer_index = None, -1
        item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, False)

    def clear(self) -> None:
        for item in self._items:
            if item is not None:
                item.layer, item.layer_index = None, -1
        self._items, self._free = [], []
        self._shown[:] = False
        self.prepareGeometryChange()
        self._bounds = QRectF()

    def set_style(self, style: ChartStyle) -> None:
        self.style = style
        self._pens.clear()
        self.update()

    def _grow(self) -> None:
        cap = len(self._key) * 2
        for name in ("_line", "_box", "_tips", "_label"):
            old = getattr(self, name)
            new = np.full((cap, old.shape[1]), np.nan)
            new[: len(old)] = old
            setattr(self, name, new)
        for name in ("_key", "_shown", "_dim"):
            old = getattr(self, name)
            new = np.zeros(cap, dtype=old.dtype)
            new[: len(old)] = old
            setattr(self, name, new)

    def refresh(self, item) -> None:
        """Copy *item*'s geometry and look into the arrays and repaint where it was and is."""
        i = item.layer_index
        old = self._box_rect(i) if self._shown[i] else QRectF()
        self._line[i] = item._line
        self._box[i] = item._box
        box = self._box_rect(i)
        self._tips[i] = item.arrow_tips()
        self._label[i] = item.label_point() if item.display_text else (math.nan, math.nan)
        self._key[i], self._shown[i], self._dim[i] = _state(item)
        self._grow_bounds(box)
        self.update(old.united(box))

    def refresh_many(self, items: list, states: bool = True, geometry: tuple | None = None) -> None:
        """:meth:`refresh` for many items at once (after a bulk placement), repainting the whole layer.

        ``states=False`` copies geometry only: after a move, selection and looks are as they were.
        *geometry*, if the caller has it in arrays already: line, box, tips and label rows of the items.
        """
        if len(items) < 8:
            for item in items:
                self.refresh(item)
            return
        index = np.fromiter((item.layer_index for item in items), dtype=np.intp, count=len(items))
        if geometry is not None:
            self._line[index], self._box[index], self._tips[index], self._label[index] = geometry
        else:
            self._line[index] = [item._line for item in items]
            self._box[index] = [item._box for item in items]
            self._tips[index] = [item._tips for item in items]
            self._label[index] = [item._label_point if item.display_text else (math.nan, math.nan) for item in items]
        if states:
            rows = [_state(item) for item in items]
            self._key[index] = [row[0] for row in rows]
            self._shown[index] = [row[1] for row in rows]
            self._dim[index] = [row[2] for row in rows]
        boxes = self._box[index]
        if not np.isnan(boxes[:, 0]).all():
            left, top = float(np.nanmin(boxes[:, 0])), float(np.nanmin(boxes[:, 1]))
            self._grow_bounds(QRectF(left, top, float(np.nanmax(boxes[:, 2])) - left, float(np.nanmax(boxes[:, 3])) - top))
        self.update()

    def shift(self, index: np.ndarray, dx: float, dy: float) -> None:
        """Move the links at *index* by (dx, dy) (see LinkItem.shift); NaN rows stay NaN."""
        if not len(index):
            return
        step = np.array([dx, dy, dx, dy])
        self._line[index] += step
        self._box[index] += step
        self._tips[index] += step
        self._label[index] += step[:2]
        self._grow_bounds(self._bounds.translated(dx, dy))
        self.update()

    def _grow_bounds(self, box: QRectF) -> None:
        if not self._bounds.contains(box):
            self.prepareGeometryChange()
            self._bounds = self._bounds.united(box) if not self._bounds.isNull() else QRectF(box)

    def refresh_states(self, items=None) -> None:
        """Re-read selection, visibility and opacity of *items* (default: all) after a bulk change."""
        for item in self._items if items is None else items:
            if item is None or item.layer is not self:
                continue
            i = item.layer_index
            emphasis = 2 if item.isSelected() else 1 if item.hovered else 0
            self._key[i] = self._key[i] % 3 + 3 * emphasis
            self._shown[i] = item.isVisible()
            self._dim[i] = item.opacity() < 0.99
        self.update()

    def _box_rect(self, i: int) -> QRectF:
        left, top, right, bottom = self._box[i]
        return QRectF(left, top, right - left, bottom - top) if not math.isnan(left) else QRectF()

    def tighten(self) -> None:
        """Shrink the layer's bounds to its links' boxes (they only grow while links change)."""
        boxes = self._box[: len(self._items)]
        if np.isnan(boxes[:, 0]).all():
            tight = QRectF()
        else:
            left, top = float(np.nanmin(boxes[:, 0])), float(np.nanmin(boxes[:, 1]))
            tight = QRectF(left, top, float(np.nanmax(boxes[:, 2])) - left, float(np.nanmax(boxes[:, 3])) - top)
        if tight != self._bounds:
            self.prepareGeometryChange()
            self._bounds = tight

    # ------------------------------------------------------------ QGraphicsItem
    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        return QPainterPath()  # never under the mouse: the link items themselves are hit

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        n = len(self._items)
        if not n:
            return
        lod = painter.worldTransform().m11()
        exposed = option.exposedRect
        if exposed.isEmpty():
            exposed = self._bounds
        left, top, right, bottom = exposed.left() - 8, exposed.top() - 8, exposed.right() + 8, exposed.bottom() + 8
        box = self._box[:n]
        near = self._shown[:n] & (box[:, 0] <= right) & (box[:, 2] >= left) & (box[:, 1] <= bottom) & (box[:, 3] >= top)
        painter.save()
        try:
            if lod < self._smooth_lod or self.moving:
                chosen = np.flatnonzero(near)
                if self.moving:
                    chosen = self._within_budget(chosen, (left, top, right, bottom), lod)
                self._paint_hairlines(painter, chosen, (left, top, right, bottom) if self.moving else None)
            else:
                self._paint_full(painter, np.flatnonzero(near), (left, top, right, bottom), lod)
        finally:
            painter.restore()

    # ------------------------------------------------------------ painting
    def _groups(self, indices: np.ndarray):
        """(dim, key, indices) groups, dimmed ones first so plain ones draw over them."""
        dims = self._dim[indices]
        keys = self._key[indices]
        for dim in (True, False):
            chosen = indices[dims == dim]
            if not len(chosen):
                continue
            chosen_keys = keys[dims == dim]
            for key in np.unique(chosen_keys):
                yield dim, int(key), chosen[chosen_keys == key]

    def _within_budget(self, indices: np.ndarray, rect: tuple, lod: float) -> np.ndarray:
        """The links to draw while the view moves: all, unless together they would cover it many times over.

        Then the longest plain ones are left out (selected and hovered ones never): far out on a
        chart of 100,000 cards, 200,000 long lines paint much the same solid grey as 20,000 do, at
        ten times the cost (measured: 0.58 s a frame, 0.07 s within the budget). Only while moving:
        where lines are rarer than that, leaving out the longest would thin one region of the
        picture, so the still frame that follows draws them all.
        """
        budget = HAIRLINE_COVER * (rect[2] - rect[0]) * (rect[3] - rect[1]) * lod  # in scene px of line
        lines = self._line[indices]
        box = self._box[indices]
        diagonal = math.hypot(rect[2] - rect[0], rect[3] - rect[1])
        straight = np.hypot(lines[:, 2] - lines[:, 0], lines[:, 3] - lines[:, 1])
        # Arcs and loops are few and short: their box's diagonal is length enough.
        length = np.where(np.isnan(straight), np.hypot(box[:, 2] - box[:, 0], box[:, 3] - box[:, 1]), straight)
        length = np.minimum(length, diagonal)
        if length.sum() <= budget:
            return indices
        emphasised = self._key[indices] >= 3
        order = np.argsort(np.where(emphasised, -1.0, length), kind="stable")
        keep = np.cumsum(length[order]) <= budget
        keep[: int(emphasised.sum())] = True
        return np.sort(indices[order[keep]])

    def _paint_hairlines(self, painter: QPainter, indices: np.ndarray, rect: tuple | None) -> None:
        # Zoomed far out or moving: one-pixel opaque lines, no labels, no antialiasing; arrowheads only up close.
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        groups = list(self._groups(indices))
        for dim, key, chosen in groups:
            painter.setOpacity(DIM_OPACITY if dim else 1.0)
            painter.setPen(self.style.hairline(key // 3 == 2))
            self._draw_lines(painter, chosen, rect)
        if rect is not None and painter.worldTransform().m11() >= self._smooth_lod:
            self._paint_arrows(painter, groups, rect)

    def _paint_full(self, painter: QPainter, indices: np.ndarray, rect: tuple, lod: float) -> None:
        # Where hundreds of links cross the view, smoothing them costs most of the frame (measured:
        # 1,400 long 1 px lines take 25-50 ms antialiased, 7 ms not) and shows nothing in the tangle;
        # selected and hovered links stay smooth.
        dense = len(indices) > DENSE_LINKS
        painter.setBrush(Qt.BrushStyle.NoBrush)
        groups = list(self._groups(indices))
        for dim, key, chosen in groups:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, not dense or key >= 3)
            painter.setOpacity(DIM_OPACITY if dim else 1.0)
            pen = self._pen(key, lod)
            painter.setPen(pen)
            self._draw_lines(painter, chosen, rect, pen, lod)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self._paint_arrows(painter, groups, rect)
        if lod >= self._label_lod:
            self._paint_labels(painter, groups, rect)

    def _pen(self, key: int, lod: float) -> QPen:
        # Up to 1:1 a plain line is at most 1.5 device pixels wide; drawn exactly one pixel wide it
        # takes Qt's cosmetic fast path, about four times quicker, and looks the same.
        thin = key < 3 and lod <= 1.0
        pen = self._pens.get((key, thin))
        if pen is None:
            pen = link_pen(self.style, STRENGTHS[key % 3], key // 3, self._width, self._dashes)
            if thin:
                pen.setCosmetic(True)
                pen.setWidthF(1.0)
                if pen.style() != Qt.PenStyle.SolidLine:
                    pen.setDashPattern([d * self._width for d in pen.dashPattern()])
            self._pens[(key, thin)] = pen
        return pen

    def _draw_lines(self, painter: QPainter, chosen: np.ndarray, rect: tuple | None, pen: QPen | None = None, lod: float = 1.0) -> None:
        lines = self._line[chosen]
        straight = ~np.isnan(lines[:, 0])
        if rect is not None and straight.any():
            period = 0.0
            if pen is not None and pen.style() != Qt.PenStyle.SolidLine:
                period = sum(pen.dashPattern()) * pen.widthF() / (lod if pen.isCosmetic() else 1.0)
            segments = _clip_lines(lines[straight], rect, period)
        else:
            segments = lines[straight]
        if len(segments):
            draw_segments(painter, segments)
        for index in chosen[~straight].tolist():
            painter.drawPath(self._items[index].line_path())

    def _paint_arrows(self, painter: QPainter, groups: list, rect: tuple) -> None:
        left, top, right, bottom = rect[0] - _ARROW_MARGIN, rect[1] - _ARROW_MARGIN, rect[2] + _ARROW_MARGIN, rect[3] + _ARROW_MARGIN
        painter.setPen(Qt.PenStyle.NoPen)
        for dim, key, chosen in groups:
            tips = self._tips[chosen]
            on_screen = np.zeros(len(chosen), dtype=bool)
            for col in (0, 2):
                x, y = tips[:, col], tips[:, col + 1]
                on_screen |= (x >= left) & (x <= right) & (y >= top) & (y <= bottom)
            if not on_screen.any():
                continue
            painter.setOpacity(DIM_OPACITY if dim else 1.0)
            painter.setBrush(self.style.selection if key // 3 == 2 else self.style.link)
            for index in chosen[on_screen].tolist():
                for arrow in self._items[index].arrows():
                    painter.drawPolygon(arrow)

    def _paint_labels(self, painter: QPainter, groups: list, rect: tuple) -> None:
        """Labels on screen, selected and hovered first; a label that would cover one already drawn is left out.

        Where dozens of links cross, overlapping labels are unreadable anyway; hovering or
        selecting a link always shows its own.
        """
        left, top, right, bottom = rect[0] - _LABEL_MARGIN, rect[1] - _LABEL_MARGIN, rect[2] + _LABEL_MARGIN, rect[3] + _LABEL_MARGIN
        wanted = []
        for dim, key, chosen in groups:
            centres = self._label[chosen]
            x, y = centres[:, 0], centres[:, 1]
            on_screen = (x >= left) & (x <= right) & (y >= top) & (y <= bottom)
            wanted.extend((-(key // 3), index, dim, key) for index in chosen[on_screen].tolist())
        wanted.sort()
        taken: dict[tuple[int, int], list[QRectF]] = {}
        opacity = None
        for _rank, index, dim, key in wanted:
            item = self._items[index]
            box = item.label_bounds()
            box = box.adjusted(box.width() * 0.15, box.height() * 0.15, -box.width() * 0.15, -box.height() * 0.15)
            cells = [(cx, cy) for cx in range(int(box.left() // _CELL), int(box.right() // _CELL) + 1) for cy in range(int(box.top() // _CELL), int(box.bottom() // _CELL) + 1)]
            if key < 3 and any(box.intersects(other) for cell in cells for other in taken.get(cell, ())):
                continue
            for cell in cells:
                taken.setdefault(cell, []).append(box)
            if dim != opacity:
                opacity = dim
                painter.setOpacity(DIM_OPACITY if dim else 1.0)
            item.paint_label_if_room(painter, self.style.selection if key // 3 == 2 else self.style.link, from_picture=True)


def _state(item) -> tuple[int, bool, bool]:
    """The layer's key (strength + 3 * emphasis), shown and dimmed flags for *item*."""
    emphasis = 2 if item.isSelected() else 1 if item.hovered else 0
    key = STRENGTHS.index(item.strength) + 3 * emphasis if item.strength in STRENGTHS else 3 * emphasis
    return key, item.isVisible(), item.opacity() < 0.99


def _clip_lines(lines: np.ndarray, rect: tuple, period: float) -> np.ndarray:
    """The parts of the segments inside *rect* (vectorised Liang-Barsky); those that miss are dropped.

    With a dash *period* (scene px), a cut start is moved back to a whole number of
    periods from the line's own start, so dashes stay put while the view pans.
    """
    left, top, right, bottom = rect
    x0, y0 = lines[:, 0], lines[:, 1]
    dx, dy = lines[:, 2] - x0, lines[:, 3] - y0
    low = np.zeros(len(lines))
    high = np.ones(len(lines))
    keep = np.ones(len(lines), dtype=bool)
    with np.errstate(divide="ignore", invalid="ignore"):
        for p, q in ((-dx, x0 - left), (dx, right - x0), (-dy, y0 - top), (dy, bottom - y0)):
            flat = np.abs(p) < 1e-12
            keep &= ~(flat & (q < 0))
            t = np.where(flat, 0.0, q / np.where(flat, 1.0, p))
            low = np.where(~flat & (p < 0), np.maximum(low, t), low)
            high = np.where(~flat & (p > 0), np.minimum(high, t), high)
    keep &= low <= high
    if period > 0:
        length = np.hypot(dx, dy)
        with np.errstate(divide="ignore", invalid="ignore"):
            snapped = np.floor(low * length / period) * period / np.where(length > 0, length, 1.0)
        low = np.clip(snapped, 0.0, 1.0)
    out = np.stack([x0 + low * dx, y0 + low * dy, x0 + high * dx, y0 + high * dy], axis=1)
    return out[keep]
