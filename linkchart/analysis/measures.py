"""Centrality: who is central in the chart, by seven measures, directed or not, weighted or not.

:func:`centrality` works on a case; the per-measure functions work on any
simple networkx graph (as built by :func:`~linkchart.analysis.graphs.simple_graph`)
and agree with networkx's own functions of the same name. Betweenness and
closeness need a sweep from every card; on big charts they sweep from a random
sample of cards instead (fixed seed) and say how many in ``sample_size``.
Weighted path measures read ``distance`` (1 / weight) so strong ties are short;
degree, eigenvector and PageRank read ``weight``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx
import numpy as np

from linkchart.analysis.graphs import simple_graph
from linkchart.analysis.sweeps import Csr, betweenness_sweep, distance_sweep, pick_sources
from linkchart.model import Case
from linkchart.model.progress import ProgressCallback, report

MEASURES = {
    "degree": "Degree",
    "in_degree": "In-degree",
    "out_degree": "Out-degree",
    "betweenness": "Betweenness",
    "closeness": "Closeness",
    "eigenvector": "Eigenvector",
    "pagerank": "PageRank",
}
# Work allowed before sampling, in edge visits (sources x (cards + links)): about a second.
SWEEP_BUDGET = 20_000_000
DIJKSTRA_BUDGET = 600_000


@dataclass
class Centrality:
    """Scores per entity id. ``sample_size`` is how many sources an estimate swept (None: exact)."""

    measure: str
    scores: dict[str, float]
    node_count: int
    sample_size: int | None = None
    converged: bool = True  # False when eigenvector/PageRank iteration ran out (scores are the last iterate)

    def ranked(self) -> list[tuple[str, float]]:
        """(id, score) best first; ties in id order so the list is stable."""
        return sorted(self.scores.items(), key=lambda kv: (-kv[1], kv[0]))


def centrality(
    case: Case,
    measure: str,
    *,
    directed: bool = True,
    weight: str | None = None,
    link_types: Iterable[str] | None = None,
    min_strength: str | None = None,
    normalized: bool = True,
    sample: int | None = None,
    exact: bool = False,
    seed: int = 0,
    progress: ProgressCallback | None = None,
) -> Centrality:
    """One measure (a key of :data:`MEASURES`) for every entity.

    ``weight`` is None, "strength" or "grading"; ``link_types`` and
    ``min_strength`` leave other links out. ``sample`` fixes how many sources
    betweenness/closeness sweep (default: all if that fits the time budget);
    ``exact`` forces every source. Raises Cancelled if ``progress`` says so.
    """
    if measure not in MEASURES:
        raise ValueError(f"unknown measure '{measure}' (choose from {', '.join(MEASURES)})")
    graph = simple_graph(case, directed=directed, weight=weight, link_types=link_types, min_strength=min_strength)
    weighted = bool(weight)
    n = graph.number_of_nodes()
    sample_size, converged = None, True
    if measure in ("degree", "in_degree", "out_degree"):
        scores = degree(graph, measure, weighted=weighted, normalized=normalized)
    elif measure == "betweenness":
        scores, sample_size = betweenness(
            graph, weighted=weighted, normalized=normalized, sample=sample, exact=exact, seed=seed, progress=progress
        )
    elif measure == "closeness":
        scores, sample_size = closeness(graph, weighted=weighted, sample=sample, exact=exact, seed=seed, progress=progress)
    elif measure == "eigenvector":
        scores, converged = eigenvector(graph, weighted=weighted)
    else:
        scores, converged = pagerank(graph, weighted=weighted)
    report(progress, 1.0)
    return Centrality(measure, scores, n, sample_size, converged)


# ------------------------------------------------------------------- degree
def degree(graph: nx.Graph, kind: str = "degree", *, weighted: bool = False, normalized: bool = True) -> dict[str, float]:
    """Links per card (in, out or both; summed weights when weighted), over n - 1 when normalized.

    In an undirected view in- and out-degree are the degree.
    """
    w = "weight" if weighted else None
    if kind == "in_degree" and graph.is_directed():
        raw = graph.in_degree(weight=w)
    elif kind == "out_degree" and graph.is_directed():
        raw = graph.out_degree(weight=w)
    else:
        raw = graph.degree(weight=w)
    n = graph.number_of_nodes()
    scale = 1.0 / (n - 1) if normalized and n > 1 else 1.0
    return {v: float(d) * scale for v, d in raw}


# -------------------------------------------------------------- betweenness
def betweenness(
    graph: nx.Graph,
    *,
    weighted: bool = False,
    normalized: bool = True,
    sample: int | None = None,
    exact: bool = False,
    seed: int = 0,
    progress: ProgressCallback | None = None,
) -> tuple[dict[str, float], int | None]:
    """Betweenness as networkx defines it; returns (scores, sources sampled or None when exact)."""
    n, m = graph.number_of_nodes(), graph.number_of_edges()
    k = _sources(n, m, sample, exact, DIJKSTRA_BUDGET if weighted else SWEEP_BUDGET)
    if weighted:
        # Dijkstra with ties counted is networkx's job; it samples with the same k.
        scores = nx.betweenness_centrality(graph, k=k, normalized=normalized, weight="distance", seed=seed)
        return {v: float(s) for v, s in scores.items()}, k
    csr = Csr.of(graph)
    sources = pick_sources(n, k, seed)
    raw = betweenness_sweep(csr, sources, lambda f: report(progress, 0.95 * f))
    scale = _betweenness_scale(n, len(sources), graph.is_directed(), normalized)
    out = raw * scale
    if len(sources) > 1:
        # A source never counts paths from itself: its share comes from one source fewer.
        out[sources] *= len(sources) / (len(sources) - 1)
    return dict(zip(csr.nodes, out.tolist(), strict=True)), k


def _betweenness_scale(n: int, k: int, directed: bool, normalized: bool) -> float:
    """networkx's rescaling: per source pair count, extrapolated from k of the n - 1 possible sources."""
    if n <= 2:
        return 1.0  # nothing can lie between two cards: every score is 0 anyway
    if normalized:
        return 1.0 / (k * (n - 2))
    return (n - 1) / (k * (1 if directed else 2))


