"""A link: a line or arc between two cards, arrowheads for its direction, a label that reads along it.

Geometry (line, arrowheads, label placement) is computed by link_placing,
which the scene calls only when end cards move or resize or a link's place
among parallel links changes, for all such links at once (straight ones with
numpy, see link_geometry). Items keep it as plain floats and make the Qt
objects that paint needs on first use: a chart has thousands of links and
only those on screen are painted. Several
links between one pair are arcs bent by ``offset`` pixels either side of the
straight line, measured against a normal that depends only on the pair (not on
each link's direction), so a->b and b->a links never land on top of each other.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen, QPolygonF, QTransform
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QStyleOptionGraphicsItem, QWidget

from linkchart.model import Link
from linkchart.render.card_item import CardItem, hover_enter, hover_leave
from linkchart.render.link_geometry import ARROW_HALF_WIDTH, ARROW_LENGTH, GAP, HIT_MARGIN
from linkchart.render.link_label import draw_label, paint_label_picture
from linkchart.render.link_layer import link_pen
from linkchart.render.link_placing import place_links
from linkchart.render.style import ChartStyle

NAN4 = (math.nan,) * 4
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

    def __init__(self, link: Link, source: CardItem, target: CardItem, label: str, style: ChartStyle, place: bool = True) -> None:
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
        # exposedRect lets paint() skip what lies off screen: long links cross views they barely touch.
        self.setFlags(_FLAGS)
        self.setAcceptHoverEvents(True)
        self._line = NAN4  # the drawn straight line; NaN for arcs and loops, whose path is _curve
        self._curve: QPainterPath | None = None
        self._arrow_points: list[Sequence[float]] = []  # per arrowhead: x0, y0, ... x3, y3
        self._arrows: list[QPolygonF] | None = None  # made from _arrow_points when first painted
        self._tips = NAN4
        self._box = NAN4
        self._label_point = (0.0, 0.0)
        self._label_angle = 0.0
        self._label_room = 0.0
        self._label_box = NAN4
        self._label_width = 0.0
        self._shifted = False  # moved as a whole since last placed: the item's pos holds the offset (see shift)
        self.display_text = ""
        self.label_reversed = False
        self.describe: Callable[[], str] = lambda: ""  # the scene supplies the tooltip text
        self.set_link(link, label, place)

    def type(self) -> int:
        return LinkItem.Type

    # ------------------------------------------------------------ model in
    def set_link(self, link: Link, label: str, place: bool = True) -> None:
        """Take the link's look (label, direction, strength, sources); re-place it unless the caller places in bulk."""
        self.label = label
        self.direction = link.direction
        self.strength = link.strength
        self.grading = link.grading
        self.unsourced = not link.citations
        self.canonical_flip = link.source > link.target
        self._measure_texts()
        if place:
            self.update_geometry()

    def set_ends(self, source: CardItem, target: CardItem, flip: bool) -> None:
        self.source_card, self.target_card, self.canonical_flip = source, target, flip
        self.update_geometry()

    def set_offset(self, offset: float, place: bool = True) -> bool:
        """Bend the link *offset* pixels off the straight line; True if that changed anything."""
        if offset == self.offset:
            return False
        self.offset = offset
        if place:
            self.update_geometry()
        return True

    def set_style(self, style: ChartStyle, place: bool = True) -> None:
        self.style = style
        self._measure_texts()
        if place:
            self.update_geometry()

    # ------------------------------------------------------------ geometry
    def update_geometry(self) -> None:
        """Re-place this link from its end cards (see link_placing for many at once)."""
        place_links([self])

    def is_straight(self) -> bool:
        return self.source_card is not self.target_card and not self.offset

    def _has_label(self) -> bool:
        return bool(self.label or self._grading_text)

    def _place_curve(self) -> None:
        """Arcs (parallel links) and loops: a few per chart, placed one at a time."""
        if self.source_card is self.target_card:
            start, control, end, control2 = self._loop()
            head_from = control2
        else:
            start, control, end = self._arc()
            control2 = None
            head_from = control
        arrows, tips = [], [math.nan] * 4
        line_start, line_end = start, end
        if self.direction in ("forward", "both"):
            tips[0:2] = end
            ux, uy = _unit(end[0] - head_from[0], end[1] - head_from[1])
            arrows.append(_arrowhead(end, ux, uy))
            line_end = (end[0] - ux * (ARROW_LENGTH - 1), end[1] - uy * (ARROW_LENGTH - 1))
        if self.direction == "both":
            tips[2:4] = start
            ux, uy = _unit(start[0] - control[0], start[1] - control[1])
            arrows.append(_arrowhead(start, ux, uy))
            line_start = (start[0] - ux * (ARROW_LENGTH - 1), start[1] - uy * (ARROW_LENGTH - 1))
        path = QPainterPath(QPointF(*line_start))
        if control2 is not None:
            path.cubicTo(QPointF(*control), QPointF(*control2), QPointF(*line_end))
        else:
            path.quadTo(QPointF(*control), QPointF(*line_end))
        self._line, self._curve = NAN4, path
        self._place_label(start, control, end, control2)
        corners = self._label_transform.map(QPolygonF(self._label_rect)) if self.display_text else QPolygonF()
        flat = [c for p in list(corners)[:4] for c in (p.x(), p.y())]
        self._set_shape(QPainterPath(path), flat, arrows, tips)
        self._set_boxes(flat)

    def _place_straight(self, line, tips, arrows, point, angle, reversed_, room, corners, box, label_box) -> None:
        """Take the geometry :func:`place_links` computed for this (straight) link.

        The same as _set_shape and _set_boxes do for curves, unrolled: this runs for
        every link when a chart opens and for every moved one on each move.
        """
        self._line, self._curve = line, None
        self._label_point, self._label_angle, self._label_room = point, angle, room
        self.label_reversed = reversed_
        self._wording, self._wording_width, self._label_width = self._texts[reversed_]
        self.display_text = text = self._wording + self._grading_text
        self._tips, self._box = tips, box
        path = QPainterPath()
        path.moveTo(line[0], line[1])
        path.lineTo(line[2], line[3])
        if text:
            self._label_box = label_box
            path.moveTo(corners[0], corners[1])
            path.lineTo(corners[2], corners[3])
            path.lineTo(corners[4], corners[5])
            path.lineTo(corners[6], corners[7])
            path.closeSubpath()
        else:
            self._label_box = point + point
        heads = []
        for k in (0, 8) if arrows[0] == arrows[0] or arrows[8] == arrows[8] else ():
            if arrows[k] == arrows[k]:
                head = arrows[k : k + 8]
                heads.append(head)
                path.moveTo(head[0], head[1])
                path.lineTo(head[2], head[3])
                path.lineTo(head[4], head[5])
                path.lineTo(head[6], head[7])
                path.closeSubpath()
        self._arrow_points, self._arrows = heads, None
        if self._shifted:
            self._shifted = False
            self.setPos(0.0, 0.0)
        self.setPath(path)

    def _set_shape(self, path: QPainterPath, corners: Sequence[float], arrows: list[Sequence[float]], tips: Sequence[float]) -> None:
        """Set the (never drawn) hit path: line, label box, arrowheads; Qt strokes it for bounds and hit tests."""
        for polygon in ((corners,) if len(corners) else ()) + tuple(arrows):
            path.moveTo(polygon[0], polygon[1])
            path.lineTo(polygon[2], polygon[3])
            path.lineTo(polygon[4], polygon[5])
            path.lineTo(polygon[6], polygon[7])
            path.closeSubpath()
        if self._shifted:
            self._shifted = False
            self.setPos(0.0, 0.0)
        self.setPath(path)
        self._arrow_points, self._arrows = arrows, None
        self._tips = tuple(tips)

    def _set_boxes(self, corners: Sequence[float]) -> None:
        """The hit box and label box of a curve (straight links get theirs from numpy)."""
        bounds = self.path().controlPointRect()  # contains the curve; cheaper than stroking the hit path
        self._box = (bounds.left() - HIT_MARGIN, bounds.top() - HIT_MARGIN, bounds.right() + HIT_MARGIN, bounds.bottom() + HIT_MARGIN)
        if len(corners):
            xs, ys = corners[0::2], corners[1::2]
            self._label_box = (min(xs), min(ys), max(xs), max(ys))
        else:
            self._label_box = self._label_point * 2

    def shift(self, dx: float, dy: float) -> None:
        """Move the whole link by (dx, dy), as when both its cards moved that much: cheaper than placing it again.

        The hit path stays as placed and the item's pos carries the offset (Qt moves
        bounds and hit tests with it); the floats the layer and paint() read are in
        scene coordinates, so they move too. The next placement resets pos to 0.
        """
        self.moveBy(dx, dy)
        self._shifted = True
        x0, y0, x1, y1 = self._line
        self._line = (x0 + dx, y0 + dy, x1 + dx, y1 + dy)
        x0, y0, x1, y1 = self._tips
        self._tips = (x0 + dx, y0 + dy, x1 + dx, y1 + dy)
        x0, y0, x1, y1 = self._box
        self._box = (x0 + dx, y0 + dy, x1 + dx, y1 + dy)
        x0, y0, x1, y1 = self._label_box
        self._label_box = (x0 + dx, y0 + dy, x1 + dx, y1 + dy)
        self._label_point = (self._label_point[0] + dx, self._label_point[1] + dy)
        if self._arrow_points:
            self._arrow_points = [tuple(v + (dy if k % 2 else dx) for k, v in enumerate(head)) for head in self._arrow_points]
            self._arrows = None
        if self._curve is not None:
            self._curve = self._curve.translated(dx, dy)

    def _arc(self) -> tuple[tuple[float, float], tuple[float, float], tuple[float, float]]:
        a, b = self.source_card, self.target_card
        x1, y1, x2, y2 = a.x(), a.y(), b.x(), b.y()
        bx, by = (x1 - x2, y1 - y2) if self.canonical_flip else (x2 - x1, y2 - y1)
        length = math.hypot(bx, by) or 1.0
        bend = 2 * self.offset / length
        control = ((x1 + x2) / 2 - by * bend, (y1 + y2) / 2 + bx * bend)
        return _exit_point(a, control), control, _exit_point(b, control)

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
        reversed_ = angle > 90.5 or angle < -89.5
        self._label_angle = angle + 180.0 if reversed_ else angle
        self._label_point = (mx, my)
        self._label_room = math.hypot(end[0] - start[0], end[1] - start[1])
        self._set_label_text(reversed_)

    def _set_label_text(self, reversed_: bool) -> None:
        self.label_reversed = reversed_
        self._wording, self._wording_width, self._label_width = self._texts[reversed_]
        self.display_text = self._wording + self._grading_text

    @property
    def _label_rect(self) -> QRectF:
        """The label box about its centre, before turning (empty when there is no label)."""
        width, height = self._label_width, self._text_height
        return QRectF(-width / 2, -height / 2, width, height) if self.display_text else QRectF()

    @property
    def _label_transform(self) -> QTransform:
        return QTransform().translate(*self._label_point).rotate(self._label_angle)

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
        return QPointF(*self._label_point)

    def line_path(self) -> QPainterPath:
        """The drawn line (without arrowheads or label), in scene coordinates."""
        if self._curve is not None:
            return QPainterPath(self._curve)
        path = QPainterPath()
        path.moveTo(self._line[0], self._line[1])
        path.lineTo(self._line[2], self._line[3])
        return path

    def straight_line(self) -> QLineF | None:
        """The drawn line if the link is straight, else None."""
        return None if self._curve is not None else QLineF(*self._line)

    def arrow_tips(self) -> tuple[float, float, float, float]:
        """End arrow tip x, y, then start arrow tip x, y; NaN where there is no arrowhead."""
        return self._tips

    def arrows(self) -> list[QPolygonF]:
        if self._arrows is None:
            self._arrows = [QPolygonF([QPointF(p[k], p[k + 1]) for k in (0, 2, 4, 6)]) for p in self._arrow_points]
        return self._arrows

    def label_point(self) -> tuple[float, float]:
        return self._label_point

    def label_bounds(self) -> QRectF:
        """The label's axis-aligned box in scene coordinates."""
        left, top, right, bottom = self._label_box
        return QRectF(left, top, right - left, bottom - top)

    def paint_label_if_room(self, painter: QPainter, colour, from_picture: bool = False) -> None:
        """The label, if the link is long enough to carry it (the layer calls this for labels on screen).

        *from_picture*: a plain turned label may be drawn from a picture of it (see link_label).
        """
        if self.display_text and self._label_room > 24:
            # Upright text is fast already (Qt caches its glyphs) and sharpest drawn as text.
            if from_picture and colour == self.style.link and 0.5 < self._label_angle % 90.0 < 89.5:
                paint_label_picture(self, painter)
            else:
                self._paint_label(painter, colour)

    # ---------------------------------------------------------------- paint
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if self._shifted:  # the geometry below is in scene coordinates; the painter is in the item's
            painter.translate(-self.x(), -self.y())
            option.exposedRect = option.exposedRect.translated(self.x(), self.y())
        lod = painter.worldTransform().m11()  # chart views scale and pan, never rotate
        selected = self.isSelected()
        style = self.style
        if lod < SMOOTH_LOD:
            # Zoomed out, a chart is thousands of these: a hairline, nothing else, as cheaply as possible.
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.setPen(style.hairline(selected))
            straight = self.straight_line()
            if straight is not None:
                painter.drawLine(straight)
            else:
                painter.drawPath(self._curve)
            return
        colour = style.selection if selected else style.link
        pen = link_pen(style, self.strength, 2 if selected else 1 if self.hovered else 0, PEN_WIDTH, DASHES)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, lod >= SMOOTH_LOD)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        exposed = option.exposedRect
        straight = self.straight_line()
        if straight is not None and not exposed.isEmpty():
            # Draw only the part on screen, keeping the dash pattern where it would be.
            part = _clip(straight, exposed.adjusted(-8, -8, 8, 8))
            if part is not None:
                if self.strength in DASHES:  # (an offset turns a solid pen into an empty dash pattern)
                    pen.setDashOffset(QLineF(straight.p1(), part.p1()).length() / pen.widthF())
                painter.setPen(pen)
                painter.drawLine(part)
        else:
            painter.setPen(pen)
            painter.drawPath(self.line_path())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        for arrow in self.arrows():
            painter.drawPolygon(arrow)
        visible_label = exposed.isEmpty() or self.label_bounds().intersects(exposed)
        if lod >= LABEL_LOD and self.display_text and self._label_room > 24 and visible_label:
            self._paint_label(painter, colour)

    def _paint_label(self, painter: QPainter, colour) -> None:
        painter.save()
        painter.setTransform(self._label_transform, True)
        draw_label(self, painter, colour)
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


_FLAGS = QGraphicsItem.GraphicsItemFlag.ItemIsSelectable | QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption
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


def _arrowhead(tip: tuple[float, float], ux: float, uy: float) -> tuple[float, ...]:
    """A slightly notched arrowhead whose point is *tip*, pointing along (ux, uy), as x0, y0, ... x3, y3."""
    tx, ty = tip
    bx, by = tx - ux * ARROW_LENGTH, ty - uy * ARROW_LENGTH
    nx, ny = -uy * ARROW_HALF_WIDTH, ux * ARROW_HALF_WIDTH
    return (tx, ty, bx + nx, by + ny, bx + ux * 1.5, by + uy * 1.5, bx - nx, by - ny)


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
