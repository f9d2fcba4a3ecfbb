"""Commands that reshape many records at once: merging duplicate entities, applying an import draft."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from linkchart.commands.base import CaseCommand, plural
from linkchart.model import Case, Removal
from linkchart.model.draft import AppliedDraft, Draft


def _field(plan: Any, names: tuple[str, ...], default: Any) -> Any:
    """Read a plan field by attribute or key, under its name or an accepted alias."""
    for name in names:
        if isinstance(plan, Mapping) and name in plan:
            return plan[name]
        if hasattr(plan, name):
            return getattr(plan, name)
    return default


class MergeEntitiesCommand(CaseCommand):
    """Apply a merge plan as one step: update the kept entity, re-point links, remove the others.

    The plan (an object or a mapping; the analysis module builds it) has:
    ``keep_id``; ``values``, the kept entity's new field values (e.g. label, aliases,
    citations); ``relinks``, ``{link_id: {"source"|"target": entity_id}}``; and
    ``other_ids``, the entities merged away. Optional ``remove_link_ids`` lists
    links to drop (duplicates the merge would create). Links still attached to an
    other entity go with it, and all of it comes back on undo.
    """

    def __init__(self, case: Case, plan: Any, text: str = "") -> None:
        self.keep_id: str = _field(plan, ("keep_id", "keep"), "")
        self.values: dict[str, Any] = dict(_field(plan, ("values", "entity_values", "kept_values"), {}))
        self.relinks: dict[str, dict[str, str]] = {
            lid: dict(ends) for lid, ends in _field(plan, ("relinks", "link_updates", "relink"), {}).items()
        }
        self.other_ids: list[str] = list(_field(plan, ("other_ids", "remove_ids", "merged_ids"), []))
        self.drop_link_ids: list[str] = list(_field(plan, ("remove_link_ids", "drop_link_ids"), []))
        self.old_values: dict[str, Any] = {}
        self.old_ends: dict[str, dict[str, Any]] = {}
        self.dropped: list = []
        self.removal: Removal | None = None
        keep = case.entities.get(self.keep_id)
        name = self.values.get("label", keep.label if keep else "")
        super().__init__(case, text or f"Merge {plural(len(self.other_ids) + 1, 'card')} into '{name}'")

    def do(self) -> None:
        with self.case.batch():
            self.dropped = self.case.remove_links(self.drop_link_ids) if self.drop_link_ids else []
            self.old_values = self.case.update_entity(self.keep_id, **self.values) if self.values else {}
            self.old_ends = {lid: self.case.update_link(lid, **ends) for lid, ends in self.relinks.items()}
            self.removal = self.case.remove_entities(self.other_ids) if self.other_ids else None

    def undo_(self) -> None:
        with self.case.batch():
            if self.removal is not None:
                self.case.restore(self.removal)
            for lid, ends in reversed(self.old_ends.items()):
                self.case.update_link(lid, **ends)
            if self.old_values:
                self.case.update_entity(self.keep_id, **self.old_values)
            if self.dropped:
                self.case.insert_links([k for _, k in self.dropped], [i for i, _ in self.dropped])


class ApplyDraftCommand(CaseCommand):
    """Add an import draft (or pasted items) as one step; ids are settled by the case on first apply."""

    def __init__(self, case: Case, draft: Draft, text: str = "") -> None:
        self.draft = draft
        self.applied: AppliedDraft | None = None
        super().__init__(case, text or f"Import {plural(len(draft.entities), 'card')}, {plural(len(draft.links), 'link')}")

    def do(self) -> None:
        # Re-applying the settled draft after undo brings back the same ids.
        self.applied = self.case.apply_draft(self.applied.draft if self.applied else self.draft)

    def undo_(self) -> None:
        if self.applied is not None:
            self.case.unapply_draft(self.applied)

    @property
    def entity_ids(self) -> list[str]:
        """The ids the new entities got in the case (after the first apply)."""
        return [e.id for e in self.applied.draft.entities] if self.applied else []

    @property
    def link_ids(self) -> list[str]:
        return [k.id for k in self.applied.draft.links] if self.applied else []