def _sources(n: int, m: int, sample: int | None, exact: bool, budget: int) -> int | None:
    """How many sources to sweep: None for all of them."""
    if exact or n == 0:
        return None
    if sample is not None:
        return None if sample >= n else max(1, sample)
    affordable = budget // max(1, n + m)
    return None if affordable >= n else max(8, affordable)


# ---------------------------------------------------------------- closeness
def closeness(
    graph: nx.Graph,
    *,
    weighted: bool = False,
    sample: int | None = None,
    exact: bool = False,
    seed: int = 0,
    progress: ProgressCallback | None = None,
) -> tuple[dict[str, float], int | None]:
    """Closeness as networkx defines it (inward distance; Wasserman-Faust for unreached cards).

    Estimated from sampled sources on big charts: each card's mean distance and
    reach are measured from the sample.
    """
    n, m = graph.number_of_nodes(), graph.number_of_edges()
    k = _sources(n, m, sample, exact, DIJKSTRA_BUDGET if weighted else SWEEP_BUDGET)
    nodes = list(graph.nodes)
    sources = pick_sources(n, k, seed)
    if weighted:
        index = {v: i for i, v in enumerate(nodes)}
        total, reached = np.zeros(n), np.zeros(n)
        for j, s in enumerate(sources.tolist()):
            for v, d in nx.single_source_dijkstra_path_length(graph, nodes[s], weight="distance").items():
                if d > 0:
                    total[index[v]] += d
                    reached[index[v]] += 1
            if j % 16 == 0:
                report(progress, 0.95 * j / len(sources))
    else:
        total, reached = distance_sweep(Csr.of(graph), sources, lambda f: report(progress, 0.95 * f))
    if n < 2:
        return dict.fromkeys(nodes, 0.0), k
    # How many sources could have reached each card: all others, or the sampled ones bar itself.
    possible = np.full(n, float(len(sources)))
    possible[sources] -= 1
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where(possible > 0, reached / possible, 0.0)
        scores = np.where(total > 0, (reached / total) * share, 0.0)
    return dict(zip(nodes, scores.tolist(), strict=True)), k


# ------------------------------------------------------ eigenvector, pagerank
def _arrays(graph: nx.Graph, weighted: bool) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray]:
    nodes = list(graph.nodes)
    index = {v: i for i, v in enumerate(nodes)}
    src, dst, w = [], [], []
    for a, b, data in graph.edges(data=True):
        pairs = [(a, b)] if graph.is_directed() else [(a, b), (b, a)]
        for x, y in pairs:
            src.append(index[x])
            dst.append(index[y])
            w.append(data.get("weight", 1.0) if weighted else 1.0)
    return nodes, np.array(src, dtype=np.int64), np.array(dst, dtype=np.int64), np.array(w, dtype=float)


def eigenvector(
    graph: nx.Graph, *, weighted: bool = False, max_iter: int = 1000, tol: float = 1e-6
) -> tuple[dict[str, float], bool]:
    """Eigenvector centrality by networkx's iteration (x <- (A^T + I) x, unit length); (scores, converged).

    Directed: a card is central when central cards point at it. A directed
    chart without cycles has no proper answer (the scores pile onto the end
    cards); the scores are returned with ``converged`` False so the UI can say so.
    """
    nodes, src, dst, w = _arrays(graph, weighted)
    n = len(nodes)
    if n == 0:
        return {}, True
    meaningful = not (graph.is_directed() and nx.is_directed_acyclic_graph(graph))
    x = np.full(n, 1.0 / n)
    converged = False
    for _ in range(max_iter):
        last = x
        x = last + np.bincount(dst, w * last[src], n)
        x = x / (np.linalg.norm(x) or 1.0)
        if np.abs(x - last).sum() < n * tol:
            converged = True
            break
    return dict(zip(nodes, x.tolist(), strict=True)), converged and meaningful


def pagerank(
    graph: nx.Graph, *, weighted: bool = False, alpha: float = 0.85, max_iter: int = 200, tol: float = 1e-8
) -> tuple[dict[str, float], bool]:
    """PageRank as networkx defines it (dangling cards share evenly); (scores, converged)."""
    nodes, src, dst, w = _arrays(graph, weighted)
    n = len(nodes)
    if n == 0:
        return {}, True
    out_weight = np.bincount(src, w, n)
    share = w / out_weight[src]
    dangling = out_weight == 0
    x = np.full(n, 1.0 / n)
    converged = False
    for _ in range(max_iter):
        last = x
        x = alpha * np.bincount(dst, share * last[src], n) + (alpha * last[dangling].sum() + 1.0 - alpha) / n
        if np.abs(x - last).sum() < n * tol:
            converged = True
            break
    return dict(zip(nodes, x.tolist(), strict=True)), converged
