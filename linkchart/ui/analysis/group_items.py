"""Groups on the chart: a rounded box behind the members, or one group card when collapsed.

:class:`GroupLayer` mirrors ``case.groups`` into one :class:`GroupItem` each,
like the scene mirrors entities. A collapsed group hides its members (through
the chart filter, which owns visibility) and draws, from its own item, the
group card and one proxy line per outside card its members link to.
"""

from __future__ import annotations

from collections import defaultdict

import shiboken6
from PySide6.QtCore import QLineF, QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsSceneMouseEvent, QStyleOptionGraphicsItem, QWidget

from linkchart.commands.groups import UpdateGroupCommand, expand_command
from linkchart.model import ChangeEvent, Group
from linkchart.render import ChartScene
from linkchart.ui.analysis.filtering import ChartFilter
from linkchart.ui.analysis.host import Host

PAD = 18.0
TITLE = 22.0
CARD_H = 48.0
CARD_MIN_W = 130.0
DEFAULT_TINT = "#6b7a99"


class GroupItem(QGraphicsItem):
    """One group: the box round its members, or its collapsed card with proxy lines."""

    def __init__(self, layer: GroupLayer, group_id: str) -> None:
        super().__init__()
        self.layer = layer
        self.group_id = group_id
        self.collapsed = False
        self.label = ""
        self.count = 0
        self.box = QRectF()
        self.card = QRectF()
        self.proxies: list[tuple[QLineF, int]] = []
        self._bounds = QRectF()
        self._drag_from: QPointF | None = None
        self.setAcceptedMouseButtons(Qt.MouseButton.LeftButton)

    # ------------------------------------------------------------ geometry
    def refresh(self, group: Group, member_rects: list[QRectF], proxies: list[tuple[QPointF, QRectF, int]]) -> None:
        """Take the group's state and its members' card rects (scene coordinates)."""
        self.prepareGeometryChange()
        self.collapsed = group.collapsed
        self.label = group.label
        self.count = len(group.members)
        self.tint = QColor(group.style.get("colour", DEFAULT_TINT))
        if not self.tint.isValid():
            self.tint = QColor(DEFAULT_TINT)
        style = self.layer.scene_style()
        if self.collapsed:
            fm = QFontMetricsF(style.label_font)
            width = max(CARD_MIN_W, fm.horizontalAdvance(self.label) + 40)
            self.card = QRectF(group.x - width / 2, group.y - CARD_H / 2, width, CARD_H)
            self.proxies = [(_clip(self.card, far, rect), n) for far, rect, n in proxies]
            self.box = QRectF()
            self.setZValue(0.5)
            bounds = self.card.adjusted(-8, -8, 12, 12)
            for line, _ in self.proxies:
                bounds = bounds.united(QRectF(line.p1(), line.p2()).normalized().adjusted(-40, -12, 40, 12))
        else:
            box = QRectF()
            for rect in member_rects:
                box = box.united(rect)
            self.box = box.adjusted(-PAD, -PAD - TITLE, PAD, PAD) if member_rects else QRectF()
            self.card = QRectF()
            self.proxies = []
            self.setZValue(-1)
            bounds = self.box.adjusted(-2, -2, 2, 2)
        self._bounds = bounds
        self.setVisible(not bounds.isEmpty())
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        # Only the title band (expanded) or the card (collapsed) takes clicks: rubber bands start anywhere else.
        path = QPainterPath()
        if self.collapsed:
            path.addRoundedRect(self.card, 8, 8)
        elif not self.box.isEmpty():
            path.addRect(QRectF(self.box.left(), self.box.top(), self.box.width(), TITLE + 4))
        return path

    # ---------------------------------------------------------------- paint
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        style = self.layer.scene_style()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        current = self.layer.current_group_id == self.group_id
        if not self.collapsed:
            fill = QColor(self.tint)
            fill.setAlpha(28)
            edge = QColor(style.selection if current else self.tint)
            edge.setAlpha(255 if current else 150)
            painter.setPen(QPen(edge, 2.0 if current else 1.4, Qt.PenStyle.DashLine))
            painter.setBrush(fill)
            painter.drawRoundedRect(self.box, 12, 12)
            painter.setPen(style.text)
            painter.setFont(style.label_font)
            title = QRectF(self.box.left() + 12, self.box.top() + 4, self.box.width() - 24, TITLE)
            painter.drawText(title, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, f"{self.label}  ({self.count})")
            return
        self._paint_proxies(painter, style)
        for shift in (8, 4):  # a stack of cards behind: this card stands for several
            painter.setPen(QPen(self.tint, 1.0))
            painter.setBrush(style.card)
            painter.drawRoundedRect(self.card.translated(shift, -shift / 2), 8, 8)
        painter.setPen(QPen(style.selection if current else self.tint, 2.4 if current else 1.6))
        painter.setBrush(style.card)
        painter.drawRoundedRect(self.card, 8, 8)
        painter.setPen(style.text)
        painter.setFont(style.label_font)
        painter.drawText(self.card.adjusted(10, 4, -10, -20), Qt.AlignmentFlag.AlignCenter, self.label)
        painter.setPen(style.muted)
        painter.setFont(style.subtitle_font)
        painter.drawText(self.card.adjusted(10, 24, -10, -4), Qt.AlignmentFlag.AlignCenter, f"Group of {self.count}")

    def _paint_proxies(self, painter: QPainter, style) -> None:
        pen = QPen(style.link, 1.6)
        painter.setFont(style.link_font)
        fm = QFontMetricsF(style.link_font)
        for line, n in self.proxies:
            painter.setPen(pen)
            painter.drawLine(line)
            if n > 1:
                text = f"{n} links"
                mid = line.center()
                rect = QRectF(mid.x() - fm.horizontalAdvance(text) / 2 - 4, mid.y() - fm.height() / 2, fm.horizontalAdvance(text) + 8, fm.height())
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(style.label_background)
                painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
                painter.setPen(style.text)
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)

    # ---------------------------------------------------------------- mouse
    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self.layer.set_current(self.group_id)
        self._drag_from = event.scenePos() if self.collapsed else None
        event.accept()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._drag_from is not None:
            self.setPos(event.scenePos() - self._drag_from)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._drag_from is not None and not self.pos().isNull():
            delta = self.pos()
            self.setPos(0, 0)
            group = self.layer.host.case.groups[self.group_id]
            self.layer.host.push(UpdateGroupCommand(self.layer.host.case, self.group_id,
                                                    {"x": group.x + delta.x(), "y": group.y + delta.y()}, text=f"Move group '{group.label}'"))
        self._drag_from = None

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self.collapsed:
            self.layer.host.push(expand_command(self.layer.host.case, self.group_id))
        event.accept()


