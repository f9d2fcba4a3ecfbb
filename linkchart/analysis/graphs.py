"""Simple graphs built from the case graph for analysis: one edge per linked pair.

The case graph is a ``MultiDiGraph`` (several links per pair, each with its own
direction). Measures want a simple graph, so each view collapses a pair's links
into one edge whose ``weight`` is the strongest of them (evidence does not add
up: three reports of one tie are one tie) and whose ``links`` lists their ids.

Direction: in a directed view a "forward" link runs source -> target, while a
link whose direction is "both" or "none" runs both ways. An undirected view
ignores direction altogether.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from linkchart.model import STRENGTHS, Case, Link

STRENGTH_WEIGHTS = {"confirmed": 1.0, "probable": 0.6, "possible": 0.3}
# Admiralty code letters and digits as weights; "cannot be judged" (F, 6) and ungraded sit in the middle.
RELIABILITY_WEIGHTS = {"A": 1.0, "B": 0.8, "C": 0.6, "D": 0.4, "E": 0.2, "F": 0.5, "": 0.5}
CREDIBILITY_WEIGHTS = {"1": 1.0, "2": 0.8, "3": 0.6, "4": 0.4, "5": 0.2, "6": 0.5, "": 0.5}
WEIGHTINGS = (None, "strength", "grading")


def link_weight(link: Link, weight: str | None) -> float:
    """How much a link counts: 1, or by its strength, or by its grading (reliability x credibility)."""
    if not weight:
        return 1.0
    if weight == "strength":
        return STRENGTH_WEIGHTS.get(link.strength, 1.0)
    if weight == "grading":
        return RELIABILITY_WEIGHTS.get(link.reliability, 0.5) * CREDIBILITY_WEIGHTS.get(link.credibility, 0.5)
    raise ValueError(f"weight must be one of None, 'strength', 'grading', not {weight!r}")


def strength_at_least(link: Link, min_strength: str | None) -> bool:
    """True if the link is at least as strong as ``min_strength`` (confirmed > probable > possible)."""
    if not min_strength:
        return True
    if min_strength not in STRENGTHS:
        raise ValueError(f"strength must be one of {', '.join(STRENGTHS)}")
    rank = {s: i for i, s in enumerate(STRENGTHS)}
    return rank.get(link.strength, len(STRENGTHS)) <= rank[min_strength]


def runs(link: Link, directed: bool) -> list[tuple[str, str]]:
    """The (from, to) ways a link may be walked in a directed or undirected view."""
    if not directed or link.direction in ("both", "none"):
        return [(link.source, link.target), (link.target, link.source)]
    return [(link.source, link.target)]


def simple_graph(
    case: Case,
    *,
    directed: bool = True,
    weight: str | None = None,
    link_types: Iterable[str] | None = None,
    min_strength: str | None = None,
    ids: Iterable[str] | None = None,
) -> nx.Graph | nx.DiGraph:
    """One node per entity (or per id in ``ids``) and one edge per linked pair, never the case's own graph.

    Edge data: ``weight`` (the strongest link's weight), ``distance`` (1 / weight,
    for path-based measures: strong ties are short) and ``links`` (link ids, case
    order). Self-links are left out: they say nothing about reach.
    """
    graph: nx.Graph = nx.DiGraph() if directed else nx.Graph()
    nodes = list(case.entities) if ids is None else [i for i in dict.fromkeys(ids) if i in case.entities]
    graph.add_nodes_from(nodes)
    types = None if link_types is None else set(link_types)
    for link in case.links.values():
        if link.source == link.target or (types is not None and link.type not in types):
            continue
        if not strength_at_least(link, min_strength):
            continue
        if link.source not in graph or link.target not in graph:
            continue
        w = link_weight(link, weight)
        for a, b in runs(link, directed) if directed else [(link.source, link.target)]:
            data = graph.get_edge_data(a, b)
            if data is None:
                graph.add_edge(a, b, weight=w, distance=1.0 / w, links=[link.id])
            else:
                data["links"].append(link.id)
                if w > data["weight"]:
                    data["weight"], data["distance"] = w, 1.0 / w
    return graph
