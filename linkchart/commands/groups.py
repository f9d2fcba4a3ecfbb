"""Undo commands over groups: make, dissolve, rename, collapse and expand (QtGui only, no widgets).

A card belongs to at most one group: grouping cards that already sit in another
group moves them, and the same step puts them back on undo.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from linkchart.commands import CaseCommand
from linkchart.model import Case, Group


def group_of(case: Case, entity_id: str) -> Group | None:
    """The group the entity belongs to, if any."""
    return next((g for g in case.groups.values() if entity_id in g.members), None)


def centre_of(case: Case, entity_ids: Iterable[str]) -> tuple[float, float]:
    """The mean position of the given cards (where a collapsed group card sits)."""
    pts = [(case.entities[e].x, case.entities[e].y) for e in entity_ids if e in case.entities]
    if not pts:
        return 0.0, 0.0
    return sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts)


class MakeGroupCommand(CaseCommand):
    """Put cards in a new named group, taking them out of any group they were in."""

    def __init__(self, case: Case, label: str, members: Iterable[str], text: str = "") -> None:
        members = [m for m in dict.fromkeys(members) if m in case.entities]
        x, y = centre_of(case, members)
        self.group = Group(label=label, members=members, x=x, y=y)
        taken = set(members)
        self.shrunk = {g.id: [m for m in g.members if m not in taken] for g in case.groups.values() if taken & set(g.members)}
        self.old_members: dict[str, Any] = {}
        super().__init__(case, text or f"Group {len(members)} cards as '{label}'")

    def do(self) -> None:
        with self.case.batch():
            self.old_members = {gid: self.case.update_group(gid, members=m)["members"] for gid, m in self.shrunk.items()}
            self.case.insert_group(self.group)

    def undo_(self) -> None:
        with self.case.batch():
            self.case.remove_group(self.group.id)
            for gid, members in self.old_members.items():
                self.case.update_group(gid, members=members)


class RemoveGroupCommand(CaseCommand):
    """Dissolve a group; its cards stay on the chart, and undo brings the group back where it was."""

    def __init__(self, case: Case, group_id: str, text: str = "") -> None:
        self.group_id = group_id
        self.removed: tuple[int, Group] | None = None
        label = case.groups[group_id].label if group_id in case.groups else ""
        super().__init__(case, text or f"Ungroup '{label}'")

    def do(self) -> None:
        self.removed = self.case.remove_group(self.group_id)

    def undo_(self) -> None:
        if self.removed is not None:
            index, group = self.removed
            self.case.insert_group(group, index)


class UpdateGroupCommand(CaseCommand):
    """Set fields on a group (label, members, collapsed, x, y, style) as one step."""

    def __init__(self, case: Case, group_id: str, values: Mapping[str, Any], text: str = "") -> None:
        self.group_id = group_id
        self.values = dict(values)
        self.old: dict[str, Any] = {}
        super().__init__(case, text or f"Edit group {', '.join(sorted(self.values))}")
        group = case.groups.get(group_id)
        self.setObsolete(group is not None and all(getattr(group, k) == v for k, v in self.values.items()))

    def do(self) -> None:
        self.old = self.case.update_group(self.group_id, **self.values)

    def undo_(self) -> None:
        self.case.update_group(self.group_id, **self.old)


def collapse_command(case: Case, group_id: str) -> UpdateGroupCommand:
    """Collapse a group to one card at the centre of its members."""
    group = case.groups[group_id]
    x, y = centre_of(case, group.members)
    return UpdateGroupCommand(case, group_id, {"collapsed": True, "x": x, "y": y}, text=f"Collapse group '{group.label}'")


def expand_command(case: Case, group_id: str) -> UpdateGroupCommand:
    group = case.groups[group_id]
    return UpdateGroupCommand(case, group_id, {"collapsed": False}, text=f"Expand group '{group.label}'")


def remove_members_command(case: Case, group_id: str, entity_ids: Iterable[str]) -> UpdateGroupCommand:
    group = case.groups[group_id]
    gone = set(entity_ids)
    kept = [m for m in group.members if m not in gone]
    return UpdateGroupCommand(case, group_id, {"members": kept}, text=f"Take {len(group.members) - len(kept)} cards out of '{group.label}'")
