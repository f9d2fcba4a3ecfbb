"""Grouped layout: one block per entity type or per community, each laid out inside, blocks packed."""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx
import numpy as np

from linkchart.layout.common import (
    MARGIN,
    Positions,
    Problem,
    ProgressCallback,
    Sizes,
    as_progress,
    grid_block,
    pack_blocks,
    prepare,
)
from linkchart.layout.force import force_positions
from linkchart.layout.overlap import settle
from linkchart.model import Case

BLOCK_GAP = 10 * MARGIN


def grouped_layout(
    case: Case,
    ids: Iterable[str] | None = None,
    *,
    by: str = "type",
    groups: dict[str, str] | None = None,
    sizes: Sizes | None = None,
    link_types: Iterable[str] | None = None,
    seed: int = 0,
    progress: ProgressCallback | None = None,
) -> Positions:
    """Cards clustered into blocks, biggest block first; returns {entity id: (x, y)}.

    ``by`` is "type" (entity type) or "community" (Louvain on the links, fixed
    seed); ``groups`` (entity id -> any group name) overrides both. Inside a
    block, linked cards get a force layout and unlinked ones a grid.
    """
    if by not in ("type", "community"):
        raise ValueError("by must be 'type' or 'community'")
    progress = as_progress(progress)
    problem = prepare(case, ids, sizes, link_types)
    if groups is not None:
        keys = [groups.get(eid, "") for eid in problem.ids]
    elif by == "type":
        keys = [case.entities[eid].type for eid in problem.ids]
    else:
        keys = _communities(problem, seed)
    members: dict[str, list[int]] = {}
    for i, k in enumerate(keys):
        members.setdefault(str(k), []).append(i)
    blocks = sorted(members.values(), key=lambda m: (-len(m), m[0]))
    placed = []
    for k, block in enumerate(blocks):
        placed.append(_inside(problem, block, seed))
        progress(0.85 * (k + 1) / len(blocks))
    extents, lows = [], []
    for block, pos in zip(blocks, placed, strict=True):
        half = problem.sizes[block] / 2
        lo, hi = (pos - half).min(axis=0), (pos + half).max(axis=0)
        extents.append(tuple((hi - lo).tolist()))
        lows.append(lo)
    corners = pack_blocks(extents, BLOCK_GAP)
    xy = np.zeros((problem.n, 2))
    for block, pos, lo, corner in zip(blocks, placed, lows, corners, strict=True):
        xy[block] = pos - lo + corner
    return settle(xy, problem, progress.sub(0.85, 1.0))


def _communities(problem: Problem, seed: int) -> list[str]:
    graph = nx.Graph()
    graph.add_nodes_from(range(problem.n))
    graph.add_weighted_edges_from((a, b, w) for (a, b), w in zip(problem.edges.tolist(), problem.weights.tolist(), strict=True))
    label = [""] * problem.n
    for k, community in enumerate(nx.community.louvain_communities(graph, seed=seed)):
        for v in community:
            label[v] = f"c{k}"
    return label


def _inside(problem: Problem, block: list[int], seed: int) -> np.ndarray:
    """A block's own layout: force when its cards are linked, a grid when not."""
    local = np.full(problem.n, -1)
    local[block] = np.arange(len(block))
    if len(problem.edges):
        both = (local[problem.edges[:, 0]] >= 0) & (local[problem.edges[:, 1]] >= 0)
        edges, weights = local[problem.edges[both]], problem.weights[both]
    else:
        edges, weights = problem.edges, problem.weights
    sizes = problem.sizes[block]
    if len(edges) == 0:
        return grid_block(sizes)
    sub = Problem(
        ids=[problem.ids[i] for i in block],
        edges=edges,
        weights=weights,
        sizes=sizes,
        pinned=np.zeros(len(block), dtype=bool),
        current=np.zeros((len(block), 2)),
        obstacle_pos=np.zeros((0, 2)),
        obstacle_sizes=np.zeros((0, 2)),
    )
    return force_positions(sub, seed=seed)
