"""Paths between two cards and the neighbourhood of a card: the chains of evidence.

A path is a list of :class:`Step` (from entity, over link, to entity) in the
order walked, so the UI can list every link's citations along the chain. When
several links join one pair, a step names the strongest that satisfies the
filters (then the first in case order); :func:`links_for_step` lists them all.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import islice
from typing import NamedTuple

import networkx as nx

from linkchart.analysis.graphs import runs, simple_graph, strength_at_least
from linkchart.model import STRENGTHS, Case


class Step(NamedTuple):
    """One hop of a path, in walking order: the link may point either way unless the walk was directed."""

    from_id: str
    link_id: str
    to_id: str


Path = list[Step]


def shortest_paths(
    case: Case,
    source: str,
    target: str,
    *,
    directed: bool = False,
    link_types: Iterable[str] | None = None,
    min_strength: str | None = None,
    weight: str | None = None,
    limit: int = 100,
) -> list[Path]:
    """Every shortest path from ``source`` to ``target`` (at most ``limit``), by hops or, with ``weight``, by 1/weight.

    ``directed`` walks links only their way ("both"/"none" links either way);
    ``link_types`` and ``min_strength`` leave other links out. No path: [].
    """
    graph = _graph(case, source, target, directed, link_types, min_strength, weight)
    if source == target:
        return []
    try:
        walks = list(islice(nx.all_shortest_paths(graph, source, target, weight="distance" if weight else None), limit))
    except nx.NetworkXNoPath:
        return []
    return [_steps(case, graph, walk) for walk in walks]


def simple_paths(
    case: Case,
    source: str,
    target: str,
    *,
    max_hops: int = 4,
    directed: bool = False,
    link_types: Iterable[str] | None = None,
    min_strength: str | None = None,
    limit: int = 100,
) -> list[Path]:
    """Paths visiting no card twice, up to ``max_hops`` links, shortest first (at most ``limit``)."""
    graph = _graph(case, source, target, directed, link_types, min_strength, None)
    if source == target or max_hops < 1:
        return []
    out: list[Path] = []
    try:
        # Yen's algorithm yields paths in order of length, so stopping early loses no shorter path.
        for walk in nx.shortest_simple_paths(graph, source, target):
            if len(walk) - 1 > max_hops or len(out) >= limit:
                break
            out.append(_steps(case, graph, walk))
    except nx.NetworkXNoPath:
        return []
    return out


def links_for_step(
    case: Case,
    step: Step,
    *,
    directed: bool = False,
    link_types: Iterable[str] | None = None,
    min_strength: str | None = None,
) -> list[str]:
    """Every link that could make this hop under the same filters, strongest first."""
    types = None if link_types is None else set(link_types)
    found = [
        link
        for link in case.links_between(step.from_id, step.to_id)
        if (types is None or link.type in types)
        and strength_at_least(link, min_strength)
        and (step.from_id, step.to_id) in runs(link, directed)
    ]
    rank = {s: i for i, s in enumerate(STRENGTHS)}
    found.sort(key=lambda link: rank.get(link.strength, len(STRENGTHS)))
    return [link.id for link in found]


def neighbourhood(
    case: Case,
    start: str | Iterable[str],
    hops: int = 1,
    *,
    direction: str = "both",
    link_types: Iterable[str] | None = None,
    min_strength: str | None = None,
) -> dict[str, int]:
    """Cards within ``hops`` links of ``start`` (one id or several) -> distance in hops (start cards: 0).

    ``direction`` is "both" (ignore direction), "out" (follow links their way)
    or "in" (against it); "both"/"none" links go either way.
    """
    if direction not in ("both", "out", "in"):
        raise ValueError("direction must be 'both', 'out' or 'in'")
    starts = [start] if isinstance(start, str) else list(start)
    for s in starts:
        _known(case, s)
    graph = simple_graph(case, directed=direction != "both", link_types=link_types, min_strength=min_strength)
    if direction == "in":
        graph = graph.reverse(copy=False)
    found = dict.fromkeys(starts, 0)
    frontier = list(found)
    for depth in range(1, hops + 1):
        nxt = []
        for v in frontier:
            for w in graph.neighbors(v):
                if w not in found:
                    found[w] = depth
                    nxt.append(w)
        frontier = nxt
    return found


def _known(case: Case, entity_id: str) -> None:
    if entity_id not in case.entities:
        raise ValueError(f"no entity with id {entity_id}")


def _graph(case, source, target, directed, link_types, min_strength, weight) -> nx.Graph:
    _known(case, source)
    _known(case, target)
    return simple_graph(case, directed=directed, weight=weight, link_types=link_types, min_strength=min_strength)


def _steps(case: Case, graph: nx.Graph, walk: list[str]) -> Path:
    rank = {s: i for i, s in enumerate(STRENGTHS)}
    steps = []
    for a, b in zip(walk, walk[1:], strict=False):
        links = graph[a][b]["links"]
        best = min(links, key=lambda lid: (rank.get(case.links[lid].strength, len(STRENGTHS)), links.index(lid)))
        steps.append(Step(a, best, b))
    return steps
