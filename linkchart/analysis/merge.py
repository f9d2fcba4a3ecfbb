"""Merge planning: what keeping one card and folding others into it changes, as data.

:func:`plan_merge` reads the case and returns a complete :class:`MergePlan`;
the command layer applies it with Case primitives, in this order:
``update_entity(keep_id, **entity_values)``, ``update_link(id, **ends)`` for each
of ``link_updates`` (minus any self-loops the analyst chose to drop, which are
removed with ``remove_links``), ``update_group(id, members=...)`` for each of
``group_updates``, then ``remove_entities(other_ids)``, which by then takes no
link with it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from linkchart.model import Case, Citation


@dataclass
class MergePlan:
    """Everything a merge changes.

    ``entity_values``: the kept card's new field values (only fields that change).
    ``link_updates``: link id -> {"source": keep_id} and/or {"target": keep_id}.
    ``self_loops``: links that would then join the kept card to itself (they are
    in ``link_updates`` too: kept by default, the UI may drop them).
    ``group_updates``: group id -> new member list (others replaced by the kept card).
    ``parallel``: groups of link ids that will join the same two cards with the
    same type and direction afterwards, for the analyst to review (not merged).
    """

    keep_id: str
    other_ids: list[str]
    entity_values: dict[str, Any] = field(default_factory=dict)
    link_updates: dict[str, dict[str, str]] = field(default_factory=dict)
    self_loops: list[str] = field(default_factory=list)
    group_updates: dict[str, list[str]] = field(default_factory=dict)
    parallel: list[list[str]] = field(default_factory=list)

    def link_updates_without_loops(self) -> dict[str, dict[str, str]]:
        """The re-pointings to apply when the self-loops are dropped instead."""
        loops = set(self.self_loops)
        return {lid: ends for lid, ends in self.link_updates.items() if lid not in loops}


def plan_merge(case: Case, keep_id: str, other_ids: Iterable[str]) -> MergePlan:
    """Plan folding ``other_ids`` into ``keep_id``; the case is not changed.

    The kept card gains the others' labels and aliases as aliases (no repeats,
    ignoring case), their attributes where it has none of that name, their notes
    (joined, no repeats), their citations (no two with one article and span), and
    their subtitle and date where its own are empty.
    """
    if keep_id not in case.entities:
        raise ValueError(f"no entity with id {keep_id} to keep")
    others = [o for o in dict.fromkeys(other_ids) if o != keep_id]
    for o in others:
        if o not in case.entities:
            raise ValueError(f"no entity with id {o} to merge")
    keep = case.entities[keep_id]
    gone = [case.entities[o] for o in others]
    plan = MergePlan(keep_id, others)

    seen = {keep.label.casefold()}
    aliases = []
    for name in [*keep.aliases, *(n for e in gone for n in e.names)]:
        if name.strip() and name.casefold() not in seen:
            seen.add(name.casefold())
            aliases.append(name)
    attributes = dict(keep.attributes)
    for e in gone:
        for k, v in e.attributes.items():
            attributes.setdefault(k, v)
    notes = [n for n in dict.fromkeys(x.notes.strip() for x in [keep, *gone]) if n]
    spans = {_span(c) for c in keep.citations}
    citations = list(keep.citations)
    for e in gone:
        for c in e.citations:
            if _span(c) not in spans:
                spans.add(_span(c))
                citations.append(c)
    new = {"aliases": aliases, "attributes": attributes, "notes": "\n\n".join(notes), "citations": citations}
    for name in ("subtitle", "date"):
        if not getattr(keep, name):
            new[name] = next((getattr(e, name) for e in gone if getattr(e, name)), "")
    plan.entity_values = {k: v for k, v in new.items() if v != getattr(keep, k)}

    folded = set(others)
    after: dict[str, tuple[str, str]] = {}
    for lid, link in case.links.items():
        ends = {}
        if link.source in folded:
            ends["source"] = keep_id
        if link.target in folded:
            ends["target"] = keep_id
        src, dst = ends.get("source", link.source), ends.get("target", link.target)
        after[lid] = (src, dst)
        if ends:
            plan.link_updates[lid] = ends
            if src == dst:
                plan.self_loops.append(lid)

    for gid, group in case.groups.items():
        if folded & set(group.members):
            members = list(dict.fromkeys(keep_id if m in folded else m for m in group.members))
            plan.group_updates[gid] = members

    bundles: dict[tuple, list[str]] = {}
    for lid, link in case.links.items():
        src, dst = after[lid]
        if src == dst:
            continue
        key = (link.type, *(sorted((src, dst)) if link.direction != "forward" else (src, dst)), link.direction)
        bundles.setdefault(key, []).append(lid)
    plan.parallel = [ids for ids in bundles.values() if len(ids) > 1 and any(i in plan.link_updates for i in ids)]
    return plan


def _span(c: Citation) -> tuple[str, int, int]:
    return c.article_id, c.start, c.end
