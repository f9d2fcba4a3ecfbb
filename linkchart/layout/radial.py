"""Radial (ego network) layout: one card in the middle, the rest on rings by link distance."""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Iterable

import numpy as np

from linkchart.layout.circular import ring_positions
from linkchart.layout.common import (
    MARGIN,
    Positions,
    Problem,
    ProgressCallback,
    Sizes,
    adjacency,
    as_progress,
    grid_block,
    prepare,
)
from linkchart.layout.overlap import settle
from linkchart.model import Case

RING_GAP = 3 * MARGIN


def radial_layout(
    case: Case,
    ids: Iterable[str] | None = None,
    *,
    centre: str,
    sizes: Sizes | None = None,
    link_types: Iterable[str] | None = None,
    progress: ProgressCallback | None = None,
) -> Positions:
    """The ``centre`` card in the middle, the rest on rings by how many links away they are.

    Each ring is ordered by where its cards' parents sit on the ring inside, so
    branches fan outwards. Cards that cannot be reached go in a block to the right.
    The centre card stays where it is.
    """
    if centre not in case.entities:
        raise ValueError(f"no entity with id {centre} to put in the middle")
    wanted = list(case.entities) if ids is None else list(dict.fromkeys([centre, *ids]))
    problem = prepare(case, wanted, sizes, link_types)
    c = problem.ids.index(centre)
    adj = adjacency(problem.n, problem.edges)
    hops = _hops(adj, c)
    rings: list[list[int]] = []
    for v, h in sorted(hops.items(), key=lambda kv: kv[1]):
        if h >= len(rings):
            rings.append([])
        rings[h].append(v)
    xy = np.zeros((problem.n, 2))
    angle = {c: 0.0}
    radius, inner = 0.0, float(problem.sizes[c, 0]) / 2
    for ring in rings[1:]:
        # Order by the mean angle of parents on the ring inside (unit-vector mean, so it wraps).
        def parent_angle(v: int) -> float:
            ps = [angle[p] for p in adj[v] if hops.get(p) == hops[v] - 1]
            return math.atan2(sum(math.sin(a) for a in ps), sum(math.cos(a) for a in ps)) % (2 * math.pi)

        ring.sort(key=lambda v: (parent_angle(v), v))
        wants = np.array([parent_angle(v) for v in ring])
        # Far enough out that a card level with one on the inner ring clears it even at the sides.
        outer = float(problem.sizes[ring][:, 0].max()) / 2
        placed = ring_positions(problem.sizes[ring], radius=radius + inner + outer + RING_GAP)
        got = np.arctan2(placed[:, 1], placed[:, 0])
        turn = math.atan2(np.sin(wants - got).sum(), np.cos(wants - got).sum())
        # Lay the ring out again starting further round, rather than rotating it: room depends on angle.
        placed = ring_positions(problem.sizes[ring], radius=radius + inner + outer + RING_GAP, start=turn - math.pi / 2)
        xy[ring] = placed
        for v, p in zip(ring, placed.tolist(), strict=True):
            angle[v] = math.atan2(p[1], p[0])
        radius, inner = float(np.sqrt((placed**2).sum(axis=1)).max()), outer
    lost = [v for v in range(problem.n) if v not in hops]
    if lost:
        block = grid_block(problem.sizes[lost])
        right = float((xy[:, 0] + problem.sizes[:, 0] / 2)[list(hops)].max())
        top = float((xy[:, 1] - problem.sizes[:, 1] / 2)[list(hops)].min())
        xy[lost] = block + (right + 4 * MARGIN, top)
    # The centre card is the anchor: everything moves with it unless other cards are pinned.
    xy += problem.current[c] - xy[c]
    pinned_centre = problem.pinned.copy()
    pinned_centre[c] = True
    anchored = Problem(**{**vars(problem), "pinned": pinned_centre})
    return settle(xy, anchored, as_progress(progress), fit=bool(problem.pinned.any()))


def _hops(adj: list[list[int]], start: int) -> dict[int, int]:
    hops = {start: 0}
    queue = deque([start])
    while queue:
        v = queue.popleft()
        for w in adj[v]:
            if w not in hops:
                hops[w] = hops[v] + 1
                queue.append(w)
    return hops
