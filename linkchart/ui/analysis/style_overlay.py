"""Show what the analysis keeps on entities: a measure's size, a community colour, a pin.

``style["scale"]`` (text, e.g. "1.8") is drawn as a glow round the card that
grows with the measure; ``style["community_colour"]`` as a coloured ring; both
just behind the card (above the links). ``entity.pinned`` is a small pin on
the card's top-left corner. All are children of the card item, so they move,
grey out and hide with it.
"""

from __future__ import annotations

from collections.abc import Iterable

import shiboken6
from PySide6.QtCore import QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from linkchart.model import ChangeEvent, Entity
from linkchart.render import CardItem
from linkchart.ui.analysis.host import Host

SCALE_KEY = "scale"
COMMUNITY_KEY = "community_colour"
GLOW_PER_UNIT = 26.0  # pixels of glow per unit of scale above 1
GLOW_COLOUR = QColor(232, 126, 4)


def style_scale(entity: Entity) -> float | None:
    try:
        return float(entity.style[SCALE_KEY])
    except (KeyError, ValueError):
        return None


class StyleMarkItem(QGraphicsItem):
    """The glow and ring behind one card."""

    def __init__(self, card: CardItem) -> None:
        super().__init__(card)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemStacksBehindParent)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.scale_value: float | None = None
        self.ring: QColor | None = None
        self._card_rect = card.card_rect()
        self._bounds = QRectF()

    def set_marks(self, card_rect: QRectF, scale: float | None, ring: QColor | None) -> None:
        self.prepareGeometryChange()
        self._card_rect = card_rect
        self.scale_value, self.ring = scale, ring
        grow = self._glow_grow()
        self._bounds = card_rect.adjusted(-grow - 8, -grow - 8, grow + 8, grow + 8)
        self.update()

    def _glow_grow(self) -> float:
        if self.scale_value is None:
            return 0.0
        return max(0.0, self.scale_value - 1.0) * GLOW_PER_UNIT + 4.0

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = self._card_rect
        if self.scale_value is not None:
            grow = self._glow_grow()
            for step, alpha in ((1.0, 45), (0.6, 70), (0.3, 95)):
                g = grow * step
                colour = QColor(GLOW_COLOUR)
                colour.setAlpha(alpha)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(colour)
                painter.drawRoundedRect(r.adjusted(-g, -g, g, g), 7 + g, 7 + g)
        if self.ring is not None:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(self.ring, 5.0))
            painter.drawRoundedRect(r.adjusted(-3.5, -3.5, 3.5, 3.5), 9, 9)


class PinMarkItem(QGraphicsItem):
    """A small pin on a pinned card's corner: layouts leave this card where it is."""

    def __init__(self, card: CardItem) -> None:
        super().__init__(card)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setToolTip("Pinned: layouts leave this card where it is")
        self.place(card.card_rect())

    def place(self, card_rect: QRectF) -> None:
        self.setPos(card_rect.left() + 2, card_rect.top() + 2)

    def boundingRect(self) -> QRectF:
        return QRectF(-7, -9, 14, 18)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#7a1f1f"), 1.6))
        painter.drawLine(QPointF(0, 0), QPointF(0, 8))
        painter.setBrush(QColor("#d93025"))
        painter.setPen(QPen(QColor("#ffffff"), 1.2))
        painter.drawEllipse(QPointF(0, -3), 5, 5)


class StyleOverlay(QObject):
    """Keeps a StyleMarkItem on every card with a scale or community colour, and a pin on pinned ones."""

    def __init__(self, host: Host) -> None:
        super().__init__(host)
        self.host = host
        self.marks: dict[str, StyleMarkItem] = {}
        self.pins: dict[str, PinMarkItem] = {}
        host.case_changed.connect(self._on_changed)
        host.case_replaced.connect(self.refresh_all)
        self.refresh_all()

    def refresh_all(self) -> None:
        self.marks = {eid: m for eid, m in self.marks.items() if shiboken6.isValid(m)}
        self.pins = {eid: m for eid, m in self.pins.items() if shiboken6.isValid(m)}
        # Only cards with something to show, and those that showed something: the rest need no look.
        marked = [eid for eid, e in self.host.case.entities.items() if e.pinned or SCALE_KEY in e.style or COMMUNITY_KEY in e.style]
        self.refresh(marked + list(self.marks) + list(self.pins))

    def refresh(self, ids: Iterable[str]) -> None:
        ids = list(dict.fromkeys(ids))
        self._refresh_pins(ids)
        case, cards = self.host.case, self.host.scene.cards
        for eid in ids:
            entity, card = case.entities.get(eid), cards.get(eid)
            mark = self.marks.get(eid)
            if mark is not None and (not shiboken6.isValid(mark) or mark.parentItem() is not card):
                if shiboken6.isValid(mark) and mark.scene() is not None:
                    mark.scene().removeItem(mark)
                self.marks.pop(eid)
                mark = None
            scale = style_scale(entity) if entity is not None else None
            ring = QColor(entity.style.get(COMMUNITY_KEY, "")) if entity is not None else QColor()
            ring = ring if ring.isValid() else None
            if card is None or (scale is None and ring is None):
                if mark is not None:
                    mark.scene().removeItem(mark)
                    self.marks.pop(eid)
                continue
            if mark is None:
                mark = self.marks[eid] = StyleMarkItem(card)
            mark.set_marks(card.card_rect(), scale, ring)

    def _refresh_pins(self, ids: list[str]) -> None:
        case, cards = self.host.case, self.host.scene.cards
        for eid in ids:
            entity, card = case.entities.get(eid), cards.get(eid)
            pin = self.pins.get(eid)
            if pin is not None and (not shiboken6.isValid(pin) or pin.parentItem() is not card or not entity or not entity.pinned):
                if shiboken6.isValid(pin) and pin.scene() is not None:
                    pin.scene().removeItem(pin)
                del self.pins[eid]
                pin = None
            if entity is not None and entity.pinned and card is not None:
                if pin is None:
                    pin = self.pins[eid] = PinMarkItem(card)
                pin.place(card.card_rect())

    def _on_changed(self, event: ChangeEvent) -> None:
        if event.kind == "reset":
            self.refresh_all()
        elif event.kind in ("entities_added", "entities_removed") or (
            event.kind == "entities_changed" and (not event.fields or {"style", "pinned", "label", "subtitle", "type"} & event.fields)
        ):
            self.refresh(event.ids)
