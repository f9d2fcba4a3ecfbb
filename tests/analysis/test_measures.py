"""Centrality against hand-computed values and networkx on the same graphs."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest

from linkchart.analysis import Cancelled, centrality, measures, simple_graph
from linkchart.analysis.measures import betweenness, closeness, eigenvector, pagerank
from linkchart.model import Case, Entity, Link


def chain(n: int, *, direction: str = "forward") -> tuple[Case, list[str]]:
    case = Case()
    ids = [case.add_entity(f"n{i}").id for i in range(n)]
    for a, b in zip(ids, ids[1:], strict=False):
        case.add_link(a, b, direction=direction)
    return case, ids


def from_graph(graph: nx.Graph, seed: int = 0) -> tuple[Case, dict]:
    """A case mirroring a graph; strengths vary so weighted measures have something to weigh."""
    case = Case()
    ents = {v: Entity(label=str(v)) for v in graph.nodes}
    case.insert_entities(list(ents.values()))
    rng = np.random.default_rng(seed)
    strengths = ("confirmed", "probable", "possible")
    links = [Link(ents[a].id, ents[b].id, strength=strengths[int(rng.integers(3))]) for a, b in graph.edges()]
    case.insert_links(links)
    return case, {v: e.id for v, e in ents.items()}


def close(a: dict, b: dict, tol: float = 1e-9) -> bool:
    return a.keys() == b.keys() and all(abs(a[k] - b[k]) <= tol for k in a)


def test_path_betweenness_by_hand():
    case, ids = chain(5)
    undirected = centrality(case, "betweenness", directed=False)
    # Middle of 0-1-2-3-4: 2 lies on 4 of the 6 pairs not involving it; 1 and 3 on 3.
    assert [round(undirected.scores[i], 6) for i in ids] == [0.0, 0.5, round(4 / 6, 6), 0.5, 0.0]
    assert undirected.sample_size is None
    raw = centrality(case, "betweenness", directed=False, normalized=False)
    assert [raw.scores[i] for i in ids] == pytest.approx([0.0, 3.0, 4.0, 3.0, 0.0])
    # Directed one way only: 1 lies on paths 0->2, 0->3, 0->4.
    directed = centrality(case, "betweenness", directed=True, normalized=False)
    assert [directed.scores[i] for i in ids] == pytest.approx([0.0, 3.0, 4.0, 3.0, 0.0])


def test_star_degree_by_hand():
    case = Case()
    hub = case.add_entity("hub").id
    leaves = [case.add_entity(f"leaf {i}").id for i in range(6)]
    for leaf in leaves:
        case.add_link(leaf, hub, "backed_by")
    result = centrality(case, "degree", directed=False)
    assert result.scores[hub] == 1.0
    assert all(result.scores[leaf] == pytest.approx(1 / 6) for leaf in leaves)
    assert centrality(case, "in_degree", normalized=False).scores[hub] == 6
    assert centrality(case, "out_degree", normalized=False).scores[hub] == 0
    assert centrality(case, "degree", normalized=False).ranked()[0] == (hub, 6.0)


def test_links_going_both_ways_count_both_ways():
    case, ids = chain(3, direction="both")
    inward = centrality(case, "in_degree", normalized=False).scores
    assert [inward[i] for i in ids] == [1, 2, 1]
    case2, ids2 = chain(3, direction="none")
    assert centrality(case2, "betweenness", directed=True, normalized=False).scores[ids2[1]] == pytest.approx(2.0)


def test_parallel_links_are_one_tie_weighted_by_the_strongest():
    case = Case()
    a, b = case.add_entity("a").id, case.add_entity("b").id
    case.add_link(a, b, "funds", strength="possible")
    case.add_link(a, b, "commands", strength="probable")
    assert centrality(case, "degree", normalized=False).scores[a] == 1
    assert centrality(case, "degree", normalized=False, weight="strength").scores[a] == pytest.approx(0.6)
    graded = Case()
    x, y = graded.add_entity("x").id, graded.add_entity("y").id
    graded.add_link(x, y, reliability="B", credibility="2")
    assert centrality(graded, "degree", normalized=False, weight="grading").scores[x] == pytest.approx(0.8 * 0.8)


@pytest.mark.parametrize("directed", [True, False])
@pytest.mark.parametrize("weighted", [False, True])
def test_every_measure_agrees_with_networkx(directed, weighted):
    graph = nx.gnp_random_graph(120, 0.04, seed=5, directed=True)
    case, _ = from_graph(graph)
    view = simple_graph(case, directed=directed, weight="strength" if weighted else None)
    d = "distance" if weighted else None
    weight = "strength" if weighted else None
    got = {m: centrality(case, m, directed=directed, weight=weight, exact=True).scores for m in ("betweenness", "closeness")}
    assert close(got["betweenness"], nx.betweenness_centrality(view, weight=d))
    assert close(got["closeness"], nx.closeness_centrality(view, distance=d))
    if not weighted:
        assert close(centrality(case, "degree", directed=directed).scores, nx.degree_centrality(view))
        if directed:
            assert close(centrality(case, "in_degree").scores, nx.in_degree_centrality(view))
            assert close(centrality(case, "out_degree").scores, nx.out_degree_centrality(view))


def test_eigenvector_matches_networkx_and_flags_no_answer():
    graph = nx.barabasi_albert_graph(150, 2, seed=3)
    scores, converged = eigenvector(graph)
    assert converged
    assert close(scores, nx.eigenvector_centrality(graph, max_iter=1000), 1e-5)
    weighted = nx.Graph()
    weighted.add_weighted_edges_from([(0, 1, 1.0), (1, 2, 0.3), (2, 3, 0.6), (3, 0, 1.0), (1, 3, 0.6)])
    assert close(
        eigenvector(weighted, weighted=True)[0], nx.eigenvector_centrality(weighted, weight="weight", max_iter=1000), 1e-5
    )
    # A one-way chain has no eigenvector answer: the iteration runs out and says so.
    case, _ = chain(6)
    result = centrality(case, "eigenvector", directed=True)
    assert result.converged is False
    assert result.scores and all(v >= 0 for v in result.scores.values())


@pytest.mark.parametrize("directed", [True, False])
def test_pagerank_is_the_google_matrix_eigenvector(directed):
    base = nx.gnp_random_graph(80, 0.05, seed=11, directed=True)
    graph = base if directed else base.to_undirected()
    scores, converged = pagerank(graph)
    values, vectors = np.linalg.eig(nx.google_matrix(graph).T)
    principal = np.real(vectors[:, np.argmax(np.real(values))])
    principal /= principal.sum()
    assert converged
    assert all(abs(scores[v] - principal[i]) < 1e-6 for i, v in enumerate(graph.nodes))
    assert sum(scores.values()) == pytest.approx(1.0)


def test_weighted_pagerank_prefers_the_strong_link():
    case = Case()
    hub, strong, weak = (case.add_entity(n).id for n in ("hub", "strong", "weak"))
    case.add_link(hub, strong, strength="confirmed")
    case.add_link(hub, weak, strength="possible")
    scores = centrality(case, "pagerank", weight="strength").scores
    assert scores[strong] > scores[weak]
    assert centrality(case, "pagerank").scores[strong] == pytest.approx(centrality(case, "pagerank").scores[weak])


def test_big_charts_are_sampled_and_say_so(monkeypatch):
    graph = nx.barabasi_albert_graph(1000, 2, seed=2)
    case, node_id = from_graph(graph)
    monkeypatch.setattr(measures, "SWEEP_BUDGET", 100_000)
    sampled = centrality(case, "betweenness", directed=False)
    assert sampled.sample_size == 100_000 // (1000 + graph.number_of_edges())
    exact = centrality(case, "betweenness", directed=False, exact=True)
    assert exact.sample_size is None
    # The estimate finds the same hubs.
    top = {eid for eid, _ in exact.ranked()[:10]}
    assert len(top & {eid for eid, _ in sampled.ranked()[:10]}) >= 6
    assert centrality(case, "closeness", directed=False).sample_size == sampled.sample_size
    assert centrality(case, "betweenness", directed=False, sample=40).sample_size == 40


def test_sampled_closeness_estimates_the_exact_values():
    graph = nx.barabasi_albert_graph(400, 2, seed=4)
    exact, _ = closeness(graph, exact=True)
    estimate, k = closeness(graph, sample=120, seed=1)
    assert k == 120
    error = np.mean([abs(estimate[v] - exact[v]) / exact[v] for v in graph.nodes])
    assert error < 0.1
    assert close(betweenness(graph, sample=400)[0], nx.betweenness_centrality(graph))


def test_progress_is_reported_and_cancel_stops():
    graph = nx.barabasi_albert_graph(300, 2, seed=1)
    case, _ = from_graph(graph)
    seen = []
    centrality(case, "betweenness", progress=lambda f: seen.append(f) or True)
    assert seen[-1] == 1.0 and len(seen) > 3 and seen == sorted(seen)
    with pytest.raises(Cancelled):
        centrality(case, "closeness", progress=lambda f: False)


def test_filters_and_bad_names(proxies):
    case = proxies.case
    only_command = centrality(case, "degree", link_types=["commands"], normalized=False).scores
    assert only_command[proxies.ids["Quds Force"]] == 1
    strong = centrality(case, "degree", min_strength="confirmed", normalized=False).scores
    assert strong[proxies.ids["Houthis"]] == 0
    with pytest.raises(ValueError):
        centrality(case, "fame")
    with pytest.raises(ValueError):
        centrality(case, "degree", weight="loudness")
    empty = centrality(Case(), "pagerank")
    assert empty.scores == {} and empty.node_count == 0
