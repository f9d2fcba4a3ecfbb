"""Mouse gestures on the chart: moving cards, drawing a link, naming a card in place.

Each gesture reads the model, shows temporary feedback, and changes the case
only by pushing commands, so every gesture is one undo step.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from PySide6.QtCore import QEvent, QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPen, QUndoStack
from PySide6.QtWidgets import QGraphicsLineItem, QGraphicsView, QLineEdit

from linkchart.commands import MoveEntitiesCommand, UpdateEntitiesCommand, push
from linkchart.model import Case
from linkchart.render import CardItem, ChartScene

_gesture_ids = itertools.count(1)


def snap(value: float, grid: int) -> float:
    return round(value / grid) * grid if grid > 0 else value


class MoveGesture:
    """Drag selected cards; each mouse move pushes a move that merges into one undo step."""

    def __init__(self, case: Case, stack: QUndoStack, anchor: CardItem, entity_ids: list[str], press: QPointF, grid: int) -> None:
        self.case, self.stack = case, stack
        self.anchor_id = anchor.entity_id
        self.start = {eid: (case.entities[eid].x, case.entities[eid].y) for eid in entity_ids if eid in case.entities}
        self.press = press
        self.grid = grid
        self.token = f"drag-{next(_gesture_ids)}"
        self.moved = False

    def move_to(self, scene_pos: QPointF) -> None:
        dx, dy = scene_pos.x() - self.press.x(), scene_pos.y() - self.press.y()
        ax, ay = self.start[self.anchor_id]
        if self.grid:
            # Snap the card under the mouse; the others keep their places relative to it.
            dx, dy = snap(ax + dx, self.grid) - ax, snap(ay + dy, self.grid) - ay
        positions = {eid: (x + dx, y + dy) for eid, (x, y) in self.start.items()}
        current = {eid: (self.case.entities[eid].x, self.case.entities[eid].y) for eid in positions if eid in self.case.entities}
        if positions != current and len(current) == len(positions):
            push(self.stack, MoveEntitiesCommand(self.case, positions, gesture=self.token))
            self.moved = True


class LinkGesture:
    """Drag from a card to another: a rubber line follows the mouse; the target card lights up."""

    def __init__(self, scene: ChartScene, source: CardItem, colour: QColor) -> None:
        self.scene = scene
        self.source = source
        pen = QPen(colour, 1.6, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        self.line = QGraphicsLineItem(QLineF(source.pos(), source.pos()))
        self.line.setPen(pen)
        self.line.setZValue(10)
        scene.addItem(self.line)
        self.target: CardItem | None = None

    def move_to(self, scene_pos: QPointF, card: CardItem | None) -> None:
        self.line.setLine(QLineF(self.source.pos(), scene_pos))
        target = card if card is not None and card is not self.source else None
        if target is not self.target:
            for c in (self.target, target):
                if c is not None:
                    c.hovered = c is target
                    c.update()
            self.target = target

    def finish(self) -> CardItem | None:
        """Remove the feedback; return the card the link should end on, if any."""
        self.scene.removeItem(self.line)
        target, self.target = self.target, None
        if target is not None:
            target.hovered = False
            target.update()
        return target


class LabelEditor(QLineEdit):
    """Edit a card's label on the chart. Enter or leaving commits; Escape cancels.

    ``names_new_card`` makes the rename merge into the "add card" step just
    pushed, so dropping a card and naming it is one undo step.
    """

    def __init__(self, view: QGraphicsView, card: CardItem, case: Case, stack: QUndoStack, names_new_card: bool,
                 on_done: Callable[[], None]) -> None:
        super().__init__(view.viewport())
        self.setObjectName("labelEditor")
        self.case, self.stack, self.entity_id = case, stack, card.entity_id
        self.names_new_card = names_new_card
        self._on_done = on_done
        self._finished = False
        self.setText(case.entities[card.entity_id].label)
        self.selectAll()
        scale = view.transform().m11()
        font = QFont(card.style.label_font)
        font.setPixelSize(max(9, round(card.style.label_font.pixelSize() * scale)))
        self.setFont(font)
        rect = card.card_rect().translated(card.pos())
        text_rect = QRectF(rect.left() + 42, rect.top() + 3, rect.width() - 46, 22)
        top_left = view.mapFromScene(text_rect.topLeft())
        bottom_right = view.mapFromScene(text_rect.bottomRight())
        width = max(bottom_right.x() - top_left.x(), 160)
        self.setGeometry(top_left.x(), top_left.y(), width, max(bottom_right.y() - top_left.y(), self.sizeHint().height()))
        self.returnPressed.connect(self.commit)
        self.show()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.finish()
            return
        super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and not self._finished:
            self.commit()
        return super().event(event)

    def commit(self) -> None:
        if self._finished:
            return
        label = self.text().strip()
        entity = self.case.entities.get(self.entity_id)
        if entity is not None and label and label != entity.label:
            push(self.stack, UpdateEntitiesCommand(self.case, {self.entity_id: {"label": label}}, names_new_card=self.names_new_card))
        self.finish()

    def finish(self) -> None:
        if self._finished:
            return
        self._finished = True
        self.hide()
        self.deleteLater()
        self._on_done()

