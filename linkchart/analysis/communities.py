"""Clusters: communities (Louvain, fixed seed, so the same chart gives the same answer) and connected pieces."""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from linkchart.analysis.graphs import simple_graph
from linkchart.model import Case


def communities(
    case: Case,
    *,
    weight: str | None = None,
    link_types: Iterable[str] | None = None,
    min_strength: str | None = None,
    resolution: float = 1.0,
    seed: int = 0,
) -> list[list[str]]:
    """Groups of densely linked cards (direction ignored), largest first; every card is in one.

    Ids within a group and ties between groups follow case order. Higher
    ``resolution`` gives more, smaller groups.
    """
    graph = simple_graph(case, directed=False, weight=weight, link_types=link_types, min_strength=min_strength)
    found = nx.community.louvain_communities(graph, weight="weight", resolution=resolution, seed=seed)
    return _ordered(case, found)


def components(
    case: Case,
    *,
    link_types: Iterable[str] | None = None,
    min_strength: str | None = None,
) -> list[list[str]]:
    """Weakly connected pieces of the chart (cards joined by links either way), largest first."""
    graph = simple_graph(case, directed=False, link_types=link_types, min_strength=min_strength)
    return _ordered(case, nx.connected_components(graph))


def membership(groups: list[list[str]]) -> dict[str, int]:
    """Entity id -> index of its group, for colouring cards by group."""
    return {eid: i for i, group in enumerate(groups) for eid in group}


def _ordered(case: Case, groups: Iterable[Iterable[str]]) -> list[list[str]]:
    order = {eid: i for i, eid in enumerate(case.entities)}
    out = [sorted(g, key=order.__getitem__) for g in groups]
    out.sort(key=lambda g: (-len(g), order[g[0]]))
    return out
