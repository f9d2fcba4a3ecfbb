"""How the panels call ``linkchart.analysis``: the few choices the UI makes on top of the pure functions."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from linkchart.analysis import MEASURES, Centrality, MergePlan, centrality

WEIGHTS = {"": "Unweighted", "strength": "By strength", "grading": "By grading"}
COUNTS = ("degree", "in_degree", "out_degree")  # shown as link counts, which analysts read at a glance


def measure(case, name: str, directed: bool, weight: str, progress: Callable[[float], bool] | None = None) -> Centrality:
    """Centrality *name* (a key of MEASURES) of every entity; degrees as plain counts."""
    return centrality(case, name, directed=directed, weight=weight or None, normalized=name not in COUNTS, progress=progress)


def merge_command_plan(plan: MergePlan, drop_self_loops: bool = True) -> dict[str, Any]:
    """The analysis module's merge plan in the fields ``MergeEntitiesCommand`` reads.

    Links between the merged cards would join the kept card to itself: with
    ``drop_self_loops`` they are not re-pointed, so they go with the merged-away
    card (and come back on undo). Group changes are not in the command; the
    caller applies ``plan.group_updates`` in the same undo step.
    """
    relinks = plan.link_updates_without_loops() if drop_self_loops else dict(plan.link_updates)
    return {"keep_id": plan.keep_id, "values": dict(plan.entity_values), "relinks": relinks, "other_ids": list(plan.other_ids)}


__all__ = ["COUNTS", "MEASURES", "WEIGHTS", "Centrality", "measure", "merge_command_plan"]
