"""Layered (Sugiyama) layout: who backs, commands or contains whom, top to bottom.

Steps: orient each link by its type (for "X backed_by Y" Y goes above X; for
"X commands Y" X goes above Y), break cycles by reversing DFS back edges, put
cards on layers by longest path (then pull each card down next to what it points
at), add dummy points on links that skip layers, order each layer by barycentre
sweeps keeping the order with fewest crossings, and finally give x positions by
repeatedly moving cards towards their neighbours' mean while keeping the order
and spacing (an isotonic regression per layer). Separate hierarchies sit side by
side; cards without any such link go in a block to the right.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable

import numpy as np

from linkchart.layout.common import (
    MARGIN,
    Positions,
    Problem,
    Progress,
    ProgressCallback,
    Sizes,
    as_progress,
    fit_to_pins,
    grid_block,
    pack_blocks,
    size_array,
)
from linkchart.layout.overlap import separate
from linkchart.model import Case

# Link types read "source is under target": the target is drawn above.
TARGET_ABOVE = frozenset({"backed_by", "member_of", "part_of", "employed_by", "trained_by", "spokesperson_for", "located_in"})
LAYER_GAP = 90.0
_DUMMY_WIDTH = 24.0
_SWEEPS = 12
_DUMMY_BUDGET = 20_000


def hierarchical_layout(
    case: Case,
    ids: Iterable[str] | None = None,
    *,
    link_types: Iterable[str] | None = None,
    target_above: Iterable[str] = TARGET_ABOVE,
    sizes: Sizes | None = None,
    progress: ProgressCallback | None = None,
) -> Positions:
    """Top-down layers along ``link_types`` (all links when None); returns {entity id: (x, y)}.

    A link whose type is in ``target_above`` puts its target above its source;
    any other puts its source above its target. Pinned cards keep their place.
    """
    progress = as_progress(progress)
    wanted = list(case.entities) if ids is None else [i for i in dict.fromkeys(ids) if i in case.entities]
    index = {eid: i for i, eid in enumerate(wanted)}
    types = None if link_types is None else set(link_types)
    up = set(target_above)
    arcs: set[tuple[int, int]] = set()
    for link in case.links.values():
        if types is not None and link.type not in types:
            continue
        s, t = index.get(link.source), index.get(link.target)
        if s is None or t is None or s == t:
            continue
        arcs.add((t, s) if link.type in up else (s, t))
    ents = [case.entities[e] for e in wanted]
    others = [e for e in case.entities.values() if e.id not in index] if ids is not None else []
    problem = Problem(
        ids=wanted,
        edges=np.array(sorted(arcs), dtype=np.int64).reshape(-1, 2),
        weights=np.ones(len(arcs)),
        sizes=size_array(wanted, sizes),
        pinned=np.array([e.pinned for e in ents], dtype=bool),
        current=np.array([(e.x, e.y) for e in ents], dtype=float).reshape(-1, 2),
        obstacle_pos=np.array([(e.x, e.y) for e in others], dtype=float).reshape(-1, 2),
        obstacle_sizes=size_array([e.id for e in others], sizes),
    )
    return problem.result(layered_positions(problem, progress))


def layered_positions(problem: Problem, progress: Progress | None = None) -> np.ndarray:
    """Array form: ``problem.edges`` are arcs (upper, lower); returns (n, 2) centres."""
    progress = progress or Progress(None)
    n = problem.n
    if n == 0:
        return problem.current.copy()
    arcs = [tuple(e) for e in problem.edges.tolist()]
    pieces = _weak_components(n, arcs)
    tied = [p for p in pieces if len(p) > 1]
    loose = [p[0] for p in pieces if len(p) == 1]
    xy = np.zeros((n, 2))
    blocks: list[tuple[list[int], np.ndarray]] = []
    piece_of, local = [0] * n, [0] * n
    for k, piece in enumerate(tied):
        for i, v in enumerate(piece):
            piece_of[v], local[v] = k, i
    arcs_of: list[list[tuple[int, int]]] = [[] for _ in tied]
    for a, b in arcs:
        arcs_of[piece_of[a]].append((local[a], local[b]))
    for k, piece in enumerate(tied):
        blocks.append((piece, _layout_piece(len(piece), arcs_of[k], problem.sizes[piece])))
        progress(0.8 * (k + 1) / len(tied))
    if loose:
        blocks.append((loose, grid_block(problem.sizes[loose])))
    extents, lows = [], []
    for piece, pos in blocks:
        half = problem.sizes[piece] / 2
        lo, hi = (pos - half).min(axis=0), (pos + half).max(axis=0)
        extents.append(tuple((hi - lo).tolist()))
        lows.append(lo)
    # Hierarchies side by side in one row (tallest first), loose cards after them.
    corners = _row(extents, gap=6 * MARGIN)
    for (piece, pos), lo, corner in zip(blocks, lows, corners, strict=True):
        xy[piece] = pos - lo + corner
    xy = fit_to_pins(xy, problem)
    if problem.pinned.any() or len(problem.obstacle_pos):
        every = np.vstack([xy, problem.obstacle_pos])
        sizes = np.vstack([problem.sizes, problem.obstacle_sizes])
        movable = np.concatenate([~problem.pinned, np.zeros(len(problem.obstacle_pos), dtype=bool)])
        xy = separate(every, sizes, movable, progress=progress.sub(0.8, 1.0))[:n]
    progress(1.0)
    return xy


def _row(extents: list[tuple[float, float]], gap: float) -> list[tuple[float, float]]:
    """Corners placing blocks left to right, top-aligned; very many blocks wrap into shelves."""
    if len(extents) > 12:
        return pack_blocks(extents, gap, aspect=2.0)
    x, out = 0.0, []
    for w, _ in extents:
        out.append((x, 0.0))
        x += w + gap
    return out


def _weak_components(n: int, arcs: list[tuple[int, int]]) -> list[list[int]]:
    adj: list[list[int]] = [[] for _ in range(n)]
    for a, b in arcs:
        adj[a].append(b)
        adj[b].append(a)
    seen = [False] * n
    pieces = []
    for start in range(n):
        if seen[start]:
            continue
        seen[start] = True
        stack, piece = [start], []
        while stack:
            v = stack.pop()
            piece.append(v)
            for w in adj[v]:
                if not seen[w]:
                    seen[w] = True
                    stack.append(w)
        pieces.append(sorted(piece))
    pieces.sort(key=lambda p: (-len(p), p[0]))
    return pieces


# -------------------------------------------------------------------- one piece
def _layout_piece(n: int, arcs: list[tuple[int, int]], sizes: np.ndarray) -> np.ndarray:
    arcs = _acyclic(n, arcs)
    layer = _layers(n, arcs)
    order, dummy_of, edges = _with_dummies(n, arcs, layer)
    width = np.concatenate([sizes[:, 0], np.full(len(dummy_of), _DUMMY_WIDTH)])
    layers = _order_layers(order, edges, len(width))
    x = _x_positions(layers, edges, width)
    heights = [max((sizes[v, 1] for v in lay if v < n), default=0.0) for lay in layers]
    tops = np.concatenate([[0.0], np.cumsum(np.array(heights) + LAYER_GAP)[:-1]])
    xy = np.zeros((n, 2))
    for k, lay in enumerate(layers):
        for v in lay:
            if v < n:
                xy[v] = (x[v], tops[k] + heights[k] / 2)
    return xy


def _acyclic(n: int, arcs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Reverse few arcs so no cycle remains (Eades-Lin-Smyth greedy order).

    Sinks go to the end and sources to the front as they appear; otherwise the
    card with the most outgoing over incoming arcs goes next. Arcs pointing back
    in that order are reversed: in a loop of backers, the one link that goes
    against the general flow is the one turned round. Ties go to the card that
    leads most in the whole graph.
    """
    out: list[set[int]] = [set() for _ in range(n)]
    inc: list[set[int]] = [set() for _ in range(n)]
    for a, b in arcs:
        out[a].add(b)
        inc[b].add(a)
    alive = [True] * n
    outdeg = [len(o) for o in out]
    indeg = [len(i) for i in inc]
    front: list[int] = []
    back: list[int] = []
    lead = [indeg[v] - outdeg[v] for v in range(n)]
    heap = [(lead[v], lead[v], v) for v in range(n)]
    heapq.heapify(heap)
    sinks = [v for v in range(n) if outdeg[v] == 0]
    sources = [v for v in range(n) if indeg[v] == 0 and outdeg[v] > 0]
    left = n

    def remove(v: int) -> None:
        nonlocal left
        alive[v] = False
        left -= 1
        for w in out[v]:
            if alive[w]:
                indeg[w] -= 1
                if indeg[w] == 0 and outdeg[w] > 0:
                    sources.append(w)
                heapq.heappush(heap, (indeg[w] - outdeg[w], lead[w], w))
        for u in inc[v]:
            if alive[u]:
                outdeg[u] -= 1
                if outdeg[u] == 0:
                    sinks.append(u)
                heapq.heappush(heap, (indeg[u] - outdeg[u], lead[u], u))

    while left:
        if sinks:
            v = sinks.pop()
            if alive[v]:
                back.append(v)
                remove(v)
            continue
        if sources:
            v = sources.pop()
            if alive[v] and outdeg[v] > 0 and indeg[v] == 0:
                front.append(v)
                remove(v)
            continue
        score, _, v = heapq.heappop(heap)
        if alive[v] and score == indeg[v] - outdeg[v]:
            front.append(v)
            remove(v)
    rank = {v: i for i, v in enumerate(front + back[::-1])}
    return sorted({(a, b) if rank[a] < rank[b] else (b, a) for a, b in arcs})


