"""A chart sheet: the chart's own items plus an optional title, date, legend and footer, laid out and painted.

Every export (PNG, SVG, PDF, print, the report's picture) paints a sheet. The
chart part is painted item by item with the scene's own ``paint()`` methods, so
it looks like the screen; selection and hover marks are left out. Decorations
(title, legend, footer) are sized in *decoration units* (1.0 = the size they
have next to the chart at 100 %), not in chart units, so a legend stays legible
when a large chart is scaled down to fit a page.

Two ways to lay a sheet out: :meth:`ChartSheet.layout_grow` gives the chart a
scale and lets the sheet grow around it (PNG, SVG, tiled pages);
:meth:`ChartSheet.layout_fit` fits everything into a fixed page.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QPolygonF, QTransform
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem

from linkchart.model import STRENGTHS
from linkchart.render.card_item import CardItem
from linkchart.render.icons import icon_for
from linkchart.render.link_item import DASHES, PEN_WIDTH, LinkItem
from linkchart.render.scene import ChartScene

CHART_MARGIN = 24.0  # chart units of air around the exported items
PAD = 18.0  # decoration units around and between the sheet's parts
SWATCH = 30.0  # decoration units: the width of a legend sample
ROW = 18.0  # decoration units: the height of a legend row
COLUMN_GAP = 22.0
MIN_WIDTH = 360.0  # decoration units: a sheet narrower than this cramps its legend
BACKGROUNDS = ("white", "transparent", "theme")


@dataclass(frozen=True)
class Scope:
    """Which part of the chart to export: every item, some ids, and/or one rectangle of the scene.

    ``entity_ids`` and ``link_ids`` of None mean "all"; with ``entity_ids`` set
    and ``link_ids`` None, the links between the listed cards come along.
    """

    entity_ids: frozenset[str] | None = None
    link_ids: frozenset[str] | None = None
    rect: QRectF | None = None

    @classmethod
    def selection(cls, entity_ids, link_ids=()) -> Scope:
        return cls(frozenset(entity_ids), frozenset(link_ids) if link_ids else None)


@dataclass
class Decorations:
    """The optional parts of a sheet around the chart."""

    title: str = ""
    date: str = ""
    footer: str = ""
    legend: bool = True
    background: str = "white"  # one of BACKGROUNDS


@dataclass
class LegendEntry:
    kind: str  # "entity", "link" or "strength"
    text: str
    colour: QColor = field(default_factory=QColor)
    icon: str = ""
    strength: str = "confirmed"


def sheet_font(pixels: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(max(1, round(pixels)))
    font.setBold(bold)
    return font


class ChartSheet:
    """Lays out and paints one export of *scene* limited to *scope* with *decorations*."""

    def __init__(self, scene: ChartScene, scope: Scope | None = None, decorations: Decorations | None = None) -> None:
        self.scene = scene
        self.scope = scope or Scope()
        self.decorations = decorations or Decorations()
        self.cards, self.links = self._chosen_items()
        self.source = self._source_rect()
        self.legend = self._legend_entries() if self.decorations.legend else []
        self.size = QRectF()
        self.chart_rect = QRectF()
        self.unit = 1.0
        self._blocks: list[tuple[str, QRectF]] = []

    # ------------------------------------------------------------ content
    def _chosen_items(self) -> tuple[list[CardItem], list[LinkItem]]:
        scope = self.scope
        cards = [c for eid, c in self.scene.cards.items() if c.isVisible() and (scope.entity_ids is None or eid in scope.entity_ids)]
        kept = {c.entity_id for c in cards}
        links = []
        for lid, item in self.scene.links.items():
            if not item.isVisible():
                continue
            ends = item.source_card.entity_id in kept and item.target_card.entity_id in kept
            if (scope.link_ids is None and ends) or (scope.link_ids is not None and lid in scope.link_ids and ends):
                links.append(item)
        if scope.rect is not None:
            cards = [c for c in cards if c.sceneBoundingRect().intersects(scope.rect)]
            links = [k for k in links if k.sceneBoundingRect().intersects(scope.rect)]
        return cards, links

    def _source_rect(self) -> QRectF:
        if self.scope.rect is not None:
            return QRectF(self.scope.rect)
        rect = QRectF()
        for item in [*self.cards, *self.links]:
            rect = rect.united(item.sceneBoundingRect())
        if rect.isEmpty():
            return QRectF(0, 0, 2 * CHART_MARGIN, 2 * CHART_MARGIN)
        return rect.adjusted(-CHART_MARGIN, -CHART_MARGIN, CHART_MARGIN, CHART_MARGIN)

    def _legend_entries(self) -> list[LegendEntry]:
        case = self.scene.case
        if case is None:
            return []
        style = self.scene.style
        types: dict[str, LegendEntry] = {}
        for card in self.cards:
            entity = case.entities.get(card.entity_id)
            if entity is not None and entity.type not in types:
                etype = case.vocabulary.entity_type(entity.type)
                types[entity.type] = LegendEntry("entity", etype.name, style.type_colour(etype.colour), etype.icon)
        entries = sorted(types.values(), key=lambda e: e.text.lower())
        link_entries: dict[str, LegendEntry] = {}
        strengths: set[str] = set()
        for item in self.links:
            link = case.links.get(item.link_id)
            if link is None:
                continue
            label = case.link_type(link).label
            link_entries.setdefault(label, LegendEntry("link", label))
            strengths.add(link.strength)
        entries += sorted(link_entries.values(), key=lambda e: e.text.lower())
        entries += [LegendEntry("strength", s.capitalize(), strength=s) for s in STRENGTHS if s in strengths]
        return entries

    def empty(self) -> bool:
        return not self.cards

    # ------------------------------------------------------------ layout
    def layout_grow(self, chart_scale: float, unit: float) -> QRectF:
        """Chart drawn at *chart_scale* device units per chart unit; returns the sheet's device rect."""
        self.unit = unit
        chart_w, chart_h = self.source.width() * chart_scale, self.source.height() * chart_scale
        pad = PAD * unit
        width = max(chart_w, self._min_width())
        header = self._header_height(width)
        legend = self._legend_height(width)
        footer = self._footer_height(width)
        top = pad + (header + pad if header else 0)
        self.chart_rect = QRectF(pad + (width - chart_w) / 2, top, chart_w, chart_h)
        bottom = self._place_blocks(pad, width, top + chart_h, header, legend, footer)
        self.size = QRectF(0, 0, width + 2 * pad, bottom + pad)
        return QRectF(self.size)

    def layout_fit(self, page: QRectF, unit: float) -> float:
        """Fit the sheet into *page* (device units); returns the chart's scale.

        The chart sits under the title, the legend right under the chart, the footer at the foot of the page.
        """
        self.unit = unit
        pad = PAD * unit
        width = page.width() - 2 * pad
        header = self._header_height(width)
        legend = self._legend_height(width)
        footer = self._footer_height(width)
        room_top = page.top() + pad + (header + pad if header else 0)
        room_h = page.height() - (room_top - page.top()) - pad - (legend + pad if legend else 0) - (footer + pad if footer else 0)
        scale = max(1e-6, min(width / self.source.width(), max(room_h, 1.0) / self.source.height()))
        chart_w, chart_h = self.source.width() * scale, self.source.height() * scale
        self.chart_rect = QRectF(page.left() + pad + (width - chart_w) / 2, room_top, chart_w, chart_h)
        self._place_blocks(page.left() + pad, width, room_top + chart_h, header, legend, 0.0, top=page.top())
        if footer:
            self._blocks.append(("footer", QRectF(page.left() + pad, page.bottom() - pad - footer, width, footer)))
        self.size = QRectF(page)
        return scale

    def _place_blocks(self, left: float, width: float, chart_bottom: float, header: float, legend: float, footer: float, top: float = 0.0) -> float:
        pad = PAD * self.unit
        self._blocks = []
        if header:
            self._blocks.append(("title", QRectF(left, top + pad, width, header)))
        y = chart_bottom
        if legend:
            self._blocks.append(("legend", QRectF(left, y + pad, width, legend)))
            y += pad + legend
        if footer:
            self._blocks.append(("footer", QRectF(left, y + pad, width, footer)))
            y += pad + footer
        return y

    def _min_width(self) -> float:
        u = self.unit
        d = self.decorations
        if not (d.title or d.date or d.footer or self.legend):
            return 0.0
        widths = [MIN_WIDTH * u]
        if d.title:
            widths.append(QFontMetricsF(sheet_font(20 * u, True)).horizontalAdvance(d.title))
        if d.footer:
            widths.append(QFontMetricsF(sheet_font(10 * u)).horizontalAdvance(d.footer))
        return min(max(widths), 1600 * u)

    def _header_height(self, width: float) -> float:
        u, d = self.unit, self.decorations
        height = 0.0
        if d.title:
            height += self._wrapped_height(d.title, sheet_font(20 * u, True), width)
        if d.date:
            height += (4 * u if d.title else 0) + QFontMetricsF(sheet_font(12 * u)).height()
        return height

    def _footer_height(self, width: float) -> float:
        return self._wrapped_height(self.decorations.footer, sheet_font(10 * self.unit), width) if self.decorations.footer else 0.0

    @staticmethod
    def _wrapped_height(text: str, font: QFont, width: float) -> float:
        flags = int(Qt.TextFlag.TextWordWrap)
        return QFontMetricsF(font).boundingRect(QRectF(0, 0, max(width, 1.0), 1e6), flags, text).height()

    def _legend_columns(self, width: float, entries: list[LegendEntry]) -> tuple[int, float]:
        """How many columns of one legend section fit *width*, and their width (each section by its own widest name)."""
        u = self.unit
        fm = QFontMetricsF(sheet_font(11 * u))
        widest = max((fm.horizontalAdvance(e.text) for e in entries), default=0.0)
        column = min(SWATCH * u + 8 * u + widest, width) + COLUMN_GAP * u
        return max(1, int((width + COLUMN_GAP * u) // column)), column

    def _legend_sections(self) -> list[tuple[str, list[LegendEntry]]]:
        names = {"entity": "Entity types", "link": "Link types", "strength": "Strength"}
        return [(names[k], [e for e in self.legend if e.kind == k]) for k in names if any(e.kind == k for e in self.legend)]

    def _legend_height(self, width: float) -> float:
        if not self.legend:
            return 0.0
        u = self.unit
        heading = QFontMetricsF(sheet_font(11 * u, True)).height() + 4 * u
        return sum(heading + math.ceil(len(entries) / self._legend_columns(width, entries)[0]) * ROW * u + 6 * u
                   for _, entries in self._legend_sections())

    # ------------------------------------------------------------ paint
    def paint(self, painter: QPainter, between: Callable[[str], None] | None = None, area: QRectF | None = None) -> None:
        """Paint the laid-out sheet; *between(name)* is called before each card, link and decoration block.

        The SVG writer uses *between* to mark where each item's painting starts.
        *area* (sheet coordinates) skips whatever lies outside it: one tile of a poster.
        """
        mark = between or (lambda name: None)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        self.paint_background(painter, mark)
        self.paint_chart(painter, between, area)
        for name, rect in self._blocks:
            if area is not None and not rect.adjusted(0, -PAD * self.unit, 0, 0).intersects(area):
                continue
            mark(name)
            painter.save()
            {"title": self._paint_title, "legend": self._paint_legend, "footer": self._paint_footer}[name](painter, rect)
            painter.restore()
        mark("")

    def paint_background(self, painter: QPainter, mark: Callable[[str], None]) -> None:
        colour = self.background_colour()
        if colour.alpha() == 0:
            return
        mark("background")
        painter.fillRect(self.size, colour)

    def background_colour(self) -> QColor:
        d = self.decorations.background
        if d == "transparent":
            return QColor(0, 0, 0, 0)
        if d == "theme":
            return QColor(self.scene.style.background)
        return QColor("#ffffff")

    def chart_transform(self) -> QTransform:
        """Scene coordinates to device coordinates for the chart part of the sheet."""
        s = self.chart_rect.width() / self.source.width()
        return QTransform().translate(self.chart_rect.left(), self.chart_rect.top()).scale(s, s).translate(-self.source.left(), -self.source.top())

    def paint_chart(self, painter: QPainter, mark: Callable[[str], None] | None = None, area: QRectF | None = None) -> None:
        """Paint the chosen links then cards with their own ``paint()``, without selection or hover marks.

        Each item sets the pens, brushes and hints it uses, so one save/restore
        around the loop is enough (it is the hot loop of a 10,000-card export).
        """
        base = self.chart_transform() * painter.worldTransform()  # on top of any page or zoom transform
        option = QStyleOptionGraphicsItem()
        items: list[QGraphicsItem] = sorted([*self.links, *self.cards], key=lambda i: i.zValue())
        if area is not None:
            seen = self.chart_transform().inverted()[0].mapRect(area)
            items = [i for i in items if i.sceneBoundingRect().intersects(seen)]
        painter.save()
        if self.scope.rect is not None:
            painter.setClipRect(self.chart_rect)
        opacity = 1.0
        for item in items:
            if mark is not None:
                mark(f"link-{item.link_id}" if isinstance(item, LinkItem) else f"card-{item.entity_id}")
            painter.setTransform(item.sceneTransform() * base)
            if item.effectiveOpacity() != opacity:
                opacity = item.effectiveOpacity()
                painter.setOpacity(opacity)
            option.exposedRect = item.boundingRect()
            hovered, item.hovered = item.hovered, False
            try:
                item.paint(painter, option, None)
            finally:
                item.hovered = hovered
        painter.restore()

    def _paint_title(self, painter: QPainter, rect: QRectF) -> None:
        u, d, style = self.unit, self.decorations, self.scene.style
        y = rect.top()
        if d.title:
            font = sheet_font(20 * u, True)
            height = self._wrapped_height(d.title, font, rect.width())
            painter.setFont(font)
            painter.setPen(style.text)
            painter.drawText(QRectF(rect.left(), y, rect.width(), height), int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap), d.title)
            y += height + 4 * u
        if d.date:
            font = sheet_font(12 * u)
            painter.setFont(font)
            painter.setPen(style.muted)
            painter.drawText(QRectF(rect.left(), y, rect.width(), QFontMetricsF(font).height()), int(Qt.AlignmentFlag.AlignLeft), d.date)

    def _paint_footer(self, painter: QPainter, rect: QRectF) -> None:
        style = self.scene.style
        painter.setPen(QPen(style.muted, 0.6 * self.unit))
        painter.drawLine(QPointF(rect.left(), rect.top() - PAD * self.unit / 2), QPointF(rect.right(), rect.top() - PAD * self.unit / 2))
        painter.setFont(sheet_font(10 * self.unit))
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap), self.decorations.footer)

    def _paint_legend(self, painter: QPainter, rect: QRectF) -> None:
        u, style = self.unit, self.scene.style
        head_font, text_font = sheet_font(11 * u, True), sheet_font(11 * u)
        head_h = QFontMetricsF(head_font).height()
        y = rect.top()
        for heading, entries in self._legend_sections():
            columns, column = self._legend_columns(rect.width(), entries)
            painter.setFont(head_font)
            painter.setPen(style.muted)
            painter.drawText(QRectF(rect.left(), y, rect.width(), head_h), int(Qt.AlignmentFlag.AlignLeft), heading)
            y += head_h + 4 * u
            for index, entry in enumerate(entries):
                row, col = divmod(index, columns)
                cell = QRectF(rect.left() + col * column, y + row * ROW * u, column - COLUMN_GAP * u, ROW * u)
                self._paint_swatch(painter, entry, QRectF(cell.left(), cell.top(), SWATCH * u, cell.height()))
                painter.setFont(text_font)
                painter.setPen(style.text)
                text_rect = cell.adjusted(SWATCH * u + 8 * u, 0, 0, 0)
                text = QFontMetricsF(text_font).elidedText(entry.text, Qt.TextElideMode.ElideRight, text_rect.width())
                painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)
            y += math.ceil(len(entries) / columns) * ROW * u + 6 * u

    def _paint_swatch(self, painter: QPainter, entry: LegendEntry, box: QRectF) -> None:
        u, style = self.unit, self.scene.style
        centre = box.center()
        painter.save()
        if entry.kind == "entity":
            d = 16 * u
            badge = QRectF(centre.x() - d / 2, centre.y() - d / 2, d, d)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(entry.colour)
            painter.drawEllipse(badge)
            painter.drawImage(badge.adjusted(3 * u, 3 * u, -3 * u, -3 * u), icon_for(entry.icon, style.icon, 36))
        else:
            pen = QPen(style.link, PEN_WIDTH * u)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            if entry.kind == "strength" and entry.strength in DASHES:
                pen.setDashPattern(DASHES[entry.strength])
            start, end = QPointF(box.left() + 2 * u, centre.y()), QPointF(box.right() - 2 * u, centre.y())
            if entry.kind == "link":
                end = QPointF(end.x() - 7 * u, end.y())
            painter.setPen(pen)
            painter.drawLine(start, end)
            if entry.kind == "link":
                tip = QPointF(box.right() - 2 * u, centre.y())
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(style.link)
                painter.drawPolygon(QPolygonF([tip, QPointF(tip.x() - 9 * u, tip.y() - 4 * u), QPointF(tip.x() - 9 * u, tip.y() + 4 * u)]))
        painter.restore()
