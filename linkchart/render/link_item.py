"""A link: a line or arc between two cards, arrowheads for its direction, a label that reads along it.

Geometry (path, arrowheads, label placement) is computed in
:meth:`LinkItem.update_geometry`, which the scene calls only when an end card
moves or resizes or the link's place among parallel links changes. Several
links between one pair are arcs bent by ``offset`` pixels either side of the
straight line, measured against a normal that depends only on the pair (not on
each link's direction), so a->b and b->a links never land on top of each other.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen, QPolygonF, QTransform
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QStyleOptionGraphicsItem, QWidget

from linkchart.model import Link
from linkchart.render.card_item import CardItem, hover_enter, hover_leave
from linkchart.render.link_layer import link_pen
from linkchart.render.style import ChartStyle

ARROW_LENGTH = 11.0
ARROW_HALF_WIDTH = 4.8
GAP = 2.0  # between a card's edge and the arrow tip
PEN_WIDTH = 1.5
LABEL_LOD = 0.5  # link labels are smaller than card labels, so they go sooner when zooming out
SMOOTH_LOD = 0.3
# Dash patterns are in pen widths, for flat caps (see link_layer: round caps are several times slower).
DASHES = {"probable": [6.0, 2.5], "possible": [1.2, 1.8]}
FORWARD_MARK, BACKWARD_MARK = "\u25b8", "\u25c2"  # small triangles showing which way to read


class LinkItem(QGraphicsPathItem):
    """One link on the chart; ``link_id`` ties it to the model.

    A path item whose (never drawn) path is the line plus arrowheads plus label box,
    stroked 10 px wide by an invisible pen: Qt then does bounds and hit tests in C++.
    On a chart the scene's :class:`LinkLayer` paints it (``layer`` is set and the item
    has no contents of its own); ``paint()`` serves exports, which paint item by item.
    """

    Type = QGraphicsItem.UserType + 2

    def __init__(self, link: Link, source: CardItem, target: CardItem, label: str, style: ChartStyle) -> None:
        super().__init__()
        self.layer = None  # first: setting flags below already calls itemChange
        self.layer_index = -1
        self.setPen(_HIT_PEN)
        self.link_id = link.id
        self.source_card = source
        self.target_card = target
        self.style = style
        self.offset = 0.0
        self.hovered = False
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        # exposedRect lets paint() skip what lies off screen: long links cross views they barely touch.
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self.setAcceptHoverEvents(True)
        self.setZValue(0)
        self._path = QPainterPath()
        self._arrows: list[QPolygonF] = []
        self._label_transform = QTransform()
        self._label_rect = QRectF()
        self.display_text = ""
        self.label_reversed = False
        self.describe: Callable[[], str] = lambda: ""  # the scene supplies the tooltip text
        self._tips = (math.nan,) * 4
        self.set_link(link, label)

    def type(self) -> int:
        return LinkItem.Type

    # ------------------------------------------------------------ model in
    def set_link(self, link: Link, label: str) -> None:
        """Take the link's look (label, direction, strength, sources) and re-place it."""
        self.label = label
        self.direction = link.direction
        self.strength = link.strength
        self.grading = link.grading
        self.unsourced = not link.citations
        self.canonical_flip = link.source > link.target
        self._measure_texts()
        self.update_geometry()

    def set_ends(self, source: CardItem, target: CardItem, flip: bool) -> None:
        self.source_card, self.target_card, self.canonical_flip = source, target, flip
        self.update_geometry()

    def set_offset(self, offset: float) -> None:
        if offset != self.offset:
            self.offset = offset
            self.update_geometry()

    def set_style(self, style: ChartStyle) -> None:
        self.style = style
        self._measure_texts()
        self.update_geometry()

    # ------------------------------------------------------------ geometry
    def update_geometry(self) -> None:
        """Recompute the cached path, arrowheads and label placement from the end cards.

        Plain float arithmetic: this runs for every link when a chart opens and for
        every attached link on each step of a drag.
        """
        self.prepareGeometryChange()
        if self.source_card is self.target_card:
            start, control, end, control2 = self._loop()
            head_from = control2
        else:
            start, control, end = self._arc()
            control2 = None
            head_from = control
        self._arrows = []
        line_start, line_end = start, end
        tips = [math.nan] * 4
        if self.direction in ("forward", "both"):
            tips[0:2] = end
            ux, uy = _unit(end[0] - head_from[0], end[1] - head_from[1])
            self._arrows.append(_arrowhead(end, ux, uy))
            line_end = (end[0] - ux * (ARROW_LENGTH - 1), end[1] - uy * (ARROW_LENGTH - 1))
        if self.direction == "both":
            tips[2:4] = start
            ux, uy = _unit(start[0] - control[0], start[1] - control[1])
            self._arrows.append(_arrowhead(start, ux, uy))
            line_start = (start[0] - ux * (ARROW_LENGTH - 1), start[1] - uy * (ARROW_LENGTH - 1))
        path = QPainterPath(QPointF(*line_start))
        if control2 is not None:
            path.cubicTo(QPointF(*control), QPointF(*control2), QPointF(*line_end))
            self._straight = None
        elif self.offset:
            path.quadTo(QPointF(*control), QPointF(*line_end))
            self._straight = None
        else:
            path.lineTo(QPointF(*line_end))
            self._straight = QLineF(line_start[0], line_start[1], line_end[0], line_end[1])
        self._path = path
        self._place_label(start, control, end, control2)
        self._label_bounds = self._label_transform.mapRect(self._label_rect)
        hit = QPainterPath(path)
        if not self._label_rect.isEmpty():
            hit.addPolygon(self._label_transform.map(QPolygonF(self._label_rect)))
        for arrow in self._arrows:
            hit.addPolygon(arrow)
        self.setPath(hit)
        self._tips = tuple(tips)
        bounds = hit.controlPointRect()  # contains the curve; cheaper than stroking the hit path
        self._box = (bounds.left() - 5, bounds.top() - 5, bounds.right() + 5, bounds.bottom() + 5)
        if self.layer is not None:
            self.layer.refresh(self)

    def _arc(self) -> tuple[tuple[float, float], tuple[float, float], tuple[float, float]]:
        a, b = self.source_card, self.target_card
        x1, y1, x2, y2 = a.x(), a.y(), b.x(), b.y()
        bx, by = (x1 - x2, y1 - y2) if self.canonical_flip else (x2 - x1, y2 - y1)
        length = math.hypot(bx, by) or 1.0
        bend = 2 * self.offset / length
        control = ((x1 + x2) / 2 - by * bend, (y1 + y2) / 2 + bx * bend)
        start = _exit_point(a, control if self.offset else (x2, y2))
        end = _exit_point(b, control if self.offset else (x1, y1))
        if not self.offset:
            control = ((start[0] + end[0]) / 2, (start[1] + end[1]) / 2)
        return start, control, end

    def _loop(self) -> tuple[tuple[float, float], ...]:
        """A link from a card to itself: a loop above the card, taller for each parallel one."""
        card = self.source_card
        x, top = card.x(), card.y() - card.half_height - GAP
        height = 46 + abs(self.offset) * 1.5
        start, end = (x + 14, top), (x - 14, top)
        return start, (start[0] + 34, top - height), end, (end[0] - 34, top - height)

    def _place_label(self, start, control, end, control2) -> None:
        if control2 is not None:
            mx = (start[0] + end[0]) * 0.125 + (control[0] + control2[0]) * 0.375
            my = (start[1] + end[1]) * 0.125 + (control[1] + control2[1]) * 0.375
        else:
            mx = start[0] * 0.25 + control[0] * 0.5 + end[0] * 0.25
            my = start[1] * 0.25 + control[1] * 0.5 + end[1] * 0.25
        angle = math.degrees(math.atan2(end[1] - start[1], end[0] - start[0]))
        self.label_reversed = angle > 90.5 or angle < -89.5
        if self.label_reversed:
            angle += 180.0
        self._wording, self._wording_width, width = self._texts[self.label_reversed]
        self.display_text = self._wording + self._grading_text
        self._label_rect = QRectF(-width / 2, -self._text_height / 2, width, self._text_height) if self.display_text else QRectF()
        self._label_transform = QTransform().translate(mx, my).rotate(angle)
        self._label_point = (mx, my)
        self._label_room = math.hypot(end[0] - start[0], end[1] - start[1])

    def _measure_texts(self) -> None:
        """Both readings of the label (left-to-right and turned round) and their widths, once per change.

        Kept per style: a chart has thousands of links but only a few distinct labels.
        """
        self._grading_text = f"  {self.grading}" if self.grading and self.label else self.grading
        key = ("link-texts", self.label, self.direction, self.grading, self.unsourced)
        cached = self.style._metrics.get(key)
        if cached is None:
            cached = self.style._metrics[key] = self._measure(self.style.metrics(self.style.link_font))
        self._texts, self._text_height = cached

    def _measure(self, fm) -> tuple[dict, float]:
        texts = {}
        for reversed_ in (False, True):
            text = self.label
            if self.direction == "forward" and text:
                text = f"{BACKWARD_MARK} {text}" if reversed_ else f"{text} {FORWARD_MARK}"
            full = fm.horizontalAdvance(text + self._grading_text) + (10 if self.unsourced else 0) + 8
            texts[reversed_] = (text, fm.horizontalAdvance(text), full)
        return texts, fm.height() + 2

    def label_center(self) -> QPointF:
        """Where the label sits, in item (= scene) coordinates."""
        return self._label_transform.map(QPointF(0, 0))

    def line_path(self) -> QPainterPath:
        """The drawn line (without arrowheads or label), in scene coordinates."""
        return QPainterPath(self._path)

    def arrow_tips(self) -> tuple[float, float, float, float]:
        """End arrow tip x, y, then start arrow tip x, y; NaN where there is no arrowhead."""
        return self._tips

    def arrows(self) -> list[QPolygonF]:
        return self._arrows

    def label_point(self) -> tuple[float, float]:
        return self._label_point

    def label_bounds(self) -> QRectF:
        """The label's axis-aligned box in scene coordinates."""
        return self._label_bounds

    def paint_label_if_room(self, painter: QPainter, colour) -> None:
        """The label, if the link is long enough to carry it (the layer calls this for labels on screen)."""
        if self.display_text and self._label_room > 24:
            self._paint_label(painter, colour)

    # ---------------------------------------------------------------- paint
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        lod = painter.worldTransform().m11()  # chart views scale and pan, never rotate
        selected = self.isSelected()
        style = self.style
        if lod < SMOOTH_LOD:
            # Zoomed out, a chart is thousands of these: a hairline, nothing else, as cheaply as possible.
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.setPen(style.hairline(selected))
            if self._straight is not None:
                painter.drawLine(self._straight)
            else:
                painter.drawPath(self._path)
            return
        colour = style.selection if selected else style.link
        pen = link_pen(style, self.strength, 2 if selected else 1 if self.hovered else 0, PEN_WIDTH, DASHES)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, lod >= SMOOTH_LOD)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        exposed = option.exposedRect
        if self._straight is not None and not exposed.isEmpty():
            # Draw only the part on screen, keeping the dash pattern where it would be.
            part = _clip(self._straight, exposed.adjusted(-8, -8, 8, 8))
            if part is not None:
                if self.strength in DASHES:  # (an offset turns a solid pen into an empty dash pattern)
                    pen.setDashOffset(QLineF(self._straight.p1(), part.p1()).length() / pen.widthF())
                painter.setPen(pen)
                painter.drawLine(part)
        else:
            painter.setPen(pen)
            painter.drawPath(self._path)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        for arrow in self._arrows:
            painter.drawPolygon(arrow)
        visible_label = exposed.isEmpty() or self._label_bounds.intersects(exposed)
        if lod >= LABEL_LOD and self.display_text and self._label_room > 24 and visible_label:
            self._paint_label(painter, colour)

    def _paint_label(self, painter: QPainter, colour) -> None:
        painter.save()
        painter.setTransform(self._label_transform, True)
        rect = self._label_rect
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.style.label_background)
        painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        painter.setPen(colour if colour != self.style.link else self.style.text)
        painter.setFont(self.style.link_font)
        text_rect = rect.adjusted(4, 0, -(14 if self.unsourced else 4), 0)
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(text_rect, flags, self._wording)
        if self._grading_text:
            # The grading is there for the careful reader, not to compete with the wording.
            painter.setPen(self.style.muted)
            painter.drawText(text_rect.adjusted(self._wording_width, 0, 0, 0), flags, self._grading_text)
        if self.unsourced:
            painter.setPen(QPen(self.style.unsourced, 1.4))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QRectF(rect.right() - 11, -3, 6, 6))
        painter.restore()

    def tool_tip(self) -> str:
        return self.describe()

    def hoverEnterEvent(self, event) -> None:
        hover_enter(self)
        if self.layer is not None:
            self.layer.refresh(self)

    def hoverLeaveEvent(self, event) -> None:
        hover_leave(self)
        if self.layer is not None:
            self.layer.refresh(self)


