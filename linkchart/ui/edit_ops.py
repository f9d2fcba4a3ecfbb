"""The Edit menu's work for the main window: delete, cut, copy, paste, duplicate, select, rename, reverse.

A mixin for :class:`~linkchart.ui.main_window.MainWindow`; every change is one command.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace

from PySide6.QtCore import QPointF
from PySide6.QtGui import QGuiApplication

from linkchart.commands import ApplyDraftCommand, RemoveItemsCommand, UpdateLinksCommand, push
from linkchart.commands.base import plural
from linkchart.model.draft import Draft
from linkchart.ui import clipboard

PASTE_STEP = 40.0  # how far each repeated paste or a duplicate lands from the original


class EditOpsMixin:
    """Needs ``case``, ``undo_stack``, ``selection`` and ``chart_view`` from the window."""

    _paste_key = b""
    _paste_count = 0

    def selected_card_ids(self) -> list[str]:
        return list(self.selection.selected_entity_ids)

    def delete_selection(self) -> None:
        entities, links = self.selection.selected_entity_ids, self.selection.selected_link_ids
        if entities or links:
            push(self.undo_stack, RemoveItemsCommand(self.case, entities, links))

    def copy_selection(self) -> bool:
        ids = self.selected_card_ids()
        if not ids:
            return False
        QGuiApplication.clipboard().setMimeData(clipboard.to_mime(self.case, ids))
        return True

    def cut_selection(self) -> None:
        if self.copy_selection():
            entities, links = self.selection.selected_entity_ids, self.selection.selected_link_ids
            push(self.undo_stack, RemoveItemsCommand(self.case, entities, links, text=f"Cut {plural(len(entities), 'card')}"))

    def paste(self, at: QPointF | None = None) -> list[str]:
        """Paste the clipboard's cards; at *at* (a scene point) or a step away from the copied ones."""
        mime = QGuiApplication.clipboard().mimeData()
        draft = clipboard.draft_from_mime(mime)
        if draft is None or not draft.entities:
            return []
        key = hashlib.sha256(bytes(mime.data(clipboard.MIME).data())).digest()
        self._paste_count = self._paste_count + 1 if key == self._paste_key else 1
        self._paste_key = key
        if at is not None:
            xs, ys = [e.x for e in draft.entities], [e.y for e in draft.entities]
            offset = (at.x() - (min(xs) + max(xs)) / 2, at.y() - (min(ys) + max(ys)) / 2)
        elif any(e.id in self.case.entities for e in draft.entities):
            offset = (PASTE_STEP * self._paste_count, PASTE_STEP * self._paste_count)
        else:
            offset = (0.0, 0.0)  # into another case: keep the copied arrangement where it was
        return self._add_draft(_moved(draft, offset), f"Paste {plural(len(draft.entities), 'card')}")

    def duplicate_selection(self) -> list[str]:
        ids = self.selected_card_ids()
        if not ids:
            return []
        draft = clipboard.draft_from_data(clipboard.copy_data(self.case, ids), (PASTE_STEP, PASTE_STEP))
        return self._add_draft(draft, f"Duplicate {plural(len(ids), 'card')}")

    def _add_draft(self, draft: Draft, text: str) -> list[str]:
        command = ApplyDraftCommand(self.case, draft, text=text)
        push(self.undo_stack, command)
        self.chart_view.select_ids(command.entity_ids, command.link_ids)
        return command.entity_ids

    def select_all(self) -> None:
        self.chart_view.select_ids(list(self.case.entities), list(self.case.links))

    def select_linked(self) -> None:
        chosen = set(self.selection.selected_entity_ids)
        linked = {end for k in self.case.links.values() if k.source in chosen or k.target in chosen for end in (k.source, k.target)}
        self.chart_view.select_ids([e for e in self.case.entities if e in chosen | linked], list(self.selection.selected_link_ids))

    def rename_selected(self) -> None:
        ids = self.selected_card_ids()
        if ids:
            self.chart_view.edit_label(ids[0])

    def reverse_selected_link(self) -> None:
        links = self.selection.selected_link_ids
        if len(links) == 1 and links[0] in self.case.links:
            link = self.case.links[links[0]]
            push(self.undo_stack, UpdateLinksCommand(self.case, {link.id: {"source": link.target, "target": link.source}}, text="Reverse link"))


def _moved(draft: Draft, offset: tuple[float, float]) -> Draft:
    dx, dy = offset
    if not dx and not dy:
        return draft
    return replace(draft, entities=[replace(e, x=e.x + dx, y=e.y + dy) for e in draft.entities])
