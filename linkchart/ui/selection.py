"""The selection, by id, shared by the chart and every dock.

Any panel may read ``selected_entity_ids``/``selected_link_ids``, listen to
``changed`` and call ``set``; :class:`SceneSelectionSync` keeps the chart's
highlighted items in step both ways.
"""

from __future__ import annotations

from collections.abc import Iterable

import shiboken6
from PySide6.QtCore import QObject, Signal

from linkchart.model import Case, ChangeEvent
from linkchart.render import CardItem, ChartScene, LinkItem


class SelectionModel(QObject):
    """Selected entity and link ids, in the order they were selected."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entities: tuple[str, ...] = ()
        self._links: tuple[str, ...] = ()

    @property
    def selected_entity_ids(self) -> tuple[str, ...]:
        return self._entities

    @property
    def selected_link_ids(self) -> tuple[str, ...]:
        return self._links

    @property
    def is_empty(self) -> bool:
        return not (self._entities or self._links)

    def set(self, entity_ids: Iterable[str] = (), link_ids: Iterable[str] = ()) -> None:
        """Replace the selection; emits ``changed`` only if it differs."""
        entities, links = tuple(dict.fromkeys(entity_ids)), tuple(dict.fromkeys(link_ids))
        if (entities, links) != (self._entities, self._links):
            self._entities, self._links = entities, links
            self.changed.emit()

    def clear(self) -> None:
        self.set()

    def prune(self, case: Case) -> None:
        """Drop ids that are no longer in the case (after a delete or an undo)."""
        self.set([e for e in self._entities if e in case.entities], [k for k in self._links if k in case.links])


class SceneSelectionSync(QObject):
    """Mirror the scene's selected items into a SelectionModel and back, without echo."""

    def __init__(self, scene: ChartScene, selection: SelectionModel) -> None:
        super().__init__(scene)
        self.scene = scene
        self.selection = selection
        self._busy = False
        scene.selectionChanged.connect(self._from_scene)
        selection.changed.connect(self._to_scene)

    def _from_scene(self) -> None:
        if self._busy or not shiboken6.isValid(self.scene):
            return  # the scene emits while it is being destroyed with the window
        items = self.scene.selectedItems()
        old_e, old_l = self.selection.selected_entity_ids, self.selection.selected_link_ids
        now_e = {i.entity_id for i in items if isinstance(i, CardItem)}
        now_l = {i.link_id for i in items if isinstance(i, LinkItem)}
        # Keep the existing order and append the newly selected ones in case order.
        case = self.scene.case
        new_e, new_l = now_e - set(old_e), now_l - set(old_l)
        entities = [e for e in old_e if e in now_e] + ([e for e in case.entities if e in new_e] if case and new_e else [])
        links = [k for k in old_l if k in now_l] + ([k for k in case.links if k in new_l] if case and new_l else [])
        self._busy = True
        try:
            self.selection.set(entities, links)
        finally:
            self._busy = False

    def _to_scene(self, entity_ids: Iterable[str] | None = None, link_ids: Iterable[str] | None = None) -> None:
        """Select in the scene what the model has selected: every item, or only those of the ids given."""
        if self._busy:
            return
        self._busy = True
        try:
            wanted_e, wanted_l = set(self.selection.selected_entity_ids), set(self.selection.selected_link_ids)
            cards, links = self.scene.cards, self.scene.links
            for eid, card in cards.items() if entity_ids is None else ((e, cards[e]) for e in entity_ids if e in cards):
                if card.isSelected() != (eid in wanted_e):
                    card.setSelected(eid in wanted_e)
            for lid, item in links.items() if link_ids is None else ((k, links[k]) for k in link_ids if k in links):
                if item.isSelected() != (lid in wanted_l):
                    item.setSelected(lid in wanted_l)
        finally:
            self._busy = False

    def on_case_changed(self, event: ChangeEvent) -> None:
        """Prune removed ids, and re-highlight items rebuilt by the scene (undo of a delete)."""
        if event.kind in ("entities_removed", "links_removed", "reset") and self.scene.case is not None:
            self.selection.prune(self.scene.case)
        elif event.kind == "entities_added":
            # Only items the scene made again can have lost their highlight; on a big chart
            # re-checking every item after each edit cost 20 ms.
            self._to_scene(event.ids, ())
        elif event.kind in ("links_added", "links_changed"):
            self._to_scene((), event.ids)
