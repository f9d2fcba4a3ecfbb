"""What the analysis features use of the main window, in one place.

Every feature reads the case, undo stack, scene and selection through a
:class:`Host`, always fresh (the window replaces the case and undo stack when
it opens another case and then emits ``document_changed``), and hears about
that replacement from ``case_replaced``; ``case_changed`` re-emits the current
case's change events so features never subscribe to a stale case.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QGraphicsView, QMainWindow

from linkchart.commands import CaseCommand, push
from linkchart.model import Case, ChangeEvent
from linkchart.render import ChartScene
from linkchart.settings import Preferences


class Host(QObject):
    """The window's case, stack, scene, view and selection, by id, always current."""

    case_replaced = Signal()
    selection_changed = Signal()
    case_changed = Signal(object)  # ChangeEvent, re-emitted for whichever case is current

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._case: Case | None = None
        self._attach()
        # The window swaps case, undo stack and scene contents on open/new/revert, then says so.
        window.document_changed.connect(self._document_changed)
        window.selection.changed.connect(self.selection_changed)

    # ------------------------------------------------------------ reading
    @property
    def case(self) -> Case:
        return self.window.case

    @property
    def undo_stack(self) -> QUndoStack:
        return self.window.undo_stack

    @property
    def scene(self) -> ChartScene:
        return self.window.scene

    @property
    def view(self) -> QGraphicsView:
        return self.window.chart_view

    @property
    def preferences(self) -> Preferences:
        prefs = getattr(self.window, "preferences", None)
        return prefs if isinstance(prefs, Preferences) else Preferences()

    def push(self, command: CaseCommand) -> CaseCommand:
        return push(self.undo_stack, command)

    # ------------------------------------------------------------ selection
    def selected_entity_ids(self) -> list[str]:
        return [i for i in self.window.selection.selected_entity_ids if i in self.case.entities]

    def selected_link_ids(self) -> list[str]:
        return [i for i in self.window.selection.selected_link_ids if i in self.case.links]

    def select(self, entity_ids: Iterable[str] = (), link_ids: Iterable[str] = ()) -> None:
        """Make exactly these cards and links the selection."""
        self.window.selection.set(entity_ids, link_ids)

    def centre_on(self, item_ids: Iterable[str]) -> None:
        """Scroll the chart so the given cards and links are in view (zoom is kept)."""
        items = [self.scene.cards.get(i) or self.scene.links.get(i) for i in item_ids]
        items = [i for i in items if i is not None]
        if not items:
            return
        rect = items[0].sceneBoundingRect()
        for item in items[1:]:
            rect = rect.united(item.sceneBoundingRect())
        self.view.centerOn(rect.center())

    # ------------------------------------------------------------ wiring
    def _attach(self) -> None:
        if self._case is not None:
            self._case.changed.disconnect(self._forward)
        self._case = self.window.case
        self._case.changed.connect(self._forward)

    def _document_changed(self) -> None:
        self._attach()
        self.case_replaced.emit()

    def _forward(self, event: ChangeEvent) -> None:
        self.case_changed.emit(event)
