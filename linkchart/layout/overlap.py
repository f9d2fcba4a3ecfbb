"""Overlap removal: move cards the least needed so no two boxes (plus a margin) overlap.

Three passes, all but the last vectorised over a uniform grid of cells:
stacks (many cards on one spot, as new cards at the origin) are first dealt out
into small blocks; then overlapping pairs are pushed apart along their shallower
axis for a few dozen rounds; whatever still overlaps is then placed one card at a
time at the nearest free spot on a widening spiral, which always succeeds. Fixed
cards (pinned, or outside the request) never move; two fixed cards may overlap
each other, since nothing may be done about that.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

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
    size_array,
)

# Overlaps smaller than this many scene units are float noise, not overlaps.
TOLERANCE = 1e-6
_PUSH_EXTRA = 0.5
_HALF_STENCIL = ((0, 0), (1, -1), (1, 0), (1, 1), (0, 1))


def candidate_pairs(xy: np.ndarray, half: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Index pairs (i, j), i != j, each once, of boxes close enough that they may overlap.

    ``half`` holds half widths and heights including half the margin. Boxes far
    bigger than usual would make every grid cell huge, so they are paired with
    everything directly instead.
    """
    n = len(xy)
    if n < 2:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    typical = np.median(half, axis=0)
    big = (half > 4 * typical + 1e-9).any(axis=1)
    small = np.flatnonzero(~big)
    ii, jj = grid_pairs(xy[small], half[small])
    parts_i, parts_j = [small[ii]], [small[jj]]
    big_idx = np.flatnonzero(big)
    for b in big_idx.tolist():
        others = np.concatenate([small, big_idx[big_idx > b]])
        near = (np.abs(xy[others] - xy[b]) < half[others] + half[b]).all(axis=1)
        parts_i.append(np.full(int(near.sum()), b))
        parts_j.append(others[near])
    return np.concatenate(parts_i).astype(np.int64), np.concatenate(parts_j).astype(np.int64)


