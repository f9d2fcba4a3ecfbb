"""Force-directed layout that scales: multilevel, with particle-mesh repulsion, in numpy.

The graph is coarsened by matching linked pairs (and letting leftover cards join
a matched neighbour) until a few dozen super-cards remain. Those are laid out
with exact all-pairs forces; each finer level starts from its coarse parent's
place and is refined. Repulsion on big levels is computed on a grid: masses are
spread onto the grid, convolved with the 1/r force kernel by FFT and read back,
so one step costs O(n + G² log G) instead of O(n²). Springs pull linked cards;
a weak gravity keeps separate clusters near each other. Cards with no links are
set aside in a tidy block beside the chart, and overlaps are removed at the end.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from linkchart.layout.common import (
    MARGIN,
    Positions,
    Problem,
    Progress,
    ProgressCallback,
    Sizes,
    as_progress,
    components,
    fit_to_pins,
    grid_block,
    pack_blocks,
    prepare,
)
from linkchart.layout.overlap import cell_keys, grid_pairs, separate
from linkchart.model import Case

_EXACT_BELOW = 150  # all-pairs repulsion up to this many cards per level; the grid above
_COARSEST = 60
_GRAVITY = 0.05


@dataclass
class _Level:
    n: int
    edges: np.ndarray
    weights: np.ndarray
    mass: np.ndarray
    parent: np.ndarray | None = None  # index of each card's super-card on the next coarser level


def force_layout(
    case: Case,
    ids: Iterable[str] | None = None,
    *,
    sizes: Sizes | None = None,
    link_types: Iterable[str] | None = None,
    seed: int = 0,
    progress: ProgressCallback | None = None,
) -> Positions:
    """Place linked cards near each other and unlinked ones apart; returns {entity id: (x, y)}.

    ``ids`` limits the layout to some cards (the rest stay put and are not
    covered); ``link_types`` limits which links pull. Pinned cards keep their
    place and the rest of the layout is moved and scaled to fit them. Same
    case and seed, same result.
    """
    problem = prepare(case, ids, sizes, link_types)
    return problem.result(force_positions(problem, seed=seed, progress=as_progress(progress)))


def force_positions(problem: Problem, seed: int = 0, progress: Progress | None = None) -> np.ndarray:
    """Array form of :func:`force_layout`: (n, 2) centres for ``problem.ids``."""
    progress = progress or Progress(None)
    n = problem.n
    xy = problem.current.copy()
    if n == 0:
        return xy
    rng = np.random.default_rng(seed)
    degree = np.bincount(problem.edges.ravel(), minlength=n)
    core = np.flatnonzero((degree > 0) | problem.pinned)
    lonely = np.flatnonzero((degree == 0) & ~problem.pinned)
    if len(core):
        remap = np.full(n, -1)
        remap[core] = np.arange(len(core))
        edges = remap[problem.edges] if len(problem.edges) else problem.edges
        sub = _Level(len(core), edges, problem.weights.copy(), np.ones(len(core)))
        sizes = problem.sizes[core]
        pinned = problem.pinned[core]
        # Pairs and triples need no simulation (imports often hold thousands): a row each, packed later.
        pieces = components(len(core), edges)
        tiny = [p for p in pieces if len(p) <= 3 and not pinned[p].any()]
        simulated = np.sort(
            np.concatenate(
                [np.array(p, dtype=np.int64) for p in pieces if len(p) > 3 or pinned[p].any()] or [np.zeros(0, np.int64)]
            )
        )
        placed = np.zeros((len(core), 2))
        length = 2.2 * float(np.sqrt((sizes + MARGIN).prod(axis=1).mean()))
        if len(simulated):
            inner = np.full(len(core), -1)
            inner[simulated] = np.arange(len(simulated))
            keep = (inner[edges[:, 0]] >= 0) if len(edges) else np.zeros(0, dtype=bool)
            level = _Level(len(simulated), inner[edges[keep]], problem.weights[keep], np.ones(len(simulated)))
            abstract = multilevel(level, rng, progress.sub(0.0, 0.75))
            length = card_scale(abstract, sizes[simulated])
            placed[simulated] = abstract * length
        for piece in tiny:
            step = sizes[piece, 0].max() + 3 * MARGIN
            placed[piece] = np.column_stack((np.arange(len(piece)) * step, np.zeros(len(piece))))
        placed = pack_components(placed, edges, sizes)
        placed = fit_to_pins(placed, _pins_only(problem, core))
        if pinned.any():
            # Settle the free cards round the pins with the pins held still.
            refined = _refine(placed / length, sub, fixed=pinned, steps=40, start=0.5)
            placed = np.where(pinned[:, None], placed, refined * length)
        xy[core] = placed
    if len(lonely):
        xy[lonely] = _beside(xy[core] if len(core) else np.zeros((0, 2)), problem.sizes[lonely], problem.sizes[core])
    return _without_overlaps(xy, problem, progress.sub(0.75, 1.0))


def card_scale(xy: np.ndarray, sizes: np.ndarray, cover: float = 0.3) -> float:
    """Scene units per abstract unit so cards cover about ``cover`` of the area where they are densest.

    Link lengths vary too much across a chart to size it by; local crowding is
    what overlap removal has to undo, so that is what the scale is chosen by.
    Crowding is measured in cells a few cards wide, as seen by the card at the
    85th percentile, so a single crowded hub does not blow the whole chart up.
    """
    footprint = float(((sizes + MARGIN).prod(axis=1)).mean())
    if len(xy) < 2:
        return float(np.sqrt(footprint))
    extent = np.maximum(xy.max(axis=0) - xy.min(axis=0), 1e-9)
    scale = float(np.sqrt(footprint * len(xy) / cover / extent.prod()))
    cell = 4 * np.sqrt(footprint)
    for _ in range(4):
        _, inverse, counts = np.unique(cell_keys(xy * scale / cell), return_inverse=True, return_counts=True)
        crowd = float(np.quantile(counts[inverse], 0.85)) * footprint / cell**2
        factor = np.sqrt(crowd / cover)
        if 0.9 < factor < 1.1:
            break
        scale *= float(factor)
    return scale


def pack_components(xy: np.ndarray, edges: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """Keep each connected piece's shape but pack the pieces side by side, biggest first.

    Repulsion pushes separate pieces far apart; packing them by their boxes
    gives a compact chart without distorting any piece.
    """
    parts = components(len(xy), edges)
    if len(parts) < 2:
        return xy
    out = xy.copy()
    boxes = []
    for part in parts:
        p, half = xy[part], sizes[part] / 2
        lo, hi = (p - half).min(axis=0), (p + half).max(axis=0)
        boxes.append((lo, hi))
    corners = pack_blocks([tuple((hi - lo).tolist()) for lo, hi in boxes], gap=4 * MARGIN)
    for part, (lo, _), corner in zip(parts, boxes, corners, strict=True):
        out[part] = xy[part] - lo + corner
    return out


def _pins_only(problem: Problem, core: np.ndarray) -> Problem:
    return Problem(
        ids=[problem.ids[i] for i in core.tolist()],
        edges=problem.edges,
        weights=problem.weights,
        sizes=problem.sizes[core],
        pinned=problem.pinned[core],
        current=problem.current[core],
        obstacle_pos=problem.obstacle_pos,
        obstacle_sizes=problem.obstacle_sizes,
    )


def _beside(placed: np.ndarray, sizes: np.ndarray, placed_sizes: np.ndarray) -> np.ndarray:
    """A block of unlinked cards to the right of the laid-out ones, top-aligned."""
    block = grid_block(sizes)
    if len(placed) == 0:
        return block - block.mean(axis=0)
    right = float((placed[:, 0] + placed_sizes[:, 0] / 2).max())
    top = float((placed[:, 1] - placed_sizes[:, 1] / 2).min())
    left_edge = block[:, 0] - sizes[:, 0] / 2
    return block + (right + 4 * MARGIN - float(left_edge.min()), top - float((block[:, 1] - sizes[:, 1] / 2).min()))


def _without_overlaps(xy: np.ndarray, problem: Problem, progress: Progress) -> np.ndarray:
    """Remove overlaps among the cards, treating pinned cards and outside cards as immovable."""
    m = len(problem.obstacle_pos)
    every = np.vstack([xy, problem.obstacle_pos])
    sizes = np.vstack([problem.sizes, problem.obstacle_sizes])
    movable = np.concatenate([~problem.pinned, np.zeros(m, dtype=bool)])
    return separate(every, sizes, movable, progress=progress)[: problem.n]


# ------------------------------------------------------------------ multilevel
def multilevel(level: _Level, rng: np.random.Generator, progress: Progress | None = None) -> np.ndarray:
    """Positions in abstract units (ideal link length 1) for a graph given as edge rows."""
    progress = progress or Progress(None)
    levels = [level]
    while levels[-1].n > _COARSEST and len(levels) < 30:
        coarse = coarsen(levels[-1], rng)
        if coarse.n > 0.92 * levels[-1].n:
            break
        levels.append(coarse)
    top = levels[-1]
    side = max(1.0, np.sqrt(top.mass.sum()))
    xy = rng.uniform(-side, side, (top.n, 2))
    # Work is weighted by card count: the finest levels dominate.
    total = sum(lv.n for lv in levels)
    done = 0
    xy = _refine(xy, top, steps=300 if top.n <= _EXACT_BELOW else 150, start=side * 0.5)
    done += top.n
    progress(done / total)
    for fine in reversed(levels[:-1]):
        assert fine.parent is not None
        spread = 0.3 / np.sqrt(np.maximum(np.bincount(fine.parent), 1))[fine.parent]
        xy = xy[fine.parent] + rng.normal(0.0, 1.0, (fine.n, 2)) * spread[:, None]
        xy = _refine(xy, fine, steps=50 if fine.n > 2000 else 80, start=1.0)
        done += fine.n
        progress(done / total)
    return xy


def coarsen(level: _Level, rng: np.random.Generator) -> _Level:
    """One coarser level: matched pairs merge, unmatched cards join a matched neighbour.

    Sets ``level.parent``. Matching prefers light pairs so clusters stay even;
    cards without links at this level are paired off at random so a chart of
    many small pieces still shrinks.
    """
    n, edges = level.n, level.edges
    mate = np.full(n, -1)
    for _ in range(3):
        if len(edges) == 0:
            break
        a, b = edges[:, 0], edges[:, 1]
        live = (mate[a] < 0) & (mate[b] < 0)
        if not live.any():
            break
        a, b = a[live], b[live]
        score = rng.random(len(a)) / (level.mass[a] + level.mass[b])
        src, dst, key = np.concatenate([a, b]), np.concatenate([b, a]), np.concatenate([score, score])
        order = np.lexsort((key, src))
        s, d = src[order], dst[order]
        last = np.append(s[1:] != s[:-1], True)
        pick = np.full(n, -1)
        pick[s[last]] = d[last]
        chose = np.flatnonzero(pick >= 0)
        mutual = chose[pick[pick[chose]] == chose]
        mate[mutual] = pick[mutual]
    root = np.arange(n)
    paired = mate >= 0
    root[paired] = np.minimum(np.flatnonzero(paired), mate[paired])
    if len(edges):
        # Leftovers join the pair of a matched neighbour (a hub's leaves join the hub).
        a, b = edges[:, 0], edges[:, 1]
        src, dst = np.concatenate([a, b]), np.concatenate([b, a])
        ok = ~paired[src] & paired[dst]
        root[src[ok]] = root[dst[ok]]
    linked = np.zeros(n, dtype=bool)
    if len(edges):
        linked[edges.ravel()] = True
    alone = rng.permutation(np.flatnonzero(~linked & ~paired))
    root[alone[1::2]] = alone[0 : len(alone) - 1 : 2][: len(alone[1::2])]
    uniq, parent = np.unique(root, return_inverse=True)
    level.parent = parent.ravel()
    nc = len(uniq)
    if len(edges):
        ca, cb = level.parent[edges[:, 0]], level.parent[edges[:, 1]]
        keep = ca != cb
        lo, hi = np.minimum(ca[keep], cb[keep]), np.maximum(ca[keep], cb[keep])
        keys, inv = np.unique(lo * nc + hi, return_inverse=True)
        c_edges = np.column_stack((keys // nc, keys % nc))
        c_weights = np.bincount(inv.ravel(), level.weights[keep], len(keys))
    else:
        c_edges, c_weights = edges, level.weights
    return _Level(nc, c_edges.astype(np.int64), c_weights, np.bincount(level.parent, level.mass, nc))


# ---------------------------------------------------------------------- forces
def _refine(
    xy: np.ndarray,
    level: _Level,
    *,
    steps: int,
    start: float,
    fixed: np.ndarray | None = None,
) -> np.ndarray:
    """Fruchterman-Reingold steps with a cooling step cap; returns new positions."""
    xy = xy.copy()
    n = level.n
    if n < 2:
        return xy
    mass = level.mass
    total_mass = float(mass.sum())
    a, b = (level.edges[:, 0], level.edges[:, 1]) if len(level.edges) else (np.zeros(0, int), np.zeros(0, int))
    w = level.weights
    mesh = None if n <= _EXACT_BELOW else _Mesh(_grid_size(n))
    cap, end = start, 0.02
    decay = (end / start) ** (1.0 / max(1, steps - 1)) if start > end else 1.0
    free = np.ones(n) if fixed is None else (~fixed).astype(float)
    for _ in range(steps):
        force = _exact_repulsion(xy, mass) if mesh is None else mesh.repulsion(xy, mass)
        if len(a):
            d = xy[b] - xy[a]
            pull = d * (w * np.hypot(d[:, 0], d[:, 1]))[:, None]  # |F| = w d² / k with k = 1
            for ax in (0, 1):
                force[:, ax] += np.bincount(a, pull[:, ax], n) - np.bincount(b, pull[:, ax], n)
        off = (mass @ xy) / total_mass - xy
        force += off * (_GRAVITY * mass / (np.hypot(off[:, 0], off[:, 1]) + 1.0))[:, None]
        step = force / mass[:, None]
        size = np.hypot(step[:, 0], step[:, 1]) + 1e-12
        xy += step * (np.minimum(size, cap) / size * free)[:, None]
        cap *= decay
    return xy


def _exact_repulsion(xy: np.ndarray, mass: np.ndarray) -> np.ndarray:
    """All-pairs m_i m_j / d repulsion (k = 1)."""
    dx = xy[:, 0, None] - xy[None, :, 0]
    dy = xy[:, 1, None] - xy[None, :, 1]
    r2 = np.maximum(dx * dx + dy * dy, 1e-4)
    np.fill_diagonal(r2, np.inf)
    inv = mass[None, :] / r2
    return mass[:, None] * np.column_stack(((dx * inv).sum(axis=1), (dy * inv).sum(axis=1)))


def _grid_size(n: int) -> int:
    return 32 if n < 600 else 64 if n < 3000 else 128


class _Mesh:
    """Particle-mesh repulsion on a G x G grid, the 1/r kernel applied by FFT (zero-padded, not periodic)."""

    def __init__(self, g: int) -> None:
        self.g = g
        k = np.arange(2 * g)
        k = np.where(k < g, k, k - 2 * g).astype(float)
        kx, ky = np.meshgrid(k, k, indexing="ij")
        r2 = kx * kx + ky * ky
        r2[0, 0] = np.inf
        self.fx = np.fft.rfft2(kx / r2)
        self.fy = np.fft.rfft2(ky / r2)
        self.calls = 0
        self.pairs: tuple[np.ndarray, np.ndarray] | None = None

    def near(self, xy: np.ndarray, mass: np.ndarray, h: float) -> np.ndarray:
        """Short-range repulsion the grid blurs away: without it tight clusters collapse inside one cell.

        Neighbour pairs are found with room to spare and reused for a few
        steps, since cards move little from one step to the next.
        """
        reach = min(0.6 * h, 0.6)  # in link lengths: cards closer than that are what collapses
        if self.pairs is None or self.calls % 5 == 0:
            self.pairs = grid_pairs(xy, np.full(xy.shape, reach * 0.75))
        self.calls += 1
        i, j = self.pairs
        d = xy[i] - xy[j]
        r = np.hypot(d[:, 0], d[:, 1]) + 1e-9
        strength = mass[i] * mass[j] * np.clip(1 - r / reach, 0, None) ** 2 / (r * r)
        push = d * strength[:, None]
        n = len(xy)
        return np.column_stack([np.bincount(i, push[:, ax], n) - np.bincount(j, push[:, ax], n) for ax in (0, 1)])

    def repulsion(self, xy: np.ndarray, mass: np.ndarray) -> np.ndarray:
        g = self.g
        lo = xy.min(axis=0)
        span = float((xy.max(axis=0) - lo).max()) or 1.0
        h = span / (g - 2)
        u = (xy - lo) / h
        i = np.minimum(np.floor(u).astype(np.int64), g - 2)
        f = u - i
        corners = ((0, 0), (1, 0), (0, 1), (1, 1))
        cells, weights = [], []
        for cx, cy in corners:
            wx = f[:, 0] if cx else 1 - f[:, 0]
            wy = f[:, 1] if cy else 1 - f[:, 1]
            cells.append((i[:, 0] + cx) * (2 * g) + (i[:, 1] + cy))
            weights.append(wx * wy)
        grid = np.zeros(4 * g * g)
        for c, wt in zip(cells, weights, strict=True):
            grid += np.bincount(c, wt * mass, 4 * g * g)
        spectrum = np.fft.rfft2(grid.reshape(2 * g, 2 * g))
        field_x = np.fft.irfft2(spectrum * self.fx, s=(2 * g, 2 * g)).ravel()
        field_y = np.fft.irfft2(spectrum * self.fy, s=(2 * g, 2 * g)).ravel()
        out = np.zeros_like(xy)
        for c, wt in zip(cells, weights, strict=True):
            out[:, 0] += field_x[c] * wt
            out[:, 1] += field_y[c] * wt
        # The kernel was in grid units; 1/r in abstract units is that over h.
        return out * mass[:, None] / h + self.near(xy, mass, h)
