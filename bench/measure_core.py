"""Model and case-file measurements: no Qt needed."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import networkx as nx

from bench.harness import Trial, measurement
from bench.synthetic import synthetic_case
from linkchart.io import load_case, save_case


def _scratch() -> Path:
    return Path(tempfile.mkdtemp(prefix="linkchart-bench-"))


def _plain_graph(case) -> nx.MultiDiGraph:
    """The case graph with string attributes only, as write_graphml accepts it."""
    g = nx.MultiDiGraph()
    for e in case.entities.values():
        g.add_node(e.id, label=e.label, type=e.type, x=e.x, y=e.y)
    for k in case.links.values():
        g.add_edge(k.source, k.target, key=k.id, type=k.type, strength=k.strength, date=k.date)
    return g


@measurement("save", sizes=(1_000, 10_000, 100_000))
def save(size: int) -> Trial:
    case = synthetic_case(size)
    folder = _scratch()
    graph = _plain_graph(case)
    return Trial(
        run=lambda: save_case(case, folder / "case.lcase"),
        baseline=lambda: nx.write_graphml(graph, folder / "case.graphml"),
        target=0.5 if size <= 10_000 else None,
        repeats=5 if size <= 10_000 else 2,
        teardown=lambda: _cleanup(folder),
    )


@measurement("load", sizes=(1_000, 10_000, 100_000))
def load(size: int) -> Trial:
    folder = _scratch()
    save_case(synthetic_case(size), folder / "case.lcase")
    mb = round(os.path.getsize(folder / "case.lcase") / 1e6, 2)
    return Trial(run=lambda: load_case(folder / "case.lcase"), repeats=5 if size <= 10_000 else 2,
                 extra={"file_mb": mb}, teardown=lambda: _cleanup(folder))


def _cleanup(folder: Path) -> None:
    for p in folder.iterdir():
        p.unlink()
    folder.rmdir()