def _layers(n: int, arcs: list[tuple[int, int]]) -> list[int]:
    """Longest-path layers, then each card pulled down to just above its nearest child."""
    succ: list[list[int]] = [[] for _ in range(n)]
    pred: list[list[int]] = [[] for _ in range(n)]
    indeg = [0] * n
    for a, b in arcs:
        succ[a].append(b)
        pred[b].append(a)
        indeg[b] += 1
    topo = [v for v in range(n) if indeg[v] == 0]
    for v in topo:
        for w in succ[v]:
            indeg[w] -= 1
            if indeg[w] == 0:
                topo.append(w)
    layer = [0] * n
    for v in topo:
        for w in succ[v]:
            layer[w] = max(layer[w], layer[v] + 1)
    for v in reversed(topo):
        if succ[v]:
            layer[v] = max(layer[v], min(layer[w] for w in succ[v]) - 1)
    return layer


def _with_dummies(
    n: int, arcs: list[tuple[int, int]], layer: list[int]
) -> tuple[list[list[int]], list[int], list[tuple[int, int]]]:
    """Split arcs that skip layers with dummy points; returns layers (initial order), dummy owners, unit arcs."""
    depth = max(layer) + 1
    layers: list[list[int]] = [[] for _ in range(depth)]
    for v in range(n):
        layers[layer[v]].append(v)
    dummy_of: list[int] = []
    edges: list[tuple[int, int]] = []
    # Dense or deep charts would need millions of dummies (a tournament of 150 cards needs 560,000):
    # only links up to the longest span the budget allows get them; longer ones are ordered as they are.
    spans = sorted(layer[b] - layer[a] - 1 for a, b in arcs)
    budget, longest, used = max(_DUMMY_BUDGET, 3 * n), 0, 0
    for span in spans:
        if used + span > budget:
            break
        used, longest = used + span, span
    for a, b in arcs:
        prev = a
        if layer[b] - layer[a] - 1 > longest:
            edges.append((a, b))
            continue
        for k in range(layer[a] + 1, layer[b]):
            d = n + len(dummy_of)
            dummy_of.append(a)
            layers[k].append(d)
            edges.append((prev, d))
            prev = d
        edges.append((prev, b))
    return layers, dummy_of, edges


