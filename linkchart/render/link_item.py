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

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen, QPolygonF, QTransform
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QStyle, QStyleOptionGraphicsItem, QWidget

from linkchart.model import Link
from linkchart.render.card_item import CardItem
from linkchart.render.style import ChartStyle

ARROW_LENGTH = 11.0
ARROW_HALF_WIDTH = 4.8
GAP = 2.0  # between a card's edge and the arrow tip
PEN_WIDTH = 1.5
LABEL_LOD = 0.5  # link labels are smaller than card labels, so they go sooner when zooming out
SMOOTH_LOD = 0.3
# Dash patterns are in pen widths.
DASHES = {"probable": [5.0, 3.5], "possible": [0.4, 2.6]}
FORWARD_MARK, BACKWARD_MARK = "\u25b8", "\u25c2"  # small triangles showing which way to read


class LinkItem(QGraphicsPathItem):
    """One link on the chart; ``link_id`` ties it to the model.

    A path item whose (never drawn) path is the line plus arrowheads plus label box,
    stroked 10 px wide by an invisible pen: Qt then does bounds and hit tests in C++.
    """

    Type = QGraphicsItem.UserType + 2

    def __init__(self, link: Link, source: CardItem, target: CardItem, label: str, style: ChartStyle) -> None:
        super().__init__()
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
        self.set_link(link, label)

    def type(self) -> int:
        return LinkItem.Type

    # ------------------------------------------------------------ model in
    def set_link(self, link: Link, label: str, tooltip: str = "") -> None:
        """Take the link's look (label, direction, strength, sources) and re-place it."""
        self.label = label
        self.direction = link.direction
        self.strength = link.strength
        self.grading = link.grading
        self.unsourced = not link.citations
        self.canonical_flip = link.source > link.target
        if tooltip:
            self.setToolTip(tooltip)
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
        self.update_geometry()

    # ------------------------------------------------------------ geometry
    def update_geometry(self) -> None:
        """Recompute the cached path, arrowheads and label placement from the end cards."""
        self.prepareGeometryChange()
        if self.source_card is self.target_card:
            start, control, end, control2 = self._loop()
        else:
            start, control, end = self._arc()
            control2 = None
        self._arrows = []
        line_start, line_end = start, end
        head_dir = _unit(end - (control2 if control2 is not None else control))
        tail_dir = _unit(start - control)
        if self.direction in ("forward", "both"):
            self._arrows.append(_arrowhead(end, head_dir))
            line_end = end - head_dir * (ARROW_LENGTH - 1)
        if self.direction == "both":
            self._arrows.append(_arrowhead(start, tail_dir))
            line_start = start - tail_dir * (ARROW_LENGTH - 1)
        path = QPainterPath(line_start)
        if control2 is not None:
            path.cubicTo(control, control2, line_end)
        else:
            path.quadTo(control, line_end)
        self._path = path
        self._straight = QLineF(line_start, line_end) if control2 is None and not self.offset else None
        self._place_label(start, control, end, control2)
        self._label_bounds = self._label_transform.mapRect(self._label_rect)
        hit = QPainterPath(path)
        if not self._label_rect.isEmpty():
            hit.addPolygon(self._label_transform.map(QPolygonF(self._label_rect)))
        for arrow in self._arrows:
            hit.addPolygon(arrow)
        self.setPath(hit)

    def _arc(self) -> tuple[QPointF, QPointF, QPointF]:
        p1, p2 = self.source_card.pos(), self.target_card.pos()
        base = (p1 - p2) if self.canonical_flip else (p2 - p1)
        length = math.hypot(base.x(), base.y()) or 1.0
        normal = QPointF(-base.y() / length, base.x() / length)
        control = (p1 + p2) / 2 + normal * (2 * self.offset)
        start = _exit_point(self.source_card, control if self.offset else p2)
        end = _exit_point(self.target_card, control if self.offset else p1)
        if not self.offset:
            control = (start + end) / 2
        return start, control, end

    def _loop(self) -> tuple[QPointF, QPointF, QPointF, QPointF]:
        """A link from a card to itself: a loop above the card, taller for each parallel one."""
        rect = self.source_card.card_rect().translated(self.source_card.pos())
        height = 46 + abs(self.offset) * 1.5
        start = QPointF(rect.center().x() + 14, rect.top() - GAP)
        end = QPointF(rect.center().x() - 14, rect.top() - GAP)
        return start, start + QPointF(34, -height), end, end + QPointF(-34, -height)

    def _place_label(self, start: QPointF, control: QPointF, end: QPointF, control2: QPointF | None) -> None:
        if control2 is not None:
            middle = (start + end) * 0.125 + (control + control2) * 0.375
        else:
            middle = start * 0.25 + control * 0.5 + end * 0.25
        angle = math.degrees(math.atan2(end.y() - start.y(), end.x() - start.x()))
        self.label_reversed = angle > 90.5 or angle < -89.5
        if self.label_reversed:
            angle += 180.0
        text = self.label
        if self.direction == "forward" and text:
            text = f"{BACKWARD_MARK} {text}" if self.label_reversed else f"{text} {FORWARD_MARK}"
        self._wording = text
        self._grading_text = f"  {self.grading}" if self.grading and text else self.grading
        self.display_text = text + self._grading_text
        fm = self.style.metrics(self.style.link_font)
        self._wording_width = fm.horizontalAdvance(text)
        width = fm.horizontalAdvance(self.display_text) + (10 if self.unsourced else 0) + 8
        height = fm.height() + 2
        self._label_rect = QRectF(-width / 2, -height / 2, width, height) if text else QRectF()
        self._label_transform = QTransform().translate(middle.x(), middle.y()).rotate(angle)
        self._label_room = QLineF(start, end).length()

    def label_center(self) -> QPointF:
        """Where the label sits, in item (= scene) coordinates."""
        return self._label_transform.map(QPointF(0, 0))

    def line_path(self) -> QPainterPath:
        """The drawn line (without arrowheads or label), in scene coordinates."""
        return QPainterPath(self._path)

    # ---------------------------------------------------------------- paint
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        style = self.style
        colour = style.selection if selected else style.link
        pen = QPen(colour, PEN_WIDTH + (1.0 if selected or self.hovered else 0.0))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        if self.strength in DASHES:
            pen.setDashPattern(DASHES[self.strength])
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, lod >= SMOOTH_LOD)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        exposed = option.exposedRect
        if self._straight is not None and not exposed.isEmpty():
            # Draw only the part on screen, keeping the dash pattern where it would be.
            part = _clip(self._straight, exposed.adjusted(-8, -8, 8, 8))
            if part is not None:
                pen.setDashOffset(QLineF(self._straight.p1(), part.p1()).length() / pen.widthF())
                painter.setPen(pen)
                painter.drawLine(part)
        else:
            painter.setPen(pen)
            painter.drawPath(self._path)
        if lod < 0.3:
            return
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

    def hoverEnterEvent(self, event) -> None:
        self.hovered = True
        self.update()

    def hoverLeaveEvent(self, event) -> None:
        self.hovered = False
        self.update()


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


def _unit(v: QPointF) -> QPointF:
    length = math.hypot(v.x(), v.y())
    return QPointF(v.x() / length, v.y() / length) if length > 1e-9 else QPointF(1.0, 0.0)


def _arrowhead(tip: QPointF, direction: QPointF) -> QPolygonF:
    normal = QPointF(-direction.y(), direction.x())
    base = tip - direction * ARROW_LENGTH
    return QPolygonF([tip, base + normal * ARROW_HALF_WIDTH, base - direction * -1.5, base - normal * ARROW_HALF_WIDTH])


def _exit_point(card: CardItem, toward: QPointF) -> QPointF:
    """Where the line from the card's centre toward *toward* leaves the card, plus a small gap."""
    centre = card.pos()
    rect = card.card_rect()
    d = toward - centre
    dx, dy = abs(d.x()), abs(d.y())
    if dx < 1e-9 and dy < 1e-9:
        return QPointF(centre)
    half_w, half_h = rect.width() / 2 + GAP, rect.height() / 2 + GAP
    t = min(half_w / dx if dx > 1e-9 else math.inf, half_h / dy if dy > 1e-9 else math.inf)
    return centre + d * min(t, 1.0)