class GroupLayer(QObject):
    """Keeps one GroupItem per group in the scene and tells the filter what collapsed groups hide."""

    current_changed = Signal()

    def __init__(self, host: Host, chart_filter: ChartFilter) -> None:
        super().__init__(host)
        self.host = host
        self.chart_filter = chart_filter
        self.items: dict[str, GroupItem] = {}
        self.current_group_id: str | None = None
        self._scene: ChartScene | None = None
        host.case_changed.connect(self._on_changed)
        host.case_replaced.connect(self.rebuild)
        # Selecting cards moves the focus of group actions from the clicked group to the cards' groups.
        host.selection_changed.connect(lambda: self.set_current(None) if host.selected_entity_ids() else None)
        self.rebuild()

    def scene_style(self):
        return self.host.scene.style

    def set_current(self, group_id: str | None) -> None:
        """The group the user last clicked (the target of Expand / Ungroup)."""
        if group_id != self.current_group_id:
            self.current_group_id = group_id
            for item in self.items.values():
                item.update()
            self.current_changed.emit()

    def rebuild(self) -> None:
        """Drop every group item and make them again (a new case, or the scene was cleared)."""
        scene = self.host.scene
        for item in self.items.values():
            if shiboken6.isValid(item) and item.scene() is not None:
                item.scene().removeItem(item)
        self.items.clear()
        self._scene = scene
        if self.current_group_id not in self.host.case.groups:
            self.current_group_id = None
        self.refresh()

    def refresh(self) -> None:
        """Bring every group item in line with the model and re-hide collapsed members."""
        case, scene = self.host.case, self.host.scene
        if scene is not self._scene or any(not shiboken6.isValid(i) for i in self.items.values()):
            self.items.clear()
            self._scene = scene
        for gid in [g for g in self.items if g not in case.groups]:
            scene.removeItem(self.items.pop(gid))
        hidden_by: dict[str, str] = {}
        for gid, group in case.groups.items():
            if group.collapsed:
                for m in group.members:
                    hidden_by.setdefault(m, gid)
        # Without a collapsed group nothing hides and nothing needs a proxy line: skip reading every link.
        hidden_links = {lid for lid, link in case.links.items() if link.source in hidden_by or link.target in hidden_by} if hidden_by else set()
        proxies = self._proxies(hidden_by) if hidden_by else {}
        for gid, group in case.groups.items():
            item = self.items.get(gid)
            if item is None:
                item = self.items[gid] = GroupItem(self, gid)
                scene.addItem(item)
            rects = [scene.cards[m].sceneBoundingRect().adjusted(6, 6, -8, -8) for m in group.members if m in scene.cards]
            item.refresh(group, rects, proxies.get(gid, []))
        self.chart_filter.set_group_hidden(set(hidden_by), hidden_links)

    def _proxies(self, hidden_by: dict[str, str]) -> dict[str, list[tuple[QPointF, QRectF, int]]]:
        """Per collapsed group: (far end centre, far end rect, link count) for each card or group it links to."""
        case, scene = self.host.case, self.host.scene
        counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for link in case.links.values():
            a, b = hidden_by.get(link.source), hidden_by.get(link.target)
            if a is None and b is None or a == b:
                continue
            if a is not None:
                counts[a][b if b is not None else link.target] += 1
            if b is not None and a is None:
                counts[b][link.source] += 1
        out: dict[str, list[tuple[QPointF, QRectF, int]]] = defaultdict(list)
        for gid, ends in counts.items():
            for far, n in ends.items():
                if far in case.groups:
                    if far < gid:
                        continue  # drawn once, by the group with the smaller id
                    other = case.groups[far]
                    centre = QPointF(other.x, other.y)
                    rect = QRectF(centre.x() - CARD_MIN_W / 2, centre.y() - CARD_H / 2, CARD_MIN_W, CARD_H)
                elif far in scene.cards:
                    card = scene.cards[far]
                    centre, rect = card.pos(), card.card_rect().translated(card.pos())
                else:
                    continue
                out[gid].append((centre, rect, n))
        return out

    def _on_changed(self, event: ChangeEvent) -> None:
        if event.kind == "reset":
            self.rebuild()
        elif event.kind.startswith("groups_") or event.kind.startswith("links_") or event.kind in (
            "entities_moved", "entities_removed", "entities_added", "entities_changed",
        ):
            if event.kind == "entities_moved" and not self._touches_groups(event.ids):
                return
            self.refresh()

    def _touches_groups(self, ids: tuple[str, ...]) -> bool:
        members = {m for g in self.host.case.groups.values() for m in g.members}
        return bool(members & set(ids)) or any(g.collapsed for g in self.host.case.groups.values())

    def group_ids_of_selection(self) -> list[str]:
        """What group actions act on: the groups of the selected cards, else the group last clicked."""
        selected = set(self.host.selected_entity_ids())
        found = [gid for gid, g in self.host.case.groups.items() if selected & set(g.members)]
        if not found and self.current_group_id in self.host.case.groups:
            found.append(self.current_group_id)
        return found


def _clip(card: QRectF, far: QPointF, far_rect: QRectF) -> QLineF:
    """The line between two boxes' centres, cut at both boxes' edges."""
    return QLineF(_edge(card, far), _edge(far_rect, card.center()))


def _edge(rect: QRectF, toward: QPointF) -> QPointF:
    c = rect.center()
    d = toward - c
    dx, dy = abs(d.x()), abs(d.y())
    if dx < 1e-9 and dy < 1e-9:
        return c
    t = min(rect.width() / 2 / dx if dx > 1e-9 else 1e9, rect.height() / 2 / dy if dy > 1e-9 else 1e9)
    return c + d * min(t, 1.0)