def _order_layers(layers: list[list[int]], edges: list[tuple[int, int]], total: int) -> list[list[int]]:
    """Barycentre sweeps down and up; keeps the order with the fewest crossings seen."""
    up: list[list[int]] = [[] for _ in range(total)]
    down: list[list[int]] = [[] for _ in range(total)]
    for a, b in edges:
        down[a].append(b)
        up[b].append(a)
    layers = _dfs_order(layers, down, up)
    best, best_cross = [list(lay) for lay in layers], _crossings(layers, down)
    pos = [0.0] * total
    for sweep in range(_SWEEPS):
        going_down = sweep % 2 == 0
        seq = range(1, len(layers)) if going_down else range(len(layers) - 2, -1, -1)
        for lay in layers:
            for i, v in enumerate(lay):
                pos[v] = i
        for k in seq:
            near = up if going_down else down
            lay = layers[k]
            bary = {}
            for i, v in enumerate(lay):
                nb = near[v]
                bary[v] = sum(pos[u] for u in nb) / len(nb) if nb else float(i)
            lay.sort(key=lambda v: bary[v])
            for i, v in enumerate(lay):
                pos[v] = i
        cross = _crossings(layers, down)
        if cross < best_cross:
            best, best_cross = [list(lay) for lay in layers], cross
        if best_cross == 0:
            break
    return best


