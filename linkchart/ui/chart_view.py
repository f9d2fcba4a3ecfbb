"""The chart canvas: zoom, pan, rubber-band selection, moving cards, drawing links, drops, in-place naming.

The view changes the case only through commands on the current undo stack.
Mouse map: click selects (Ctrl toggles), dragging empty space draws a rubber
band, dragging a card moves the selection, Shift- or Alt-drag from a card (or
drag from its edge handle, or any drag with the link tool) draws a link, the
wheel zooms around the mouse, middle button or Space+drag pans.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLineF, QPoint, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QContextMenuEvent, QKeyEvent, QMouseEvent, QPainter, QPen, QUndoStack, QWheelEvent
from PySide6.QtWidgets import QApplication, QGraphicsItem, QGraphicsView, QWidget

from linkchart.commands import AddEntitiesCommand, AddLinkCommand, MoveEntitiesCommand, push
from linkchart.model import Case, Entity, Link, LinkType
from linkchart.render import CardItem, ChartScene, LinkItem
from linkchart.ui.interactions import LabelEditor, LinkGesture, MoveGesture, snap
from linkchart.ui.link_type_popup import LinkTypePopup

ENTITY_TYPE_MIME = "application/x-linkchart-entity-type"
MIN_ZOOM, MAX_ZOOM = 0.03, 6.0
FIT_MAX_ZOOM = 1.25  # "fit" never blows a small chart up beyond this
CASE_SUFFIX = ".lcase"


SETTLE_MS = 150


class ChartView(QGraphicsView):
    """The central chart widget (objectName ``chartView``)."""

    zoom_changed = Signal(float)
    file_dropped = Signal(str)
    context_menu_requested = Signal(str, QPointF, QPoint)  # "card" | "link" | "chart", scene pos, global pos
    link_created = Signal(str)

    def __init__(self, scene: ChartScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setObjectName("chartView")
        self.chart = scene
        self.case: Case | None = None
        self.stack: QUndoStack | None = None
        self.tool = "select"
        self.grid_enabled = False
        self.grid_size = 20
        self.label_editor: LabelEditor | None = None
        self.link_popup: LinkTypePopup | None = None
        self._move: MoveGesture | None = None
        self._link: LinkGesture | None = None
        self._pan_from: QPoint | None = None
        self._space_down = False
        self._press_pos = QPoint()
        self.fit_pending = False  # refit on resizes until the user zooms: the window settles its size late
        self._painted_at: tuple[float, int, int] | None = None
        self._settle = QTimer(self)  # a full-detail frame once panning or zooming pauses
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._settled)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setAcceptDrops(True)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        scene.sceneRectChanged.connect(self._update_scroll_area)

    # ------------------------------------------------------------ document
    def set_document(self, case: Case, stack: QUndoStack) -> None:
        self.close_editors()
        self.case, self.stack = case, stack
        self._update_scroll_area()

    def set_grid(self, enabled: bool, size: int) -> None:
        self.grid_enabled, self.grid_size = enabled, max(4, size)
        self.viewport().update()

    def set_tool(self, tool: str) -> None:
        self.tool = tool
        self.viewport().setCursor(Qt.CursorShape.CrossCursor if tool == "link" else Qt.CursorShape.ArrowCursor)

    # ---------------------------------------------------------------- zoom
    def zoom_level(self) -> float:
        return self.transform().m11()

    def zoom_by(self, factor: float) -> None:
        self.fit_pending = False
        target = min(MAX_ZOOM, max(MIN_ZOOM, self.zoom_level() * factor))
        factor = target / self.zoom_level()
        if abs(factor - 1.0) > 1e-6:
            self.scale(factor, factor)
            self._zoomed()

    def zoom_to(self, level: float) -> None:
        self.zoom_by(level / self.zoom_level())

    def fit_all(self) -> None:
        """Show every item; a small chart is shown no larger than 125%."""
        rect = self.chart.items_rect()
        if rect.isEmpty():
            self.resetTransform()
            self._zoomed()
            self.centerOn(0, 0)
            return
        view = self.viewport().rect()
        margin = 30
        level = min((view.width() - 2) / (rect.width() + 2 * margin), (view.height() - 2) / (rect.height() + 2 * margin))
        level = max(MIN_ZOOM, min(FIT_MAX_ZOOM, level))
        self.setTransform(self.transform().fromScale(level, level))
        self._zoomed()
        self.centerOn(rect.center())

    def visible_scene_rect(self) -> QRectF:
        return self.mapToScene(self.viewport().rect()).boundingRect()

    def _zoomed(self) -> None:
        self._update_scroll_area()
        self.zoom_changed.emit(self.zoom_level())

    def _update_scroll_area(self) -> None:
        # Let the user pan well past the chart's edges: a screen of slack on every side.
        scale = self.zoom_level() or 1.0
        mx, my = self.viewport().width() / scale, self.viewport().height() / scale
        rect = self.chart.sceneRect().adjusted(-mx, -my, mx, my)
        if rect != self.sceneRect():
            corner = self.mapToScene(QPoint(0, 0))
            self.setSceneRect(rect)
            # A new scroll range must not move what the user is looking at (nor the card being dragged).
            shift = self.mapFromScene(corner)
            if abs(shift.x()) > 1 or abs(shift.y()) > 1:  # a pixel is rounding, not a shift
                self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + shift.x())
                self.verticalScrollBar().setValue(self.verticalScrollBar().value() + shift.y())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._update_scroll_area()
        if self.fit_pending:
            self.fit_all()

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta().y() or event.pixelDelta().y()
        if delta and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.zoom_by(1.0015**delta)
            event.accept()
            return
        super().wheelEvent(event)

    # ---------------------------------------------------------- hit tests
    def card_at(self, view_pos: QPoint) -> CardItem | None:
        for item in self.items(view_pos):
            if isinstance(item, CardItem):
                return item
        return None

    def item_at(self, view_pos: QPoint) -> QGraphicsItem | None:
        for item in self.items(view_pos):
            if isinstance(item, (CardItem, LinkItem)):
                return item
        return None

    # -------------------------------------------------------------- mouse
    def mousePressEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        self._press_pos = pos
        if event.button() == Qt.MouseButton.MiddleButton or (event.button() == Qt.MouseButton.LeftButton and self._space_down):
            self._pan_from = pos
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        if event.button() != Qt.MouseButton.LeftButton or self.case is None or self.stack is None:
            super().mousePressEvent(event)
            return
        self.close_editors()
        scene_pos = self.mapToScene(pos)
        card = self.card_at(pos)
        if card is not None and self._starts_link(card, scene_pos, event.modifiers()):
            self._link = LinkGesture(self.chart, card, self.chart.style.selection)
            event.accept()
            return
        super().mousePressEvent(event)
        if card is not None and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            ids = [c.entity_id for c in self.chart.selectedItems() if isinstance(c, CardItem)] if card.isSelected() else [card.entity_id]
            grid = self.grid_size if self.grid_enabled else 0
            self._move = MoveGesture(self.case, self.stack, card, ids, scene_pos, grid)

    def _starts_link(self, card: CardItem, scene_pos: QPointF, modifiers: Qt.KeyboardModifier) -> bool:
        if self.tool == "link" or modifiers & (Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.AltModifier):
            return True
        return card.handle_rect().adjusted(-3, -3, 3, 3).contains(card.mapFromScene(scene_pos))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        if self._pan_from is not None:
            self.fit_pending = False
            delta = pos - self._pan_from
            self._pan_from = pos
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            event.accept()
            return
        if self._link is not None:
            self._link.move_to(self.mapToScene(pos), self.card_at(pos))
            event.accept()
            return
        if self._move is not None:
            far = (pos - self._press_pos).manhattanLength() >= QApplication.startDragDistance()
            if far or self._move.moved:
                self._move.move_to(self.mapToScene(pos))
                event.accept()
                return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            self._pan_from = None
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor if self._space_down else Qt.CursorShape.ArrowCursor)
            event.accept()
            return
        if self._link is not None:
            gesture, self._link = self._link, None
            target = gesture.finish()
            if target is not None:
                self.ask_link_type(gesture.source.entity_id, target.entity_id, self.viewport().mapToGlobal(event.position().toPoint()))
            event.accept()
            return
        self._move = None
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        card = self.card_at(event.position().toPoint())
        if card is not None and event.button() == Qt.MouseButton.LeftButton:
            self.edit_label(card.entity_id)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        item = self.item_at(event.pos())
        if item is not None and not item.isSelected():
            self.chart.clearSelection()
            item.setSelected(True)
        kind = "card" if isinstance(item, CardItem) else "link" if isinstance(item, LinkItem) else "chart"
        self.context_menu_requested.emit(kind, self.mapToScene(event.pos()), event.globalPos())
        event.accept()

    # ----------------------------------------------------------- keyboard
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_down = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            return
        steps = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}
        if key in steps and self.nudge(*steps[key], big=bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)):
            return
        if key == Qt.Key.Key_Escape:
            if self._link is not None:
                self._link.finish()
                self._link = None
            else:
                self.chart.clearSelection()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_down = False
            self.set_tool(self.tool)
            return
        super().keyReleaseEvent(event)

    def nudge(self, dx: int, dy: int, big: bool = False) -> bool:
        """Move the selected cards by one grid step (or pixel), ten with Shift; nudges in a row merge."""
        ids = [c.entity_id for c in self.chart.selectedItems() if isinstance(c, CardItem)]
        if not ids or self.case is None or self.stack is None:
            return False
        step = (self.grid_size if self.grid_enabled else 1) * (10 if big else 1)
        positions = {eid: (self.case.entities[eid].x + dx * step, self.case.entities[eid].y + dy * step) for eid in ids}
        push(self.stack, MoveEntitiesCommand(self.case, positions, gesture="nudge:" + ",".join(sorted(ids))))
        return True

    # --------------------------------------------------------- background
    def paintEvent(self, event) -> None:
        # Here rather than on zoom or scroll: every way of moving the view (wheel, drag, scroll bars,
        # fit, the overview) ends in a paint. While the view moves, frames are drawn simplified
        # (no link labels, no antialiasing, blocks for small cards); a full frame follows the pause.
        at = (self.zoom_level(), self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        if self._painted_at is not None and at != self._painted_at:
            self.chart.set_moving(True)
            self._settle.start()
        self._painted_at = at
        self.chart.follow_zoom(self.zoom_level())
        super().paintEvent(event)

    def _settled(self) -> None:
        self.chart.set_moving(False)
        self.viewport().update()

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        painter.fillRect(rect, self.chart.style.background)
        step = self.grid_size
        if not self.grid_enabled or step * self.zoom_level() < 8:
            return
        pen = QPen(self.chart.style.grid, 0)
        painter.setPen(pen)
        left, top = int(rect.left() // step) * step, int(rect.top() // step) * step
        lines = [QLineF(x, rect.top(), x, rect.bottom()) for x in range(left, int(rect.right()) + 1, step)]
        lines += [QLineF(rect.left(), y, rect.right(), y) for y in range(top, int(rect.bottom()) + 1, step)]
        painter.drawLines(lines)

    # -------------------------------------------------------------- drops
    def dragEnterEvent(self, event) -> None:
        if self._accepts(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:
        mime = event.mimeData()
        if mime.hasFormat(ENTITY_TYPE_MIME):
            type_id = bytes(mime.data(ENTITY_TYPE_MIME).data()).decode("utf-8", "replace")
            self.add_entity_at(type_id, self.mapToScene(event.position().toPoint()))
            event.acceptProposedAction()
            return
        for url in mime.urls():
            if url.isLocalFile() and url.toLocalFile().lower().endswith(CASE_SUFFIX):
                event.acceptProposedAction()
                self.file_dropped.emit(url.toLocalFile())
                return
        event.ignore()

    @staticmethod
    def _accepts(mime) -> bool:
        if mime.hasFormat(ENTITY_TYPE_MIME):
            return True
        return any(u.isLocalFile() and Path(u.toLocalFile()).suffix.lower() == CASE_SUFFIX for u in mime.urls())

    # -------------------------------------------------------------- edits
    def add_entity_at(self, type_id: str, scene_pos: QPointF) -> str | None:
        """Add a card of *type_id* centred at *scene_pos*, select it and open its label for typing."""
        if self.case is None or self.stack is None or not type_id:
            return None
        grid = self.grid_size if self.grid_enabled else 0
        name = self.case.vocabulary.entity_type(type_id).name
        entity = Entity(label=name, type=type_id, x=snap(scene_pos.x(), grid), y=snap(scene_pos.y(), grid))
        push(self.stack, AddEntitiesCommand(self.case, [entity]))
        self.select_ids([entity.id])
        self.edit_label(entity.id, names_new_card=True)
        return entity.id

    def select_ids(self, entity_ids: list[str], link_ids: list[str] = ()) -> None:
        # One selectionChanged for the whole change, not one per item: every dock
        # listens to the selection, and Select All on a big chart must not wake them n times.
        self.chart.blockSignals(True)
        try:
            self.chart.clearSelection()
            for eid in entity_ids:
                if eid in self.chart.cards:
                    self.chart.cards[eid].setSelected(True)
            for lid in link_ids:
                if lid in self.chart.links:
                    self.chart.links[lid].setSelected(True)
        finally:
            self.chart.blockSignals(False)
        self.chart.selectionChanged.emit()

    def edit_label(self, entity_id: str, names_new_card: bool = False) -> LabelEditor | None:
        card = self.chart.cards.get(entity_id)
        if card is None or self.case is None or self.stack is None:
            return None
        self.close_editors()
        self.ensureVisible(card.sceneBoundingRect(), 40, 40)
        self.label_editor = LabelEditor(self, card, self.case, self.stack, names_new_card, self._editor_closed)
        return self.label_editor

    def _editor_closed(self) -> None:
        self.label_editor = None
        self.setFocus()

    def close_editors(self) -> None:
        if self.label_editor is not None:
            self.label_editor.commit()

    def ask_link_type(self, source_id: str, target_id: str, global_pos: QPoint) -> LinkTypePopup | None:
        """Show the link-type popup; picking a type adds the link (one undo step)."""
        if self.case is None:
            return None
        ents = self.case.entities
        popup = LinkTypePopup(self.case.vocabulary, self, f"{ents[source_id].label}  \u2192  {ents[target_id].label}")
        self.link_popup = popup

        def chosen(link_type: LinkType, is_new: bool) -> None:
            self.link_popup = None
            self.add_link(source_id, target_id, link_type, is_new)

        popup.chosen.connect(chosen)
        popup.cancelled.connect(lambda: setattr(self, "link_popup", None))
        popup.popup(global_pos)
        return popup

    def add_link(self, source_id: str, target_id: str, link_type: LinkType, is_new: bool = False) -> str | None:
        if self.case is None or self.stack is None or source_id not in self.case.entities or target_id not in self.case.entities:
            return None
        direction = "forward" if link_type.directed else "none"
        link = Link(source_id, target_id, link_type.id, direction=direction)
        push(self.stack, AddLinkCommand(self.case, link, new_type=link_type if is_new else None))
        self.select_ids([], [link.id])
        self.link_created.emit(link.id)
        return link.id