def grid_pairs(xy: np.ndarray, half: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Index pairs in the same or neighbouring cells of a grid as big as the biggest box (each pair once)."""
    n = len(xy)
    if n < 2:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    cell = 2 * half.max(axis=0) + 1e-9
    c = np.floor((xy - xy.min(axis=0)) / cell).astype(np.int64)
    height = int(c[:, 1].max()) + 3
    key = (c[:, 0] + 1) * height + (c[:, 1] + 1)
    order = np.argsort(key, kind="stable")
    skey = key[order]
    pos = np.arange(n)
    out_i, out_j = [], []
    for ox, oy in _HALF_STENCIL:
        target = skey + ox * height + oy
        hi = np.searchsorted(skey, target, "right")
        lo = pos + 1 if (ox, oy) == (0, 0) else np.searchsorted(skey, target, "left")
        count = np.maximum(hi - lo, 0)
        total = int(count.sum())
        if total == 0:
            continue
        rep = np.repeat(pos, count)
        starts = np.repeat(lo - np.cumsum(count) + count, count)
        j = starts + np.arange(total)
        out_i.append(order[rep])
        out_j.append(order[j])
    if not out_i:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    return np.concatenate(out_i), np.concatenate(out_j)


def overlapping_pairs(xy: np.ndarray, sizes: np.ndarray, margin: float = MARGIN) -> tuple[np.ndarray, np.ndarray]:
    """Index pairs of cards whose boxes, with ``margin`` clear space between them, overlap."""
    return overlapping_pairs_half(xy, sizes / 2 + margin / 2)


def count_overlaps(positions: Positions, sizes: Sizes | None = None, margin: float = MARGIN) -> int:
    """How many pairs of cards overlap (keeping ``margin`` clear between cards)."""
    ids = list(positions)
    xy = np.array([positions[i] for i in ids], dtype=float).reshape(-1, 2)
    i, _ = overlapping_pairs(xy, size_array(ids, sizes), margin)
    return len(i)


def remove_overlaps(
    positions: Positions,
    sizes: Sizes | None = None,
    *,
    fixed: set[str] | frozenset[str] = frozenset(),
    margin: float = MARGIN,
    progress: ProgressCallback | None = None,
) -> Positions:
    """New positions, as close to the given ones as is easy, with no two cards overlapping.

    Cards in ``fixed`` keep their position (overlaps among fixed cards are left).
    The input is not changed.
    """
    ids = list(positions)
    xy = np.array([positions[i] for i in ids], dtype=float).reshape(-1, 2)
    movable = np.array([i not in fixed for i in ids], dtype=bool)
    out = separate(xy, size_array(ids, sizes), movable, margin, as_progress(progress))
    return {eid: (float(x), float(y)) for eid, (x, y) in zip(ids, out.tolist(), strict=True)}


def separate(
    xy: np.ndarray, sizes: np.ndarray, movable: np.ndarray, margin: float = MARGIN, progress: Progress | None = None
) -> np.ndarray:
    """Array form of :func:`remove_overlaps`: returns moved copies of ``xy``."""
    progress = progress or Progress(None)
    xy = np.array(xy, dtype=float)
    if len(xy) < 2:
        return xy
    half = sizes / 2 + margin / 2
    xy = _spread_if_crowded(xy, half, movable)
    xy = _deal_out_stacks(xy, half, movable)
    rounds, best, stale = 80, None, 0
    for r in range(rounds):
        if r % 8 == 0:
            progress(0.8 * r / rounds)
        left = _push_round(xy, half, movable)
        if left == 0:
            break
        # Pushing has stalled (a crowd too dense to spread locally): the spiral pass does the rest.
        best, stale = (left, 0) if best is None or left < best * 0.97 else (best, stale + 1)
        if stale >= 8:
            break
    progress(0.8)
    _place_rest(xy, half, movable)
    progress(1.0)
    return xy


def _spread_if_crowded(xy: np.ndarray, half: np.ndarray, movable: np.ndarray, most: float = 0.35) -> np.ndarray:
    """Scale movable cards away from their centre when they could not fit in their area at all.

    Local pushing cannot make room that does not exist; this keeps the picture
    and only grows it until the cards cover at most ``most`` of their box.
    """
    if movable.sum() < 8:
        return xy
    pts = xy[movable]
    extent = pts.max(axis=0) - pts.min(axis=0) + 2 * np.median(half[movable], axis=0)
    covered = float((4 * half[movable].prod(axis=1)).sum()) / float(extent.prod())
    if covered <= most:
        return xy
    centre = pts.mean(axis=0)
    xy = xy.copy()
    xy[movable] = centre + (pts - centre) * math.sqrt(covered / most)
    return xy


def cell_keys(u: np.ndarray) -> np.ndarray:
    """One int64 per point naming the unit grid cell it falls in (for np.unique and sorting)."""
    c = np.floor(u).astype(np.int64)
    c -= c.min(axis=0)
    return c[:, 0] * (int(c[:, 1].max()) + 1) + c[:, 1]


def _deal_out_stacks(xy: np.ndarray, half: np.ndarray, movable: np.ndarray) -> np.ndarray:
    """Spread movable cards that share (nearly) one spot into a small block around it."""
    cell = half.max(axis=0)
    _, inverse, counts = np.unique(cell_keys(xy / cell), return_inverse=True, return_counts=True)
    crowded = np.flatnonzero(counts > 4)
    if len(crowded) == 0:
        return xy
    step = 2 * cell + 1e-6
    for group in crowded.tolist():
        members = np.flatnonzero((inverse == group) & movable)
        k = len(members)
        if k < 2:
            continue
        cols = max(1, math.ceil(math.sqrt(k * step[1] / step[0])))
        idx = np.arange(k)
        grid = np.column_stack(((idx % cols) - (cols - 1) / 2, (idx // cols) - (math.ceil(k / cols) - 1) / 2)) * step
        xy[members] = xy[members].mean(axis=0) + grid
    return xy


def _push_round(xy: np.ndarray, half: np.ndarray, movable: np.ndarray) -> int:
    """Push every overlapping pair apart once; returns how many pairs overlapped."""
    i, j = candidate_pairs(xy, half)
    d = xy[j] - xy[i]
    reach = half[i] + half[j] - np.abs(d)
    hit = (reach > TOLERANCE).all(axis=1) & (movable[i] | movable[j])
    if not hit.any():
        return 0
    i, j, d, reach = i[hit], j[hit], d[hit], reach[hit]
    axis = (reach[:, 1] < reach[:, 0]).astype(np.int64)  # push along the shallower overlap: the least move
    rows = np.arange(len(i))
    amount = reach[rows, axis] + _PUSH_EXTRA
    sign = np.sign(d[rows, axis])
    # Coincident centres: split them by index parity so pairs never push the same way.
    sign[sign == 0] = np.where((i[sign == 0] + j[sign == 0]) % 2 == 0, 1.0, -1.0)
    mi, mj = movable[i].astype(float), movable[j].astype(float)
    share_j = mj / (mi + mj)
    n = len(xy)
    for ax in (0, 1):
        on = (axis == ax).astype(float)
        push = amount * sign * on
        delta = np.bincount(j, push * share_j, n) - np.bincount(i, push * (1 - share_j), n)
        # A card pushed by several neighbours moves by their average, not their sum, or it overshoots.
        count = np.bincount(j, on * mj, n) + np.bincount(i, on * mi, n)
        xy[:, ax] += delta / np.maximum(count, 1.0) * movable
    return len(i)


def _place_rest(xy: np.ndarray, half: np.ndarray, movable: np.ndarray) -> None:
    """Give every card still overlapping the nearest free spot on a spiral around it."""
    i, j = overlapping_pairs_half(xy, half)
    clash = np.zeros(len(xy), dtype=bool)
    clash[i[movable[i]]] = True
    clash[j[movable[j]]] = True
    if not clash.any():
        return
    cell = 2 * half.max(axis=0)
    grid: dict[tuple[int, int], list[int]] = {}

    def cell_of(p: np.ndarray) -> tuple[int, int]:
        return int(math.floor(p[0] / cell[0])), int(math.floor(p[1] / cell[1]))

    def free(k: int, p: np.ndarray) -> bool:
        cx, cy = cell_of(p)
        hk = half[k]
        for gx in (cx - 1, cx, cx + 1):
            for gy in (cy - 1, cy, cy + 1):
                for other in grid.get((gx, gy), ()):
                    q, ho = xy[other], half[other]
                    if abs(q[0] - p[0]) < hk[0] + ho[0] - TOLERANCE and abs(q[1] - p[1]) < hk[1] + ho[1] - TOLERANCE:
                        return False
        return True

    big = (half > 4 * np.median(half, axis=0) + 1e-9).any(axis=1)
    for k in np.flatnonzero(~clash).tolist():
        grid.setdefault(cell_of(xy[k]), []).append(k)
    # Oversized fixed cards span many cells: check them separately, against every placement.
    giants = np.flatnonzero(big & ~clash).tolist()
    for k in np.flatnonzero(clash).tolist():
        step = half[k]  # half-card steps: fine enough to stay close, coarse enough to find room fast
        for dx, dy in _spiral(float(step[0] / step[1])):
            p = xy[k] + (dx * step[0], dy * step[1])
            if free(k, p) and not any(_hits(p, half[k], xy[g], half[g]) for g in giants):
                xy[k] = p
                break
        grid.setdefault(cell_of(xy[k]), []).append(k)
        if big[k]:
            giants.append(k)


def _hits(p: np.ndarray, hp: np.ndarray, q: np.ndarray, hq: np.ndarray) -> bool:
    return bool(abs(q[0] - p[0]) < hp[0] + hq[0] - TOLERANCE and abs(q[1] - p[1]) < hp[1] + hq[1] - TOLERANCE)


def overlapping_pairs_half(xy: np.ndarray, half: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    i, j = candidate_pairs(xy, half)
    reach = half[i] + half[j] - np.abs(xy[j] - xy[i])
    hit = (reach > TOLERANCE).all(axis=1)
    return i[hit], j[hit]


_OFFSETS: dict[int, list[tuple[int, int]]] = {}


def _spiral(aspect: float) -> Iterator[tuple[int, int]]:
    """Integer grid offsets outwards, nearest first for steps ``aspect`` times wider than tall, forever.

    Exact nearest-first order within 24 rings; beyond that ring by ring (rare: a
    huge pile), which stays correct, just less tight.
    """
    key = max(1, min(20, round(aspect * 4)))
    near = _OFFSETS.get(key)
    if near is None:
        a = key / 4
        near = [(dx, dy) for dx in range(-24, 25) for dy in range(-24, 25)]
        near.sort(key=lambda c: ((c[0] * a) ** 2 + c[1] ** 2, c))
        near = _OFFSETS[key] = [c for c in near if abs(c[0]) * a <= 24 and abs(c[1]) <= 24] or near
    yield from near
    ring = 25
    while True:
        for t in range(-ring, ring + 1):
            yield t, -ring
            yield t, ring
        for t in range(-ring + 1, ring):
            yield -ring, t
            yield ring, t
        ring += 1


def settle(xy: np.ndarray, problem: Problem, progress: Progress, *, fit: bool = True) -> Positions:
    """Fit to pins, clear overlaps (pinned and outside cards fixed) and return the positions."""
    if fit:
        xy = fit_to_pins(xy, problem)
    every = np.vstack([xy, problem.obstacle_pos])
    sizes = np.vstack([problem.sizes, problem.obstacle_sizes])
    movable = np.concatenate([~problem.pinned, np.zeros(len(problem.obstacle_pos), dtype=bool)])
    out = separate(every, sizes, movable, progress=progress)[: problem.n]
    return problem.result(out)