def _dfs_order(layers: list[list[int]], down: list[list[int]], up: list[list[int]]) -> list[list[int]]:
    """A first order from a depth-first walk, so subtrees start out together."""
    rank: dict[int, int] = {}
    for root in (v for lay in layers for v in lay):
        if root in rank or up[root]:
            continue
        stack = [root]
        while stack:
            v = stack.pop()
            if v in rank:
                continue
            rank[v] = len(rank)
            stack.extend(reversed(down[v]))
    return [sorted(lay, key=lambda v: rank.get(v, len(rank) + v)) for lay in layers]


def _crossings(layers: list[list[int]], down: list[list[int]]) -> int:
    """Edge crossings between consecutive layers (counted by sorting, O(E log E) per layer pair)."""
    total = 0
    for k in range(len(layers) - 1):
        below = {v: i for i, v in enumerate(layers[k + 1])}
        ends = [below[w] for v in layers[k] for w in sorted((w for w in down[v] if w in below), key=below.__getitem__)]
        total += _inversions(ends)
    return total


def _inversions(seq: list[int]) -> int:
    if len(seq) < 2:
        return 0
    # Count pairs i < j with seq[i] > seq[j] with a Fenwick tree over values.
    size = max(seq) + 2
    tree = [0] * (size + 1)
    count = 0
    for seen, v in enumerate(seq):
        i, le = v + 1, 0
        while i > 0:
            le += tree[i]
            i -= i & -i
        count += seen - le
        i = v + 1
        while i <= size:
            tree[i] += 1
            i += i & -i
    return count


def _x_positions(layers: list[list[int]], edges: list[tuple[int, int]], width: np.ndarray) -> list[float]:
    """x for every point: start packed, then pull towards neighbours' mean, order and spacing kept.

    Plain Python on purpose: layers are mostly short, where numpy's per-call cost dominates.
    """
    w = width.tolist()
    nbrs: list[list[int]] = [[] for _ in w]
    for a, b in edges:
        nbrs[a].append(b)
        nbrs[b].append(a)
    x = [0.0] * len(w)
    gaps = [[(w[a] + w[b]) / 2 + _gap(w[a], w[b]) for a, b in zip(lay, lay[1:], strict=False)] for lay in layers]
    for lay, gap in zip(layers, gaps, strict=True):
        pos = 0.0
        for i, v in enumerate(lay):
            x[v] = pos
            pos += gap[i] if i < len(gap) else 0.0
        for v in lay:
            x[v] -= pos / 2
    for _ in range(8):
        for lay, gap in zip(layers, gaps, strict=True):
            want = [sum(x[u] for u in nbrs[v]) / len(nbrs[v]) if nbrs[v] else x[v] for v in lay]
            for v, fitted in zip(lay, _closest_spaced(want, gap), strict=True):
                x[v] = fitted
    return x


def _gap(wa: float, wb: float) -> float:
    # Dummies are thin and may sit closer; real cards keep a comfortable gutter.
    return 2 * MARGIN if wa > _DUMMY_WIDTH and wb > _DUMMY_WIDTH else MARGIN


def _closest_spaced(want: list[float], gaps: list[float]) -> list[float]:
    """The x nearest ``want`` (least squares) with x[i+1] - x[i] >= gaps[i]: isotonic regression (PAV)."""
    offset = [0.0]
    for g in gaps:
        offset.append(offset[-1] + g)
    means: list[float] = []
    counts: list[int] = []
    for t, o in zip(want, offset, strict=True):
        means.append(t - o)
        counts.append(1)
        while len(means) > 1 and means[-2] > means[-1]:
            m2, c2 = means.pop(), counts.pop()
            m1, c1 = means.pop(), counts.pop()
            means.append((m1 * c1 + m2 * c2) / (c1 + c2))
            counts.append(c1 + c2)
    fitted = [m for m, c in zip(means, counts, strict=True) for _ in range(c)]
    return [f + o for f, o in zip(fitted, offset, strict=True)]