_HIT_PEN = QPen(Qt.GlobalColor.transparent, 10)  # sets the clickable width; paint() never uses it


def _clip(line: QLineF, rect: QRectF) -> QLineF | None:
    """The part of *line* inside *rect* (Liang-Barsky), or None when it misses the rect."""
    x0, y0, dx, dy = line.x1(), line.y1(), line.dx(), line.dy()
    low, high = 0.0, 1.0
    for p, q in ((-dx, x0 - rect.left()), (dx, rect.right() - x0), (-dy, y0 - rect.top()), (dy, rect.bottom() - y0)):
        if abs(p) < 1e-12:
            if q < 0:
                return None
            continue
        t = q / p
        if p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low > high:
            return None
    return QLineF(x0 + low * dx, y0 + low * dy, x0 + high * dx, y0 + high * dy)


def _unit(dx: float, dy: float) -> tuple[float, float]:
    length = math.hypot(dx, dy)
    return (dx / length, dy / length) if length > 1e-9 else (1.0, 0.0)


def _arrowhead(tip: tuple[float, float], ux: float, uy: float) -> QPolygonF:
    """A slightly notched arrowhead whose point is *tip*, pointing along (ux, uy)."""
    tx, ty = tip
    bx, by = tx - ux * ARROW_LENGTH, ty - uy * ARROW_LENGTH
    nx, ny = -uy * ARROW_HALF_WIDTH, ux * ARROW_HALF_WIDTH
    return QPolygonF([QPointF(tx, ty), QPointF(bx + nx, by + ny), QPointF(bx + ux * 1.5, by + uy * 1.5), QPointF(bx - nx, by - ny)])


def _exit_point(card: CardItem, toward: tuple[float, float]) -> tuple[float, float]:
    """Where the line from the card's centre toward *toward* leaves the card, plus a small gap."""
    cx, cy = card.x(), card.y()
    dx, dy = toward[0] - cx, toward[1] - cy
    adx, ady = abs(dx), abs(dy)
    if adx < 1e-9 and ady < 1e-9:
        return cx, cy
    t = min((card.half_width + GAP) / adx if adx > 1e-9 else math.inf, (card.half_height + GAP) / ady if ady > 1e-9 else math.inf)
    t = min(t, 1.0)
    return cx + dx * t, cy + dy * t
