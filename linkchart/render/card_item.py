"""An entity card: type badge with icon, label, subtitle, and an "unsourced" mark.

The card's position is its entity's (x, y), the card's centre. Everything
``paint()`` needs (elided text, icon image, sizes) is computed in
:meth:`CardItem.set_entity`; ``paint()`` only draws, and draws less when the
chart is zoomed out (level of detail).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QStyleOptionGraphicsItem, QWidget

from linkchart.model import Entity, EntityType
from linkchart.render.icons import icon_for
from linkchart.render.style import ChartStyle

HEIGHT = 44
MIN_WIDTH = 104
MAX_WIDTH = 230
BADGE = 30  # diameter of the type badge
PAD = 8
ICON_PIXELS = 36  # rendered larger than drawn so it stays crisp when zoomed in
HANDLE = 10  # the link handle on the right edge
DETAIL_LOD = 0.55  # from this zoom up: the full card (badge, icon, label, subtitle)
BLOCK_LOD = 0.1  # below this zoom: a coloured block only
MIN_SCREEN_TEXT = 8.5  # zoomed out, labels are drawn at least this many screen pixels tall


TEXT_ROOM = MAX_WIDTH - BADGE - 3 * PAD


def _fit(style: ChartStyle, font: QFont, text: str) -> tuple[float, str]:
    """The width *text* wants in *font*, and the text elided to fit a card."""
    fm = style.metrics(font)
    width = fm.horizontalAdvance(text or " ")
    return width, text if width <= TEXT_ROOM else fm.elidedText(text, Qt.TextElideMode.ElideRight, TEXT_ROOM)


class CardItem(QGraphicsRectItem):
    """One entity on the chart; ``entity_id`` ties it to the model.

    A rect item so bounds and hit tests stay in C++: on big charts the scene tests
    every item on each mouse move, and a Python ``boundingRect`` per item is too slow.
    """

    Type = QGraphicsItem.UserType + 1

    def __init__(self, entity: Entity, entity_type: EntityType, style: ChartStyle, unsourced_badge: bool = True) -> None:
        super().__init__()
        self.setPen(Qt.PenStyle.NoPen)
        self.entity_id = entity.id
        self.style = style
        self.unsourced_badge = unsourced_badge
        self.hovered = False
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setAcceptHoverEvents(True)
        self.setZValue(1)
        self.label = ""
        self.subtitle = ""
        self.unsourced = False
        self._rect = QRectF()
        self.set_entity(entity, entity_type)

    def type(self) -> int:
        return CardItem.Type

    # ------------------------------------------------------------ model in
    def set_entity(self, entity: Entity, entity_type: EntityType) -> None:
        """Take the entity's fields and precompute everything paint() needs."""
        self.prepareGeometryChange()
        self.label = entity.label
        self.subtitle = entity.subtitle or entity_type.name
        self.type_name = entity_type.name
        self.unsourced = not entity.citations
        self._type_hex = entity_type.colour
        self._icon_name = entity_type.icon
        label_width, self._label_text = _fit(self.style, self.style.label_font, self.label)
        # Most subtitles are a type's name, shared by thousands of cards: measured once per style.
        key = ("subtitle", self.subtitle)
        fitted = self.style._metrics.get(key)
        if fitted is None:
            fitted = self.style._metrics[key] = _fit(self.style, self.style.subtitle_font, self.subtitle)
        subtitle_width, self._subtitle_text = fitted
        want = max(label_width, subtitle_width)
        width = max(MIN_WIDTH, min(MAX_WIDTH, want + BADGE + 3 * PAD + (6 if self.unsourced else 0)))
        self._rect = QRectF(-width / 2, -HEIGHT / 2, width, HEIGHT)
        self.half_width, self.half_height = width / 2, HEIGHT / 2  # read by links on every geometry update
        self.setRect(self._rect.adjusted(-6, -6, 8, 8))  # room for the shadow, the selection and the handle
        self._overview_text: dict[int, str] = {}
        self.setPos(entity.x, entity.y)
        self._entity, self._entity_type = entity, entity_type
        self._restyle()

    def set_style(self, style: ChartStyle) -> None:
        self.style = style
        self._restyle()

    def _restyle(self) -> None:
        self.type_colour = self.style.type_colour(self._type_hex)
        self._icon = icon_for(self._icon_name, self.style.icon, ICON_PIXELS)
        self.update()

    # ------------------------------------------------------------ geometry
    def card_rect(self) -> QRectF:
        """The card body in item coordinates (links attach to its edge)."""
        return QRectF(self._rect)

    def handle_rect(self) -> QRectF:
        """The small round handle on the right edge: dragging from it draws a link."""
        r = self._rect
        return QRectF(r.right() - HANDLE / 2, r.center().y() - HANDLE / 2, HANDLE, HANDLE)

    # ---------------------------------------------------------------- paint
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        lod = painter.worldTransform().m11()  # chart views scale and pan, never rotate
        selected = self.isSelected()
        style = self.style
        r = self._rect
        if lod < BLOCK_LOD:
            painter.fillRect(r, style.selection if selected else self.type_colour)
            return
        if lod < DETAIL_LOD:
            self._paint_overview(painter, r, lod, selected)
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(style.card_shadow)
        painter.drawRoundedRect(r.translated(0, 2), 7, 7)
        if selected:
            border = QPen(style.selection, 2.4)
        elif self.hovered:
            border = QPen(style.hover, 2.0)
        else:
            border = QPen(_mix(self.type_colour, style.card, 0.45), 1.2)
        painter.setPen(border)
        painter.setBrush(style.card)
        painter.drawRoundedRect(r, 7, 7)
        badge = QRectF(r.left() + PAD - 2, -BADGE / 2, BADGE, BADGE)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.type_colour)
        painter.drawEllipse(badge)
        painter.drawImage(badge.adjusted(6, 6, -6, -6), self._icon)
        self._paint_text(painter, r, badge)
        if self.unsourced and self.unsourced_badge:
            self._paint_unsourced(painter, r)
        if self.hovered or selected:
            painter.setPen(QPen(style.card, 1.5))
            painter.setBrush(style.selection)
            painter.drawEllipse(self.handle_rect())

    def _paint_overview(self, painter: QPainter, r: QRectF, lod: float, selected: bool) -> None:
        """Zoomed out: a block tinted in the type colour with the label, kept legible, across the whole card."""
        style = self.style
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(style.selection, 3.0 / lod) if selected else QPen(self.type_colour, 1.2 / lod))
        painter.setBrush(_mix(self.type_colour, style.card, 0.78))
        painter.drawRoundedRect(r, 7, 7)
        pixels = max(style.label_font.pixelSize(), round(MIN_SCREEN_TEXT / lod))
        text = self._overview_text.get(pixels)
        font = QFont(style.label_font)
        font.setPixelSize(pixels)
        if text is None:
            # A little overflow past the card's edges is allowed: at this zoom the gaps between cards are empty.
            text = QFontMetricsF(font).elidedText(self.label, Qt.TextElideMode.ElideRight, r.width() + 16)
            self._overview_text[pixels] = text
        painter.setFont(font)
        painter.setPen(style.text)
        painter.drawText(r.adjusted(-12, -pixels, 12, pixels), Qt.AlignmentFlag.AlignCenter, text)

    def _paint_text(self, painter: QPainter, r: QRectF, badge: QRectF) -> None:
        left = badge.right() + PAD
        width = r.right() - left - PAD
        painter.setPen(self.style.text)
        painter.setFont(self.style.label_font)
        painter.drawText(QRectF(left, r.top() + 5, width, 19), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self._label_text)
        painter.setPen(self.style.muted)
        painter.setFont(self.style.subtitle_font)
        painter.drawText(QRectF(left, r.top() + 23, width, 15), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self._subtitle_text)

    def _paint_unsourced(self, painter: QPainter, r: QRectF) -> None:
        # A small hollow dot in the corner: visible when looked for, quiet otherwise.
        dot = QRectF(r.right() - 11, r.top() + 4, 7, 7)
        painter.setPen(QPen(self.style.unsourced, 1.6))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(dot)

    # ---------------------------------------------------------------- hover
    def tool_tip(self) -> str:
        """Label, type, subtitle, aliases, date and number of citations, as rich text."""
        return _tooltip(self._entity, self._entity_type)

    def hoverEnterEvent(self, event) -> None:
        hover_enter(self)

    def hoverLeaveEvent(self, event) -> None:
        hover_leave(self)

    def center(self) -> QPointF:
        return self.pos()


def hover_enter(item) -> None:
    """Light up a card or link under the mouse, and write its tooltip now.

    Tooltips are written when first wanted, not for each of thousands of items built.
    """
    item.setToolTip(item.tool_tip())
    item.hovered = True
    item.update()


def hover_leave(item) -> None:
    item.hovered = False
    item.update()


def _mix(a: QColor, b: QColor, amount: float) -> QColor:
    """*a* blended toward *b* by *amount* (0..1)."""
    return QColor(
        round(a.red() + (b.red() - a.red()) * amount),
        round(a.green() + (b.green() - a.green()) * amount),
        round(a.blue() + (b.blue() - a.blue()) * amount),
    )


def _tooltip(entity: Entity, entity_type: EntityType) -> str:
    lines = [f"<b>{escape(entity.label)}</b>", escape(entity_type.name)]
    if entity.subtitle:
        lines.append(escape(entity.subtitle))
    if entity.aliases:
        lines.append("Also: " + escape(", ".join(entity.aliases[:6])))
    if entity.date:
        lines.append("Date: " + escape(entity.date))
    n = len(entity.citations)
    lines.append(f"{n} citation{'s' if n != 1 else ''}" if n else "<i>Unsourced: no citations</i>")
    return "<br>".join(lines)

