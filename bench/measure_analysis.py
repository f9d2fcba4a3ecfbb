"""Layout, centrality and graph-import measurements (pure Python), with NetworkX baselines."""

from __future__ import annotations

import tempfile
from pathlib import Path

import networkx as nx

from bench.harness import Trial, measurement
from bench.synthetic import synthetic_case
from linkchart.analysis.measures import betweenness
from linkchart.io.interchange import read_graph, write_graph
from linkchart.layout import count_overlaps, force_layout


@measurement("force_layout", sizes=(1_000, 10_000))
def force(size: int) -> Trial:
    case = synthetic_case(size)
    result = {}

    def run() -> None:
        result["positions"] = force_layout(case)

    run()
    overlaps = count_overlaps(result["positions"])
    baseline, kind = None, None
    if size <= 1_000:  # networkx spring_layout is far too slow beyond that (minutes at 10k)
        baseline, kind = _spring_baseline(nx.Graph(case.graph))
    return Trial(run=run, baseline=baseline, repeats=3, target=2.0 if size <= 10_000 else None,
                 extra={"overlaps": overlaps, "baseline": kind})


def _spring_baseline(graph: nx.Graph):
    """networkx spring_layout; without scipy (the bench extra), its own dense numpy core."""
    try:
        import scipy  # noqa: F401
    except ImportError:
        import numpy as np

        matrix = nx.to_numpy_array(graph)
        return (lambda: nx.drawing.layout._fruchterman_reingold(matrix, seed=np.random.RandomState(1))), "spring_layout dense core"
    return (lambda: nx.spring_layout(graph, seed=1)), "spring_layout"


@measurement("betweenness", sizes=(1_000, 10_000))
def between(size: int) -> Trial:
    case = synthetic_case(size)
    info = {}

    def run() -> None:
        info["result"] = betweenness(case.graph)

    run()
    sample = info["result"][1]  # sources sampled, None when exact
    small = nx.DiGraph(synthetic_case(1_000).graph)
    return Trial(run=run, baseline=lambda: nx.betweenness_centrality(small), baseline_size=1_000, repeats=3,
                 target=2.0, extra={"sample": sample})


@measurement("import_graphml", sizes=(20_000,))
def import_graphml(size: int) -> Trial:
    folder = Path(tempfile.mkdtemp(prefix="linkchart-bench-"))
    path = folder / "big.graphml"
    write_graph(synthetic_case(size), path)
    return Trial(run=lambda: read_graph(path), baseline=lambda: nx.read_graphml(path), repeats=3, target=5.0)
